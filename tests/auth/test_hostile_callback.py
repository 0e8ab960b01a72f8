"""parse_callback trusts nothing before the state matches, and shows callback values only as inert text."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from patreon_auth.errors import OAuthError, StateMismatchError
from patreon_auth.oauth import parse_callback

REDIRECT = "https://app.example/oauth/callback"
STATE = "issued-state-123"
SCRIPT = '<script>alert("pwned")</script>'


def _url(**params: str) -> str:
    return f"{REDIRECT}?{urlencode(params)}"


@pytest.mark.parametrize("state", [None, "", "forged"])
def test_an_error_with_a_wrong_state_is_a_state_mismatch_that_quotes_nothing(state: str | None) -> None:
    """Today error= is read first: a forged link's words come back in an OAuthError."""
    params = {"error": SCRIPT, "error_description": "Call +1-555 now", "code": "c0de"}
    if state is not None:
        params["state"] = state
    with pytest.raises(StateMismatchError) as caught:
        parse_callback(_url(**params), expected_state=STATE)
    text = str(caught.value)
    assert "script" not in text and "555" not in text and "c0de" not in text
    assert caught.value.description is None and caught.value.error == "state_mismatch"


def test_a_verified_error_keeps_its_words_but_no_markup_or_control_characters() -> None:
    url = _url(state=STATE, error="access_denied", error_description=f"No\x1b[2J {SCRIPT} & 'quotes'\n")
    with pytest.raises(OAuthError) as caught:
        parse_callback(url, expected_state=STATE)
    error = caught.value
    assert not isinstance(error, StateMismatchError)
    assert error.error == "access_denied"
    assert error.description is not None and "alert" in error.description
    for shown in (str(error), error.description):
        assert not set("<>&\"'`\x1b\n") & set(shown), shown


def test_a_huge_description_is_cut() -> None:
    with pytest.raises(OAuthError) as caught:
        parse_callback(_url(state=STATE, error="x", error_description="a" * 100_000), expected_state=STATE)
    assert len(str(caught.value)) < 300


@settings(max_examples=300, deadline=None)
@given(params=st.dictionaries(st.sampled_from(["state", "error", "error_description", "code"]), st.text()))
def test_any_callback_is_a_code_or_an_oauth_error_with_inert_text(params: dict[str, str]) -> None:
    try:
        code = parse_callback(_url(**params), expected_state=STATE)
    except StateMismatchError as error:
        assert params.get("state") != STATE
        assert str(error) == "callback state is missing or does not match the state issued for this session"
    except OAuthError as error:
        assert params.get("state") == STATE
        assert all(0x20 <= ord(char) < 0x7F and char not in "<>&\"'`\\" for char in str(error)), str(error)
    else:
        assert params.get("state") == STATE and code == params["code"] and "error" not in params
