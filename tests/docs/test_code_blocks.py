"""Every Python block in README.md and docs/*.md runs, page by page, against a local sandbox.

How: tests/docs/run_page.py, in a fresh process per page (see its docstring for what the blocks
may rely on). Shell blocks (`sh`, `console`) are not run here: they are `make demo`, `make test`,
`make generate`, `pip install` and `patreon ...` lines whose behaviour tests/cli,
tests/examples/test_demo.py and the generator's own checks cover, or they need the real Patreon
with a person at the browser. `yaml` blocks are spec excerpts and `sql` blocks schemas, data
rather than code.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .blocks import REPO_ROOT, blocks_of, documents


def _page(path: Path) -> object:
    return pytest.param(path, id=str(path.relative_to(REPO_ROOT)))


PAGES = [path for path in documents() if any(block.runs for block in blocks_of(path))]
NOT_RUN = {"sh", "console", "bash", "shell", "text", "yaml", "sql", ""}


def test_the_docs_have_runnable_pages() -> None:
    names = {path.name for path in PAGES}
    assert {"README.md", "quickstart.md", "user-oauth.md", "webhooks.md", "stores.md"} <= names


@pytest.mark.parametrize("path", documents(), ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_every_block_is_python_or_a_kind_not_run(path: Path) -> None:
    for block in blocks_of(path):
        assert block.runs or block.language in NOT_RUN, f"{path}:{block.line}: {block.language!r}"


@pytest.mark.parametrize("path", [_page(path) for path in PAGES])
def test_page_runs(path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.docs.run_page", str(path)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, f"{path.name} failed:\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
