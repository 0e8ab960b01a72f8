"""MemberMirror on SQLite against the sandbox: resync, apply, ordering, duplicates, lookups, changes."""

from __future__ import annotations

import copy
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from patreon_auth import PatreonCreatorClient
from patreon_auth.errors import WebhookSignatureError
from patreon_auth.webhooks import verify_and_parse
from patreon_members import (
    BecamePaying,
    Change,
    ForeignCampaignError,
    Joined,
    MemberMirror,
    MirrorError,
    MissingFieldsError,
    NotAMemberEventError,
    PaymentDeclined,
    StoppedPaying,
    TierChanged,
    entitlement_of,
    member_fields,
    member_include,
)
from patreon_members.mirror import delivery_digest
from patreon_sandbox import Sandbox
from patreon_sandbox.world import Kind

from .conftest import Deliveries, body_of, creator, event_from


def world_statuses(sandbox: Sandbox, client: PatreonCreatorClient) -> dict[str, Any]:
    """Every member's entitlement as the API says now."""
    return {
        member.id: entitlement_of(member, page)
        for page in client.members.pages(
            sandbox.campaign_id, include=member_include(), fields=member_fields()
        )
        for member in page.data
    }


def mirror_equals_api(mirror: MemberMirror, sandbox: Sandbox, client: PatreonCreatorClient) -> None:
    truth = world_statuses(sandbox, client)
    assert mirror.count() == len(truth)
    for member_id, entitlement in truth.items():
        assert mirror.get(member_id) == entitlement


def first(sandbox: Sandbox, kind: Kind) -> str:
    return next(r.id for r in sandbox.world.order if r.kind is kind and r.tier is not None and r.tier < 4)


# --- resync ----------------------------------------------------------------------------------------


def test_first_resync_fills_a_private_file(
    sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path
) -> None:
    with MemberMirror(db_path) as mirror:
        report = mirror.resync(client, sandbox.campaign_id)
        assert report.members == len(sandbox.member_ids) == report.joined == report.total_changes
        assert len(report.changes) == report.members and all(isinstance(c, Joined) for c in report.changes)
        assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
        mirror_equals_api(mirror, sandbox, client)
    tables = {
        row[0]
        for row in sqlite3.connect(db_path).execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    assert tables == {
        "patreon_members",
        "patreon_members_tiers",
        "patreon_members_deliveries",
        "patreon_members_meta",
    }


def test_resync_reports_what_changed_and_removes_the_gone(
    sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path
) -> None:
    reported: list[Change] = []
    with MemberMirror(db_path, on_change=reported.append) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        reported.clear()
        assert mirror.resync(client, sandbox.campaign_id).total_changes == 0
        upgraded, cancelled = first(sandbox, Kind.ACTIVE), first(sandbox, Kind.FORMER)
        follower = next(r.id for r in sandbox.world.order if r.kind is Kind.FOLLOWER)
        top = sandbox.world.tiers[3].id
        sandbox.update_pledge(upgraded, tier_id=top)
        sandbox.add_pledge(member_id=cancelled, tier_id=sandbox.world.tiers[0].id)  # a former patron returns
        sandbox.delete_member(follower)
        new = sandbox.add_pledge(tier_id=top)
        report = mirror.resync(client, sandbox.campaign_id)
        kinds = {(c.member_id, c.kind) for c in report.changes}
        assert kinds == {
            (upgraded, "tier_changed"),
            (cancelled, "tier_changed"),
            (cancelled, "became_paying"),
            (follower, "left"),
            (new, "joined"),
        }
        assert reported == list(report.changes)
        [tier_change] = [c for c in report.changes if isinstance(c, TierChanged) and c.member_id == upgraded]
        assert [t.id for t in tier_change.after.tiers] == [
            top
        ] and tier_change.removed == tier_change.before.tiers
        assert mirror.get(follower) is None and mirror.entitled(top)[-1:] != []
        mirror_equals_api(mirror, sandbox, client)


def test_lookups(sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        truth = world_statuses(sandbox, client)
        some = next(e for e in truth.values() if e.email and e.tiers)
        assert mirror.by_user(some.user_id) == [some] and some.email is not None
        assert mirror.by_email(some.email.upper()) == [some]
        assert (
            mirror.by_email("nobody@example.com") == []
            and mirror.by_user("1") == []
            and mirror.get("x") is None
        )
        tier = some.tiers[0]
        expected = sorted((e for e in truth.values() if e.is_entitled(tier.id)), key=lambda e: e.member_id)
        assert mirror.entitled(tier.id) == expected == mirror.entitled(tier)


def test_a_mirror_keeps_one_campaign(sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path) -> None:
    with MemberMirror(db_path) as mirror:
        with pytest.raises(MirrorError, match="pass campaign_id"):
            mirror.apply(_any_event(sandbox, client))
        mirror.resync(client, sandbox.campaign_id)
        with pytest.raises(ForeignCampaignError):
            mirror.resync(client, "123")
    with MemberMirror(db_path, campaign_id="123") as other, pytest.raises(ForeignCampaignError):
        other.apply(_any_event(sandbox, client))


def _any_event(sandbox: Sandbox, client: PatreonCreatorClient) -> Any:
    document = client.members.get(sandbox.member_ids[0], include=member_include(), fields=member_fields())
    return event_from(body_of(document), "members:update")


# --- apply -----------------------------------------------------------------------------------------


def test_webhooks_keep_the_mirror_true(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path
) -> None:
    reported: list[Change] = []
    with MemberMirror(db_path, on_change=reported.append) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        reported.clear()
        follower = sandbox.add_follower()
        sandbox.add_pledge(member_id=follower, tier_id=sandbox.world.tiers[1].id)  # a follower starts paying
        gone = sandbox.add_follower()
        sandbox.delete_member(gone)
        results = [mirror.apply(event) for event in deliveries.take()]
        kinds = [(c.member_id, c.kind) for result in results for c in result or []]
        assert kinds == [
            (follower, "joined"),
            (follower, "tier_changed"),
            (follower, "became_paying"),
            (gone, "joined"),
            (gone, "left"),
        ]
        assert [(c.member_id, c.kind) for c in reported] == kinds
        assert isinstance(reported[2], BecamePaying) and reported[2].before.status == "follower"
        assert mirror.marked() == []
        mirror_equals_api(mirror, sandbox, client)


def test_a_repeated_delivery_is_applied_once(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path
) -> None:
    reported: list[Change] = []
    with MemberMirror(db_path, on_change=reported.append) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        reported.clear()
        member = sandbox.add_pledge(tier_id=sandbox.world.tiers[2].id)
        events = deliveries.take()
        first_results = [mirror.apply(e) for e in events]
        assert [c.kind for r in first_results for c in r or []] == ["joined"]
        # Patreon re-sends queued deliveries after a pause: each again, in any order.
        assert [mirror.apply(e) for e in reversed(events)] == [None] * len(events)
        assert [c.kind for c in reported] == ["joined"]
        assert mirror.get(member) is not None and mirror.marked() == []


def test_an_older_delivery_never_overwrites_and_is_reread(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path
) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        member = sandbox.add_follower()
        [as_follower] = deliveries.take()
        sandbox.add_pledge(member_id=member, tier_id=sandbox.world.tiers[1].id)
        as_patron = deliveries.take()
        # Delivered out of order: the patron state first, the follower state after it.
        assert [c.kind for e in as_patron for c in mirror.apply(e) or []] == ["joined"]
        assert mirror.apply(as_follower) == []
        after = mirror.get(member)
        assert after is not None and after.status == "paying"  # not overwritten by the older follower
        assert mirror.marked() == [member]
        assert mirror.reread(client) == [] and mirror.marked() == []
        assert mirror.get(member) == after


def test_an_undecidable_delivery_marks_the_member_and_the_api_decides(
    sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path
) -> None:
    reported: list[Change] = []
    with MemberMirror(db_path, on_change=reported.append) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        reported.clear()
        member = first(sandbox, Kind.ACTIVE)
        body = body_of(client.members.get(member, include=member_include(), fields=member_fields()))
        low, high = sandbox.world.tiers[0].id, sandbox.world.tiers[3].id
        moves = []
        for tier_id in (high, low):
            moved = copy.deepcopy(body)
            moved["data"]["relationships"]["currently_entitled_tiers"]["data"] = [
                {"type": "tier", "id": tier_id}
            ]
            moved["included"].append(
                {"type": "tier", "id": tier_id, "attributes": {"title": tier_id, "amount_cents": 100}}
            )
            moves.append(event_from(moved, "members:pledge:update"))
        # Same charge dates and lifetime, different tiers: no field says which came first, so each
        # is applied in arrival order (the best guess) and the member is marked.
        for event in moves:
            assert [c.kind for c in mirror.apply(event) or []] == ["tier_changed"]
        stored = mirror.get(member)
        assert stored is not None and [t.id for t in stored.tiers] == [low]
        assert mirror.marked() == [member] and len(reported) == 2
        reported.clear()
        sandbox.update_pledge(member, tier_id=high)  # the truth, as the API will answer
        changes = mirror.reread(client)
        assert [(c.kind, c.source) for c in changes] == [("tier_changed", "reread")]
        assert isinstance(changes[0], TierChanged) and [t.id for t in changes[0].after.tiers] == [high]
        assert reported == changes and mirror.marked() == []
        mirror_equals_api(mirror, sandbox, client)


def test_a_byte_equal_delivery_after_a_change_marks_the_member(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path
) -> None:
    # A -> B -> A renders the same bytes twice: a repeat or a real return, only the API can tell.
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        member = sandbox.add_pledge(tier_id=sandbox.world.tiers[0].id)
        [created, *_] = deliveries.take()
        mirror.apply(created)
        stored = mirror.get(member)
        assert stored is not None
        later = body_of(created.document)
        later["data"]["attributes"]["last_charge_date"] = "2027-02-01T00:00:00+00:00"
        later["data"]["attributes"]["campaign_lifetime_support_cents"] += 300
        assert [c.kind for c in mirror.apply(event_from(later, "members:update")) or []] == []
        assert mirror.apply(created) is None and mirror.marked() == [member]


def test_deliveries_with_decidable_order(
    sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path
) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        member = first(sandbox, Kind.ACTIVE)
        body = body_of(client.members.get(member, include=member_include(), fields=member_fields()))
        declined = copy.deepcopy(body)
        declined["data"]["attributes"].update(
            patron_status="declined_patron",
            last_charge_status="Declined",
            last_charge_date="2027-06-01T00:00:00+00:00",
        )
        declined["data"]["relationships"]["currently_entitled_tiers"]["data"] = []
        changes = mirror.apply(event_from(declined, "members:update")) or []
        assert [type(c) for c in changes] == [TierChanged, StoppedPaying, PaymentDeclined]
        # The earlier state arrives late: older by last_charge_date, not applied.
        assert mirror.apply(event_from(body, "members:pledge:update")) == []
        stored = mirror.get(member)
        assert stored is not None and stored.status == "declined"


# --- bad input ------------------------------------------------------------------------------------


def _snapshot(db_path: Path) -> list[Any]:
    with sqlite3.connect(db_path) as conn:
        return [
            conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("patreon_members", "patreon_members_tiers", "patreon_members_deliveries")
        ]


def test_bad_input_is_refused_and_changes_nothing(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path
) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        before = _snapshot(db_path)
        sandbox.add_follower()
        [(headers, body)] = deliveries.kept
        with pytest.raises(WebhookSignatureError):
            verify_and_parse(headers, body + b" ", deliveries.secret)
        with pytest.raises(NotAMemberEventError):
            mirror.apply(body)  # type: ignore[arg-type]
        post = client.posts.get(sandbox.world.post_ids[0], fields={"post": ["title"]})
        with pytest.raises(NotAMemberEventError):
            mirror.apply(event_from(body_of(post), "posts:publish"))
        foreign = body_of(deliveries.events()[0].document)
        foreign["data"]["relationships"]["campaign"]["data"]["id"] = "999"
        with pytest.raises(ForeignCampaignError):
            mirror.apply(event_from(foreign, "members:update"))
        bare = body_of(deliveries.events()[0].document)
        del bare["data"]["attributes"]["patron_status"]
        with pytest.raises(MissingFieldsError):
            mirror.apply(event_from(bare, "members:update"))
        assert _snapshot(db_path) == before


def test_the_mirror_stores_no_token(sandbox: Sandbox, db_path: Path) -> None:
    token = sandbox.creator_token()
    assert token.refresh_token is not None
    with (
        PatreonCreatorClient(
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            token=token,
            transport=sandbox.transport(),
            base_url=sandbox.base_url,
        ) as client,
        MemberMirror(db_path) as mirror,
    ):
        mirror.resync(client, sandbox.campaign_id)
    stored = b"".join(p.read_bytes() for p in db_path.parent.iterdir() if p.name.startswith(db_path.name))
    assert len(stored) > 10_000
    assert token.access_token.encode() not in stored and token.refresh_token.encode() not in stored


def test_delivery_digest_ignores_whitespace_but_not_the_trigger(
    sandbox: Sandbox, client: PatreonCreatorClient
) -> None:
    document = client.members.get(sandbox.member_ids[0], include=member_include(), fields=member_fields())
    one = event_from(body_of(document), "members:update")
    assert delivery_digest(one) == delivery_digest(event_from(body_of(document), "members:update"))
    assert delivery_digest(one) != delivery_digest(event_from(body_of(document), "members:pledge:update"))


def test_progress_is_reported_per_page_written(db_path: Path) -> None:
    with Sandbox(seed=2, members=2100, rate_limits=None) as sandbox, MemberMirror(db_path) as mirror:
        client = PatreonCreatorClient(
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            token=sandbox.creator_token(),
            transport=sandbox.transport(),
            base_url=sandbox.base_url,
        )
        written: list[int] = []

        def progress(done: int, total: int | None) -> None:
            assert total == 2100 and mirror.count() == done  # reported after the page is in
            written.append(done)

        report = mirror.resync(client, sandbox.campaign_id, keep_changes=False, on_page=progress)
        client.close()
    assert written == [1000, 2000, 2100] and report.pages == 3


def test_old_delivery_digests_are_pruned(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path
) -> None:
    import datetime as dt

    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        sandbox.add_follower()
        events = deliveries.take()
        assert all(mirror.apply(e) is not None for e in events)
        assert mirror.prune() == 0  # younger than 45 days: kept
        assert all(mirror.apply(e) is None for e in events)
        assert mirror.prune(dt.timedelta(0)) == len(events)


def test_a_newer_delivery_keeps_a_mark_only_the_api_clears(
    sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path
) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        member = first(sandbox, Kind.ACTIVE)
        body = body_of(client.members.get(member, include=member_include(), fields=member_fields()))
        moved = copy.deepcopy(body)
        moved["data"]["attributes"]["last_charge_status"] = "Pending"  # nothing that orders it
        assert mirror.apply(event_from(moved, "members:update")) == [] and mirror.marked() == [member]
        newer = copy.deepcopy(body)
        newer["data"]["attributes"]["last_charge_date"] = "2030-01-01T00:00:00+00:00"
        assert mirror.apply(event_from(newer, "members:update")) == []  # applied: same entitlement facts
        stored = mirror.get(member)
        assert (
            stored is not None
            and stored.last_charge_date is not None
            and stored.last_charge_date.year == 2030
        )
        assert mirror.marked() == [member]
        mirror.reread(client)
        assert mirror.marked() == []


def test_a_row_this_version_cannot_read_is_a_typed_error_and_resync_rewrites_it(
    sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path
) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        member = sandbox.member_ids[0]
        with sqlite3.connect(db_path) as conn:
            conn.execute(
                "UPDATE patreon_members SET entitlement = '{\"v\": 99}' WHERE member_id = ?", (member,)
            )
        with pytest.raises(MirrorError, match="cannot read"):
            mirror.get(member)
        mirror.resync(client, sandbox.campaign_id)
        assert mirror.get(member) is not None


def test_a_resync_writes_the_api_state_and_marks_what_looked_newer(
    sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path
) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        member = first(sandbox, Kind.ACTIVE)
        body = body_of(client.members.get(member, include=member_include(), fields=member_fields()))
        ahead = copy.deepcopy(body)
        ahead["data"]["attributes"]["last_charge_date"] = "2031-01-01T00:00:00+00:00"
        mirror.apply(event_from(ahead, "members:update"))  # as if a webhook landed while paging
        report = mirror.resync(client, sandbox.campaign_id)
        assert report.marked == 1 and mirror.marked() == [member]
        truth = entitlement_of(*_member_and_document(client, member))
        assert mirror.get(member) == truth  # the API's state is written; the re-read confirms it
        assert mirror.reread(client) == [] and mirror.marked() == []


def _member_and_document(client: PatreonCreatorClient, member_id: str) -> tuple[Any, Any]:
    document = client.members.get(member_id, include=member_include(), fields=member_fields())
    return document.data, document


def test_a_token_that_expires_mid_resync_is_refreshed_and_the_resync_completes(db_path: Path) -> None:
    # resync pages with read_ahead: the sync client sends the page ahead from a worker thread, so a
    # 401 there is refreshed from that thread (one refresh), and no page is lost or repeated.
    with Sandbox(seed=4, members=3500, rate_limits=None) as sandbox, MemberMirror(db_path) as mirror:
        first = sandbox.creator_token()
        client = creator(sandbox, first)

        def expire_after_the_first_page(done: int, total: int | None) -> None:
            if done == 1000:  # page 2 is already asked for: page 3's request meets the expiry
                sandbox.advance_clock(sandbox.token_lifetime + 60)

        report = mirror.resync(
            client, sandbox.campaign_id, keep_changes=False, on_page=expire_after_the_first_page
        )
        refreshed = client.store.get()
        client.close()
    assert report.members == 3500 == report.joined and report.pages == 4
    assert sandbox.stats.unauthorized >= 1 and sandbox.stats.refresh_requests == 1
    assert refreshed is not None and refreshed.access_token != first.access_token
