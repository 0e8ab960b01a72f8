"""The consent page over HTTP, and `SandboxControl.authorize()` playing it without a browser.

The page says who can log in (a short pick list), keeps the user on it with the error when no
user or an unknown one is chosen, and logs in exactly the user chosen: each code is exchanged and
`/identity` read with the token, so the proof is the API's answer, not the page's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from patreon_auth.oauth import OAuthClient, build_authorization_request, parse_callback
from patreon_generated import Patreon
from patreon_sandbox import AsyncSandboxControl, Sandbox, SandboxControl, SandboxControlError
from patreon_sandbox.consent import NO_USER, PICK_FIELD
from tests.modes import ModeDriver


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=7, members=200, rate_limits=None) as world:
        yield world


def _request(sandbox: Sandbox, base_url: str | None = None) -> tuple[str, str]:
    request = build_authorization_request(
        base_url=base_url or sandbox.base_url,
        client_id=sandbox.client_id,
        redirect_uri=sandbox.redirect_uri,
        scopes=["identity", "campaigns"],
    )
    return request.url, request.state


def _who_logged_in(sandbox: Sandbox, callback: str, state: str) -> str:
    """Exchange the code and ask /identity who the token belongs to."""
    with OAuthClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        base_url=sandbox.base_url,
        transport=sandbox.transport(),
    ) as oauth:
        token = oauth.exchange_code(
            parse_callback(callback, expected_state=state), redirect_uri=sandbox.redirect_uri
        )
    with Patreon(token=token.access_token, transport=sandbox.transport(), base_url=sandbox.base_url) as api:
        return api.identity.get().data.id


def _error_of(page: str) -> str:
    found = re.search(r'<p id="error"[^>]*><strong>(.*?)</strong></p>', page)
    assert found, page[:500]
    return unescape(found.group(1))


def test_the_page_lists_who_can_log_in(sandbox: Sandbox) -> None:
    url, _ = _request(sandbox)
    with httpx.Client(transport=sandbox.transport()) as http:
        page = http.get(url).text
    picks = re.findall(
        rf'<button type="submit" name="{PICK_FIELD}" value="([^"]+)">Allow as ([^<]+)</button> ([^<(]+)', page
    )
    ids = [user_id for user_id, _, _ in picks]
    assert ids[0] == sandbox.creator.id and "every scope" in picks[0][2]
    assert 3 <= len(picks) <= 7  # a short list, whatever the world's size
    described = " ".join(what for _, _, what in picks)
    for kind in ("active patron", "former patron", "free member"):
        assert kind in described
    names = {user.id: user.full_name for user in sandbox.users}
    for user_id, name, _ in picks[1:]:
        assert names[user_id] == unescape(name)


def test_an_empty_user_box_stays_on_the_page_with_the_error(sandbox: Sandbox) -> None:
    url, _ = _request(sandbox)
    with httpx.Client(transport=sandbox.transport()) as http:
        answer = http.post(url, data={"sandbox_user_id": "", "decision": "allow"})
    assert answer.status_code == 400
    assert _error_of(answer.text) == NO_USER
    # Still the consent form, with the authorize request's parameters kept for the next try.
    assert 'name="client_id" value="' + sandbox.client_id + '"' in answer.text
    assert "Allow as " in answer.text
    assert sandbox.stats.code_exchanges == 0


def test_an_unknown_user_keeps_the_typed_id_and_says_so(sandbox: Sandbox) -> None:
    url, state = _request(sandbox)
    with httpx.Client(transport=sandbox.transport()) as http:
        answer = http.post(url, data={"sandbox_user_id": "<b>999</b>", "decision": "allow"})
        assert answer.status_code == 400
        assert _error_of(answer.text) == unescape(
            "There is no user '<b>999</b>' in this sandbox. Press one of the buttons below, or type another id."
        )
        assert 'value="&lt;b&gt;999&lt;/b&gt;"' in answer.text and "<b>999</b>" not in answer.text
        # The next try on the same page works: the form posts back what it was given.
        form = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', answer.text))
        form = {k: unescape(v) for k, v in form.items()}
        user = sandbox.users[3]
        again = http.post(url, data={**form, PICK_FIELD: user.id})
    assert again.status_code == 302
    assert _who_logged_in(sandbox, again.headers["location"], state) == user.id


def test_a_deny_needs_no_user(sandbox: Sandbox) -> None:
    url, _ = _request(sandbox)
    with httpx.Client(transport=sandbox.transport()) as http:
        answer = http.post(url, data={"sandbox_user_id": "", "decision": "deny"})
    assert answer.status_code == 302
    assert parse_qs(urlsplit(answer.headers["location"]).query)["error"] == ["access_denied"]


def test_a_pick_logs_in_that_user(sandbox: Sandbox) -> None:
    url, state = _request(sandbox)
    with httpx.Client(transport=sandbox.transport()) as http:
        answer = http.post(url, data={PICK_FIELD: sandbox.creator.id})
    assert answer.status_code == 302
    assert _who_logged_in(sandbox, answer.headers["location"], state) == sandbox.creator.id


# --- SandboxControl.authorize against a served sandbox --------------------------------------------


@pytest.fixture
def served(sandbox: Sandbox) -> Iterator[str]:
    with sandbox.serve_in_thread() as base_url:
        yield base_url


def test_control_authorize_logs_in_the_user_given(sandbox: Sandbox, served: str, mode: ModeDriver) -> None:
    control = mode.new((SandboxControl, AsyncSandboxControl), served)
    user = sandbox.users[5]
    url, state = _request(sandbox, served)
    callback = mode.run(control.authorize(url, user_id=user.id))
    assert callback.startswith(sandbox.redirect_uri + "?")
    assert _who_logged_in(sandbox, callback, state) == user.id

    url, state = _request(sandbox, served)
    denied = mode.run(control.authorize(url, user_id=user.id, allow=False))
    assert parse_qs(urlsplit(denied).query) == {"error": ["access_denied"], "state": [state]}

    url, _ = _request(sandbox, served)
    with pytest.raises(SandboxControlError) as caught:
        mode.run(control.authorize(url, user_id="no-such-user"))
    assert caught.value.status == 400 and "There is no user 'no-such-user'" in caught.value.message

    foreign, _ = _request(sandbox, "https://www.patreon.com")
    with pytest.raises(ValueError, match="not this sandbox"):
        mode.run(control.authorize(foreign, user_id=user.id))
    mode.run(control.aclose() if mode.is_async else control.close())
    assert sandbox.stats.code_exchanges == 1
