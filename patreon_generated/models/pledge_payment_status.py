# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

PledgePaymentStatus = Literal["declined", "disabled", "fraud", "pending", "queued", "valid"]

PLEDGE_PAYMENT_STATUS_VALUES: set[PledgePaymentStatus] = {
    "declined",
    "disabled",
    "fraud",
    "pending",
    "queued",
    "valid",
}


def check_pledge_payment_status(value: str) -> PledgePaymentStatus:
    if value in PLEDGE_PAYMENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PLEDGE_PAYMENT_STATUS_VALUES!r}")
