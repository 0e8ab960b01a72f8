"""When to stop following cursors: a missing cursor, a repeated cursor, or a repeated page.

Patreon says to page until no next cursor comes back [PD, since 1f42267]; [PAT] issue #180 saw an
endpoint hand out new cursors for the same page forever, hence the repeated-page check too.
"""

from __future__ import annotations

from collections.abc import Sequence

from .jsonapi import Resource


class PageGuard:
    """Remembers the cursors and pages seen so far and says which cursor (if any) comes next."""

    __slots__ = ("_cursors", "_pages")

    def __init__(self) -> None:
        self._cursors: set[str] = set()
        self._pages: set[int] = set()  # hashes keep memory flat over long exports

    def next_cursor(self, data: Sequence[Resource], cursor: str | None) -> str | None:
        if not data or not cursor or cursor in self._cursors:
            return None
        signature = hash(tuple(item.id for item in data))
        if signature in self._pages:
            return None
        self._cursors.add(cursor)
        self._pages.add(signature)
        return cursor
