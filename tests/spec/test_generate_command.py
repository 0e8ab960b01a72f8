"""`make generate` writes everything generated, the coverage page included, and `make
check-generated` fails when that page is stale (it used to need a separate `make spec-report`)."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.__main__ as command
from generator import unasync
from patreon_spec import coverage
from patreon_spec.source import load_spec


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The coverage page moved to a temporary file; the package and twin steps left out (tested elsewhere)."""
    target = tmp_path / "spec-coverage.md"
    monkeypatch.setattr(coverage, "PAGE", target)
    monkeypatch.setattr(command, "build_into_package", lambda: None)
    monkeypatch.setattr(unasync, "build", lambda: None)
    monkeypatch.setattr(command, "check", lambda: 0)
    monkeypatch.setattr(unasync, "drift", lambda: [])
    return target


def test_generate_writes_the_coverage_page(page: Path) -> None:
    assert command.main(["generator", "build"]) == 0
    assert page.read_text(encoding="utf-8") == coverage.render(load_spec())


def test_check_fails_on_a_stale_coverage_page_and_passes_after_generate(page: Path) -> None:
    page.write_text("stale\n", encoding="utf-8")
    assert command.main(["generator", "check"]) == 1
    assert command.main(["generator", "build"]) == 0
    assert command.main(["generator", "check"]) == 0


def test_the_committed_page_is_what_generate_writes() -> None:
    # The checkout's page, not coverage.PAGE: on the installed (compiled) build that path is
    # beside the package in site-packages, where no docs/ folder is.
    committed = Path(__file__).resolve().parents[2] / "docs" / "spec-coverage.md"
    assert committed.read_text(encoding="utf-8") == coverage.render(load_spec())
