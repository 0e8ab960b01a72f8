"""mkdocs hook: guides link to files of the repository beside docs/ (the spec, example receivers).

Those links are right on GitHub and in an editor, but mkdocs only knows files under docs/, so
--strict would reject them. This hook publishes each linked repository file with the site (under
its own repository path) and points the link there, so every link on the site resolves.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
# A Markdown link target that climbs out of docs/: ](../path/to/file)
OUTSIDE_LINK = re.compile(r"\]\(\.\./([^)#\s]+)")


def _linked_repo_files() -> set[str]:
    found: set[str] = set()
    for page in DOCS.glob("*.md"):
        found.update(OUTSIDE_LINK.findall(page.read_text(encoding="utf-8")))
    return found


def on_files(files: Files, config: Any) -> Files:
    for relative in sorted(_linked_repo_files()):
        if (REPO / relative).is_file():
            files.append(
                File(relative, src_dir=str(REPO), dest_dir=config["site_dir"], use_directory_urls=False)
            )
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    # From a page at the docs root, "../spec/x" names the repository file now published at "spec/x".
    return OUTSIDE_LINK.sub(r"](\1", markdown)
