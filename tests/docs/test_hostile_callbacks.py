"""The documented OAuth callback handlers reflect nothing from an attacker's link as live markup.

Anyone can send a user's browser to an app's callback URL with parameters of their choosing.
Today `error` and `error_description` reach the page raw, before the state is checked, and the
Flask and Django handlers answer them as text/html: a script payload runs in the app's origin.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest

from .blocks import REPO_ROOT
from .hostile_callbacks import ESCAPE, IMAGE, SCRIPT

# A tag a browser would build from the body, were the body parsed as HTML.
TAG = re.compile(r"<\s*[a-z!/]", re.IGNORECASE)


@pytest.fixture(scope="module")
def answers() -> list[dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.docs.hostile_callbacks"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-6000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def test_every_documented_handler_was_tried(answers: list[dict[str, Any]]) -> None:
    assert {answer["handler"] for answer in answers} == {"starlette", "flask", "django"}
    assert len(answers) == 15  # five cases each


def test_no_live_markup_and_no_raw_payload(answers: list[dict[str, Any]]) -> None:
    for answer in answers:
        where = f"{answer['handler']} / {answer['case']}"
        assert answer["status"] == 400, where
        # Answered as plain text, so a browser renders nothing as markup...
        assert answer["content_type"].startswith("text/plain"), where
        # ...and the payload is not in the body raw either (a page that reused the message as HTML).
        body = answer["body"]
        assert not TAG.search(body), f"{where}: {body!r}"
        assert SCRIPT not in body and IMAGE not in body and "\x1b" not in body and "\x07" not in body, where


def test_nothing_from_an_unverified_callback_is_shown(answers: list[dict[str, Any]]) -> None:
    for answer in answers:
        if "verified state" in answer["case"]:
            continue
        body = answer["body"]
        assert "alert" not in body and "pwned" not in body and "onerror" not in body, answer
        assert ESCAPE not in body


def test_a_verified_error_is_still_reported(answers: list[dict[str, Any]]) -> None:
    """After the state checks out, the user learns why the login failed, as inert text."""
    for answer in answers:
        if answer["case"] == "verified state, script error":
            assert "login failed: authorization failed" in answer["body"], answer
            assert "alert" in answer["body"]  # the words survive; the markup does not
