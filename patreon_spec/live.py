"""Call every readable endpoint the token may use, asking for everything, and feed the drift check.

The calls go through the library's own client, so they send its User-Agent, refresh the token,
and honour 429s (`Retry-After` first) like any other call; on top of that the run paces itself
to Patreon's per-token limit of 100 requests a minute [PD _rate_limits.md]. Each answer is
captured as it arrives (an httpx response hook) and handed to `DriftCheck`; nothing from it is
kept beyond what the report counts.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
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
        c = self.client
        count = self.page_size
        self._call("get_identity", lambda p: c.identity.get(include=_any(p.include), fields=_any(p.fields)))
        campaigns = self._pages(
            "list_campaigns",
            lambda p, cur: c.campaigns.list(
                include=_any(p.include), fields=_any(p.fields), count=count, cursor=cur
            ),
        )
        self._first(
            "get_campaign",
            campaigns,
            lambda p, i: c.campaigns.get(i, include=_any(p.include), fields=_any(p.fields)),
        )
        members: list[str] = []
        posts: list[str] = []
        if campaigns:
            campaign_id = campaigns[0]  # a creator has one campaign [PD campaigns]
            members = self._pages(
                "list_campaign_members",
                lambda p, cur: c.members.list(
                    campaign_id, include=_any(p.include), fields=_any(p.fields), count=count, cursor=cur
                ),
            )
            posts = self._pages(
                "list_campaign_posts",
                lambda p, cur: c.posts.list(
                    campaign_id, include=_any(p.include), fields=_any(p.fields), count=count, cursor=cur
                ),
            )
        else:
            for operation in ("list_campaign_members", "list_campaign_posts"):
                self.check.skip(operation, "no campaign to list it for")
        self._first(
            "get_member",
            members,
            lambda p, i: c.members.get(i, include=_any(p.include), fields=_any(p.fields)),
        )
        self._first(
            "get_post", posts, lambda p, i: c.posts.get(i, include=_any(p.include), fields=_any(p.fields))
        )
        self._pages(
            "list_webhooks",
            lambda p, cur: c.webhooks.list(
                include=_any(p.include), fields=_any(p.fields), count=count, cursor=cur
            ),
        )
        self._first(
            "get_live",
            [self.live_id] if self.live_id else [],
            lambda p, i: c.lives.get(i, include=_any(p.include), fields=_any(p.fields)),
            none="no live id (lives have no list endpoint; pass --live-id)",
        )

    def _first(
        self, operation: str, ids: Iterable[str], fetch: Callable[[Plan, str], Any], *, none: str = ""
    ) -> None:
        """Fetch the first of `ids`; with none, say why (`none`, or that nothing was listed)."""
        found = plan(operation, self.granted)
        if isinstance(found, str):
            self.check.skip(operation, found)
            return
        chosen = list(ids)[:1]
        if not chosen:
            self.check.skip(operation, none or "the list it comes from was empty or not called")
            return
        self._call(operation, lambda p: fetch(p, chosen[0]))


def _any(value: object) -> Any:
    """Includes and fields computed from the schema table: valid by construction, not by Literal type."""
    return cast(Any, value) or None


def covered_operations() -> frozenset[str]:
    """The read operations `LiveCheck` knows how to call (a test keeps this equal to the spec's)."""
    return frozenset(
        {
            "get_identity",
            "list_campaigns",
            "get_campaign",
            "list_campaign_members",
            "get_member",
            "list_campaign_posts",
            "get_post",
            "list_webhooks",
            "get_live",
        }
    )
