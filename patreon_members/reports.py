"""What a resync returns: counts of what it saw and changed, and (by default) the changes."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from patreon_members.changes import Change, ChangeKind


@attrs.frozen
class ResyncReport:
    """One resync: ``members`` listed by the API over ``pages`` pages, ``counts`` of each change kind.

    ``changes`` holds every change unless the resync ran with ``keep_changes=False`` (memory stays
    flat for any campaign size; the changes still go to ``on_change``). ``marked`` counts members
    whose stored state looked newer than the page (a webhook applied while paging): written from
    the page and marked, so ``reread`` asks the API once more.
    """

    campaign_id: str
    members: int
    pages: int
    counts: Mapping[ChangeKind, int]
    changes: tuple[Change, ...]
    marked: int = 0

    @property
    def joined(self) -> int:
        return self.counts.get("joined", 0)

    @property
    def left(self) -> int:
        return self.counts.get("left", 0)

    @property
    def total_changes(self) -> int:
        return sum(self.counts.values())


__all__ = ["ResyncReport"]
