"""Token: immutable, absolute expiry, lossless round trip, masked secrets."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest

from patreon_auth import Token

NOW = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
# The shape of a real token response [NET; PD _oauth.md].
RESPONSE = {
    "access_token": "access-secret-123",
    "refresh_token": "refresh-secret-456",
    "expires_in": 2678400,
    "scope": "identity identity[email] campaigns",
    "token_type": "Bearer",
    "version": "0.0.1",
}


def test_from_response_anchors_expiry_at_the_given_time() -> None:
    token = Token.from_response(RESPONSE, now=NOW)
    assert token.expires_at == NOW + dt.timedelta(days=31)
    assert token.scope == frozenset({"identity", "identity[email]", "campaigns"})
    assert token.token_type == "Bearer"
    assert Token.from_response(dict(RESPONSE, expires_in="60"), now=NOW).expires_at == NOW + dt.timedelta(
        seconds=60
    )


def test_from_response_without_access_token_fails() -> None:
    with pytest.raises(ValueError, match="access_token"):
        Token.from_response({"refresh_token": "x"}, now=NOW)


def test_is_expired_with_leeway() -> None:
    token = Token(access_token="a", expires_at=NOW + dt.timedelta(seconds=100))
    assert not token.is_expired(now=NOW)
    assert token.is_expired(leeway=100, now=NOW)
    assert token.is_expired(now=NOW + dt.timedelta(seconds=100))
    assert not Token(access_token="a").is_expired(leeway=10**9)  # no known expiry


def test_round_trip_is_lossless_through_json() -> None:
    for token in (Token.from_response(RESPONSE, now=NOW), Token(access_token="only")):
        assert Token.from_dict(json.loads(json.dumps(token.to_dict()))) == token


def test_immutable_and_timezone_aware() -> None:
    token = Token(access_token="a")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        token.access_token = "b"  # type: ignore[misc]
    with pytest.raises(ValueError, match="timezone-aware"):
        Token(access_token="a", expires_at=dt.datetime(2026, 1, 1))


def test_secrets_are_masked() -> None:
    token = Token.from_response(RESPONSE, now=NOW)
    for text in (repr(token), str(token), f"{token}", repr([token])):
        assert "access-secret-123" not in text
        assert "refresh-secret-456" not in text
        assert "<redacted>" in text
