# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

ClientField = Literal[
    "author_name",
    "category",
    "client_secret",
    "default_scopes",
    "description",
    "domain",
    "icon_url",
    "name",
    "privacy_policy_url",
    "redirect_uris",
    "tos_url",
    "version",
]

CLIENT_FIELD_VALUES: set[ClientField] = {
    "author_name",
    "category",
    "client_secret",
    "default_scopes",
    "description",
    "domain",
    "icon_url",
    "name",
    "privacy_policy_url",
    "redirect_uris",
    "tos_url",
    "version",
}


def check_client_field(value: str) -> ClientField:
    if value in CLIENT_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLIENT_FIELD_VALUES!r}")
