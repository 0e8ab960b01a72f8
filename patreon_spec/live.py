"""Call every readable endpoint the token may use, asking for everything, and feed the drift check.

The calls go through the library's own client, so they send its User-Agent, refresh the token,
and honour 429s (`Retry-After` first) like any other call; on top of that the run paces itself
to Patreon's per-token limit of 100 requests a minute [PD _rate_limits.md]. Each answer is
captured as it arrives (an httpx response hook) and handed to `DriftCheck`; nothing from it is
kept beyond what the report counts.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import httpx

from patreon_generated import Patreon
from patreon_generated.errors import APIStatusError, PatreonError
from patreon_generated.schema import ENDPOINTS, RESOURCE_TYPES
from patreon_spec.drift import DriftCheck, DriftReport

PER_TOKEN_INTERVAL = 0.6  # 100 requests a minute per token [PD _rate_limits.md]
DEFAULT_PAGE_SIZE = 100
DEFAULT_PAGES = 1


@dataclass(frozen=True)
class Plan:
    """What one call asks for: includes and fields within the token's scopes."""

    operation: str
    include: list[str]
    fields: dict[str, list[str]]


def plan(operation: str, granted: frozenset[str] | None) -> Plan | str:
    """The fullest request the token may make, or why the operation cannot be called.

    `granted` None means every scope (a creator token from the portal has all of them
    [PD _oauth_v2.md]).
    """
    info = ENDPOINTS[operation]

    def allowed(scope: str | None) -> bool:
        return scope is None or granted is None or scope in granted

    missing = [scope for scope in info["scopes"] if not allowed(scope)]
    if missing:
        return f"the token lacks {', '.join(missing)}"
    include = [path for path in info["includes"] if allowed(_include_scope(info["include_scopes"], path))]
    fields = {
        type_name: [
            name
            for name in RESOURCE_TYPES[type_name]["attributes"]
            if allowed(info["field_scopes"].get(type_name, {}).get(name))
        ]
        for type_name in info["fields"]
    }
    return Plan(operation, include, {name: attrs for name, attrs in fields.items() if attrs})


def _include_scope(rules: dict[str, str], path: str) -> str | None:
    from patreon_auth.scopes import include_scope

    return include_scope(rules, path)


class LiveCheck:
    """One run: `run()` calls the API through `client` and returns the report."""

    def __init__(
        self,
        client: Patreon,
        *,
        granted: frozenset[str] | None,
        pages: int = DEFAULT_PAGES,
        page_size: int = DEFAULT_PAGE_SIZE,
        live_id: str | None = None,
        min_interval: float = PER_TOKEN_INTERVAL,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        spec: Path | None = None,
    ) -> None:
        self.client = client
        self.granted = granted
        self.pages = max(1, pages)
        self.page_size = page_size
        self.live_id = live_id
        self.min_interval = min_interval
        self._sleep = sleep
        self._clock = clock
        self._last: float | None = None
        self.check = DriftCheck(spec)

    # --- pacing and capture -------------------------------------------------------------------

    def _pace(self, request: httpx.Request) -> None:
        if self._last is not None and self.min_interval > 0:
            wait = self._last + self.min_interval - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last = self._clock()

    def _capture(self, response: httpx.Response) -> None:
        response.read()
        self.check.add(response.request, response)

    # --- the run ------------------------------------------------------------------------------

    def run(self) -> DriftReport:
        hooks = self.client.http_client.event_hooks
        hooks["request"].append(self._pace)
        hooks["response"].append(self._capture)
        try:
            self._run()
        finally:
            hooks["request"].remove(self._pace)
            hooks["response"].remove(self._capture)
        return self.check.finish()

    def _plan(self, operation: str) -> Plan | None:
        found = plan(operation, self.granted)
        if isinstance(found, str):
            self.check.skip(operation, found)
            return None
        return found

    def _call(self, operation: str, call: Callable[[Plan], Any]) -> Any:
        """Make one call; a refused or failed one is recorded (by status) and the run goes on."""
        found = self._plan(operation)
        if found is None:
            return None
        try:
            return call(found)
        except APIStatusError as error:
            self.check.skip(operation, f"Patreon answered {error.status_code}")
        except PatreonError as error:
            self.check.skip(operation, type(error).__name__)
        return None

    def _pages(self, operation: str, fetch: Callable[[Plan, str | None], Any]) -> list[str]:
        """Up to `pages` pages of a collection; the ids of the first page's resources."""
        first: list[str] = []

        def walk(found: Plan) -> None:
            cursor: str | None = None
            for number in range(self.pages):
                page = fetch(found, cursor)
                if number == 0:
                    first.extend(item.id for item in page.data)
                cursor = page.next_cursor
                if not cursor:
                    return

        self._call(operation, walk)
        return first

    def _run(self) -> None:
        """Every GET of the spec, each as soon as the ids its path needs are known.

        The operations, their methods and their path parameters come from the generated operation
        table, so an endpoint added to the spec is called here with no edit: a `{TYPE_id}` in its path
        takes the first id a list of that type gave (or `live_id` for lives, which no list gives).
        """
        known: dict[str, list[str]] = {"live": [self.live_id]} if self.live_id else {}
        pending = [op for op, info in ENDPOINTS.items() if info["method"] == "GET"]
        while pending:
            listing = {ENDPOINTS[op]["resource_type"] for op in pending if ENDPOINTS[op]["collection"]}
            # The first whose ids are known or that no pending list could give (a cycle: the first).
            operation = next(
                (op for op in pending if not any(t in listing and t not in known for t in _path_types(op))),
                pending[0],
            )
            pending.remove(operation)
            info = ENDPOINTS[operation]
            ids = [known.get(t, [])[:1] for t in _path_types(operation)]
            if not all(ids):
                self.check.skip(operation, _why_no_id(operation, known))
                continue
            args = [chosen[0] for chosen in ids]
            method: Callable[..., Any] = getattr(getattr(self.client, info["namespace"]), info["method_name"])
            if info["collection"]:
                listed = self._pages(operation, _page_fetcher(method, args, self.page_size))
                if info["resource_type"] is not None:
                    known.setdefault(info["resource_type"], []).extend(listed)
            else:
                self._call(operation, _single_fetcher(method, args))


def _page_fetcher(
    method: Callable[..., Any], args: list[str], count: int
) -> Callable[[Plan, str | None], Any]:
    def fetch(found: Plan, cursor: str | None) -> Any:
        return method(*args, **_asked(found), count=count, cursor=cursor)

    return fetch


def _single_fetcher(method: Callable[..., Any], args: list[str]) -> Callable[[Plan], Any]:
    def fetch(found: Plan) -> Any:
        return method(*args, **_asked(found))

    return fetch


def _path_types(operation: str) -> list[str]:
    """The resource type of each path parameter, by the spec's naming (`{campaign_id}` -> campaign)."""
    names = re.findall(r"\{(\w+)_id\}", ENDPOINTS[operation]["path"])
    by_param = {name.replace("-", "_"): name for name in RESOURCE_TYPES}
    return [by_param.get(name, name) for name in names]


def _why_no_id(operation: str, known: dict[str, list[str]]) -> str:
    """Why an operation was not called: which id its path lacks, and where that id would come from."""
    first = next(t for t in _path_types(operation) if not known.get(t))
    listed = any(info["collection"] and info["resource_type"] == first for info in ENDPOINTS.values())
    if not listed:
        return f"no {first} id ({first}s have no list endpoint; pass --{first}-id)"
    if ENDPOINTS[operation]["collection"]:
        return f"no {first} to list it for"
    return "the list it comes from was empty or not called"


def _asked(found: Plan) -> dict[str, Any]:
    """The include and fields arguments of a planned call (left out when the plan has none)."""
    asked: dict[str, Any] = {}
    info = ENDPOINTS[found.operation]
    if info["includes"]:
        asked["include"] = _any(found.include)
    if info["fields"]:
        asked["fields"] = _any(found.fields)
    return asked


def _any(value: object) -> Any:
    """Includes and fields computed from the schema table: valid by construction, not by Literal type."""
    return cast(Any, value) or None


def covered_operations() -> frozenset[str]:
    """The read operations `LiveCheck` calls: every GET of the spec (read from the operation table)."""
    return frozenset(op for op, info in ENDPOINTS.items() if info["method"] == "GET")
