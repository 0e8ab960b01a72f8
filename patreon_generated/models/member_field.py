# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

MemberField = Literal[
    "campaign_lifetime_support_cents",
    "currently_entitled_amount_cents",
    "email",
    "full_name",
    "is_follower",
    "is_free_trial",
    "is_gifted",
    "last_charge_date",
    "last_charge_status",
    "lifetime_support_cents",
    "next_charge_date",
    "note",
    "patron_status",
    "pledge_cadence",
    "pledge_relationship_start",
    "will_pay_amount_cents",
]

MEMBER_FIELD_VALUES: set[MemberField] = {
    "campaign_lifetime_support_cents",
    "currently_entitled_amount_cents",
    "email",
    "full_name",
    "is_follower",
    "is_free_trial",
    "is_gifted",
    "last_charge_date",
    "last_charge_status",
    "lifetime_support_cents",
    "next_charge_date",
    "note",
    "patron_status",
    "pledge_cadence",
    "pledge_relationship_start",
    "will_pay_amount_cents",
}


def check_member_field(value: str) -> MemberField:
    if value in MEMBER_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MEMBER_FIELD_VALUES!r}")
