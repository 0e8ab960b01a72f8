# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

PledgeEventType = Literal["pledge_delete", "pledge_downgrade", "pledge_start", "pledge_upgrade", "subscription"]

PLEDGE_EVENT_TYPE_VALUES: set[PledgeEventType] = {
    "pledge_delete",
    "pledge_downgrade",
    "pledge_start",
    "pledge_upgrade",
    "subscription",
}


def check_pledge_event_type(value: str) -> PledgeEventType:
    if value in PLEDGE_EVENT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PLEDGE_EVENT_TYPE_VALUES!r}")
