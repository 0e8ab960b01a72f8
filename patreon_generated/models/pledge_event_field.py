# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

PledgeEventField = Literal[
    "amount_cents", "currency_code", "date", "payment_status", "pledge_payment_status", "tier_id", "tier_title", "type"
]

PLEDGE_EVENT_FIELD_VALUES: set[PledgeEventField] = {
    "amount_cents",
    "currency_code",
    "date",
    "payment_status",
    "pledge_payment_status",
    "tier_id",
    "tier_title",
    "type",
}


def check_pledge_event_field(value: str) -> PledgeEventField:
    if value in PLEDGE_EVENT_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PLEDGE_EVENT_FIELD_VALUES!r}")
