"""An Entitlement as the mirror stores it: one JSON array per member (the ``entitlement`` column).

An array in field order, not an object: a resync encodes every member it writes, and an array
of the values is about half the cost (bench/members.py). ``FIELDS`` is the order; a stored row
written by another version of this list is refused, never misread.
"""

from __future__ import annotations

import datetime as dt
import json
import json.encoder
from collections.abc import Callable, Iterable

from patreon_members.entitlement import STATUSES, EntitledTier, Entitlement
from patreon_members.errors import MirrorError

FIELDS = (
    "member_id",
    "user_id",
    "campaign_id",
    "status",
    "tiers",
    "is_paying",
    "reason",
    "entitled_amount_cents",
    "will_pay_amount_cents",
    "pledge_cadence",
    "patron_status",
    "last_charge_status",
    "last_charge_date",
    "next_charge_date",
    "pledge_relationship_start",
    "lifetime_support_cents",
    "is_gifted",
    "is_free_trial",
    "email",
    "full_name",
)
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
# The C encoder behind ``_ENCODER``, made once: ``JSONEncoder.encode`` builds a new one per call,
# which is a sixth of encoding a member (bench/members.py). The stdlib's own C accelerator; when
# it is missing (another Python), the pure encoder is used as is.
_MAKE_C_ENCODER: Callable[..., Callable[[object, int], Iterable[str]]] | None = getattr(
    json.encoder, "c_make_encoder", None
)
_C_ENCODE = (
    _MAKE_C_ENCODER(None, None, json.encoder.encode_basestring, None, ":", ",", False, False, True)
    if _MAKE_C_ENCODER is not None
    else None
)


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value is not None else None


def encode(e: Entitlement) -> str:
    values = [
        e.member_id,
        e.user_id,
        e.campaign_id,
        e.status,
        [[t.id, t.title, t.amount_cents] for t in e.tiers],
        e.is_paying,
        e.reason,
        e.entitled_amount_cents,
        e.will_pay_amount_cents,
        e.pledge_cadence,
        e.patron_status,
        e.last_charge_status,
        _iso(e.last_charge_date),
        _iso(e.next_charge_date),
        _iso(e.pledge_relationship_start),
        e.lifetime_support_cents,
        e.is_gifted,
        e.is_free_trial,
        e.email,
        e.full_name,
    ]
    if _C_ENCODE is not None:
        return "".join(_C_ENCODE(values, 0))
    return _ENCODER.encode(values)


def decode(text: str) -> Entitlement:
    """The stored entitlement; MirrorError for a row this version cannot read (a resync rewrites it)."""
    try:
        return _decode(text)
    except (ValueError, TypeError) as exc:
        raise MirrorError(
            "a stored entitlement this version of patreon_members cannot read: resync to rewrite it"
        ) from exc


def _decode(text: str) -> Entitlement:
    values = json.loads(text)
    if not isinstance(values, list) or len(values) != len(FIELDS):
        raise ValueError("a stored entitlement written by another version of patreon_members")
    (
        member_id,
        user_id,
        campaign_id,
        status,
        tiers,
        is_paying,
        reason,
        entitled,
        will_pay,
        cadence,
        patron_status,
        charge_status,
        last_charge,
        next_charge,
        start,
        lifetime,
        gifted,
        trial,
        email,
        full_name,
    ) = values
    if status not in STATUSES:
        raise ValueError(f"stored status {status!r} is not one this library writes")
    return Entitlement(
        member_id=member_id,
        user_id=user_id,
        campaign_id=campaign_id,
        status=status,
        tiers=tuple(EntitledTier(str(i), str(title), int(amount)) for i, title, amount in tiers),
        is_paying=is_paying,
        reason=reason,
        entitled_amount_cents=entitled,
        will_pay_amount_cents=will_pay,
        pledge_cadence=cadence,
        patron_status=patron_status,
        last_charge_status=charge_status,
        last_charge_date=_date(last_charge),
        next_charge_date=_date(next_charge),
        pledge_relationship_start=_date(start),
        lifetime_support_cents=lifetime,
        is_gifted=gifted,
        is_free_trial=trial,
        email=email,
        full_name=full_name,
    )
