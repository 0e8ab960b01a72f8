"""The entitlement rules on pages the sandbox serves: every kind of member it makes, and /identity."""

from __future__ import annotations

from collections import Counter

from patreon_auth import PatreonCreatorClient, PatreonUserClient
from patreon_members import entitlement_of, identity_fields, identity_include, member_fields, member_include
from patreon_sandbox import Sandbox
from patreon_sandbox.world import Kind

EXPECTED = {
    Kind.ACTIVE: "paying",
    Kind.DECLINED: "declined",
    Kind.FORMER: "former",
    Kind.FOLLOWER: "follower",
    Kind.GIFTED: "gifted",
    Kind.FREE_TRIAL: "free_trial",
}


def test_every_member_of_a_page_reads_as_the_world_made_it(
    sandbox: Sandbox, client: PatreonCreatorClient
) -> None:
    seen: Counter[str] = Counter()
    for page in client.members.pages(sandbox.campaign_id, include=member_include(), fields=member_fields()):
        for member in page.data:
            entitlement = entitlement_of(member, page)
            record = sandbox.world.member_by_id(member.id)
            assert record is not None
            assert entitlement.status == EXPECTED[record.kind], (record.kind, entitlement)
            assert entitlement.is_paying is (record.kind is Kind.ACTIVE)
            assert entitlement.user_id == record.user_id and entitlement.campaign_id == sandbox.campaign_id
            tier = sandbox.world.tiers[record.tier] if record.tier is not None else None
            entitled = (
                record.kind in (Kind.ACTIVE, Kind.GIFTED, Kind.FREE_TRIAL) and tier and not tier.deleted
            )
            assert [t.id for t in entitlement.tiers] == ([tier.id] if entitled and tier else [])
            seen[entitlement.status] += 1
    assert set(seen) == set(EXPECTED.values()), seen


def test_log_in_with_patreon_gating_from_identity(sandbox: Sandbox) -> None:
    from patreon_members import memberships_of

    record = next(r for r in sandbox.world.order if r.kind is Kind.ACTIVE and r.tier is not None)
    assert record.tier is not None
    user = sandbox.world.user_of(record.seq)
    users = PatreonUserClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        redirect_uri=sandbox.redirect_uri,
        transport=sandbox.transport(),
        base_url=sandbox.base_url,
    )
    with users.create_instance(sandbox.user_token(user)) as me:
        document = me.identity.get(include=identity_include(), fields=identity_fields())
    [membership] = memberships_of(document, campaign_id=sandbox.campaign_id)
    assert membership.member_id == record.id and membership.user_id == user.id
    assert membership.is_paying and membership.is_entitled(sandbox.world.tiers[record.tier].id)
    assert memberships_of(document, campaign_id="1") == []


def test_entitlements_of_a_page_equal_each_members_own(
    sandbox: Sandbox, client: PatreonCreatorClient
) -> None:
    from patreon_members import entitlements_of

    page = client.members.list(
        sandbox.campaign_id, include=member_include(), fields=member_fields(), count=100
    )
    assert entitlements_of(page) == [entitlement_of(member, page) for member in page.data]
    assert len({e.tiers for e in entitlements_of(page) if e.tiers}) >= 2


def test_a_page_without_the_campaign_include_reads_the_same_given_its_campaign(
    sandbox: Sandbox, client: PatreonCreatorClient
) -> None:
    import pytest

    from patreon_members import MissingFieldsError, entitlements_of

    full = client.members.list(
        sandbox.campaign_id, include=member_include(), fields=member_fields(), count=200
    )
    lean = client.members.list(
        sandbox.campaign_id, include=["currently_entitled_tiers", "user"], fields=member_fields(), count=200
    )
    assert len(str(lean.raw)) < len(str(full.raw))  # what the resync no longer asks for
    assert entitlements_of(lean, sandbox.campaign_id) == entitlements_of(full)
    with pytest.raises(MissingFieldsError, match="campaign"):
        entitlements_of(lean)  # without the include, only the endpoint's campaign tells
