# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

LiveField = Literal["description", "rtmp_url", "scheduled_for", "state", "stream_key", "title"]

LIVE_FIELD_VALUES: set[LiveField] = {
    "description",
    "rtmp_url",
    "scheduled_for",
    "state",
    "stream_key",
    "title",
}


def check_live_field(value: str) -> LiveField:
    if value in LIVE_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIVE_FIELD_VALUES!r}")
