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


# --- issue 10 item 11: from_dict takes only what to_dict writes -------------------------------


@pytest.mark.parametrize(
    "data",
    [
        {"access_token": None},  # became the string "None" before
        {"access_token": 12345},
        {"access_token": ""},
        {},
        {"access_token": "a", "refresh_token": 5},
        {"access_token": "a", "refresh_token": ["r"]},
        {"access_token": "a", "expires_at": 1700000000},
        {"access_token": "a", "expires_at": "tomorrow"},
        {"access_token": "a", "expires_at": "2026-01-01T00:00:00"},  # no time zone
        {"access_token": "a", "scope": 7},
        {"access_token": "a", "scope": [1]},
        {"access_token": "a", "token_type": {"x": 1}},
    ],
)
def test_from_dict_rejects_wrong_types_with_a_typed_error(data: dict[str, object]) -> None:
    from patreon_auth.errors import InvalidTokenError, PatreonError

    with pytest.raises(InvalidTokenError) as info:
        Token.from_dict(data)
    assert isinstance(info.value, PatreonError) and isinstance(info.value, ValueError)
    assert "12345" not in str(info.value)


def test_from_dict_rejects_what_is_not_an_object() -> None:
    from patreon_auth.errors import InvalidTokenError

    with pytest.raises(InvalidTokenError):
        Token.from_dict(["access_token"])  # type: ignore[arg-type]


def test_from_dict_still_reads_what_to_dict_writes_and_older_records() -> None:
    token = Token.from_response(RESPONSE, now=NOW)
    assert Token.from_dict(json.loads(json.dumps(token.to_dict()))) == token
    minimal = Token.from_dict({"access_token": "a", "refresh_token": None, "expires_at": None})
    assert minimal == Token(access_token="a")
    assert Token.from_dict({"access_token": "a", "scope": "identity campaigns"}).scope == {
        "identity",
        "campaigns",
    }


def test_from_response_keeps_a_token_whose_expires_in_is_bad() -> None:
    for bad in ("soon", float("inf"), float("nan"), 10**400, 1e300, None, True, [60]):
        token = Token.from_response({**RESPONSE, "expires_in": bad}, now=NOW)
        assert token.access_token == RESPONSE["access_token"]
        assert token.expires_at is None  # unknown: refreshed on a 401, not ahead of time
    assert Token.from_response({**RESPONSE, "expires_in": "60"}, now=NOW).expires_at == NOW + dt.timedelta(
        seconds=60
    )
    # A negative lifetime is a number: the token is already expired (refreshed first), as before.
    assert Token.from_response({**RESPONSE, "expires_in": -60}, now=NOW).expires_at == NOW - dt.timedelta(
        seconds=60
    )
