"""The ``include`` and ``fields`` that entitlement needs, typed as the generated client takes them.

v2 returns no attribute and no relationship that was not asked for [PD _oauth_v2.md; platform-
documentation#36], so a member read without ``patron_status`` looks like a follower. These helpers
ask for exactly what ``entitlement_of`` reads (and the mirror keeps), no more: each call returns a
fresh value, typed with the endpoint's Literals, so ``client.members.list(campaign_id,
include=member_include(), fields=member_fields())`` type-checks and a typo in them cannot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from patreon_generated.literals import (
        GetIdentityFields,
        GetIdentityInclude,
        ListCampaignMembersFields,
        ListCampaignMembersInclude,
        MemberField,
        TierField,
    )

# What the rules in entitlement.py read; each missing one is named in MissingFieldsError.
ENTITLEMENT_MEMBER_FIELDS: tuple[MemberField, ...] = (
    "patron_status",  # null: never pledged (follower or free member) [PD member]
    "last_charge_status",  # Paid / Pending / Declined / Free Trial ... [PD member]
    "is_free_trial",  # [PD PR #94]
    "is_gifted",  # [PD PR #94]
    "currently_entitled_amount_cents",  # Patreon's entitlement amount [PD member]
    "will_pay_amount_cents",  # the next charge, a year's worth for annual pledges (patreon-wordpress#120)
    "pledge_cadence",  # months between charges: 12 for annual (patreon-wordpress PR #121)
    "last_charge_date",  # with the two below: how the mirror orders deliveries
    "pledge_relationship_start",
    "campaign_lifetime_support_cents",
)
# Kept when present, never required: email needs the campaigns.members[email] scope [PD], and
# members can have none (RaiderIO/keystone.guru#1538).
OPTIONAL_MEMBER_FIELDS: tuple[MemberField, ...] = ("email", "full_name", "next_charge_date")
ENTITLEMENT_TIER_FIELDS: tuple[TierField, ...] = ("title", "amount_cents")
# user: the member's user id (patreon-php#81: without it a member cannot be joined to /identity);
# campaign: whose membership it is (w3champions/website-backend PR #515 filters by it).
ENTITLEMENT_MEMBER_INCLUDE: tuple[ListCampaignMembersInclude, ...] = (
    "currently_entitled_tiers",
    "user",
    "campaign",
)
ENTITLEMENT_IDENTITY_INCLUDE: tuple[GetIdentityInclude, ...] = (
    "memberships",
    "memberships.campaign",  # nested includes work [PD PR #53; WP fetch_user]
    "memberships.currently_entitled_tiers",
)


def member_include() -> list[ListCampaignMembersInclude]:
    """``include`` for a campaign's members page or one member (``members.list/get/iterate``)."""
    return list(ENTITLEMENT_MEMBER_INCLUDE)


def member_fields() -> ListCampaignMembersFields:
    """``fields`` for a campaign's members page or one member: what entitlement and the mirror read."""
    return {
        "member": [*ENTITLEMENT_MEMBER_FIELDS, *OPTIONAL_MEMBER_FIELDS],
        "tier": list(ENTITLEMENT_TIER_FIELDS),
    }


def identity_include() -> list[GetIdentityInclude]:
    """``include`` for ``identity.get`` ("Log in with Patreon" gating with ``memberships_of``)."""
    return list(ENTITLEMENT_IDENTITY_INCLUDE)


def identity_fields() -> GetIdentityFields:
    """``fields`` for ``identity.get``: the memberships' and their tiers' attributes entitlement reads.

    Without ``email``: on /identity it needs ``campaigns.members[email]`` (Patreon's Member table
    [PD member]), a creator's scope that a "Log in with Patreon" token does not have.
    """
    return {
        "member": [*ENTITLEMENT_MEMBER_FIELDS, *(name for name in OPTIONAL_MEMBER_FIELDS if name != "email")],
        "tier": list(ENTITLEMENT_TIER_FIELDS),
    }


__all__ = [
    "ENTITLEMENT_IDENTITY_INCLUDE",
    "ENTITLEMENT_MEMBER_FIELDS",
    "ENTITLEMENT_MEMBER_INCLUDE",
    "ENTITLEMENT_TIER_FIELDS",
    "OPTIONAL_MEMBER_FIELDS",
    "identity_fields",
    "identity_include",
    "member_fields",
    "member_include",
]
