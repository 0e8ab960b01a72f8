"""Which of two states of one member is newer, from the member's own fields.

Patreon sends no delivery id or timestamp, re-sends queued deliveries after a pause, and does not
promise order [PD _webhooks_v2.md: `paused`, `num_consecutive_times_failed`]. So an older delivery
can arrive after a newer one. Three fields only move forward in time, and they decide:

- ``pledge_relationship_start``: the start of the most recent pledge chain [PD member];
- ``last_charge_date``: the last charge [PD member];
- ``campaign_lifetime_support_cents``: the total ever paid [PD member] (only refunds lower it).

A field set where the other state has null counts as later (a first charge, a first pledge). When
every field that differs moves the same way the answer is "newer" or "older"; when none differs
(a tier change without a charge, a cancellation) or they disagree, it is "undecidable", and the
mirror marks the member for a re-read from the API, the truth (docs/membership.md).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from patreon_members.entitlement import Entitlement

Order = Literal["newer", "older", "same", "undecidable"]


def _step(old: dt.datetime | int | None, new: dt.datetime | int | None) -> int:
    """+1 when ``new`` is later than ``old``, -1 when earlier, 0 when equal."""
    if old == new:
        return 0
    if old is None:
        return 1
    if new is None:
        return -1
    return 1 if new > old else -1  # type: ignore[operator]  # both datetimes or both ints


def order(stored: Entitlement, incoming: Entitlement) -> Order:
    """How ``incoming`` relates in time to ``stored`` (same member)."""
    if stored == incoming:
        return "same"
    steps = {
        _step(stored.pledge_relationship_start, incoming.pledge_relationship_start),
        _step(stored.last_charge_date, incoming.last_charge_date),
        _step(stored.lifetime_support_cents, incoming.lifetime_support_cents),
    }
    steps.discard(0)
    if steps == {1}:
        return "newer"
    if steps == {-1}:
        return "older"
    return "undecidable"
