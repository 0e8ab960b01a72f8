# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

WebhookTrigger = Literal[
    "members:create",
    "members:delete",
    "members:pledge:create",
    "members:pledge:delete",
    "members:pledge:update",
    "members:update",
    "posts:delete",
    "posts:publish",
    "posts:update",
]

WEBHOOK_TRIGGER_VALUES: set[WebhookTrigger] = {
    "members:create",
    "members:delete",
    "members:pledge:create",
    "members:pledge:delete",
    "members:pledge:update",
    "members:update",
    "posts:delete",
    "posts:publish",
    "posts:update",
}


def check_webhook_trigger(value: str) -> WebhookTrigger:
    if value in WEBHOOK_TRIGGER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_TRIGGER_VALUES!r}")
