# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

GetIdentityInclude = Literal["campaign", "memberships", "memberships.campaign", "memberships.currently_entitled_tiers"]

GET_IDENTITY_INCLUDE_VALUES: set[GetIdentityInclude] = {
    "campaign",
    "memberships",
    "memberships.campaign",
    "memberships.currently_entitled_tiers",
}


def check_get_identity_include(value: str) -> GetIdentityInclude:
    if value in GET_IDENTITY_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_IDENTITY_INCLUDE_VALUES!r}")
