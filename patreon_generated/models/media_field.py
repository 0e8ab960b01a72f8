# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

MediaField = Literal[
    "created_at",
    "download_url",
    "file_name",
    "image_urls",
    "metadata",
    "mimetype",
    "owner_id",
    "owner_relationship",
    "owner_type",
    "size_bytes",
    "state",
    "upload_expires_at",
    "upload_parameters",
    "upload_url",
]

MEDIA_FIELD_VALUES: set[MediaField] = {
    "created_at",
    "download_url",
    "file_name",
    "image_urls",
    "metadata",
    "mimetype",
    "owner_id",
    "owner_relationship",
    "owner_type",
    "size_bytes",
    "state",
    "upload_expires_at",
    "upload_parameters",
    "upload_url",
}


def check_media_field(value: str) -> MediaField:
    if value in MEDIA_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MEDIA_FIELD_VALUES!r}")
