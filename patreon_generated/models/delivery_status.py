# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

DeliveryStatus = Literal["delivered", "not_delivered", "wont_deliver"]

DELIVERY_STATUS_VALUES: set[DeliveryStatus] = {
    "delivered",
    "not_delivered",
    "wont_deliver",
}


def check_delivery_status(value: str) -> DeliveryStatus:
    if value in DELIVERY_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELIVERY_STATUS_VALUES!r}")
