"""OAuth as Patreon runs it: clients, consent, single-use codes, single-use rotating refresh tokens.

Token-endpoint errors are OAuth2-style bodies, not JSON:API: ``{"error": "invalid_grant"}`` with
401 (mxpv/patreon-go#6), ``{"error": "invalid_request", "error_description": "Missing code
parameter."}`` (patreon-php#27). No I/O here: the handler feeds it parsed requests.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from patreon_sandbox.schema import ALL_SCOPES

DEFAULT_TOKEN_LIFETIME = 2_678_400  # 31 days, as observed [NET]; not promised (PD PR #96)
CODE_LIFETIME = 600.0
# What the token response calls its version; undocumented, observed "0.0.1" [NET].
TOKEN_VERSION = "0.0.1"


class AuthorizeError(ValueError):
    """An authorize request Patreon would not redirect back from (unknown client or redirect_uri)."""


@dataclass
class OAuthClientRecord:
    """An API client: its credentials, registered redirect URIs, and the creator who owns it."""

    client_id: str
    client_secret: str
    redirect_uris: tuple[str, ...]
    owner_id: str
    name: str = "Sandbox app"


@dataclass
class AccessGrant:
    """What an access token stands for."""

    access_token: str
    user_id: str
    client_id: str
    scopes: frozenset[str]
    expires_at: float
    revoked: bool = False


@dataclass
class _RefreshGrant:
    user_id: str
    client_id: str
    scopes: frozenset[str]
    access_token: str
    used: bool = False


@dataclass
class _CodeGrant:
    client_id: str
    redirect_uri: str
    user_id: str
    scopes: frozenset[str]
    expires_at: float
    used: bool = False


@dataclass
class TokenReply:
    """The token endpoint's answer: a status and an OAuth2-style JSON object."""

    status: int
    body: dict[str, Any]
    grant_type: str | None = None


@dataclass
class OAuthState:
    """Clients, codes and tokens. Callers hold the sandbox lock around every method."""

    clock: Callable[[], float]
    token_lifetime: float = DEFAULT_TOKEN_LIFETIME
    clients: dict[str, OAuthClientRecord] = field(default_factory=dict)
    access: dict[str, AccessGrant] = field(default_factory=dict)
    _refresh: dict[str, _RefreshGrant] = field(default_factory=dict)
    _codes: dict[str, _CodeGrant] = field(default_factory=dict)

    def add_client(self, client: OAuthClientRecord) -> OAuthClientRecord:
        self.clients[client.client_id] = client
        return client

    # --- issuing ----------------------------------------------------------------------------

    def issue(
        self, *, user_id: str, client_id: str, scopes: frozenset[str], lifetime: float | None = None
    ) -> dict[str, Any]:
        """A new access + refresh token pair, as the token endpoint's JSON [PD _oauth.md; NET]."""
        seconds = self.token_lifetime if lifetime is None else lifetime
        access_token = secrets.token_urlsafe(32)
        refresh_token = secrets.token_urlsafe(32)
        self.access[access_token] = AccessGrant(
            access_token, user_id, client_id, scopes, self.clock() + seconds
        )
        self._refresh[refresh_token] = _RefreshGrant(user_id, client_id, scopes, access_token)
        return {
            "access_token": access_token,
            "expires_in": int(seconds),
            "refresh_token": refresh_token,
            "scope": " ".join(sorted(scopes)),
            "token_type": "Bearer",
            "version": TOKEN_VERSION,
        }

    # --- authorize --------------------------------------------------------------------------

    def check_authorize(self, params: Mapping[str, str]) -> OAuthClientRecord:
        """The client of a valid authorize request; AuthorizeError when there is nowhere to redirect."""
        client = self.clients.get(params.get("client_id", ""))
        if client is None:
            raise AuthorizeError("unknown client_id")
        if params.get("redirect_uri") not in client.redirect_uris:
            # Must match a registered URI exactly [PD _oauth.md]; never redirect to an unknown one.
            raise AuthorizeError("redirect_uri is not registered for this client")
        return client

    def consent(self, params: Mapping[str, str], *, user_id: str, allow: bool) -> str:
        """The redirect back to the app: `?code=&state=` or `?error=` (access_denied, invalid_scope)."""
        client = self.check_authorize(params)
        redirect_uri = params["redirect_uri"]
        state = params.get("state")
        if params.get("response_type") != "code":
            return _redirect(redirect_uri, {"error": "unsupported_response_type"}, state)
        requested = frozenset(params.get("scope", "").split())
        unknown = requested - ALL_SCOPES
        if unknown:
            # Patreon redirects with error=invalid_scope (forum /t/388).
            return _redirect(redirect_uri, {"error": "invalid_scope"}, state)
        if not allow:
            return _redirect(redirect_uri, {"error": "access_denied"}, state)
        # The client's owner gets every scope whatever scope= says (forum /t/8908). Without a
        # scope parameter the v2 default is undocumented; the sandbox grants `identity`.
        granted = ALL_SCOPES if user_id == client.owner_id else (requested or frozenset({"identity"}))
        code = secrets.token_urlsafe(24)
        self._codes[code] = _CodeGrant(
            client.client_id, redirect_uri, user_id, granted, self.clock() + CODE_LIFETIME
        )
        return _redirect(redirect_uri, {"code": code}, state)

    # --- token endpoint ---------------------------------------------------------------------

    def token(self, form: Mapping[str, str]) -> TokenReply:
        grant_type = form.get("grant_type")
        client = self.clients.get(form.get("client_id", ""))
        if client is None or not secrets.compare_digest(form.get("client_secret", ""), client.client_secret):
            return TokenReply(401, {"error": "invalid_client"}, grant_type)
        if grant_type == "authorization_code":
            return self._exchange_code(client, form)
        if grant_type == "refresh_token":
            return self._refresh_grant(client, form)
        return TokenReply(400, {"error": "not_supported_grant"}, grant_type)  # patreon-php#27

    def _exchange_code(self, client: OAuthClientRecord, form: Mapping[str, str]) -> TokenReply:
        code = form.get("code")
        if not code:
            return TokenReply(
                400,
                {"error": "invalid_request", "error_description": "Missing code parameter."},
                "authorization_code",
            )
        grant = self._codes.get(code)
        if (
            grant is None
            or grant.used
            or grant.client_id != client.client_id
            or grant.redirect_uri != form.get("redirect_uri")
            or grant.expires_at <= self.clock()
        ):
            return TokenReply(401, {"error": "invalid_grant"}, "authorization_code")
        grant.used = True  # single use [PD _oauth.md]
        body = self.issue(user_id=grant.user_id, client_id=client.client_id, scopes=grant.scopes)
        return TokenReply(200, body, "authorization_code")

    def _refresh_grant(self, client: OAuthClientRecord, form: Mapping[str, str]) -> TokenReply:
        refresh_token = form.get("refresh_token")
        if not refresh_token:
            return TokenReply(
                400,
                {"error": "invalid_request", "error_description": "Missing refresh_token parameter."},
                "refresh_token",
            )
        grant = self._refresh.get(refresh_token)
        if grant is None or grant.used or grant.client_id != client.client_id:
            return TokenReply(401, {"error": "invalid_grant"}, "refresh_token")
        # Refresh tokens are single use and rotate [PD _oauth.md]: a second use is invalid_grant.
        grant.used = True
        body = self.issue(user_id=grant.user_id, client_id=client.client_id, scopes=grant.scopes)
        return TokenReply(200, body, "refresh_token")

    # --- API access ---------------------------------------------------------------------------

    def grant_for(self, access_token: str) -> AccessGrant | None:
        """The live grant of a bearer token; None when unknown, expired or revoked."""
        grant = self.access.get(access_token)
        if grant is None or grant.revoked or grant.expires_at <= self.clock():
            return None
        return grant

    def revoke(self, token: str) -> bool:
        """Revoke an access token (and the refresh token issued with it), or a refresh token."""
        found = False
        grant = self.access.get(token)
        if grant is not None:
            grant.revoked = True
            found = True
        for refresh_token, refresh in self._refresh.items():
            if refresh_token == token or refresh.access_token == token:
                refresh.used = True
                found = True
                linked = self.access.get(refresh.access_token)
                if linked is not None:
                    linked.revoked = True
        return found


def _redirect(redirect_uri: str, params: dict[str, str], state: str | None) -> str:
    if state is not None:
        params["state"] = state
    parts = urlsplit(redirect_uri)
    query = parse_qsl(parts.query, keep_blank_values=True) + list(params.items())
    return urlunsplit(parts._replace(query=urlencode(query)))
