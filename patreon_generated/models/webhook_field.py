# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

WebhookField = Literal["last_attempted_at", "num_consecutive_times_failed", "paused", "secret", "triggers", "uri"]

WEBHOOK_FIELD_VALUES: set[WebhookField] = {
    "last_attempted_at",
    "num_consecutive_times_failed",
    "paused",
    "secret",
    "triggers",
    "uri",
}


def check_webhook_field(value: str) -> WebhookField:
    if value in WEBHOOK_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_FIELD_VALUES!r}")
