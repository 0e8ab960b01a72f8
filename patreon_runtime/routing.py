"""Which operation a request is: method + path matched against an endpoint table's path templates.

One matcher for everything that needs it (scope checks in patreon_auth, the sandbox's router); the
generated package builds it over its schema table (`patreon_generated.routing.match`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping


def compile_path(template: str) -> re.Pattern[str]:
    """`/campaigns/{campaign_id}/members` -> a pattern whose groups are the path parameters."""
    regex = re.sub(r"\\\{([a-z_]+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
    return re.compile(f"^{regex}/?$")


class RouteTable:
    """Operation id -> (method, path template), compiled on the first match, not at import."""

    __slots__ = ("_endpoints", "_patterns")

    def __init__(self, endpoints: Mapping[str, Mapping[str, object]]) -> None:
        self._endpoints = endpoints
        self._patterns: tuple[tuple[str, str, re.Pattern[str]], ...] | None = None

    def _compiled(self) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
        patterns = self._patterns
        if patterns is None:
            patterns = self._patterns = tuple(
                (op, str(info["method"]), compile_path(str(info["path"])))
                for op, info in self._endpoints.items()
            )
        return patterns

    def match(self, method: str, path: str) -> tuple[str, dict[str, str]] | bool | None:
        """(operation id, path parameters); False when the path exists but not for this method; else None."""
        path_known = False
        for operation_id, route_method, pattern in self._compiled():
            found = pattern.match(path)
            if found is None:
                continue
            path_known = True
            if route_method == method.upper():
                return operation_id, found.groupdict()
        return False if path_known else None
