# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

LegacyWebhookTrigger = Literal["pledges:create", "pledges:delete", "pledges:update"]

LEGACY_WEBHOOK_TRIGGER_VALUES: set[LegacyWebhookTrigger] = {
    "pledges:create",
    "pledges:delete",
    "pledges:update",
}


def check_legacy_webhook_trigger(value: str) -> LegacyWebhookTrigger:
    if value in LEGACY_WEBHOOK_TRIGGER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LEGACY_WEBHOOK_TRIGGER_VALUES!r}")
