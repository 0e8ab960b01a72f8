"""What the user clients share, sync and async alike: their settings and the authorization URL.

Kept out of the twinned sources (`_async/clients.py`, generated `_sync/clients.py`) so it
exists once.
"""

from __future__ import annotations

from collections.abc import Sequence

from patreon_auth.oauth import AuthorizationRequest, build_authorization_request


class _UserClientBase:
    def __init__(
        self, *, client_id: str, redirect_uri: str, scopes: Sequence[str], base_url: str, leeway: float
    ) -> None:
        if isinstance(scopes, str):
            raise TypeError("scopes must be a sequence of scope names, not one string")
        self.client_id = client_id
        self.redirect_uri = redirect_uri
        self.scopes = tuple(scopes)
        self.base_url = base_url
        self.leeway = leeway

    def authorization_url(
        self, *, scopes: Sequence[str] | None = None, state: str | None = None
    ) -> AuthorizationRequest:
        """Where to send the user: `.url`, and `.state` (random; keep it in the user's session)."""
        return build_authorization_request(
            base_url=self.base_url,
            client_id=self.client_id,
            redirect_uri=self.redirect_uri,
            scopes=self.scopes if scopes is None else scopes,
            state=state,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(client_id={self.client_id!r}, scopes={list(self.scopes)!r})"
