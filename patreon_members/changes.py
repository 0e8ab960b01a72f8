"""Typed change events: what a write to the mirror changed, one event per fact.

A change is computed from the member's entitlement before and after a write (``diff``), reported
in the return value of ``resync``/``apply``/``reread`` and to ``on_change`` callbacks, once, after
the transaction that made it committed (docs/membership.md, "Change events").

"Became paying" is a change of ``is_paying``, not a trigger: Patreon has no webhook for a free
member who starts paying (PipedreamHQ/pipedream#9325), so it can only be seen by comparing states.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Literal

import attrs

from patreon_members.entitlement import EntitledTier, Entitlement

Source = Literal["resync", "webhook", "reread"]
ChangeKind = Literal[
    "joined", "left", "tier_changed", "became_paying", "stopped_paying", "payment_declined", "status_changed"
]


@attrs.frozen
class Joined:
    """A member the mirror did not hold (or held as gone) is now a member."""

    member_id: str
    after: Entitlement
    source: Source
    kind: Literal["joined"] = "joined"

    @property
    def before(self) -> None:
        return None


@attrs.frozen
class Left:
    """A member is gone: deleted (``members:delete``), or no longer listed by a resync or a re-read."""

    member_id: str
    before: Entitlement
    source: Source
    kind: Literal["left"] = "left"

    @property
    def after(self) -> None:
        return None


@attrs.frozen
class TierChanged:
    """The entitled tiers differ; ``added``/``removed`` say which."""

    member_id: str
    before: Entitlement
    after: Entitlement
    source: Source
    kind: Literal["tier_changed"] = "tier_changed"

    @property
    def added(self) -> tuple[EntitledTier, ...]:
        old = self.before.tier_ids
        return tuple(tier for tier in self.after.tiers if tier.id not in old)

    @property
    def removed(self) -> tuple[EntitledTier, ...]:
        new = self.after.tier_ids
        return tuple(tier for tier in self.before.tiers if tier.id not in new)


@attrs.frozen
class BecamePaying:
    member_id: str
    before: Entitlement
    after: Entitlement
    source: Source
    kind: Literal["became_paying"] = "became_paying"


@attrs.frozen
class StoppedPaying:
    member_id: str
    before: Entitlement
    after: Entitlement
    source: Source
    kind: Literal["stopped_paying"] = "stopped_paying"


@attrs.frozen
class PaymentDeclined:
    """The member's status became ``declined`` (reported with StoppedPaying when they were paying)."""

    member_id: str
    before: Entitlement
    after: Entitlement
    source: Source
    kind: Literal["payment_declined"] = "payment_declined"


@attrs.frozen
class StatusChanged:
    """The status changed in a way none of the events above says (follower -> free_member, ...)."""

    member_id: str
    before: Entitlement
    after: Entitlement
    source: Source
    kind: Literal["status_changed"] = "status_changed"


Change = Joined | Left | TierChanged | BecamePaying | StoppedPaying | PaymentDeclined | StatusChanged
# What ``on_change`` takes: MemberMirror calls sync callbacks; AsyncMemberMirror takes either kind.
ChangeCallback = Callable[[Change], None]
AsyncChangeCallback = Callable[[Change], Awaitable[None] | None]


def diff(before: Entitlement | None, after: Entitlement | None, source: Source) -> list[Change]:
    """The changes from ``before`` to ``after`` (None: not a member); [] when nothing that matters moved.

    Only entitlement facts count: a new email or a new ``last_charge_date`` is stored, not reported.
    """
    if before is None:
        return [] if after is None else [Joined(after.member_id, after, source)]
    if after is None:
        return [Left(before.member_id, before, source)]
    member_id = after.member_id
    changes: list[Change] = []
    if before.tier_ids != after.tier_ids:
        changes.append(TierChanged(member_id, before, after, source))
    if not before.is_paying and after.is_paying:
        changes.append(BecamePaying(member_id, before, after, source))
    elif before.is_paying and not after.is_paying:
        changes.append(StoppedPaying(member_id, before, after, source))
    if after.status == "declined" and before.status != "declined":
        changes.append(PaymentDeclined(member_id, before, after, source))
    elif before.status != after.status and not changes:
        changes.append(StatusChanged(member_id, before, after, source))
    return changes


__all__ = [
    "AsyncChangeCallback",
    "BecamePaying",
    "Change",
    "ChangeCallback",
    "ChangeKind",
    "Joined",
    "Left",
    "PaymentDeclined",
    "Source",
    "StatusChanged",
    "StoppedPaying",
    "TierChanged",
    "diff",
]
