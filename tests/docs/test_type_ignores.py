"""Every `# type: ignore[code]` in the docs names the code the pinned mypy reports on that line.

A page's Python blocks, in order, are one module (as tests/docs/run_page.py runs them); mypy checks
it with the project's settings (pyproject.toml, --strict) plus --warn-unused-ignores, so a wrong
code is two errors: the real one, no longer silenced, and the ignore that silences nothing. The
quickstart once showed `[list-item]` where mypy says `arg-type`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .blocks import REPO_ROOT, blocks_of, documents

MARK = "# type: ignore"


def _pages_with_ignores() -> list[Path]:
    return [path for path in documents() if any(MARK in b.code for b in blocks_of(path) if b.runs)]


def test_the_quickstart_is_among_the_checked_pages() -> None:
    assert REPO_ROOT / "docs" / "quickstart.md" in _pages_with_ignores()


@pytest.mark.parametrize("path", _pages_with_ignores(), ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_a_page_with_type_ignores_type_checks_cleanly(path: Path, tmp_path: Path) -> None:
    module = tmp_path / f"{path.stem.replace('-', '_')}_page.py"
    module.write_text("".join(b.code for b in blocks_of(path) if b.runs), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(REPO_ROOT / "pyproject.toml"),
            "--warn-unused-ignores",
            "--cache-dir",
            str(tmp_path / "cache"),
            module.name,
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, f"{path.name}: mypy says\n{done.stdout}{done.stderr}"
