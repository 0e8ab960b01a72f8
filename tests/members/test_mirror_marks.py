"""Deliveries that cannot be ordered are applied and marked; only the API clears a mark; the
mirror lists its members; the sandbox keeps a member's payment history monotonic."""

from __future__ import annotations

import copy
import datetime as dt
import sqlite3
from pathlib import Path

import attrs

from patreon_auth import PatreonCreatorClient
from patreon_members import (
    AsyncMemberMirror,
    Change,
    MemberMirror,
    _codec,
    entitlement_of,
    member_fields,
    member_include,
)
from patreon_sandbox import Sandbox
from patreon_sandbox.world import Kind

from .conftest import Deliveries, async_creator, body_of, creator, event_from
from .test_mirror_concurrency import postgres_db

__all__ = ["postgres_db"]  # the fixture, shared with the concurrency tests


def first(sandbox: Sandbox, kind: Kind, tier: int | None = None) -> str:
    return next(r.id for r in sandbox.world.order if r.kind is kind and (tier is None or r.tier == tier))


def truth(client: PatreonCreatorClient, member_id: str) -> object:
    document = client.members.get(member_id, include=member_include(), fields=member_fields())
    return entitlement_of(document.data, document)


# --- 1. undecidable deliveries are applied (arrival order) and marked ----------------------------


def test_a_downgrade_delivered_in_order_is_applied_at_once_and_marked(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path
) -> None:
    reported: list[Change] = []
    with MemberMirror(db_path, on_change=reported.append) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        reported.clear()
        member = first(sandbox, Kind.ACTIVE, tier=3)
        low = sandbox.world.tiers[0].id
        sandbox.update_pledge(member, tier_id=low)  # a downgrade: no charge moves
        for event in deliveries.take():
            mirror.apply(event)
        stored = mirror.get(member)
        assert stored is not None and [t.id for t in stored.tiers] == [low]  # not left "Producer"
        assert [(c.kind, c.source) for c in reported] == [("tier_changed", "webhook")]
        assert mirror.marked() == [member]  # the guess is settled by the API
        assert mirror.reread(client) == [] and mirror.marked() == []
        assert mirror.get(member) == truth(client, member)


def test_a_cancellation_delivered_in_order_stops_paying_at_once(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path
) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        member = first(sandbox, Kind.ACTIVE)
        sandbox.delete_pledge(member)
        kinds = [c.kind for e in deliveries.take() for c in mirror.apply(e) or []]
        assert "stopped_paying" in kinds
        stored = mirror.get(member)
        assert stored is not None and not stored.is_paying and stored.status == "former"
        assert mirror.marked() == [member]
        assert mirror.reread(client) == [] and mirror.marked() == []


def test_apply_with_a_client_settles_the_mark_at_once(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path
) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        member = first(sandbox, Kind.ACTIVE, tier=3)
        body = body_of(client.members.get(member, include=member_include(), fields=member_fields()))
        wrong = copy.deepcopy(body)  # a tier the member is not on, with nothing to order it by
        other = sandbox.world.tiers[1]
        wrong["data"]["relationships"]["currently_entitled_tiers"]["data"] = [
            {"type": "tier", "id": other.id}
        ]
        wrong["included"].append(
            {
                "type": "tier",
                "id": other.id,
                "attributes": {"title": other.title, "amount_cents": other.amount_cents},
            }
        )
        changes = mirror.apply(event_from(wrong, "members:pledge:update"), client=client)
        # The delivery's guess, then the API's answer that undoes it: both reported, nothing marked.
        assert [(c.kind, c.source) for c in changes or []] == [
            ("tier_changed", "webhook"),
            ("tier_changed", "reread"),
        ]
        assert mirror.marked() == [] and mirror.get(member) == truth(client, member)


def test_an_older_delivery_is_still_never_applied(
    sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path
) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        member = first(sandbox, Kind.ACTIVE, tier=3)
        body = body_of(client.members.get(member, include=member_include(), fields=member_fields()))
        older = copy.deepcopy(body)
        older["data"]["attributes"]["last_charge_date"] = "2001-01-01T00:00:00+00:00"
        older["data"]["relationships"]["currently_entitled_tiers"]["data"] = []
        before = mirror.get(member)
        assert mirror.apply(event_from(older, "members:update")) == []
        assert mirror.get(member) == before and mirror.marked() == [member]


# --- 2. only a read from the API clears a mark ----------------------------------------------------


def test_a_delete_delivery_keeps_the_mark_and_the_api_clears_it(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path
) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        member = sandbox.add_follower()
        [created] = deliveries.take()
        renamed = body_of(created.document)
        renamed["data"]["attributes"]["email"] = "someone.else@example.com"
        mirror.apply(event_from(renamed, "members:update"))  # undecidable: marked
        mirror.apply(created)  # undecidable again (arrival order): still marked
        assert mirror.marked() == [member]
        sandbox.delete_member(member)
        for event in deliveries.take():
            mirror.apply(event)
        assert mirror.get(member) is None
        assert mirror.marked() == [member]  # a delivery never clears a mark
        mirror.reread(client)  # the API answers 404: the tombstone is the truth now
        assert mirror.marked() == [] and mirror.get(member) is None


def test_a_refund_mark_survives_any_later_delivery(
    sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path
) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        member = first(sandbox, Kind.ACTIVE)
        body = body_of(client.members.get(member, include=member_include(), fields=member_fields()))
        attrs = body["data"]["attributes"]
        refunded = copy.deepcopy(body)  # newer, but a refund lowered the lifetime total: looks older
        refunded["data"]["attributes"]["campaign_lifetime_support_cents"] = (
            attrs["campaign_lifetime_support_cents"] - 1
        )
        refunded["data"]["attributes"]["last_charge_status"] = "Refunded"
        assert mirror.apply(event_from(refunded, "members:update")) == [] and mirror.marked() == [member]
        for shift in (1, 2):  # later-looking deliveries of every kind: none clears the mark
            later = copy.deepcopy(body)
            later["data"]["attributes"]["campaign_lifetime_support_cents"] += shift
            mirror.apply(event_from(later, "members:update"))
            assert mirror.marked() == [member]
        mirror.reread(client)
        assert mirror.marked() == []


# --- 3. listing the members -----------------------------------------------------------------------


def test_members_streams_every_live_member_in_id_order(db_path: Path) -> None:
    with (
        Sandbox(seed=5, members=1100, rate_limits=None) as big,
        creator(big) as client,
        MemberMirror(db_path) as mirror,
    ):
        mirror.resync(client, big.campaign_id)
        gone = big.add_follower()
        mirror.resync(client, big.campaign_id)
        big.delete_member(gone)
        mirror.resync(client, big.campaign_id)  # gone is a tombstone now
        listed = mirror.members()
        assert iter(listed) is listed  # a generator, read page by page
        ids = [member.member_id for member in listed]
        assert len(ids) == mirror.count() == len(big.member_ids) > 1000  # more than one page
        assert ids == sorted(ids) and gone not in ids
        assert set(ids) == set(big.member_ids)


async def test_async_members_lists_the_same(sandbox: Sandbox, db_path: Path) -> None:
    async with async_creator(sandbox) as creator, AsyncMemberMirror(db_path) as mirror:
        await mirror.resync(creator, sandbox.campaign_id)
        listed = [member async for member in mirror.members()]
        assert len(listed) == await mirror.count() == len(sandbox.member_ids)
        assert [m.member_id for m in listed] == sorted(sandbox.member_ids)
        assert listed[0] == await mirror.get(listed[0].member_id)


# --- 4. the sandbox: lifetime support never decreases, a past charge never moves back --------------


def test_sandbox_member_history_is_monotonic_across_changes(
    sandbox: Sandbox, client: PatreonCreatorClient
) -> None:
    member = first(sandbox, Kind.ACTIVE, tier=3)

    def history() -> tuple[int, dt.datetime]:
        attrs = client.members.get(member, fields=member_fields()).data.attributes
        assert attrs.campaign_lifetime_support_cents is not None and attrs.last_charge_date is not None
        return attrs.campaign_lifetime_support_cents, attrs.last_charge_date

    paid, charged = history()
    sandbox.update_pledge(member, tier_id=sandbox.world.tiers[0].id)  # a downgrade
    assert history() == (paid, charged)
    sandbox.delete_pledge(member)  # a cancellation
    assert history() == (paid, charged)
    sandbox.add_pledge(member_id=member, tier_id=sandbox.world.tiers[3].id)  # back again
    after_lifetime, after_charge = history()
    assert after_lifetime >= paid and after_charge >= charged


def test_the_receiver_example_with_a_client_leaves_nothing_marked(
    sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path
) -> None:
    import httpx

    from examples.receivers.flask_app import create_app
    from examples.receivers.mirror import mirror_events

    from .conftest import HOOK_URI, MEMBER_TRIGGERS

    hook = client.webhooks.create(campaign_id=sandbox.campaign_id, triggers=MEMBER_TRIGGERS, uri=HOOK_URI)
    secret = hook.data.attributes.secret
    assert secret is not None
    with MemberMirror(db_path) as settled, MemberMirror(db_path.with_name("plain.db")) as plain:
        for mirror in (settled, plain):
            mirror.resync(client, sandbox.campaign_id)

        def both(event: object) -> None:
            mirror_events(plain)(event)  # type: ignore[arg-type]

        app = create_app(secret, on_event=mirror_events(settled, both, client=client))
        sandbox.deliver_to(HOOK_URI, httpx.WSGITransport(app=app))
        member = first(sandbox, Kind.ACTIVE, tier=3)
        sandbox.update_pledge(member, tier_id=sandbox.world.tiers[0].id)  # a downgrade
        assert plain.marked() == [member]  # without a client: applied, marked for the schedule
        assert settled.marked() == []  # with one: re-read in the receiver
        assert settled.get(member) == plain.get(member) == truth(client, member)


def test_a_resync_removes_more_gone_members_than_one_chunk(
    sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path
) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        live = mirror.count()
        template = next(iter(mirror.members()))
        ghosts = [f"ghost-{n:04d}" for n in range(1234)]  # not on Patreon: all go in one resync
        with sqlite3.connect(db_path) as conn:
            conn.executemany(
                "INSERT INTO patreon_members (member_id, user_id, status, is_paying, entitlement, updated_at)"
                " VALUES (?, ?, 'paying', 1, ?, 'x')",
                [(g, g, _codec.encode(attrs.evolve(template, member_id=g))) for g in ghosts],
            )
        assert mirror.count() == live + len(ghosts)
        report = mirror.resync(client, sandbox.campaign_id)
        assert report.counts.get("left") == len(ghosts)
        assert mirror.count() == live and all(mirror.get(g) is None for g in ghosts)


# --- the same on PostgreSQL (its upsert keeps a mark with its own SQL) -----------------------------


def test_postgres_applies_and_marks_keeps_marks_and_lists_members(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, postgres_db: str
) -> None:
    with MemberMirror(postgres_db) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        member = first(sandbox, Kind.ACTIVE, tier=3)
        low = sandbox.world.tiers[0].id
        body = body_of(client.members.get(member, include=member_include(), fields=member_fields()))
        sandbox.update_pledge(member, tier_id=low)  # a downgrade: applied and marked
        for event in deliveries.take():
            mirror.apply(event)
        stored = mirror.get(member)
        assert stored is not None and [t.id for t in stored.tiers] == [low]
        assert mirror.marked() == [member]
        later = copy.deepcopy(body)  # a newer charge on the old tier: applied, the mark stays
        later["data"]["attributes"]["last_charge_date"] = "2030-01-01T00:00:00+00:00"
        mirror.apply(event_from(later, "members:update"))
        assert mirror.marked() == [member]
        mirror.reread(client)
        assert mirror.marked() == [] and mirror.get(member) == truth(client, member)
        assert [m.member_id for m in mirror.members()] == sorted(sandbox.member_ids)
