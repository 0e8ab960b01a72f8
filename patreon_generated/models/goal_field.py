# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

GoalField = Literal["amount_cents", "completed_percentage", "created_at", "description", "reached_at", "title"]

GOAL_FIELD_VALUES: set[GoalField] = {
    "amount_cents",
    "completed_percentage",
    "created_at",
    "description",
    "reached_at",
    "title",
}


def check_goal_field(value: str) -> GoalField:
    if value in GOAL_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GOAL_FIELD_VALUES!r}")
