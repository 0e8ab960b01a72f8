"""mkdocs hook: the client options table in the API reference, and source tags as links.

1. Every client signature ends in `**options: Unpack[PatreonOptions]`, which mkdocstrings shows
   as it is. A page line `<!-- patreonkit:options-table -->` becomes a table of each option, its
   type and its default, read from the code (`PatreonOptions`, `ClientOptions`), so the reference
   cannot fall behind a default that changes; each name links to docs/options.md for its meaning.
2. Docstrings and guides cite their sources with tags such as `[PD _oauth.md]` (README "sources",
   design/reference/patreon-api-v2.md). In the rendered site each tag becomes a link: to the file
   in Patreon's platform-documentation when it names one, else to the sources table.
"""

from __future__ import annotations

import html
import re
from typing import Any

import attrs

OPTIONS_MARKER = "<!-- patreonkit:options-table -->"
# Patreon/platform-documentation at the commit the spec was checked against
# (design/reference/patreon-api-v2.md, the [PD] row: HEAD 46077b3, 2024-12-05).
PD_FILES = "https://github.com/Patreon/platform-documentation/blob/46077b3/source/includes/"
SOURCES_PAGE = "design/reference/patreon-api-v2.md"  # its table says what each tag stands for
TAGS = ("PD", "PAT", "WP", "GO", "KG", "NET", "PY", "AE")
# A tag as rendered HTML: "[PD", then text and inline code up to "]" (a wrapped line included;
# never across another bracket or element, and never longer than a citation is).
_TAG = re.compile(r"\[(" + "|".join(TAGS) + r")\b((?:[^\]\[<]|<code>[^<]*</code>){0,200})\]")
_PRE = re.compile(r"(<pre\b.*?</pre>)", re.S)
_PD_FILE = re.compile(r"(_[a-z0-9_]+\.md)")


def option_defaults() -> dict[str, Any]:
    """Each client option and the value a client uses when it is not given (from ClientOptions)."""
    from patreon_runtime.options import PatreonOptions
    from patreon_runtime.sender import DEFAULT_TIMEOUT, ClientOptions

    defaults: dict[str, Any] = {}
    by_name = {field.name: field for field in attrs.fields(ClientOptions)}
    for name in PatreonOptions.__annotations__:
        field = by_name[name]
        default = field.default
        factory = getattr(default, "factory", None)  # attrs.Factory(dict) for `headers`
        if callable(factory):
            default = factory()
        defaults[name] = DEFAULT_TIMEOUT if name == "timeout" and default is None else default
    return defaults


def option_types() -> dict[str, tuple[str, str]]:
    """Each option's type as written in the code: (sync clients, async clients)."""
    from patreon_runtime.options import AsyncPatreonOptions, PatreonOptions

    def written(annotation: Any) -> str:
        return str(getattr(annotation, "__forward_arg__", annotation))

    return {
        name: (written(annotation), written(AsyncPatreonOptions.__annotations__[name]))
        for name, annotation in PatreonOptions.__annotations__.items()
    }


def options_table(guide_link: str) -> str:
    """The Markdown table: option, type (async type when it differs), default."""
    rows = ["| Option | Type | Default |", "|---|---|---|"]
    types = option_types()
    for name, default in option_defaults().items():
        sync_type, async_type = types[name]
        shown = f"`{sync_type}`" + (f" (async: `{async_type}`)" if async_type != sync_type else "")
        rows.append(f"| [`{name}`]({guide_link}) | {shown} | `{default!r}` |")
    return "\n".join(rows) + "\n"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if OPTIONS_MARKER not in markdown:
        return markdown
    depth = page.file.src_uri.count("/")
    return markdown.replace(OPTIONS_MARKER, options_table("../" * depth + "options.md"))


def link_source_tags(content: str, to_root: str) -> str:
    """Each `[PD ...]`-style tag outside <pre> blocks as a link; `to_root` leads to the site root."""

    def link(match: re.Match[str]) -> str:
        tag, rest = match.group(1), match.group(2)
        pd_file = _PD_FILE.search(html.unescape(re.sub(r"</?code>", "", rest))) if tag == "PD" else None
        href = PD_FILES + pd_file.group(1) if pd_file else f"{to_root}{SOURCES_PAGE.removesuffix('.md')}.html"
        return f'<a class="source-tag" href="{href}" title="source: {tag}">[{tag}{rest}]</a>'

    parts = _PRE.split(content)
    return "".join(part if part.startswith("<pre") else _TAG.sub(link, part) for part in parts)


def _strip_tags(items: Any) -> None:
    """Tags in headings stay links in the page; the sidebar's table of contents drops them."""
    for item in items:
        item.title = _TAG.sub("", item.title).rstrip()
        _strip_tags(item.children)


def on_page_content(content: str, page: Any, config: Any, files: Any) -> str:
    if page.toc is not None:
        _strip_tags(page.toc.items)
    return link_source_tags(content, "../" * page.url.count("/"))
