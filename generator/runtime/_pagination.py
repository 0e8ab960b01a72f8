"""When to stop following cursors: a missing cursor, a repeated cursor, or a repeated page.

Patreon says to page until no next cursor comes back [PD, since 1f42267]; [PAT] issue #180 saw an
endpoint hand out new cursors for the same page forever, hence the repeated-page check too.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._jsonapi import Resource


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
        self._cursors.add(cursor)
        return cursor
