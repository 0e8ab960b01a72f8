"""docs/reference/types.md lists every name `patreon_generated.types` exports, and nothing else."""

from __future__ import annotations

import re

import pytest

import patreon_generated.types

from .blocks import REPO_ROOT, blocks_of

PAGE = REPO_ROOT / "docs" / "reference" / "types.md"


def test_the_types_page_lists_every_exported_name() -> None:
    listed = set(re.findall(r"`([A-Z][A-Za-z0-9]*)`", PAGE.read_text()))
    exported = set(patreon_generated.types.__all__)
    assert exported - listed == set(), "names the page misses"
    assert listed - exported == set(), "names the page lists that the module does not export"


def test_every_exported_name_is_importable() -> None:
    for name in patreon_generated.types.__all__:
        assert getattr(patreon_generated.types, name) is not None, name


def test_the_page_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    # docs/reference/ is not among the pages test_code_blocks runs; this page's block runs here.
    (block,) = [b for b in blocks_of(PAGE) if b.runs]
    exec(compile(block.code, str(PAGE), "exec"), {"__name__": "types_page"})
    assert capsys.readouterr().out == "True ['Ada']\n"
