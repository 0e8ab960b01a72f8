"""Drive the OAuth callback handlers of docs/user-oauth.md with script payloads; print what they answer.

`python -m tests.docs.hostile_callbacks` runs the page (tests.docs.run_page.page_namespace), then
plays an attacker's link against each documented handler (Starlette, Flask, Django) and prints one
JSON object per answer: handler, case, status, content type and body. A separate process because
the page configures Django, which is once per process; tests/docs/test_hostile_callbacks.py judges.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.docs.blocks import REPO_ROOT
from tests.docs.run_page import page_namespace

PAGE = REPO_ROOT / "docs" / "user-oauth.md"
SCRIPT = '<script>alert("pwned")</script>'
IMAGE = "<img src=x onerror=alert(1)>"
ESCAPE = "\x1b]0;owned\x07\x1b[2J"  # a terminal title and clear-screen, for logs and CLIs

# handler -> (fresh browser, get(browser, path) -> (status, content type, body, location))
Answer = tuple[int, str, str, str]
Browser = Callable[[str], Answer]


def _cases(state: str) -> dict[str, dict[str, str]]:
    return {
        "forged state, script error": {"state": "forged", "error": SCRIPT, "error_description": IMAGE},
        "no state, script error": {"error": SCRIPT, "error_description": IMAGE + ESCAPE},
        "verified state, script error": {
            "state": state,
            "error": SCRIPT,
            "error_description": IMAGE + ESCAPE,
        },
        "verified state, script code": {"state": state, "code": SCRIPT},
    }


def _state_of(location: str) -> str:
    return parse_qs(urlsplit(location).query)["state"][0]


def _starlette(page: Any) -> Iterator[Browser]:
    from starlette.testclient import TestClient

    while True:
        with TestClient(page.starlette_app, base_url="http://localhost:8000") as client:

            def get(path: str, client: Any = client) -> Answer:
                response = client.get(path, follow_redirects=False)
                return (
                    response.status_code,
                    response.headers.get("content-type", ""),
                    response.text,
                    response.headers.get("location", ""),
                )

            yield get


def _flask(page: Any) -> Iterator[Browser]:
    while True:
        with page.flask_app.test_client() as client:

            def get(path: str, client: Any = client) -> Answer:
                response = client.get(path)
                return (
                    response.status_code,
                    response.headers.get("Content-Type", ""),
                    response.get_data(as_text=True),
                    response.headers.get("Location", ""),
                )

            yield get


def _django(page: Any) -> Iterator[Browser]:
    from django.test import Client  # type: ignore[import-untyped]

    while True:
        client = Client()

        def get(path: str, client: Any = client) -> Answer:
            response = client.get(path)
            return (
                response.status_code,
                response.get("Content-Type", ""),
                response.content.decode("utf-8", "replace"),
                response.get("Location", ""),
            )

        yield get


def main() -> None:
    with page_namespace(PAGE) as page:
        for handler, browsers in (
            ("starlette", _starlette(page)),
            ("flask", _flask(page)),
            ("django", _django(page)),
        ):
            for case in _cases("placeholder"):
                browser = next(browsers)  # a fresh session per case
                location = browser("/login")[3]
                query = _cases(_state_of(location))[case]
                status, content_type, body, _ = browser("/oauth/callback?" + urlencode(query))
                record = {"handler": handler, "case": case, "status": status, "content_type": content_type}
                print(json.dumps({**record, "body": body}))
            browser = next(browsers)  # no /login first: no state in the session at all
            status, content_type, body, _ = browser("/oauth/callback?" + urlencode({"error": SCRIPT}))
            record = {"handler": handler, "case": "no login", "status": status, "content_type": content_type}
            print(json.dumps({**record, "body": body}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
