"""Who is entitled to which tier right now, and why: ``entitlement_of`` and ``memberships_of``.

Patreon's own answer is the authority: ``currently_entitled_tiers`` with
``currently_entitled_amount_cents`` is what "the member is entitled to. This includes a current
pledge, or payment that covers the current payment period" [PD member resource], and Patreon
recommends it for gating benefits [PD GET campaigns/{id}/members]. Entitlement never grants a
tier Patreon does not list, and never takes one away that it lists; the other fields explain
it: a ``status``, whether the member pays, the highest tier, and a human ``reason``.

The rules, in the order they are applied (docs/membership.md has the table with its sources):

1. a field or include that was not requested raises MissingFieldsError, never "not entitled";
2. the entitled tiers are the ones ``currently_entitled_tiers`` links, resolved in the document
   (a tier merely present in ``included`` does not count; deleted tiers are never linked);
3. ``is_gifted`` -> gifted; ``is_free_trial`` or a "Free Trial" charge -> free_trial; neither pays;
4. ``patron_status`` null (never pledged) -> free_member when Patreon lists a tier, else follower;
5. declined_patron -> declined, former_patron -> former (tiers kept while Patreon lists them);
6. active_patron with a Paid or Pending charge (or none yet) -> paying; Declined -> declined;
   any other charge status -> other; only ``paying`` pays;
7. annual pledges: ``currently_entitled_amount_cents`` is the entitlement, never the year's
   ``will_pay_amount_cents``;
8. the highest tier is the largest ``amount_cents``, ties broken by the smaller tier id.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs

from patreon_members.errors import MissingFieldsError
from patreon_members.fields import (
    ENTITLEMENT_IDENTITY_INCLUDE,
    ENTITLEMENT_MEMBER_FIELDS,
    ENTITLEMENT_MEMBER_INCLUDE,
    ENTITLEMENT_TIER_FIELDS,
)

if TYPE_CHECKING:
    from patreon_runtime.jsonapi import CollectionDocumentBase, DocumentBase, Resource

Status = Literal["paying", "free_trial", "gifted", "free_member", "follower", "declined", "former", "other"]
STATUSES: tuple[Status, ...] = (
    "paying",
    "free_trial",
    "gifted",
    "free_member",
    "follower",
    "declined",
    "former",
    "other",
)

# A first charge is "Pending" for a new active patron: still a paying patron
# (w3champions/website-backend PR #515 accepts Paid | Pending | Free Trial after an audit).
_PAYING_CHARGES = frozenset({"Paid", "Pending"})


@attrs.frozen(order=False)
class EntitledTier:
    """One tier a member is entitled to: its id, title and price (campaign currency [PD PR #46])."""

    id: str
    title: str
    amount_cents: int


def _tier_id(tier: object) -> str:
    if isinstance(tier, str):
        return tier
    if isinstance(tier, EntitledTier):
        return tier.id
    tier_id = getattr(tier, "id", None)
    if isinstance(tier_id, str) and getattr(tier, "type", "tier") == "tier":
        return tier_id
    raise TypeError(
        f"a tier is a tier id (str), a Tier resource or an EntitledTier, not {type(tier).__name__}"
    )


@attrs.frozen
class Entitlement:
    """What one member of one campaign is entitled to now, and why. Frozen; equal by value."""

    member_id: str
    user_id: str
    campaign_id: str
    status: Status
    # Highest first (rule 8).
    tiers: tuple[EntitledTier, ...]
    is_paying: bool
    reason: str
    # Patreon's currently_entitled_amount_cents (0 when null, as for followers [PD webhook sample]).
    entitled_amount_cents: int
    # What the next charge will be: a year's worth for annual pledges (patreon-wordpress#120).
    will_pay_amount_cents: int | None = None
    pledge_cadence: int | None = None
    patron_status: str | None = None
    last_charge_status: str | None = None
    last_charge_date: dt.datetime | None = None
    next_charge_date: dt.datetime | None = None
    pledge_relationship_start: dt.datetime | None = None
    lifetime_support_cents: int | None = None
    is_gifted: bool = False
    is_free_trial: bool = False
    email: str | None = None
    full_name: str | None = None

    @property
    def highest_tier(self) -> EntitledTier | None:
        """The entitled tier with the largest amount (the smaller id on a tie), or None."""
        return self.tiers[0] if self.tiers else None

    @property
    def tier_ids(self) -> frozenset[str]:
        return frozenset(tier.id for tier in self.tiers)

    @property
    def is_entitled_to_any(self) -> bool:
        return bool(self.tiers)

    def is_entitled(self, tier: str | EntitledTier | Resource) -> bool:
        """Whether Patreon lists ``tier`` (an id, a ``Tier`` resource or an EntitledTier) as entitled now.

        Exact: a member of a higher tier is not listed for the lower ones; for "this tier or above"
        compare ``highest_tier.amount_cents``.
        """
        wanted = _tier_id(tier)
        return any(entitled.id == wanted for entitled in self.tiers)


# --- reading the member ------------------------------------------------------------------------


_REQUIRED = frozenset(ENTITLEMENT_MEMBER_FIELDS)
# The entitled tiers of a page by their linkage: most members of a page share a few tier sets.
TierCache = dict[tuple[str, ...], tuple[EntitledTier, ...]]


def _attributes(member: Resource, what: str) -> Mapping[str, Any]:
    raw = member.raw.get("attributes")
    attributes: Mapping[str, Any] = raw if isinstance(raw, dict) else {}
    if not attributes.keys() >= _REQUIRED:  # dict_keys >= set: lookups only, no set built
        missing = [name for name in ENTITLEMENT_MEMBER_FIELDS if name not in attributes]
        raise MissingFieldsError(what, fields={"member": missing}, include=())
    return attributes


def _linkage(member: Resource, name: str, what: str, include: str) -> Any:
    relationship = member.relationships.get(name)
    if not isinstance(relationship, dict) or "data" not in relationship:
        raise MissingFieldsError(what, fields={}, include=(include,))
    return relationship["data"]


def _linked_id(member: Resource, name: str, what: str, include: str) -> str:
    try:  # a page reads this twice per member: subscripts first, checks when they fail
        found = member.raw["relationships"][name]["data"]["id"]
        if found.__class__ is str:
            return str(found)
    except (KeyError, TypeError):
        pass
    data = _linkage(member, name, what, include)
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        return str(data["id"])
    raise MissingFieldsError(what, fields={}, include=(include,))


def _tiers(
    member: Resource, document: DocumentBase, what: str, include: str, cache: TierCache | None = None
) -> tuple[EntitledTier, ...]:
    linkage = _linkage(member, "currently_entitled_tiers", what, include)
    if not isinstance(linkage, list):
        raise MissingFieldsError(what, fields={}, include=(include,))
    if not linkage:
        return ()
    if cache is None:
        return _resolve_tiers(member, document, linkage, what, include)
    try:
        key = tuple([link["id"] for link in linkage])
    except (KeyError, TypeError):  # malformed linkage: resolving it raises the document's error
        return _resolve_tiers(member, document, linkage, what, include)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _resolve_tiers(member, document, linkage, what, include)
    return found


def _resolve_tiers(
    member: Resource, document: DocumentBase, linkage: list[Any], what: str, include: str
) -> tuple[EntitledTier, ...]:
    resolved = document.related_raw(member, "currently_entitled_tiers")
    found = resolved if isinstance(resolved, list) else []
    if len(found) != len(linkage):
        # Linked but absent from `included`: the tiers were not included with the member.
        raise MissingFieldsError(what, fields={}, include=(include,))
    tiers: list[EntitledTier] = []
    for tier in found:
        raw = tier.raw.get("attributes")
        attributes: Mapping[str, Any] = raw if isinstance(raw, dict) else {}
        missing = [name for name in ENTITLEMENT_TIER_FIELDS if name not in attributes]
        if missing:
            raise MissingFieldsError(f"tier {tier.id} of {what}", fields={"tier": missing}, include=())
        title = attributes["title"]
        amount = attributes["amount_cents"]
        tiers.append(
            EntitledTier(
                tier.id, title if isinstance(title, str) else "", amount if isinstance(amount, int) else 0
            )
        )
    # Rule 8: highest amount first; a tie goes to the smaller id, so the answer never depends on
    # the order Patreon lists them in (w3champions/website-backend PR #515).
    tiers.sort(key=lambda t: (-t.amount_cents, len(t.id), t.id))
    return tuple(tiers)


def _datetime(value: object) -> dt.datetime | None:
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _money(cents: int) -> str:
    return f"{cents / 100:.2f}"


@functools.lru_cache(maxsize=256)
def _listed(tiers: tuple[EntitledTier, ...]) -> str:
    """The reason's "entitled to ..." part; a page has a few tier sets, so it is made once per set."""
    return f"entitled to {', '.join(repr(t.title) for t in tiers)}" if tiers else "entitled to no tier"


def _classify(
    attributes: Mapping[str, Any], tiers: tuple[EntitledTier, ...], amount: int
) -> tuple[Status, bool, str]:
    """(status, is_paying, reason) by rules 3 to 7."""
    patron_status = attributes.get("patron_status")
    charge = attributes.get("last_charge_status")
    listed = _listed(tiers)
    if attributes.get("is_gifted") is True:
        # Gifted: a tier but no money (antfu-collective/sponsorkit PR #112; itchio/itch.io#1903).
        return "gifted", False, f"a gifted membership [is_gifted]: {listed}, nothing paid"
    if attributes.get("is_free_trial") is True or charge == "Free Trial":
        return (
            "free_trial",
            False,
            f"on a free trial [is_free_trial]: {listed} until the trial ends, not paying yet",
        )
    if patron_status is None:
        # Never pledged [PD member: null patron_status]; not a patron (sponsorkit PR #51). A free
        # tier can still be entitled (w3champions/website-backend PR #517).
        if tiers:
            return "free_member", False, f"a free member (never pledged) {listed}"
        return "follower", False, "a follower: never pledged [patron_status null], entitled to no tier"
    if patron_status == "declined_patron":
        # Patreon keeps benefits while it retries the charge (patreon-wordpress PR #131): the tiers
        # are whatever Patreon still lists.
        return (
            "declined",
            False,
            f"the last payment was declined [declined_patron]: {listed} while Patreon retries",
        )
    if patron_status == "former_patron":
        detail = "until the paid period ends" if tiers else "no longer entitled"
        return "former", False, f"cancelled [former_patron]: {listed}, {detail}"
    if patron_status == "active_patron":
        if charge == "Declined":
            return "declined", False, f"active but the last charge was declined: {listed}"
        if charge is None or charge in _PAYING_CHARGES:
            if amount <= 0 and not tiers:
                return "other", False, "active patron but entitled to nothing (no amount, no tier)"
            if amount <= 0:
                # Nothing charged for the tiers Patreon lists: a free tier, not a paying patron
                # (counting free members as patrons: sponsorkit PR #51, w3champions PR #517).
                return "free_member", False, f"an active member of a free tier, nothing charged: {listed}"
            pending = " (first charge pending)" if charge == "Pending" else ""
            cadence = attributes.get("pledge_cadence")
            period = " a month" if cadence in (None, 1) else f" a month, billed every {cadence} months"
            if not tiers:
                # Deleted tiers are never linked (Patreon support, quoted in patreon-api.ts#103).
                return (
                    "paying",
                    True,
                    f"paying {_money(amount)}{period}{pending} but entitled to no current tier "
                    "(a deleted tier or a custom pledge; pledge_history names it)",
                )
            return "paying", True, f"paying {_money(amount)}{period}{pending}: {listed}"
        return (
            "other",
            False,
            f"active patron whose last charge is {charge!r}: {listed}, not counted as paying",
        )
    return "other", False, f"patron_status {patron_status!r} is not one this library knows: {listed}"


def _entitlement(
    member: Resource,
    document: DocumentBase,
    *,
    user_id: str | None,
    campaign_id: str | None,
    include_prefix: str,
    cache: TierCache | None = None,
) -> Entitlement:
    what = f"member {member.id}"
    attributes = _attributes(member, what)
    tiers = _tiers(member, document, what, include_prefix + "currently_entitled_tiers", cache)
    if user_id is None:
        user_id = _linked_id(member, "user", what, "user")
    if campaign_id is None:
        campaign_id = _linked_id(member, "campaign", what, include_prefix + "campaign")
    amount = _int(attributes.get("currently_entitled_amount_cents")) or 0
    status, paying, reason = _classify(attributes, tiers, amount)
    return Entitlement(
        member_id=member.id,
        user_id=user_id,
        campaign_id=campaign_id,
        status=status,
        tiers=tiers,
        is_paying=paying,
        reason=reason,
        entitled_amount_cents=amount,
        will_pay_amount_cents=_int(attributes.get("will_pay_amount_cents")),
        pledge_cadence=_int(attributes.get("pledge_cadence")),
        patron_status=_str(attributes.get("patron_status")),
        last_charge_status=_str(attributes.get("last_charge_status")),
        last_charge_date=_datetime(attributes.get("last_charge_date")),
        next_charge_date=_datetime(attributes.get("next_charge_date")),
        pledge_relationship_start=_datetime(attributes.get("pledge_relationship_start")),
        lifetime_support_cents=_int(attributes.get("campaign_lifetime_support_cents")),
        is_gifted=attributes.get("is_gifted") is True,
        is_free_trial=attributes.get("is_free_trial") is True,
        email=_str(attributes.get("email")),
        full_name=_str(attributes.get("full_name")),
    )


def entitlement_of(member: Resource, document: DocumentBase) -> Entitlement:
    """The entitlement of ``member`` (from a members page, ``members.get`` or a webhook ``document``).

    Needs ``include=member_include()`` and ``fields=member_fields()`` (webhook payloads carry them
    [PD _webhooks_v2.md]); anything missing raises MissingFieldsError naming it.
    """
    if member.raw.get("type") != "member":
        raise TypeError(f"entitlement_of takes a member, not a {member.raw.get('type')!r}")
    return _entitlement(member, document, user_id=None, campaign_id=None, include_prefix="")


def entitlements_of(page: CollectionDocumentBase[Any], campaign_id: str | None = None) -> list[Entitlement]:
    """``entitlement_of`` for every member of a members page, in order (tiers resolved once per page).

    ``campaign_id``: the campaign whose members endpoint served the page. Every member it lists is
    that campaign's, so the page need not include ``campaign`` for each member; without it, each
    member's ``campaign`` relationship is read (``include=member_include()``).
    """
    cache: TierCache = {}
    result: list[Entitlement] = []
    for member in page.data:
        if member.raw.get("type") != "member":
            raise TypeError(f"entitlements_of takes a page of members, not of {member.raw.get('type')!r}")
        result.append(
            _entitlement(member, page, user_id=None, campaign_id=campaign_id, include_prefix="", cache=cache)
        )
    return result


def memberships_of(identity_document: DocumentBase, campaign_id: str | None = None) -> list[Entitlement]:
    """The entitlements of the user behind an ``identity.get`` document, one per membership.

    With ``campaign_id``, only that campaign's (a user's memberships include other creators' when
    the token has ``identity.memberships`` [PD]; w3champions/website-backend PR #515 granted
    rewards from a foreign campaign). Needs ``include=identity_include()`` and
    ``fields=identity_fields()``; an empty list means no membership, never a missing field.
    """
    user = getattr(identity_document, "data", None)
    raw = getattr(user, "raw", None)
    if not isinstance(raw, Mapping) or raw.get("type") != "user":
        raise TypeError("memberships_of takes the document of identity.get (a user)")
    assert user is not None
    relationship = user.relationships.get("memberships")
    if not isinstance(relationship, dict) or not isinstance(relationship.get("data"), list):
        raise MissingFieldsError(
            f"user {user.id}", fields={}, include=[name for name in ENTITLEMENT_IDENTITY_INCLUDE]
        )
    found = identity_document.related_raw(user, "memberships")
    memberships = found if isinstance(found, list) else []
    if len(memberships) != len(relationship["data"]):
        raise MissingFieldsError(f"user {user.id}", fields={}, include=["memberships"])
    result: list[Entitlement] = []
    for member in memberships:
        member_campaign = _linked_id(member, "campaign", f"membership {member.id}", "memberships.campaign")
        if campaign_id is not None and member_campaign != str(campaign_id):
            continue
        result.append(
            _entitlement(
                member,
                identity_document,
                user_id=user.id,
                campaign_id=member_campaign,
                include_prefix="memberships.",
            )
        )
    return result


__all__ = [
    "ENTITLEMENT_MEMBER_INCLUDE",
    "STATUSES",
    "EntitledTier",
    "Entitlement",
    "Status",
    "entitlement_of",
    "entitlements_of",
    "memberships_of",
]
