# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

PostField = Literal[
    "app_id",
    "app_status",
    "content",
    "embed_data",
    "embed_url",
    "is_paid",
    "is_public",
    "published_at",
    "tiers",
    "title",
    "url",
]

POST_FIELD_VALUES: set[PostField] = {
    "app_id",
    "app_status",
    "content",
    "embed_data",
    "embed_url",
    "is_paid",
    "is_public",
    "published_at",
    "tiers",
    "title",
    "url",
}


def check_post_field(value: str) -> PostField:
    if value in POST_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {POST_FIELD_VALUES!r}")
