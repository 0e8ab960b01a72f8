"""The world: deterministic, schema-driven, with the nulls real data has, and 100,000 members fast."""

from __future__ import annotations

import time
from collections import Counter

from patreon_sandbox import Sandbox
from patreon_sandbox.schema import attributes_of
from patreon_sandbox.world import Kind, World


def test_same_seed_same_world_other_seed_other_world() -> None:
    first, again, other = World(seed=3, members=200), World(seed=3, members=200), World(seed=4, members=200)
    assert [r.id for r in first.order] == [r.id for r in again.order]
    assert first.member_attributes(first.order[5]) == again.member_attributes(again.order[5])
    assert first.campaign_id == again.campaign_id
    assert [r.id for r in first.order] != [r.id for r in other.order]
    # Reading does not move the world's random stream: new ids stay the same after reads.
    first.attributes("user", first.order[0].user_id)
    assert first.new_numeric_id() == again.new_numeric_id()


def test_sandbox_credentials_are_deterministic() -> None:
    assert Sandbox(seed=7, members=10).client_id == Sandbox(seed=7, members=10).client_id
    assert Sandbox(seed=7, members=10).client_secret != Sandbox(seed=8, members=10).client_secret


def test_every_schema_attribute_is_filled_for_every_type() -> None:
    world = World(seed=1, members=50)
    seen_types: set[str] = set()
    samples = [(t, i) for (t, i) in world.entities] + [("member", world.order[0].id)]
    samples += [("user", world.order[0].user_id)]
    with_address = next(r for r in world.order if r.address)
    samples.append(("address", str(with_address.address_id)))
    history = world.member_relationships(world.order[0])["pledge_history"]
    assert isinstance(history, list) and history
    samples.append(("pledge-event", history[0]))
    for type_name, resource_id in samples:
        attributes = world.attributes(type_name, resource_id)
        assert set(attributes) == set(attributes_of(type_name)), type_name
        seen_types.add(type_name)
    assert {
        "user",
        "campaign",
        "tier",
        "benefit",
        "media",
        "member",
        "address",
        "pledge-event",
        "post",
    } <= seen_types


def test_realistic_nulls_and_states() -> None:
    world = World(seed=2, members=2000)
    kinds = Counter(r.kind for r in world.order)
    assert all(kinds[k] > 0 for k in Kind)
    follower = next(r for r in world.order if r.kind is Kind.FOLLOWER)
    attributes = world.member_attributes(follower)
    assert attributes["patron_status"] is None
    assert attributes["last_charge_date"] is None and attributes["last_charge_status"] is None
    assert world.member_relationships(follower)["address"] is None
    assert world.member_relationships(follower)["currently_entitled_tiers"] == []
    gifted = world.member_attributes(next(r for r in world.order if r.kind is Kind.GIFTED))
    assert gifted["is_gifted"] is True and gifted["currently_entitled_amount_cents"] == 0
    emails = [world.member_attributes(r)["email"] for r in world.order]
    assert 0 < sum(e is None for e in emails) < 100  # members without email exist, rarely


def test_deleted_tier_lives_only_in_pledge_history() -> None:
    world = World(seed=5, members=3000)
    deleted = next(t for t in world.tiers if t.deleted)
    unpublished = next(t for t in world.tiers if not t.published and not t.deleted)
    campaign_tiers = world.related("campaign", world.campaign_id, "tiers")
    assert isinstance(campaign_tiers, list)
    assert unpublished.id in campaign_tiers and deleted.id not in campaign_tiers
    assert not world.exists("tier", deleted.id)
    former = next(r for r in world.order if r.kind is Kind.FORMER and r.tier == 5)
    assert world.member_relationships(former)["currently_entitled_tiers"] == []
    history = world.member_relationships(former)["pledge_history"]
    assert isinstance(history, list)
    events = [world.attributes("pledge-event", event_id) for event_id in history]
    assert {e["tier_id"] for e in events} == {deleted.id}
    assert events[0]["type"] == "pledge_delete" and events[-1]["type"] == "pledge_start"
    assert world.related("pledge-event", history[0], "tier") is None


def test_100k_member_world_builds_quickly() -> None:
    started = time.perf_counter()
    world = World(seed=11, members=100_000)
    elapsed = time.perf_counter() - started
    assert len(world.order) == len(world.by_id) == 100_000
    assert len({r.user_id for r in world.order}) == 100_000
    assert world.patron_count() > 50_000
    assert elapsed < 5.0, f"building 100,000 members took {elapsed:.2f}s"
