"""Code blocks of the Markdown docs: which ones, where they start, and which are run."""

from __future__ import annotations

import re
from pathlib import Path

import attrs

REPO_ROOT = Path(__file__).resolve().parents[2]
FENCE = re.compile(r"^\s*```(\S*)\s*$")  # fences may be indented inside list items
RUN_LANGUAGES = {"python", "py"}


@attrs.frozen
class Block:
    path: Path
    line: int  # 1-based line of the first code line, so tracebacks point into the Markdown
    language: str
    code: str

    @property
    def runs(self) -> bool:
        return self.language in RUN_LANGUAGES


def blocks_of(path: Path) -> list[Block]:
    found: list[Block] = []
    language: str | None = None
    start = 0
    lines: list[str] = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = FENCE.match(text)
        if language is None and match:
            language, start, lines = match.group(1), number + 1, []
        elif language is not None and text.strip() == "```":
            found.append(Block(path, start, language, "\n".join(lines) + "\n"))
            language = None
        elif language is not None:
            lines.append(text)
    if language is not None:
        raise ValueError(f"{path}:{start - 1}: code block never closed")
    return found


def documents() -> list[Path]:
    """README.md and every page under docs/."""
    return [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").glob("*.md"))]
