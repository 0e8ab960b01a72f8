# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

UserField = Literal[
    "about",
    "can_see_nsfw",
    "created",
    "email",
    "first_name",
    "full_name",
    "hide_pledges",
    "image_url",
    "is_creator",
    "is_email_verified",
    "last_name",
    "like_count",
    "social_connections",
    "thumb_url",
    "url",
    "vanity",
]

USER_FIELD_VALUES: set[UserField] = {
    "about",
    "can_see_nsfw",
    "created",
    "email",
    "first_name",
    "full_name",
    "hide_pledges",
    "image_url",
    "is_creator",
    "is_email_verified",
    "last_name",
    "like_count",
    "social_connections",
    "thumb_url",
    "url",
    "vanity",
}


def check_user_field(value: str) -> UserField:
    if value in USER_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {USER_FIELD_VALUES!r}")
