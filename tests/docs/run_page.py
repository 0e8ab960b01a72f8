"""Run one page's Python blocks, in order, in one namespace, against a sandbox served on loopback.

`python -m tests.docs.run_page docs/webhooks.md`. The contract the docs rely on (and say so):
- PATREON_BASE_URL, PATREON_CLIENT_ID, PATREON_CLIENT_SECRET, PATREON_ACCESS_TOKEN,
  PATREON_REFRESH_TOKEN and PATREON_REDIRECT_URI point at a fresh sandbox (seed 7, 120 members),
  as they would point at Patreon in production;
- REDIS_URL points at a throwaway redis-server when one is installed;
- `sandbox` is that patreon_sandbox.Sandbox, for blocks that play the user's part (consent);
- the blocks run as the body of a module named `__docs__` (in sys.modules), so single-file
  idioms such as Django's `ROOT_URLCONF=__name__` work;
- the working directory is a temporary one, so files the examples write go nowhere.
Each page runs in its own process: Django settings, env changes and imports cannot leak between pages.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Iterator
from pathlib import Path

from patreon_sandbox import Sandbox
from tests.docs.blocks import blocks_of

REDIRECT_URI = "http://localhost:8000/oauth/callback"
PAGE_MODULE = "__docs__"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def _redis() -> Iterator[str | None]:
    binary = shutil.which("redis-server")
    if binary is None:
        yield None
        return
    port = _free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.02)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextlib.contextmanager
def page_namespace(path: Path) -> Iterator[types.ModuleType]:
    """Run the page's blocks and yield their module while the sandbox behind them still serves.

    Lets a test drive what a page defined (its apps, its handlers) beyond what the page itself does.
    """
    code_blocks = [block for block in blocks_of(path) if block.runs]
    with (
        Sandbox(seed=7, members=120, rate_limits=None, redirect_uris=[REDIRECT_URI]) as sandbox,
        sandbox.serve_in_thread() as base_url,
        _redis() as redis_url,
        tempfile.TemporaryDirectory() as workdir,
    ):
        token = sandbox.creator_token()
        os.environ.update(
            PATREON_BASE_URL=base_url,
            PATREON_CLIENT_ID=sandbox.client_id,
            PATREON_CLIENT_SECRET=sandbox.client_secret,
            PATREON_ACCESS_TOKEN=token.access_token,
            PATREON_REFRESH_TOKEN=token.refresh_token or "",
            PATREON_REDIRECT_URI=REDIRECT_URI,
        )
        if redis_url:
            os.environ["REDIS_URL"] = redis_url
        os.chdir(workdir)
        page = types.ModuleType(PAGE_MODULE)
        page.sandbox = sandbox  # type: ignore[attr-defined]
        sys.modules[PAGE_MODULE] = page
        for block in code_blocks:
            # Blank lines in front: a traceback's line number is the line in the Markdown file.
            source = "\n" * (block.line - 1) + block.code
            exec(compile(source, str(block.path), "exec"), page.__dict__)
        yield page


def run_page(path: Path) -> None:
    with page_namespace(path):
        pass


if __name__ == "__main__":
    run_page(Path(sys.argv[1]).resolve())
