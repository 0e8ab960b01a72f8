"""When to stop following cursors: a missing cursor, a repeated cursor, or a repeated page.

Patreon says to page until no next cursor comes back [PD, since 1f42267]; [PAT] issue #180 saw an
endpoint hand out new cursors for the same page forever, hence the repeated-page check too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from . import errors
from .jsonapi import Resource

# Patreon's cursors are short opaque tokens [PD members sample]; a query string much past a few
# KB is refused by servers and proxies (an HTTP 414) after the request went out.
MAX_CURSOR_LENGTH = 4096


class PageGuard:
    """Remembers the cursors and pages seen so far and says which cursor (if any) comes next."""

    __slots__ = ("_cursors", "_pages")

    def __init__(self) -> None:
        self._cursors: set[str] = set()
        self._pages: set[int] = set()  # hashes keep memory flat over long exports

    def is_new_page(self, data: Sequence[Resource]) -> bool:
        """False when ``data`` holds the very items of a page already seen: checked before yielding it."""
        if not data:
            return True
        signature = hash(tuple(item.id for item in data))
        if signature in self._pages:
            return False
        self._pages.add(signature)
        return True

    def next_cursor(self, data: Sequence[Resource], cursor: str | None) -> str | None:
        """The cursor to follow after a page, or None: no items, no cursor, or a cursor seen before."""
        if not data or not cursor or cursor in self._cursors:
            return None
        self._cursors.add(sendable_cursor(cursor))
        return cursor


def sendable_cursor(cursor: str) -> str:
    """``cursor`` when it can go back in a query string; else ResponseValidationError (bad server data).

    A lone surrogate (``"\\ud800"`` is valid JSON) cannot be encoded as UTF-8, so building the next
    request raised UnicodeEncodeError; path ids get the same kind of check before sending
    (patreon_runtime.path_ids). Checked, not caught, so no UnicodeEncodeError rides along as context.
    """
    if len(cursor) > MAX_CURSOR_LENGTH:
        raise errors.ResponseValidationError(
            f"the next-page cursor Patreon sent is {len(cursor)} characters long "
            f"(at most {MAX_CURSOR_LENGTH} are sent back)"
        )
    if any("\ud800" <= char <= "\udfff" for char in cursor):
        raise errors.ResponseValidationError(
            "the next-page cursor Patreon sent is not valid text (a lone UTF-16 surrogate): it cannot be sent back"
        )
    return cursor


def largest_page(
    page_max: int | None, page_max_with: Mapping[str, int], include: Iterable[str] | None
) -> int | None:
    """The largest ``page[count]`` the spec allows for these includes, or None when it sets none.

    `pages()` and `iterate()` ask for it when the caller gives no ``count``: Patreon's own default
    (20 members) turned a 2,500-member walk into 126 requests and a rate-limit wait. Some includes
    lower the cap (``pledge_history`` to 500 on members [PD]); an include path counts by its first
    step (``pledge_history.tier`` is still pledge_history).
    """
    if page_max is None:
        return None
    if isinstance(include, str):  # `include="all"` asks for every include, so every lower limit applies
        include = list(page_max_with) if include == "all" else include.split(",")
    heads = {path.split(".", 1)[0] for path in include or ()}
    return min([page_max, *(limit for name, limit in page_max_with.items() if name in heads)])
