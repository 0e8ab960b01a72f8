"""Guidance the docs must keep (issue 10): each is a section with a Python block that runs."""

from __future__ import annotations

import pytest

from .blocks import REPO_ROOT, blocks_of

REQUIRED = [
    # (page, heading, a name its runnable example must use)
    ("docs/webhooks.md", "## Replayed and repeated deliveries", "handle_once("),
    # issue 19: the membership guide's three examples, and webhooks into the mirror
    ("docs/membership.md", "## Gate a page by tier", "is_entitled("),
    ("docs/membership.md", "## Webhooks into the mirror", "mirror.apply("),
    ("docs/membership.md", "## React to changes: a Discord-style role sync", "on_change="),
    ("docs/membership.md", "## A nightly resync", ".resync("),
]


@pytest.mark.parametrize(("page", "heading", "uses"), REQUIRED)
def test_section_has_a_runnable_example(page: str, heading: str, uses: str) -> None:
    path = REPO_ROOT / page
    text = path.read_text(encoding="utf-8")
    assert heading in text, f"{page} lost its section {heading!r}"
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    section_lines = range(
        text.count("\n", 0, start) + 1, text.count("\n", 0, end if end != -1 else len(text)) + 1
    )
    runnable = [block for block in blocks_of(path) if block.runs and block.line in section_lines]
    assert any(uses in block.code for block in runnable), f"{page}: {heading} has no runnable {uses}"
