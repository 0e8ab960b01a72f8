# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

TierField = Literal[
    "amount_cents",
    "created_at",
    "description",
    "discord_role_ids",
    "edited_at",
    "image_url",
    "patron_count",
    "post_count",
    "published",
    "published_at",
    "remaining",
    "requires_shipping",
    "title",
    "unpublished_at",
    "url",
    "user_limit",
]

TIER_FIELD_VALUES: set[TierField] = {
    "amount_cents",
    "created_at",
    "description",
    "discord_role_ids",
    "edited_at",
    "image_url",
    "patron_count",
    "post_count",
    "published",
    "published_at",
    "remaining",
    "requires_shipping",
    "title",
    "unpublished_at",
    "url",
    "user_limit",
}


def check_tier_field(value: str) -> TierField:
    if value in TIER_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TIER_FIELD_VALUES!r}")
