"""AsyncMemberMirror: one campaign's members in SQLite or PostgreSQL, kept true by resyncs and webhooks.

The async twin is the source: generator/unasync.py writes MemberMirror from it. The tables are
described in patreon_members/_sql.py; the rules for ordering deliveries in _ordering.py; what is
reported, and when, in docs/membership.md.

Every write is one transaction: a resync page, one delivery, one re-read. Changes are computed
inside it and reported after it committed, so a change is never reported for a write that did
not happen, and never twice (a repeated delivery is refused by its digest in the same
transaction that applies it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from patreon_auth.errors import NotFoundError, PatreonError
from patreon_auth.webhooks import WebhookEvent
from patreon_members import _codec
from patreon_members._async.engines import AsyncEngine, AsyncMirrorTx, AsyncPostgresEngine, AsyncSQLiteEngine
from patreon_members._concurrency import AsyncOps
from patreon_members._ordering import order
from patreon_members._sql import DEFAULT_PREFIX, Row
from patreon_members.changes import AsyncChangeCallback, Change, ChangeKind, Left, Source, diff
from patreon_members.entitlement import EntitledTier, Entitlement, _tier_id, entitlement_of, entitlements_of
from patreon_members.errors import ForeignCampaignError, MirrorError, NotAMemberEventError
from patreon_members.fields import member_fields, member_include
from patreon_members.reports import ResyncReport

if TYPE_CHECKING:
    from patreon_generated import AsyncPatreon
    from patreon_generated.literals import ListCampaignMembersInclude
    from patreon_runtime.jsonapi import Resource

logger = logging.getLogger("patreon.members")

# Patreon retries a failed delivery for about three weeks (1 h ... 1 w, 1 w, 1 w [PD _webhooks.md]);
# a digest is kept longer than that, so a late repeat is still recognised.
DEFAULT_DELIVERY_MEMORY = dt.timedelta(days=45)
DEFAULT_LOCK_TIMEOUT = 30.0
_CHUNK = 500
_PAGE_INCLUDE: list[ListCampaignMembersInclude] = [name for name in member_include() if name != "campaign"]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def _is_postgres(database: str | os.PathLike[str]) -> bool:
    return isinstance(database, str) and database.startswith(("postgresql://", "postgres://"))


def delivery_digest(event: WebhookEvent) -> str:
    """A delivery's identity: Patreon sends no delivery id, so the trigger and the body's content.

    The body is re-serialised with sorted keys: the same content is the same delivery whatever
    the whitespace. Two deliveries of one member with byte-equal content are one delivery (see
    docs/membership.md: the mirror marks such a member for a re-read when its state moved since).
    """
    body = json.dumps(event.document.raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{event.trigger}\n{body}".encode()).hexdigest()


def _row(entitlement: Entitlement, text: str, mark: bool, run: int, now: str) -> tuple[Any, ...]:
    """The parameters of ``Statements.upsert``/``upsert_delivery``; ``mark`` sets needs_reread."""
    email = entitlement.email.strip().lower() if entitlement.email else None
    return (
        entitlement.member_id,
        entitlement.user_id,
        email,
        entitlement.status,
        int(entitlement.is_paying),
        text,
        int(mark),
        run,
        now,
    )


class AsyncMemberMirror:
    """One campaign's members in a database: SQLite file (default, 0600) or PostgreSQL.

    ``AsyncMemberMirror("members.db")`` or ``AsyncMemberMirror("postgresql://...")`` (or
    ``AsyncMemberMirror.postgres(conninfo)`` for a key=value connection string). The campaign is
    bound by ``campaign_id=``, or by the first resync, and kept in the database; a delivery or
    resync of another campaign is refused. ``on_change`` takes one callback or several, sync or
    async, each called once per change after the write is committed.
    """

    def __init__(
        self,
        database: str | os.PathLike[str],
        *,
        campaign_id: str | None = None,
        on_change: AsyncChangeCallback | Sequence[AsyncChangeCallback] | None = None,
        table_prefix: str = DEFAULT_PREFIX,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        durable: bool = True,
        delivery_memory: dt.timedelta = DEFAULT_DELIVERY_MEMORY,
        engine: AsyncEngine | None = None,
    ) -> None:
        if engine is None:
            if _is_postgres(database):
                engine = AsyncPostgresEngine(str(database), table_prefix, timeout=lock_timeout)
            else:
                engine = AsyncSQLiteEngine(database, table_prefix, timeout=lock_timeout, durable=durable)
        self._engine = engine
        self._st = engine.statements
        self._wanted_campaign = str(campaign_id) if campaign_id is not None else None
        self._campaign: str | None = None
        if on_change is None:
            self._callbacks: tuple[AsyncChangeCallback, ...] = ()
        elif callable(on_change):
            self._callbacks = (on_change,)
        else:
            self._callbacks = tuple(on_change)
        self.delivery_memory = delivery_memory

    @classmethod
    def postgres(cls, conninfo: str, **options: Any) -> AsyncMemberMirror:
        """A mirror in PostgreSQL from any libpq connection string (URL or ``key=value``)."""
        timeout = float(options.get("lock_timeout", DEFAULT_LOCK_TIMEOUT))
        engine = AsyncPostgresEngine(conninfo, options.pop("table_prefix", DEFAULT_PREFIX), timeout=timeout)
        return cls(conninfo, engine=engine, **options)

    @property
    def where(self) -> str:
        """The file or server the mirror lives in (never a password)."""
        return self._engine.where

    def __repr__(self) -> str:
        return f"AsyncMemberMirror({self._engine.where}, campaign_id={self._campaign or self._wanted_campaign!r})"

    async def aclose(self) -> None:
        await self._engine.close()

    async def __aenter__(self) -> AsyncMemberMirror:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # --- the campaign ------------------------------------------------------------------------

    async def _bind(self, campaign_id: str | None) -> str:
        """The campaign this mirror keeps: checked against ``campaign_id``, stored on first use."""
        wanted = campaign_id if campaign_id is not None else self._wanted_campaign
        if self._campaign is not None and (wanted is None or wanted == self._campaign):
            return self._campaign
        async with self._engine.transaction() as tx:
            rows = await tx.rows(self._st.meta_get, ("campaign_id",))
            stored = str(rows[0][0]) if rows else None
            if stored is None:
                if wanted is None:
                    raise MirrorError(
                        f"the member mirror in {self.where} keeps no campaign yet: "
                        "pass campaign_id= or resync it first"
                    )
                await tx.run(self._st.meta_set, ("campaign_id", wanted))
                stored = wanted
        if wanted is not None and wanted != stored:
            raise ForeignCampaignError(
                f"the member mirror in {self.where} keeps campaign {stored}, not campaign {wanted}"
            )
        self._campaign = stored
        return stored

    async def _current_run(self, tx: AsyncMirrorTx) -> int:
        rows = await tx.rows(self._st.meta_get, ("run",))
        return int(rows[0][0]) if rows else 0

    # --- reporting -----------------------------------------------------------------------------

    async def _report(self, changes: Sequence[Change]) -> None:
        """Each change to each callback, after the commit. A failing callback is logged and the
        others still run: the write is kept and the change is not reported again."""
        for change in changes:
            for callback in self._callbacks:
                try:
                    await AsyncOps.settle(callback(change))
                except Exception:
                    logger.exception(
                        "on_change callback %r failed on %s of member %s; the change is stored and "
                        "will not be reported again",
                        callback,
                        change.kind,
                        change.member_id,
                    )

    # --- writing -------------------------------------------------------------------------------

    async def _write(
        self, tx: AsyncMirrorTx, items: Sequence[Entitlement], run: int, source: Source
    ) -> tuple[list[Change], int]:
        """Write what the API said about ``items`` (the truth when it was read); (changes, marked).

        The API's state replaces the stored one and clears its mark. When a resync page looks
        older than the stored state by the ordering rules (a webhook applied after the page was
        read, or a field that moved back), it is still written, and the member is marked so
        ``reread`` asks the API once more.
        """
        st = self._st
        ids = [item.member_id for item in items]
        stored: dict[str, Row] = {}
        for start in range(0, len(ids), _CHUNK):
            part = ids[start : start + _CHUNK]
            for row in await tx.rows(st.members_get_many(len(part)), st.many_params(part)):
                stored[str(row[0])] = row
        now = _now()
        upserts: list[tuple[Any, ...]] = []
        tier_rows: list[tuple[str, str]] = []
        kept: list[tuple[int, str]] = []
        doubtful = 0
        changes: list[Change] = []
        for item in items:
            text = _codec.encode(item)
            old = stored.get(item.member_id)
            before: Entitlement | None = None
            if old is not None and not old[2]:
                if old[1] == text:
                    kept.append((run, item.member_id))
                    continue
                try:
                    before = _codec.decode(old[1])
                except MirrorError:  # unreadable (another version wrote it): the API's state replaces it
                    before = None
            mark = before is not None and source == "resync" and order(before, item) == "older"
            doubtful += mark
            upserts.append(_row(item, text, mark, run, now))
            tier_rows.extend((tier.id, item.member_id) for tier in item.tiers)
            changes.extend(diff(before, item, source))
        await tx.many(st.upsert, upserts)
        # Only rows that were there can have tier rows to replace (a first resync has none).
        await tx.many(st.tiers_delete, [(row[0],) for row in upserts if row[0] in stored])
        await tx.many(st.tiers_insert, tier_rows)
        await tx.many(st.unmark, kept)
        return changes, doubtful

    async def _bury(self, tx: AsyncMirrorTx, member_id: str, run: int, *, delivered: bool = False) -> None:
        """A tombstone; from a delivery (``delivered``) it keeps the mark, from the API it clears it."""
        await tx.run(self._st.bury_delivery if delivered else self._st.bury, (run, _now(), member_id))
        await tx.run(self._st.tiers_delete, (member_id,))

    # --- resync ------------------------------------------------------------------------------

    async def resync(
        self,
        client: AsyncPatreon,
        campaign_id: str,
        *,
        keep_changes: bool = True,
        on_page: Callable[[int, int | None], object] | None = None,
    ) -> ResyncReport:
        """Page every member of ``campaign_id`` (largest pages), write them, remove those gone.

        ``on_page(written, total)`` is called after each page is written: the members written so
        far and the campaign's total as Patreon reports it (``meta.pagination.total``, or None),
        for a progress bar.

        Streaming: one page in memory at a time, written in its own transaction. Interrupted
        (even by kill -9), every page written so far is a true state and nothing was removed;
        the next resync completes it. Members not listed are removed (kept as tombstones) only
        after the last page, in transactions of their own.
        """
        campaign_id = str(campaign_id)
        await self._bind(campaign_id)
        async with self._engine.transaction() as tx:
            run = await self._current_run(tx) + 1
            await tx.run(self._st.meta_set, ("run", str(run)))
        counts: Counter[ChangeKind] = Counter()
        kept_changes: list[Change] = []
        members = pages = marked = 0
        # Without `campaign` in the include: a campaign's members endpoint lists that campaign's
        # members only [PD: GET /campaigns/{campaign_id}/members], so the campaign is the URL's,
        # and not rendering and decoding it for each member is a sixth of a page (bench/members.py).
        # read_ahead: page n+1 is requested before page n is handed over, so Patreon prepares it
        # while page n is written (a resync of 10,000 members took about a fifth less time:
        # bench/members.py, patreon_runtime/read_ahead.py).
        pages_of = client.members.pages(
            campaign_id, include=_PAGE_INCLUDE, fields=member_fields(), read_ahead=True
        )
        # The async mirror also writes page n in a task while page n+1 is decoded; its changes are
        # reported once that write returned, so always after its commit.
        writing: Any = None
        total: int | None = None
        try:
            async for page in pages_of:
                items = entitlements_of(page, campaign_id)
                pagination = page.meta.get("pagination")
                listed = pagination.get("total") if isinstance(pagination, dict) else None
                total = listed if isinstance(listed, int) else total
                pages += 1
                if writing is not None:
                    changes, doubtful = await AsyncOps.finish(writing)
                    writing = None
                    marked += doubtful
                    await self._account(changes, counts, kept_changes if keep_changes else None)
                    if on_page is not None:
                        on_page(members, total)
                members += len(items)
                writing = AsyncOps.start(self._write_page, items, run)
        finally:
            if writing is not None:
                # Also when paging failed: the page being written commits, and what it changed is reported.
                changes, doubtful = await AsyncOps.finish(writing)
                marked += doubtful
                await self._account(changes, counts, kept_changes if keep_changes else None)
                if on_page is not None:
                    on_page(members, total)
        after = ""
        while True:
            async with self._engine.transaction() as tx:
                gone = await tx.rows(self._st.unseen, (run, after, _CHUNK))
                changes = []
                for member_id, text in gone:
                    if await tx.run(self._st.bury_unseen, (run, _now(), str(member_id), run)):
                        await tx.run(self._st.tiers_delete, (str(member_id),))
                        changes.append(Left(str(member_id), _codec.decode(text), "resync"))
            await self._account(changes, counts, kept_changes if keep_changes else None)
            if len(gone) < _CHUNK:
                break
            after = str(gone[-1][0])
        await self.prune()
        return ResyncReport(
            campaign_id=campaign_id,
            members=members,
            pages=pages,
            counts=dict(counts),
            changes=tuple(kept_changes),
            marked=marked,
        )

    async def _write_page(self, items: list[Entitlement], run: int) -> tuple[list[Change], int]:
        async with self._engine.transaction() as tx:
            if self._st.lock_pages is not None and self._st.lock_page is not None:
                await tx.rows(self._st.lock_pages, ())
                await tx.rows(self._st.lock_page, ([item.member_id for item in items],))
            return await self._write(tx, items, run, "resync")

    async def _account(
        self, changes: list[Change], counts: Counter[ChangeKind], keep: list[Change] | None
    ) -> None:
        for change in changes:
            counts[change.kind] += 1
        if keep is not None:
            keep.extend(changes)
        await self._report(changes)

    # --- webhooks ------------------------------------------------------------------------------

    async def apply(self, event: WebhookEvent, *, client: AsyncPatreon | None = None) -> list[Change] | None:
        """Apply one verified member delivery; its changes, or None when it was applied before.

        Refused with nothing changed: anything but a member event (NotAMemberEventError), a member
        of another campaign (ForeignCampaignError), a payload without what entitlement reads
        (MissingFieldsError). A delivery older than the stored state is never applied (the member
        is marked). One that cannot be ordered (a downgrade or cancellation moves no field that only
        goes forward) is applied, arrival order being the best guess, and the member is marked:
        ``reread(client)`` asks the API, the truth. Given ``client``, a member left marked is
        re-read at once and its changes follow the delivery's (one API call; a failing call is
        logged and the mark stays for ``reread``). A database failure raises MirrorStorageError:
        answer non-2xx so Patreon sends again.
        """
        if not isinstance(event, WebhookEvent):
            raise NotAMemberEventError(
                f"apply takes a verified patreon_auth.webhooks.WebhookEvent, not {type(event).__name__}"
            )
        member = event.member
        # Which triggers carry a member: the spec's trigger table (the one source, issue 20), already
        # loaded by parse_event for the event in hand.
        from patreon_generated.schema import WEBHOOK_TRIGGERS

        if member is None or WEBHOOK_TRIGGERS.get(event.trigger) != "member":
            raise NotAMemberEventError(f"a {event.trigger!r} delivery carries no member for the mirror")
        incoming = entitlement_of(member, event.document)
        bound = await self._bind(None)
        if incoming.campaign_id != bound:
            raise ForeignCampaignError(
                f"member {incoming.member_id} belongs to campaign {incoming.campaign_id}; "
                f"the mirror in {self.where} keeps campaign {bound}"
            )
        digest = delivery_digest(event)
        text = _codec.encode(incoming)
        member_id = incoming.member_id
        st = self._st
        changes: list[Change] | None
        async with self._engine.transaction() as tx:
            if st.lock_member is not None:
                await tx.rows(st.lock_member, (member_id,))
            fresh = await tx.run(st.delivery_insert, (digest, member_id, _now()))
            rows = await tx.rows(st.member_get, (member_id,))
            old = rows[0] if rows else None
            if not fresh:
                # Already applied. Byte-equal content can also be a real return to an earlier
                # state (A -> B -> A): if the stored state moved since, let the API decide.
                if old is not None and not old[1] and old[0] != text and event.trigger != "members:delete":
                    await tx.run(st.mark, (member_id,))
                changes = None
            else:
                changes = await self._apply_fresh(tx, event.trigger, incoming, text, old)
        if changes:
            await self._report(changes)
        if client is not None:
            settled = await self._settle(client, bound, member_id)
            if changes is not None:
                changes.extend(settled)
        return changes

    async def _settle(self, client: AsyncPatreon, campaign_id: str, member_id: str) -> list[Change]:
        """Re-read ``member_id`` now if a delivery left it marked; its changes (reported already)."""
        rows = await self._engine.rows(self._st.member_get, (member_id,))
        if not rows or not rows[0][2]:
            return []
        try:
            return await self._reread_one(client, campaign_id, member_id)
        except PatreonError as exc:
            logger.warning(
                "re-reading member %s after its delivery failed (%s); it stays marked for reread()",
                member_id,
                type(exc).__name__,
            )
            return []

    async def _apply_fresh(
        self, tx: AsyncMirrorTx, trigger: str, incoming: Entitlement, text: str, old: Row | None
    ) -> list[Change]:
        st = self._st
        member_id = incoming.member_id
        run = await self._current_run(tx)
        before = _codec.decode(old[0]) if old is not None else None
        if trigger == "members:delete":
            # Deleted (only members who never paid are deleted [PD _webhooks_v2.md]): a tombstone,
            # so a late create or update cannot bring the member back. A mark stays: a delivery
            # never clears one, only a read from the API does.
            if old is None:
                await tx.run(st.upsert_delivery, _row(incoming, text, False, run, _now()))
                await self._bury(tx, member_id, run, delivered=True)
                return []
            if old[1]:
                return []
            await self._bury(tx, member_id, run, delivered=True)
            assert before is not None
            return [Left(member_id, before, "webhook")]
        mark = False
        if old is not None and before is not None:
            ordering = order(before, incoming)
            if ordering == "same":
                return []
            if ordering == "older":
                # Older than what is stored: never applied; the API is asked in case a field
                # moved back for a reason of its own (a refund lowers lifetime support).
                await tx.run(st.mark, (member_id,))
                return []
            # Cannot be told (no field moved, or they disagree): arrival order is the best guess,
            # so it is applied, and the member is marked for the API to settle.
            mark = ordering == "undecidable"
        # upsert_delivery can set a mark, never clear one an earlier delivery left.
        await tx.run(st.upsert_delivery, _row(incoming, text, mark, run, _now()))
        await tx.run(st.tiers_delete, (member_id,))
        await tx.many(st.tiers_insert, [(tier.id, member_id) for tier in incoming.tiers])
        return diff(None if old is None or old[1] else before, incoming, "webhook")

    async def prune(self, older_than: dt.timedelta | None = None) -> int:
        """Forget delivery digests older than ``older_than`` (default ``delivery_memory``, 45 days);
        how many. Every resync prunes; a mirror fed only by webhooks should call it now and then."""
        cutoff = (
            dt.datetime.now(dt.UTC) - (self.delivery_memory if older_than is None else older_than)
        ).isoformat()
        async with self._engine.transaction() as tx:
            return await tx.run(self._st.deliveries_prune, (cutoff,))

    # --- re-reads ------------------------------------------------------------------------------

    async def marked(self) -> list[str]:
        """Member ids marked for a re-read (deliveries that could not be ordered)."""
        found: list[str] = []
        after = ""
        while True:
            rows = await self._engine.rows(self._st.marked, (after, _CHUNK))
            found.extend(str(row[0]) for row in rows)
            if len(rows) < _CHUNK:
                return found
            after = found[-1]

    async def reread(self, client: AsyncPatreon) -> list[Change]:
        """Re-read each marked member from the API (the truth) and write it; their changes.

        Run it on a schedule next to the receiver (every few minutes): until then a marked member
        holds the state of the delivery that arrived last, which is usually but not surely true.
        """
        campaign_id = await self._bind(None)
        changes: list[Change] = []
        for member_id in await self.marked():
            changes.extend(await self._reread_one(client, campaign_id, member_id))
        return changes

    async def _reread_one(self, client: AsyncPatreon, campaign_id: str, member_id: str) -> list[Change]:
        """Read one member from the API and write it (clearing its mark); its changes, reported."""
        found: list[Change]
        try:
            document = await client.members.get(member_id, include=member_include(), fields=member_fields())
        except NotFoundError:
            async with self._engine.transaction() as tx:
                rows = await tx.rows(self._st.member_get, (member_id,))
                run = await self._current_run(tx)
                await self._bury(tx, member_id, run)
            found = [Left(member_id, _codec.decode(rows[0][0]), "reread")] if rows and not rows[0][1] else []
        else:
            item = entitlement_of(document.data, document)
            if item.campaign_id != campaign_id:
                raise ForeignCampaignError(f"member {member_id} belongs to campaign {item.campaign_id}")
            async with self._engine.transaction() as tx:
                if self._st.lock_member is not None:
                    await tx.rows(self._st.lock_member, (member_id,))
                found, _ = await self._write(tx, [item], await self._current_run(tx), "reread")
        await self._report(found)
        return found

    # --- reading -------------------------------------------------------------------------------

    async def _entitlements(self, sql: str, params: Iterable[Any]) -> list[Entitlement]:
        return [_codec.decode(row[0]) for row in await self._engine.rows(sql, tuple(params))]

    async def get(self, member_id: str) -> Entitlement | None:
        """The member's entitlement as mirrored, or None when the mirror holds no such member."""
        found = await self._entitlements(self._st.get, (str(member_id),))
        return found[0] if found else None

    async def by_user(self, user_id: str) -> list[Entitlement]:
        """The memberships of a Patreon user id (the API has no such filter; one per campaign)."""
        return await self._entitlements(self._st.by_user, (str(user_id),))

    async def by_email(self, email: str) -> list[Entitlement]:
        """Members whose email matches, case-insensitively (needs the campaigns.members[email] scope)."""
        return await self._entitlements(self._st.by_email, (email.strip().lower(),))

    async def entitled(self, tier: str | EntitledTier | Resource) -> list[Entitlement]:
        """Every member Patreon lists as entitled to ``tier`` (an id, a Tier resource, an EntitledTier)."""
        tier_id = _tier_id(tier)
        found: list[Entitlement] = []
        after = ""
        while True:
            page = await self._entitlements(self._st.entitled, (tier_id, after, _CHUNK))
            found.extend(page)
            if len(page) < _CHUNK:
                return found
            after = page[-1].member_id

    async def members(self) -> AsyncIterator[Entitlement]:
        """Every member the mirror holds (tombstones not), in member id order, read from the
        database a page of 500 at a time: memory stays flat for any campaign size."""
        after = ""
        while True:
            rows = await self._engine.rows(self._st.all_members, (after, _CHUNK))
            for row in rows:  # decoded one at a time: a page of rows is all that is held
                member = _codec.decode(row[0])
                after = member.member_id
                yield member
            if len(rows) < _CHUNK:
                return

    async def count(self) -> int:
        """How many members the mirror holds (tombstones not counted)."""
        rows = await self._engine.rows(self._st.count, ())
        return int(rows[0][0])


__all__ = ["AsyncMemberMirror", "delivery_digest"]
