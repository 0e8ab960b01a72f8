"""A tiny fake of Patreon's token endpoint and one API route, over httpx.MockTransport.

It enforces what matters for auth: authorization codes and refresh tokens are single use and
rotate on every refresh [PD _oauth.md], the secret must come in the form body [PD c80ec53],
and an unknown or revoked access token gets a 401. The sandbox replaces it in integration tests.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import json
import threading
import time
from collections.abc import Callable
from urllib.parse import parse_qs

import httpx

from patreon_auth.token import Token

IDENTITY_PATH = "/api/oauth2/v2/identity"


def _json(status: int, payload: object) -> httpx.Response:
    return httpx.Response(
        status, content=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )


class FakePatreon:
    """Token endpoint with single-use rotating refresh tokens, and a bearer-checked /identity."""

    def __init__(
        self,
        *,
        client_id: str = "fake-client-id",
        client_secret: str = "fake-client-secret-s3cr3t",
        expires_in: object = 2_678_400,
        token_delay: float = 0.0,
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.expires_in = expires_in
        # Slows the token endpoint so concurrent refreshers overlap.
        self.token_delay = token_delay
        self._lock = threading.Lock()
        self._serial = itertools.count(1)
        self._access_tokens: set[str] = set()
        self._refresh_tokens: set[str] = set()
        self._codes: dict[str, str] = {}  # code -> redirect_uri
        self.token_requests = 0
        self.refresh_requests = 0
        self.api_requests: list[str] = []  # the bearer token of each API request
        self.reject_all_api_calls = False
        # RFC 6749 §6 allows a server to keep the refresh token: it stays valid and is not re-sent.
        self.keep_refresh_tokens = False
        # Called with each API request before it is answered (to check the store at that moment).
        self.on_api_request: Callable[[httpx.Request], None] | None = None
        self.on_token_request: Callable[[httpx.Request], None] | None = None

    # --- world setup ---------------------------------------------------------------------

    def _new_pair(self) -> tuple[str, str]:
        n = next(self._serial)
        access, refresh = f"access-token-{n:04d}-AAAA", f"refresh-token-{n:04d}-RRRR"
        self._access_tokens.add(access)
        self._refresh_tokens.add(refresh)
        return access, refresh

    def issue_token(self, *, expires_at: dt.datetime | None = None) -> Token:
        """A token the server accepts; ``expires_at`` is what the client believes (may be past)."""
        with self._lock:
            access, refresh = self._new_pair()
        if expires_at is None:
            # `expires_in` may be set to garbage to test clients; the fake's own tokens last an hour then.
            lifetime = self.expires_in if isinstance(self.expires_in, int | float) else 3600
            expires_at = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=lifetime)
        return Token(access_token=access, refresh_token=refresh, expires_at=expires_at, scope="identity")

    def issue_code(self, redirect_uri: str) -> str:
        with self._lock:
            code = f"auth-code-{next(self._serial):04d}-CCCC"
            self._codes[code] = redirect_uri
        return code

    def revoke(self, access_token: str) -> None:
        with self._lock:
            self._access_tokens.discard(access_token)

    # --- transports ----------------------------------------------------------------------

    def transport(self) -> httpx.MockTransport:
        def handler(request: httpx.Request) -> httpx.Response:
            if request.url.path == "/api/oauth2/token" and self.token_delay:
                time.sleep(self.token_delay)
            return self.handle(request)

        return httpx.MockTransport(handler)

    def async_transport(self) -> httpx.MockTransport:
        async def handler(request: httpx.Request) -> httpx.Response:
            await request.aread()
            if request.url.path == "/api/oauth2/token":
                # Yield to the loop so other coroutines run while a refresh is in flight.
                await asyncio.sleep(self.token_delay)
            return self.handle(request)

        return httpx.MockTransport(handler)

    # --- routes --------------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/oauth2/token" and request.method == "POST":
            if self.on_token_request is not None:
                self.on_token_request(request)
            return self._token(request)
        if request.url.path == IDENTITY_PATH and request.method == "GET":
            return self._identity(request)
        return _json(404, {"errors": [{"status": "404", "title": "Not Found"}]})

    def _token(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.token_requests += 1
            if request.url.query:
                return _json(400, {"error": "invalid_request", "error_description": "Use the form body."})
            form = {key: values[0] for key, values in parse_qs(request.content.decode()).items()}
            if form.get("client_id") != self.client_id or form.get("client_secret") != self.client_secret:
                return _json(401, {"error": "invalid_client"})
            grant = form.get("grant_type")
            if grant == "refresh_token":
                self.refresh_requests += 1
                refresh = form.get("refresh_token", "")
                if refresh not in self._refresh_tokens:
                    return _json(401, {"error": "invalid_grant"})
                if not self.keep_refresh_tokens:
                    self._refresh_tokens.discard(refresh)  # single use [PD _oauth.md]
            elif grant == "authorization_code":
                code = form.get("code")
                if code is None:
                    return _json(
                        400, {"error": "invalid_request", "error_description": "Missing code parameter."}
                    )
                if self._codes.pop(code, None) != form.get("redirect_uri"):
                    return _json(400, {"error": "invalid_grant"})
            else:
                return _json(400, {"error": "not_supported_grant"})
            access, refresh_token = self._new_pair()
            keep = self.keep_refresh_tokens and grant == "refresh_token"
        body: dict[str, object] = {
            "access_token": access,
            "refresh_token": refresh_token,
            "expires_in": self.expires_in,
            "scope": "identity identity[email]",
            "token_type": "Bearer",
            "version": "0.0.1",
        }
        if keep:
            del body["refresh_token"]
        return _json(200, body)

    def _identity(self, request: httpx.Request) -> httpx.Response:
        authorization = request.headers.get("Authorization", "")
        bearer = authorization.removeprefix("Bearer ")
        with self._lock:
            self.api_requests.append(bearer)
            valid = bearer in self._access_tokens and not self.reject_all_api_calls
        if self.on_api_request is not None:
            self.on_api_request(request)
        if not valid:
            return _json(401, {"errors": [{"status": "401", "code_name": "Unauthorized"}]})
        return _json(200, {"data": {"type": "user", "id": "1", "attributes": {}}})
