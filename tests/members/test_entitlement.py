"""Entitlement rules, one row per case: status, paying, tiers, highest tier, and the missing-field errors.

The documents are JSON:API bodies built the way Patreon sends them (sparse fieldsets, linkage in
`relationships`, tiers in `included`), read through the generated Document as the client reads
them; the sandbox tests below check the same rules on pages served by the sandbox.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from patreon_generated.documents import Document
from patreon_generated.resources import Member, Tier
from patreon_members import (
    EntitledTier,
    MissingFieldsError,
    entitlement_of,
    identity_fields,
    identity_include,
    member_fields,
    member_include,
    memberships_of,
)
from patreon_members.fields import ENTITLEMENT_MEMBER_FIELDS

CAMPAIGN = "5000"
TIERS = {
    "11": ("Fan", 500),
    "12": ("Insider", 1000),
    "13": ("Producer", 2500),
    "14": ("Free", 0),
    "15": ("Twin", 1000),
}
PAYING = {
    "patron_status": "active_patron",
    "last_charge_status": "Paid",
    "is_free_trial": False,
    "is_gifted": False,
    "currently_entitled_amount_cents": 1000,
    "will_pay_amount_cents": 1000,
    "pledge_cadence": 1,
    "last_charge_date": "2026-11-01T00:00:00+00:00",
    "pledge_relationship_start": "2026-03-01T10:00:00.125000+00:00",
    "campaign_lifetime_support_cents": 9000,
    "email": "Ada@Example.com",
    "full_name": "Ada L",
}
NEVER_PLEDGED = dict(
    PAYING,
    patron_status=None,
    last_charge_status=None,
    currently_entitled_amount_cents=None,
    will_pay_amount_cents=0,
    pledge_cadence=None,
    last_charge_date=None,
    pledge_relationship_start=None,
    campaign_lifetime_support_cents=0,
)


def member_body(
    attributes: dict[str, Any],
    tiers: list[str],
    *,
    included_tiers: list[str] | None = None,
    relationships: tuple[str, ...] = ("currently_entitled_tiers", "user", "campaign"),
) -> dict[str, Any]:
    rels: dict[str, Any] = {
        "currently_entitled_tiers": {"data": [{"type": "tier", "id": t} for t in tiers]},
        "user": {"data": {"type": "user", "id": "777"}},
        "campaign": {"data": {"type": "campaign", "id": CAMPAIGN}},
    }
    included = [
        {"type": "tier", "id": t, "attributes": {"title": TIERS[t][0], "amount_cents": TIERS[t][1]}}
        for t in (tiers if included_tiers is None else included_tiers)
    ]
    included.append({"type": "user", "id": "777", "attributes": {}})
    return {
        "data": {
            "type": "member",
            "id": "m-1",
            "attributes": attributes,
            "relationships": {name: rels[name] for name in relationships},
        },
        "included": included,
        "links": {"self": "https://www.patreon.com/api/oauth2/v2/members/m-1"},
    }


def read(body: dict[str, Any]) -> tuple[Member, Document[Member]]:
    document: Document[Member] = Document(copy.deepcopy(body))
    return document.data, document


# (case, attributes, linked tiers, status, is_paying, entitled tier ids highest first, words in reason)
CASES: list[tuple[str, dict[str, Any], list[str], str, bool, list[str], str]] = [
    ("paying", PAYING, ["12"], "paying", True, ["12"], "paying 10.00 a month"),
    # A first charge is Pending for a new active patron (w3champions/website-backend PR #515).
    (
        "pending first charge",
        dict(PAYING, last_charge_status="Pending"),
        ["12"],
        "paying",
        True,
        ["12"],
        "pending",
    ),
    (
        "active, not charged yet",
        dict(PAYING, last_charge_status=None),
        ["11"],
        "paying",
        True,
        ["11"],
        "paying",
    ),
    # Annual: the entitlement is the monthly amount, never the year's charge (patreon-wordpress#120).
    (
        "annual pledge",
        dict(PAYING, pledge_cadence=12, will_pay_amount_cents=12000),
        ["12"],
        "paying",
        True,
        ["12"],
        "billed every 12 months",
    ),
    # Gifted: a tier, no money (sponsorkit PR #112; itch.io#1903; PD PR #94).
    (
        "gifted",
        dict(PAYING, is_gifted=True, currently_entitled_amount_cents=0, last_charge_status=None),
        ["13"],
        "gifted",
        False,
        ["13"],
        "gifted",
    ),
    (
        "gifted, never pledged",
        dict(NEVER_PLEDGED, is_gifted=True),
        ["12"],
        "gifted",
        False,
        ["12"],
        "gifted",
    ),
    (
        "free trial (flag)",
        dict(PAYING, is_free_trial=True),
        ["12"],
        "free_trial",
        False,
        ["12"],
        "free trial",
    ),
    (
        "free trial (charge status)",
        dict(PAYING, last_charge_status="Free Trial"),
        ["12"],
        "free_trial",
        False,
        ["12"],
        "free trial",
    ),
    # Never pledged: not a patron (sponsorkit PR #51), but a free tier can be entitled (w3champions PR #517).
    ("free member", NEVER_PLEDGED, ["14"], "free_member", False, ["14"], "free member"),
    ("follower", NEVER_PLEDGED, [], "follower", False, [], "never pledged"),
    (
        "active on a free tier",
        dict(PAYING, currently_entitled_amount_cents=0, will_pay_amount_cents=0),
        ["14"],
        "free_member",
        False,
        ["14"],
        "free tier",
    ),
    (
        "active, entitled to nothing",
        dict(PAYING, currently_entitled_amount_cents=0),
        [],
        "other",
        False,
        [],
        "entitled to nothing",
    ),
    # Declined: Patreon keeps benefits while it retries (patreon-wordpress PR #131): its tiers stand.
    (
        "declined in grace",
        dict(PAYING, patron_status="declined_patron", last_charge_status="Declined"),
        ["12"],
        "declined",
        False,
        ["12"],
        "declined",
    ),
    (
        "declined, no tier",
        dict(
            PAYING,
            patron_status="declined_patron",
            last_charge_status="Declined",
            currently_entitled_amount_cents=0,
        ),
        [],
        "declined",
        False,
        [],
        "declined",
    ),
    (
        "active, charge declined",
        dict(PAYING, last_charge_status="Declined"),
        ["12"],
        "declined",
        False,
        ["12"],
        "declined",
    ),
    # Former with the period paid: "payment that covers the current payment period" [PD member].
    (
        "former, period paid",
        dict(PAYING, patron_status="former_patron"),
        ["12"],
        "former",
        False,
        ["12"],
        "until the paid period ends",
    ),
    (
        "former",
        dict(PAYING, patron_status="former_patron", currently_entitled_amount_cents=0),
        [],
        "former",
        False,
        [],
        "no longer entitled",
    ),
    # Deleted tiers are never linked (patreon-api.ts#103): paying, but no tier to gate on.
    ("deleted tier", PAYING, [], "paying", True, [], "deleted tier"),
    (
        "refunded charge",
        dict(PAYING, last_charge_status="Refunded"),
        ["12"],
        "other",
        False,
        ["12"],
        "Refunded",
    ),
    (
        "unknown patron_status",
        dict(PAYING, patron_status="paused_patron"),
        ["12"],
        "other",
        False,
        ["12"],
        "paused_patron",
    ),
    # Highest: largest amount; a tie goes to the smaller id, whatever the order (w3champions PR #515).
    ("highest of two", PAYING, ["11", "13"], "paying", True, ["13", "11"], "Producer"),
    ("tie on amount", PAYING, ["15", "12"], "paying", True, ["12", "15"], "Insider"),
]


@pytest.mark.parametrize(
    ("case", "attributes", "tiers", "status", "paying", "expected", "reason"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_rules(
    case: str,
    attributes: dict[str, Any],
    tiers: list[str],
    status: str,
    paying: bool,
    expected: list[str],
    reason: str,
) -> None:
    member, document = read(member_body(attributes, tiers))
    entitlement = entitlement_of(member, document)
    assert entitlement.status == status
    assert entitlement.is_paying is paying
    assert [t.id for t in entitlement.tiers] == expected
    assert entitlement.highest_tier == (entitlement.tiers[0] if expected else None)
    assert reason in entitlement.reason
    assert (entitlement.member_id, entitlement.user_id, entitlement.campaign_id) == ("m-1", "777", CAMPAIGN)
    for tier_id in TIERS:
        assert entitlement.is_entitled(tier_id) is (tier_id in expected)


def test_every_status_has_a_row() -> None:
    from patreon_members import STATUSES

    assert {case[3] for case in CASES} == set(STATUSES)


def test_annual_amounts_are_kept_apart() -> None:
    member, document = read(member_body(dict(PAYING, pledge_cadence=12, will_pay_amount_cents=12000), ["12"]))
    entitlement = entitlement_of(member, document)
    assert entitlement.entitled_amount_cents == 1000 and entitlement.will_pay_amount_cents == 12000
    assert entitlement.pledge_cadence == 12 and entitlement.highest_tier == EntitledTier(
        "12", "Insider", 1000
    )


def test_a_tier_in_included_but_not_linked_is_not_entitled() -> None:
    # Real payloads carry tiers in `included` that `currently_entitled_tiers` does not link.
    member, document = read(member_body(PAYING, ["11"], included_tiers=["11", "13"]))
    entitlement = entitlement_of(member, document)
    assert [t.id for t in entitlement.tiers] == ["11"] and not entitlement.is_entitled("13")


def test_is_entitled_takes_an_id_a_tier_resource_or_an_entitled_tier() -> None:
    member, document = read(member_body(PAYING, ["12"]))
    entitlement = entitlement_of(member, document)
    [tier] = [r for r in document.included if isinstance(r, Tier)]
    assert entitlement.is_entitled(tier) and entitlement.is_entitled(EntitledTier("12", "x", 1))
    assert not entitlement.is_entitled("11")
    with pytest.raises(TypeError):
        entitlement.is_entitled(12)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        entitlement.is_entitled(member)


def test_entitlement_is_frozen_and_equal_by_value() -> None:
    member, document = read(member_body(PAYING, ["12"]))
    first, second = entitlement_of(member, document), entitlement_of(*read(member_body(PAYING, ["12"])))
    assert first == second and hash(first) == hash(second)
    with pytest.raises(AttributeError):
        first.status = "former"  # type: ignore[misc]


# --- what was not requested ----------------------------------------------------------------------


@pytest.mark.parametrize("field", ENTITLEMENT_MEMBER_FIELDS)
def test_a_member_field_not_requested_is_an_error_naming_it(field: str) -> None:
    attributes = {k: v for k, v in PAYING.items() if k != field}
    member, document = read(member_body(attributes, ["12"]))
    with pytest.raises(MissingFieldsError) as caught:
        entitlement_of(member, document)
    assert caught.value.fields == {"member": (field,)} and caught.value.include == ()
    assert f"fields[member]={field}" in str(caught.value)


def test_no_fields_at_all_names_every_field() -> None:
    member, document = read(member_body({}, []))
    with pytest.raises(MissingFieldsError) as caught:
        entitlement_of(member, document)
    assert caught.value.fields["member"] == ENTITLEMENT_MEMBER_FIELDS


@pytest.mark.parametrize("include", ["currently_entitled_tiers", "user", "campaign"])
def test_an_include_not_requested_is_an_error_naming_it(include: str) -> None:
    kept = tuple(name for name in ("currently_entitled_tiers", "user", "campaign") if name != include)
    member, document = read(member_body(PAYING, ["12"], relationships=kept))
    with pytest.raises(MissingFieldsError) as caught:
        entitlement_of(member, document)
    assert caught.value.include == (include,) and f"include={include}" in str(caught.value)


def test_tier_fields_not_requested_are_an_error_naming_them() -> None:
    body = member_body(PAYING, ["12"])
    body["included"][0]["attributes"] = {"title": "Insider"}
    member, document = read(body)
    with pytest.raises(MissingFieldsError) as caught:
        entitlement_of(member, document)
    assert caught.value.fields == {"tier": ("amount_cents",)}


def test_a_linked_tier_missing_from_included_is_an_error() -> None:
    member, document = read(member_body(PAYING, ["12"], included_tiers=[]))
    with pytest.raises(MissingFieldsError) as caught:
        entitlement_of(member, document)
    assert caught.value.include == ("currently_entitled_tiers",)


def test_a_follower_read_without_fields_is_not_called_a_follower() -> None:
    # The bug this guards: an unrequested patron_status reads as None, which is "never pledged".
    member, document = read(member_body({"full_name": "x"}, []))
    with pytest.raises(MissingFieldsError):
        entitlement_of(member, document)


def test_only_members_are_taken() -> None:
    body = member_body(PAYING, [])
    body["data"]["type"] = "user"
    document: Document[Any] = Document(body)
    with pytest.raises(TypeError):
        entitlement_of(document.data, document)


# --- identity ("Log in with Patreon") -----------------------------------------------------------


def identity_body(memberships: list[tuple[str, str, dict[str, Any], list[str]]]) -> dict[str, Any]:
    included: list[dict[str, Any]] = []
    for member_id, campaign, attributes, tiers in memberships:
        included.append(
            {
                "type": "member",
                "id": member_id,
                "attributes": attributes,
                "relationships": {
                    "campaign": {"data": {"type": "campaign", "id": campaign}},
                    "currently_entitled_tiers": {"data": [{"type": "tier", "id": t} for t in tiers]},
                },
            }
        )
        included.append({"type": "campaign", "id": campaign, "attributes": {}})
    for tier_id, (title, amount) in TIERS.items():
        included.append(
            {"type": "tier", "id": tier_id, "attributes": {"title": title, "amount_cents": amount}}
        )
    return {
        "data": {
            "type": "user",
            "id": "777",
            "attributes": {},
            "relationships": {"memberships": {"data": [{"type": "member", "id": m[0]} for m in memberships]}},
        },
        "included": included,
        "links": {"self": "https://www.patreon.com/api/oauth2/v2/user/777"},
    }


def test_memberships_of_filters_by_campaign() -> None:
    # identity.memberships returns other creators' memberships too (w3champions PR #515).
    body = identity_body([("m-a", CAMPAIGN, PAYING, ["12"]), ("m-b", "9999", PAYING, ["13"])])
    document: Document[Any] = Document(body)
    every = memberships_of(document)
    assert [(e.member_id, e.campaign_id, e.user_id) for e in every] == [
        ("m-a", CAMPAIGN, "777"),
        ("m-b", "9999", "777"),
    ]
    [mine] = memberships_of(document, campaign_id=CAMPAIGN)
    assert mine.is_entitled("12") and not mine.is_entitled("13")
    assert memberships_of(document, campaign_id="1") == []


def test_memberships_of_without_the_includes_is_an_error() -> None:
    body = identity_body([("m-a", CAMPAIGN, PAYING, ["12"])])
    del body["data"]["relationships"]
    with pytest.raises(MissingFieldsError) as caught:
        memberships_of(Document(body))
    assert caught.value.include == tuple(identity_include())
    body = identity_body([("m-a", CAMPAIGN, PAYING, ["12"])])
    del body["included"][0]["relationships"]["campaign"]
    with pytest.raises(MissingFieldsError) as caught:
        memberships_of(Document(body))
    assert caught.value.include == ("memberships.campaign",)


def test_helpers_ask_for_exactly_what_the_rules_read() -> None:
    assert member_include() == ["currently_entitled_tiers", "user", "campaign"]
    fields = member_fields()
    assert set(ENTITLEMENT_MEMBER_FIELDS) <= set(fields["member"]) and list(fields["tier"]) == [
        "title",
        "amount_cents",
    ]
    # the same, less email: on /identity it needs campaigns.members[email], which a login token lacks
    assert identity_fields()["member"] == [name for name in fields["member"] if name != "email"]
    assert "email" in fields["member"] and "email" not in identity_fields()["member"]
    # fresh values each call: a caller adding to one cannot change the next
    member_include().append("address")
    assert member_include() == ["currently_entitled_tiers", "user", "campaign"]
