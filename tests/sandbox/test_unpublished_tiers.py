"""No one joins or moves to an unpublished (retired) tier, as on Patreon.

Patreon Help Center, "5 Simple Steps to Retire or Reprice a Tier": an unpublished tier is no
longer available to join. In process and over the control API, and the world is left unchanged.
"""

from __future__ import annotations

import pytest

from patreon_sandbox import Sandbox, SandboxControl, SandboxControlError
from patreon_sandbox.world import Kind


def _retired(sandbox: Sandbox) -> str:
    (tier,) = [tier for tier in sandbox.world.tiers if not tier.published and not tier.deleted]
    assert tier.amount_cents == 200  # the world's "Early Bird (retired)"
    return tier.id


def test_a_new_pledge_to_an_unpublished_tier_is_refused_and_adds_no_one() -> None:
    with Sandbox(seed=3, members=20) as sandbox:
        before = list(sandbox.member_ids)
        with pytest.raises(ValueError, match="unpublished"):
            sandbox.add_pledge(tier_id=_retired(sandbox))
        assert sandbox.member_ids == before
        assert sandbox.deliveries == []


def test_moving_a_patron_to_an_unpublished_tier_is_refused_and_keeps_their_tier() -> None:
    with Sandbox(seed=3, members=20) as sandbox:
        published = sandbox.world.published_tier_ids
        member_id = sandbox.add_pledge(tier_id=published[0])
        with pytest.raises(ValueError, match="unpublished"):
            sandbox.update_pledge(member_id, tier_id=_retired(sandbox))
        record = sandbox.world.member_by_id(member_id)
        assert record is not None and record.kind is Kind.ACTIVE
        assert record.tier is not None and sandbox.world.tiers[record.tier].id == published[0]
        sandbox.update_pledge(member_id, tier_id=published[-1])  # a published tier is still fine


def test_the_control_api_answers_409_and_lists_published_flags() -> None:
    with Sandbox(seed=3, members=20) as sandbox:
        control = SandboxControl(sandbox.base_url, transport=sandbox.transport())
        tiers = control.info()["tiers"]
        assert {tier["id"]: tier["published"] for tier in tiers}[_retired(sandbox)] is False
        with pytest.raises(SandboxControlError) as caught:
            control.add_member(tier_id=_retired(sandbox))
        assert caught.value.status == 409 and "unpublished" in caught.value.message
        control.close()
