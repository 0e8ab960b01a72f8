# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

ChargeStatus = Literal[
    "Declined",
    "Deleted",
    "Fraud",
    "Free Trial",
    "Other",
    "Paid",
    "Partially Refunded",
    "Pending",
    "Refunded",
    "Refunded by Patreon",
]

CHARGE_STATUS_VALUES: set[ChargeStatus] = {
    "Declined",
    "Deleted",
    "Fraud",
    "Free Trial",
    "Other",
    "Paid",
    "Partially Refunded",
    "Pending",
    "Refunded",
    "Refunded by Patreon",
}


def check_charge_status(value: str) -> ChargeStatus:
    if value in CHARGE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHARGE_STATUS_VALUES!r}")
