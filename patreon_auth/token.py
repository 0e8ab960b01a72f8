"""Token: an immutable OAuth token with an absolute expiry and masked secrets."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

import attrs

from patreon_auth.errors import InvalidTokenError

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


def _kind(value: object) -> str:
    """A value's type for an error message; the value itself may be a live secret."""
    return "null" if value is None else type(value).__name__


def _all_strings(value: object) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(item, str) for item in value)


def _granted_scopes(value: object) -> frozenset[str]:
    """Scopes from a token response; a malformed value is no scopes rather than a lost token."""
    if isinstance(value, str) or _all_strings(value):
        return _scope_set(value)
    return frozenset()


# Past this a lifetime is nonsense (and near it `datetime` overflows): 100 years.
_MAX_LIFETIME = 100 * 365 * 24 * 3600.0


def _expiry(expires_in: object, issued: dt.datetime) -> dt.datetime | None:
    """When a token from a response expires; None (unknown) unless ``expires_in`` is a sane lifetime."""
    if isinstance(expires_in, bool) or not isinstance(expires_in, int | float | str):
        return None
    try:
        seconds = float(expires_in)
    except (ValueError, OverflowError):
        return None
    if not math.isfinite(seconds) or abs(seconds) > _MAX_LIFETIME:
        return None  # a negative lifetime still parses: an already expired token, refreshed first
    return issued + dt.timedelta(seconds=seconds)


def _stored_expiry(value: object) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidTokenError(f"token data's expires_at must be an ISO-8601 string, got {_kind(value)}")
    try:
        expires_at = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidTokenError("token data's expires_at is not an ISO-8601 date-time") from None
    if expires_at.tzinfo is None:
        raise InvalidTokenError("token data's expires_at has no time zone")
    return expires_at


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

        Some clients see ``expires_in`` as a string [PD _oauth.md notes], so it is coerced. A usable
        access token is never thrown away for its extras: an ``expires_in`` that is not a number of
        seconds (text, NaN, infinite, past a century) gives an unknown expiry (refreshed on a 401 instead of ahead of time), and a
        malformed ``scope`` an empty scope set.
        """
        if not isinstance(payload, Mapping):
            raise InvalidTokenError(f"a token response must be an object, got {type(payload).__name__}")
        access_token = payload.get("access_token")
        if not isinstance(access_token, str) or not access_token:
            raise InvalidTokenError("token response has no access_token")
        refresh_token = payload.get("refresh_token")
        token_type = payload.get("token_type")
        return cls(
            access_token=access_token,
            refresh_token=refresh_token if isinstance(refresh_token, str) and refresh_token else None,
            expires_at=_expiry(payload.get("expires_in"), now if now is not None else _utc_now()),
            scope=_granted_scopes(payload.get("scope")),
            token_type=token_type if isinstance(token_type, str) and token_type else "Bearer",
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
        """The token ``to_dict`` wrote; InvalidTokenError (a ValueError) names a field of the wrong type."""
        if not isinstance(data, Mapping):
            raise InvalidTokenError(f"token data must be an object, got {type(data).__name__}")
        access_token = data.get("access_token")
        if not isinstance(access_token, str) or not access_token:
            raise InvalidTokenError(
                f"token data needs a non-empty string access_token, got {_kind(access_token)}"
            )
        refresh_token = data.get("refresh_token")
        if refresh_token is not None and not isinstance(refresh_token, str):
            raise InvalidTokenError(
                f"token data's refresh_token must be a string or null, got {_kind(refresh_token)}"
            )
        token_type = data.get("token_type")
        if token_type is not None and not isinstance(token_type, str):
            raise InvalidTokenError(f"token data's token_type must be a string, got {_kind(token_type)}")
        scope = data.get("scope")
        if not (scope is None or isinstance(scope, str) or _all_strings(scope)):
            raise InvalidTokenError("token data's scope must be a string or a list of strings")
        return cls(
            access_token=access_token,
            refresh_token=refresh_token or None,
            expires_at=_stored_expiry(data.get("expires_at")),
            scope=_scope_set(scope),
            token_type=token_type or "Bearer",
        )

    def __repr__(self) -> str:
        expires = self.expires_at.isoformat() if self.expires_at is not None else None
        refresh = _REDACTED if self.refresh_token else None
        return (
            f"Token(access_token={_REDACTED!r}, refresh_token={refresh!r}, "
            f"expires_at={expires!r}, scope={sorted(self.scope)!r}, token_type={self.token_type!r})"
        )

    __str__ = __repr__
