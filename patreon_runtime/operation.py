"""What a generated request builder returns: one API call as data, before it meets a client.

Each operation module in ``patreon_generated.api`` has a typed ``build(...)`` that returns an
``Operation``; the sender turns it into an ``httpx.Request`` on its own client (base URL, headers,
auth), so every hop from ``client.members.list`` to the request is typed and nothing is looked up
by name at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

import httpx

from .path_ids import path_id

QueryParams = Mapping[str, str | int]
# {"scopes": (...), "include_scopes": {path: scope}, "field_scopes": {type: {attribute: scope}}}
ScopeRules = Mapping[str, Any]


class Operation:
    """Method, path (already filled in), query parameters and JSON body of one call."""

    __slots__ = ("content_type", "json", "method", "params", "path", "scope_rules")

    def __init__(
        self,
        method: str,
        path: str,
        params: QueryParams | None = None,
        json: Mapping[str, Any] | None = None,
        content_type: str = "application/json",
        scope_rules: ScopeRules | None = None,
    ) -> None:
        self.method = method
        self.path = path
        self.params = params
        self.json = json
        self.content_type = content_type
        # The endpoint's scopes and its per-include and per-field rules, from the spec: read only
        # to explain a 401 or 403 (scope_advice), so a call that succeeds never looks at them.
        self.scope_rules = scope_rules

    def to_request(self, client: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        """The request this operation is on ``client`` (its base URL, default headers and cookies)."""
        if self.json is None:
            return client.build_request(self.method, self.path, params=self.params)
        return client.build_request(
            self.method,
            self.path,
            params=self.params,
            json=self.json,
            headers={"Content-Type": self.content_type},
        )

    def __repr__(self) -> str:
        return f"Operation({self.method} {self.path})"


def path_segment(value: str, name: str) -> str:
    """One path parameter, checked (`path_id`) and percent-encoded whole: `wh/1` travels as `wh%2F1`."""
    return quote(path_id(value, name), safe="")


def joined(values: str | Iterable[str]) -> str:
    """`include` and `fields[TYPE]` go as one comma-joined value (`fields[member]=a,b`), not repeated keys.

    Patreon reads the comma form [PD]; openapi-python-client's stock output repeats the key
    (its issue #197 ignores `explode: false`).
    """
    if isinstance(values, str):
        return values
    return ",".join(values)
