"""Every citation of the team's notes (`reference/*.md`, DESIGN) resolves to a file in the repo.

The notes live in design/ (design/DESIGN.md, design/reference/*.md). A citation resolves when the
path exists from the repository root or from the citing file's folder (Markdown links), or, in
mkdocs.yml, from docs/. A bare `DESIGN` or a `reference/x.md` that exists only on one machine fails.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .blocks import REPO_ROOT

CITATION = re.compile(r"[\w./-]*(?:\breference/[\w-]+\.md|\bDESIGN\b(?:\.md)?)")
TEXT_SUFFIXES = {".py", ".md", ".yaml", ".yml", ".jinja", ".toml", ".txt", ".cfg", ""}


def unresolved(root: Path, files: list[Path]) -> list[str]:
    """`file:line: citation` for each citation under ``root`` that names no existing file."""
    bad: list[str] = []
    for path in files:
        if path.suffix not in TEXT_SUFFIXES or not path.is_file():
            continue
        bases = [root, path.parent] + ([root / "docs"] if path.name == "mkdocs.yml" else [])
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for match in CITATION.finditer(line):
                cited = match.group(0).rstrip(".")
                if cited.endswith("DESIGN"):
                    cited += ".md"  # a bare DESIGN: only fine if it is a path that exists with .md
                    if "/" not in cited:
                        bad.append(
                            f"{path.relative_to(root)}:{number}: {match.group(0)} (cite design/DESIGN.md)"
                        )
                        continue
                if not any((base / cited).resolve().is_file() for base in bases):
                    bad.append(f"{path.relative_to(root)}:{number}: {match.group(0)}")
    return bad


def tracked_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO_ROOT, capture_output=True, text=True
    )
    assert listed.returncode == 0, listed.stderr
    return [REPO_ROOT / name for name in listed.stdout.splitlines()]


def test_every_citation_in_the_repo_resolves() -> None:
    this_file = Path(__file__).resolve()  # its citations are test data
    assert unresolved(REPO_ROOT, [p for p in tracked_files() if p.resolve() != this_file]) == []


def test_the_notes_are_in_the_repo() -> None:
    for name in ("DESIGN.md", "reference/style.md", "reference/anchors.md", "reference/patreon-api-v2.md"):
        assert (REPO_ROOT / "design" / name).is_file(), name
    assert (REPO_ROOT / "design" / "reference" / "openapi-python-client.md").is_file()


def test_the_check_catches_citations_that_do_not_resolve(tmp_path: Path) -> None:
    (tmp_path / "design" / "reference").mkdir(parents=True)
    (tmp_path / "design" / "DESIGN.md").write_text("see reference/style.md\n")
    (tmp_path / "design" / "reference" / "style.md").write_text("rules\n")
    good = tmp_path / "good.py"
    good.write_text("# design/reference/style.md and design/DESIGN.md\n")
    bad = tmp_path / "bad.py"
    bad.write_text('# (DESIGN "Sandbox")\n# reference/anchors.md\n# see reference/style.md\n')
    files = [good, bad, tmp_path / "design" / "DESIGN.md"]
    assert unresolved(tmp_path, files) == [
        "bad.py:1: DESIGN (cite design/DESIGN.md)",
        "bad.py:2: reference/anchors.md",
        "bad.py:3: reference/style.md",
    ]
