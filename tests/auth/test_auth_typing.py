"""Sync and async are split by type: mypy --strict rejects a sync store on an async client, and
the one option list (PEP 692 TypedDicts) is checked on every client, good and bad snippets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEADER = """
import httpx
from patreon_auth import AsyncPatreonCreatorClient, AsyncPatreonUserClient, PatreonCreatorClient, Token
from patreon_auth.auth import AsyncPatreonAuth, PatreonAuth
from patreon_auth.stores.memory import AsyncMemoryStore, MemoryStore
from patreon_generated import AsyncPatreon, Patreon
tok = Token(access_token="a", refresh_token="r")
"""

GOOD = """
sync_client = Patreon(auth=PatreonAuth(store=MemoryStore(tok), client_id="i", client_secret="s"))
async_client = AsyncPatreon(auth=AsyncPatreonAuth(store=AsyncMemoryStore(tok), client_id="i", client_secret="s"))
static = Patreon(auth="a-token", timeout=3.0, max_retries=0)
creator = PatreonCreatorClient(
    client_id="i", client_secret="s", token=tok, timeout=3.0, event_hooks={"request": [print]},
    http_client=httpx.Client(),
)
faster: PatreonCreatorClient = creator.with_options(timeout=1.0, max_retries=0)
users = AsyncPatreonUserClient(client_id="i", client_secret="s", redirect_uri="https://x", name="app")
one: AsyncPatreon = users.create_instance(store=AsyncMemoryStore(tok))
"""

BAD = {
    "sync_store_on_async_auth": "AsyncPatreonAuth(store=MemoryStore(tok))",
    "async_store_on_sync_auth": "PatreonAuth(store=AsyncMemoryStore(tok))",
    "sync_store_on_async_creator": 'AsyncPatreonCreatorClient(client_id="i", client_secret="s", store=MemoryStore(tok))',
    "sync_store_on_async_user": (
        'AsyncPatreonUserClient(client_id="i", client_secret="s", redirect_uri="https://x")'
        ".create_instance(store=MemoryStore(tok))"
    ),
    "misspelled_option": 'Patreon(token="t", timout=3.0)',
    "misspelled_creator_option": 'PatreonCreatorClient(client_id="i", client_secret="s", token=tok, max_retry=1)',
    "async_transport_on_sync_client": 'Patreon(token="t", transport=httpx.AsyncHTTPTransport())',
    "sync_pool_on_async_creator": (
        'AsyncPatreonCreatorClient(client_id="i", client_secret="s", token=tok, http_client=httpx.Client())'
    ),
    "with_options_is_per_call_only": 'Patreon(token="t").with_options(base_url="https://x")',
}


def test_sync_and_async_are_split_by_type(tmp_path: Path) -> None:
    files = {"good": HEADER + GOOD} | {name: HEADER + body + "\n" for name, body in BAD.items()}
    for name, text in files.items():
        (tmp_path / f"snippet_{name}.py").write_text(text)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--cache-dir",
            str(tmp_path / ".cache"),
            *sorted(str(p) for p in tmp_path.glob("snippet_*.py")),
        ],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    report = {name: "" for name in files}
    for line in result.stdout.splitlines():
        for name in files:
            if f"snippet_{name}.py:" in line:
                report[name] += line + "\n"
    good = report.pop("good")
    assert "error:" not in good, good
    for name, output in report.items():
        assert "error:" in output, f"mypy accepted the bad snippet {name!r}"
