"""Error messages a newcomer reads: a clipped Patreon message ends on a whole word, and a failure
that was retried says how many times. Against the sandbox, in process, sync and async."""

from __future__ import annotations

import re

import pytest

from patreon_generated import AsyncPatreon, Patreon, errors
from patreon_sandbox import Sandbox
from tests.modes import ModeDriver


def _client(mode: ModeDriver, sandbox: Sandbox, token: str, **options: object) -> object:
    transport = sandbox.async_transport() if mode.is_async else sandbox.transport()
    return mode.new(
        (Patreon, AsyncPatreon),
        token=token,
        transport=transport,
        base_url=sandbox.base_url,
        retry_backoff=0.001,
        **options,
    )


def test_a_clipped_401_message_ends_on_a_whole_word(mode: ModeDriver) -> None:
    """Patreon's generic 401 text is longer than the 200 characters kept: the cut is at a space."""
    with Sandbox(seed=1, members=3) as sandbox:
        client: object = _client(mode, sandbox, "not-a-token")
        with pytest.raises(errors.AuthenticationError) as caught:
            mode.run(client.members.list(sandbox.campaign_id))  # type: ignore[attr-defined]
    detail = caught.value.errors[0]["detail"]
    message = str(caught.value)
    assert len(detail) > 200  # the case this test is about: the summary is clipped
    clipped = message.removeprefix("Patreon returned 401: ").split("...", 1)[0]
    assert detail.startswith(clipped) and detail[len(clipped)] == " ", clipped[-20:]
    assert "... The token is invalid" in message  # the advice follows the clipped text, whole
    assert not re.search(r"\b\w\. The token", message)


def test_a_persistent_5xx_says_it_was_retried_and_how_often(mode: ModeDriver) -> None:
    with Sandbox(seed=1, members=3) as sandbox:
        sandbox.faults.add(route="identity", status=503)
        client: object = _client(mode, sandbox, sandbox.creator_token().access_token, max_retries=3)
        with pytest.raises(errors.ServerError) as caught:
            mode.run(client.identity.get())  # type: ignore[attr-defined]
        assert sandbox.stats.faults_injected == 4  # one try and three retries, as it says
    assert str(caught.value).endswith("(retried 3 times, max_retries=3)")


def test_a_5xx_not_retried_does_not_claim_retries(mode: ModeDriver) -> None:
    with Sandbox(seed=1, members=3) as sandbox:
        sandbox.faults.add(route="identity", status=503)
        client: object = _client(mode, sandbox, sandbox.creator_token().access_token, max_retries=0)
        with pytest.raises(errors.ServerError) as caught:
            mode.run(client.identity.get())  # type: ignore[attr-defined]
    assert "retried" not in str(caught.value)


def test_a_connection_dropped_every_time_says_it_was_retried(mode: ModeDriver) -> None:
    with Sandbox(seed=1, members=3) as sandbox:
        sandbox.faults.add(route="identity", drop=True)
        client: object = _client(mode, sandbox, sandbox.creator_token().access_token, max_retries=1)
        with pytest.raises(errors.APIConnectionError) as caught:
            mode.run(client.identity.get())  # type: ignore[attr-defined]
    assert str(caught.value).endswith("(retried once, max_retries=1)")
