"""Token: an immutable OAuth token with an absolute expiry and masked secrets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

_REDACTED = "<redacted>"


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _scope_set(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        # Patreon returns granted scopes space-separated in the token response [PD _oauth.md; NET].
        return frozenset(value.split())
    return frozenset(str(item) for item in value)


@attrs.frozen(repr=False, eq=True)
class Token:
    """An access token, its single-use refresh token [PD _oauth.md], and when it expires."""

    access_token: str
    refresh_token: str | None = None
    expires_at: dt.datetime | None = None
    scope: frozenset[str] = attrs.field(factory=frozenset, converter=_scope_set)
    token_type: str = "Bearer"

    def __attrs_post_init__(self) -> None:
        if self.expires_at is not None and self.expires_at.tzinfo is None:
            raise ValueError("Token.expires_at must be timezone-aware")

    def is_expired(self, leeway: float = 0.0, *, now: dt.datetime | None = None) -> bool:
        """True when the token expires within ``leeway`` seconds (never, if no expiry is known)."""
        if self.expires_at is None:
            return False
        current = now if now is not None else _utc_now()
        return self.expires_at - dt.timedelta(seconds=leeway) <= current

    @classmethod
    def from_response(cls, payload: Mapping[str, Any], *, now: dt.datetime | None = None) -> Token:
        """Build a token from Patreon's token-endpoint JSON, anchoring ``expires_in`` at ``now``.

        Some clients see ``expires_in`` as a string [PD _oauth.md notes], so it is coerced.
        """
        access_token = payload.get("access_token")
        if not isinstance(access_token, str) or not access_token:
            raise ValueError("token response has no access_token")
        refresh_token = payload.get("refresh_token")
        expires_in = payload.get("expires_in")
        expires_at = None
        if expires_in is not None:
            issued = now if now is not None else _utc_now()
            expires_at = issued + dt.timedelta(seconds=float(expires_in))
        return cls(
            access_token=access_token,
            refresh_token=refresh_token if isinstance(refresh_token, str) and refresh_token else None,
            expires_at=expires_at,
            scope=_scope_set(payload.get("scope")),
            token_type=str(payload.get("token_type") or "Bearer"),
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict that ``from_dict`` turns back into an equal token."""
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "expires_at": self.expires_at.isoformat() if self.expires_at is not None else None,
            "scope": sorted(self.scope),
            "token_type": self.token_type,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Token:
        expires_at = data.get("expires_at")
        return cls(
            access_token=str(data["access_token"]),
            refresh_token=data.get("refresh_token"),
            expires_at=dt.datetime.fromisoformat(expires_at) if expires_at else None,
            scope=_scope_set(data.get("scope")),
            token_type=str(data.get("token_type") or "Bearer"),
        )

    def __repr__(self) -> str:
        expires = self.expires_at.isoformat() if self.expires_at is not None else None
        refresh = _REDACTED if self.refresh_token else None
        return (
            f"Token(access_token={_REDACTED!r}, refresh_token={refresh!r}, "
            f"expires_at={expires!r}, scope={sorted(self.scope)!r}, token_type={self.token_type!r})"
        )

    __str__ = __repr__
