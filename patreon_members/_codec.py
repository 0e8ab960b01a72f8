"""An Entitlement as the mirror stores it: one JSON text per member (the ``entitlement`` column)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from patreon_members.entitlement import STATUSES, EntitledTier, Entitlement

_DATES = ("last_charge_date", "next_charge_date", "pledge_relationship_start")


def encode(entitlement: Entitlement) -> str:
    values: dict[str, Any] = {
        "member_id": entitlement.member_id,
        "user_id": entitlement.user_id,
        "campaign_id": entitlement.campaign_id,
        "status": entitlement.status,
        "tiers": [[t.id, t.title, t.amount_cents] for t in entitlement.tiers],
        "is_paying": entitlement.is_paying,
        "reason": entitlement.reason,
        "entitled_amount_cents": entitlement.entitled_amount_cents,
        "will_pay_amount_cents": entitlement.will_pay_amount_cents,
        "pledge_cadence": entitlement.pledge_cadence,
        "patron_status": entitlement.patron_status,
        "last_charge_status": entitlement.last_charge_status,
        "lifetime_support_cents": entitlement.lifetime_support_cents,
        "is_gifted": entitlement.is_gifted,
        "is_free_trial": entitlement.is_free_trial,
        "email": entitlement.email,
        "full_name": entitlement.full_name,
    }
    for name in _DATES:
        value: dt.datetime | None = getattr(entitlement, name)
        values[name] = value.isoformat() if value is not None else None
    return json.dumps(values, separators=(",", ":"), ensure_ascii=False)


def decode(text: str) -> Entitlement:
    values = json.loads(text)
    status = values["status"]
    if status not in STATUSES:
        raise ValueError(f"stored status {status!r} is not one this library writes")
    for name in _DATES:
        raw = values.get(name)
        values[name] = dt.datetime.fromisoformat(raw) if raw is not None else None
    values["tiers"] = tuple(
        EntitledTier(str(i), str(title), int(amount)) for i, title, amount in values["tiers"]
    )
    return Entitlement(**values)
