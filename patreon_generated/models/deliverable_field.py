# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

DeliverableField = Literal["completed_at", "delivery_status", "due_at"]

DELIVERABLE_FIELD_VALUES: set[DeliverableField] = {
    "completed_at",
    "delivery_status",
    "due_at",
}


def check_deliverable_field(value: str) -> DeliverableField:
    if value in DELIVERABLE_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELIVERABLE_FIELD_VALUES!r}")
