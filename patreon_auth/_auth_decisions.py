"""What PatreonAuth and AsyncPatreonAuth decide, without I/O; the flows are in _async/_sync.

PatreonAuth and AsyncPatreonAuth are httpx.Auth flows that put the bearer token on requests and
refresh it safely, the refresh request itself yielded by the flow so that it travels on the API
client's own transport and pool (no second httpx client, no second certificate load).

Patreon refresh tokens are single use [PD _oauth.md], so a refresh happens under the store's
lock, re-reads the store first (someone else may have refreshed), and stores the new token
before any request uses it (design/DESIGN.md "Behaviour users can count on"; design/reference/style.md rule 6).
The async flow is written once (patreon_auth/_async/auth_flow.py) and the sync one generated
from it (generator/unasync.py); every decision lives here.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import AsyncGenerator, Callable, Generator

import httpx

from patreon_auth._oauth_core import TokenRequest, _OAuthClientBase, log_refresh_failed, log_refreshed
from patreon_auth.errors import OAuthError, PatreonError, RefreshError
from patreon_auth.scopes import check_scopes as _check_scopes
from patreon_auth.token import Token

logger = logging.getLogger("patreon.auth")

DEFAULT_LEEWAY = 300.0

# A token this object refreshed less than this long ago is not refreshed again on a 401: such a
# 401 means a missing scope [PD _errors.md], not a stale token, and repeated refreshes can get the
# caller's IP blocked ([WP] PR #181 adds a cooldown for the same reason).
_REFRESH_ON_401_COOLDOWN = 60.0

OnRefresh = Callable[[Token], object]


class _Refreshed:
    """The last token this object refreshed, and when, to size leeway and the 401 cooldown."""

    __slots__ = ("access_token", "lifetime", "monotonic_at")

    def __init__(self, token: Token) -> None:
        self.access_token = token.access_token
        self.monotonic_at = time.monotonic()
        self.lifetime = (
            (token.expires_at - dt.datetime.now(dt.UTC)).total_seconds() if token.expires_at else None
        )


class _AuthDecisions(httpx.Auth):
    """What both flows decide, without I/O: when to refresh, whom to trust after the lock."""

    def __init__(
        self,
        *,
        oauth: _OAuthClientBase | None,
        client_id: str | None,
        client_secret: str | None,
        leeway: float,
        on_refresh: OnRefresh | None,
        check_scopes: bool,
    ) -> None:
        if oauth is not None and (client_id is not None or client_secret is not None):
            raise TypeError("give either oauth or client_id/client_secret, not both")
        if (client_id is None) != (client_secret is None):
            raise TypeError("client_id and client_secret go together")
        # The credentials only: the refresh is sent by the flow, never by this object's driver.
        self._oauth = oauth
        self._client_id = client_id
        self._client_secret = client_secret
        self._leeway = leeway
        self._on_refresh = on_refresh
        self._check_scopes = check_scopes
        # The last token seen: the store is re-read only when it looks expired or got a 401, so
        # a request costs no store round trip (FileStore, HTTPStore, Redis) in the common case.
        self._cached: Token | None = None
        self._refreshed: _Refreshed | None = None

    def _leeway_for(self, token: Token) -> float:
        # A token that lives shorter than the leeway (a sandbox, a short-lived grant) would be
        # refreshed on every request; cap the leeway at half of the lifetime we saw it start with.
        refreshed = self._refreshed
        if refreshed is not None and refreshed.access_token == token.access_token and refreshed.lifetime:
            return min(self._leeway, refreshed.lifetime / 2)
        return self._leeway

    def _needs_refresh(self, token: Token) -> bool:
        return token.is_expired(self._leeway_for(token))

    def _usable_after_lock(self, stale: Token, current: Token | None) -> bool:
        """True when the store, re-read under the lock, already holds someone else's fresh token."""
        return (
            current is not None
            and current.access_token != stale.access_token
            and not current.is_expired(self._leeway_for(current))
        )

    def _recently_refreshed(self, token: Token) -> bool:
        refreshed = self._refreshed
        return (
            refreshed is not None
            and refreshed.access_token == token.access_token
            and time.monotonic() - refreshed.monotonic_at < _REFRESH_ON_401_COOLDOWN
        )

    def _can_refresh(self) -> bool:
        return self._oauth is not None or self._client_id is not None

    def _decide(self, stale: Token, current: Token | None, *, after_401: bool) -> tuple[Token | None, bool]:
        """Under the lock: (token, False) use it; (None, False) give up; (base, True) refresh base."""
        if self._usable_after_lock(stale, current):
            assert current is not None
            return self._remember(current), False
        base = current if current is not None else stale
        if after_401 and self._recently_refreshed(base):
            return None, False
        if not self._can_refresh() or not base.refresh_token:
            if after_401:
                return None, False
            raise RefreshError("the token has expired and cannot be refreshed (no refresh token or client)")
        return base, True

    def _credentials(self, request: httpx.Request) -> _OAuthClientBase:
        if self._oauth is not None:
            return self._oauth
        assert self._client_id is not None and self._client_secret is not None
        # The token endpoint is on the API's origin [PD _oauth.md], so a sandbox needs no second URL.
        origin = str(request.url.copy_with(path="/", query=None, fragment=None))
        return _OAuthClientBase(client_id=self._client_id, client_secret=self._client_secret, base_url=origin)

    def _refresh_call(self, request: httpx.Request, base: Token) -> tuple[httpx.Request, TokenRequest]:
        """The refresh POST, carrying the API request's User-Agent and timeout (same client, same rules)."""
        logger.info("refreshing the Patreon access token")
        credentials = self._credentials(request)
        token_request = credentials._refresh_request(base)
        headers = {"Accept": "application/json"}
        agent = request.headers.get("User-Agent")
        if agent:
            headers["User-Agent"] = agent
        extensions = {"timeout": request.extensions["timeout"]} if "timeout" in request.extensions else {}
        refresh = httpx.Request(
            "POST", credentials.token_url, data=token_request.form, headers=headers, extensions=extensions
        )
        return refresh, token_request

    def _refreshed_token(self, response: httpx.Response, token_request: TokenRequest) -> Token:
        try:
            new = _OAuthClientBase._parse(response, token_request)
        except PatreonError as exc:
            log_refresh_failed(exc)
            raise
        log_refreshed(new)
        self._refreshed = _Refreshed(new)
        return self._remember(new)

    @staticmethod
    def _no_token() -> OAuthError:
        return OAuthError("no token in the store; log in first")

    def _prepare(self, request: httpx.Request, token: Token) -> None:
        if self._check_scopes:
            _check_scopes(token, request.method, request.url.path, request.url.params)
        request.headers["Authorization"] = f"Bearer {token.access_token}"

    def _remember(self, token: Token) -> Token:
        self._cached = token
        return token

    # The other flavour's flow: a clear error naming the class to use instead. The types already
    # refuse it (a sync store is not an AsyncTokenStore); this is for untyped callers.

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        raise TypeError(f"{type(self).__name__} is for async clients; use PatreonAuth with httpx.Client")

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        raise TypeError(
            f"{type(self).__name__} is for sync clients; use AsyncPatreonAuth with httpx.AsyncClient"
        )
        yield request  # pragma: no cover - makes this an async generator, as httpx expects


__all__ = ["DEFAULT_LEEWAY", "OnRefresh"]
