"""The export loop: one page in memory at a time, the bar's total from the first page."""

from __future__ import annotations

from typing import cast

import attrs

from patreon_cli.export.selection import Selection
from patreon_cli.export.writers import Writer
from patreon_cli.progress import Progress
from patreon_generated import Patreon
from patreon_generated.literals import ListCampaignMembersFields, ListCampaignMembersInclude


@attrs.frozen
class ExportResult:
    """How many members were written, and how many Patreon said there were (None if it did not say)."""

    written: int
    total: int | None

    @property
    def complete(self) -> bool:
        return self.total is None or self.written == self.total


def export_members(
    client: Patreon, campaign_id: str, selection: Selection, writer: Writer, progress: Progress
) -> ExportResult:
    written = 0
    total: int | None = None
    writer.begin()
    pages = client.members.pages(
        campaign_id,
        # parse_selection checked every name against the schema table, so the casts hold.
        include=cast("list[ListCampaignMembersInclude]", selection.includes),
        fields=cast("ListCampaignMembersFields", selection.api_fields()),
        count=selection.page_size(),
    )
    # Only the current page is referenced here, and pages hold no reference cycles, so each one is
    # freed as soon as the next arrives: memory is one or two pages whatever the campaign's size
    # (bench/export_memory.py measures it at 10,000 and 100,000 members).
    for number, page in enumerate(pages):
        if number == 0:
            # meta.pagination.total comes with every page; the first one is enough [PD members sample].
            total = page.total
            progress.set_total(total)
        for member in page.data:
            writer.write(page, member)
        written += len(page.data)
        progress.advance(len(page.data))
    writer.end()
    return ExportResult(written=written, total=total)
