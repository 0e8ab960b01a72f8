"""AsyncMemberMirror (the source of the sync twin): resync, apply, reread, async and sync callbacks."""

from __future__ import annotations

import asyncio
import copy
from pathlib import Path

from patreon_members import AsyncMemberMirror, Change, entitlement_of, member_fields, member_include
from patreon_sandbox import Sandbox
from patreon_sandbox.world import Kind

from .conftest import Deliveries, async_creator, body_of, event_from


async def test_async_mirror_resyncs_applies_and_rereads(
    sandbox: Sandbox, deliveries: Deliveries, db_path: Path
) -> None:
    async_seen: list[Change] = []
    sync_seen: list[Change] = []

    async def slow_callback(change: Change) -> None:
        await asyncio.sleep(0)
        async_seen.append(change)

    async with (
        async_creator(sandbox) as client,
        AsyncMemberMirror(db_path, on_change=[slow_callback, sync_seen.append]) as mirror,
    ):
        report = await mirror.resync(client, sandbox.campaign_id)
        assert report.joined == len(sandbox.member_ids) == await mirror.count()
        assert async_seen == sync_seen == list(report.changes)
        async_seen.clear()
        sync_seen.clear()
        await sandbox.atrigger("members:update", sandbox.member_ids[0])  # a delivery of the state it holds
        member = await asyncio.to_thread(sandbox.add_pledge, tier_id=sandbox.world.tiers[1].id)
        events = deliveries.take()
        results = await asyncio.gather(*(mirror.apply(event) for event in events))
        assert sorted(c.kind for r in results for c in r or []) == ["joined"]
        assert [c.member_id for c in async_seen] == [member] and async_seen == sync_seen
        assert [await mirror.apply(event) for event in events] == [None] * len(events)
        # An older state arrives late: marked, and the re-read keeps the truth.
        record = next(r for r in sandbox.world.order if r.kind is Kind.ACTIVE)
        document = await client.members.get(record.id, include=member_include(), fields=member_fields())
        older = body_of(document)
        older["data"]["attributes"]["last_charge_date"] = "2001-01-01T00:00:00+00:00"
        assert await mirror.apply(event_from(copy.deepcopy(older), "members:update")) == []
        assert await mirror.marked() == [record.id]
        assert await mirror.reread(client) == [] and await mirror.marked() == []
        assert await mirror.get(record.id) == entitlement_of(document.data, document)
        assert [e.member_id for e in await mirror.by_user(record.user_id)] == [record.id]


async def test_async_resync_refreshes_a_token_that_expires_midway(db_path: Path) -> None:
    # The page ahead is a task on this loop; its 401 is refreshed once and the walk goes on.
    with Sandbox(seed=4, members=3500, rate_limits=None) as sandbox:
        first = sandbox.creator_token()

        def expire_after_the_first_page(done: int, total: int | None) -> None:
            if done == 1000:
                sandbox.advance_clock(sandbox.token_lifetime + 60)

        async with async_creator(sandbox, first) as client, AsyncMemberMirror(db_path) as mirror:
            report = await mirror.resync(
                client, sandbox.campaign_id, keep_changes=False, on_page=expire_after_the_first_page
            )
            refreshed = await client.store.get()
            assert await mirror.count() == 3500
    assert report.members == 3500 == report.joined and report.pages == 4
    assert sandbox.stats.unauthorized >= 1 and sandbox.stats.refresh_requests == 1
    assert refreshed is not None and refreshed.access_token != first.access_token
