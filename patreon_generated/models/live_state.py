# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

LiveState = Literal["live", "live_ended", "pre_live"]

LIVE_STATE_VALUES: set[LiveState] = {
    "live",
    "live_ended",
    "pre_live",
}


def check_live_state(value: str) -> LiveState:
    if value in LIVE_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIVE_STATE_VALUES!r}")
