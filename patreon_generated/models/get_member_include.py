# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

GetMemberInclude = Literal["address", "campaign", "currently_entitled_tiers", "pledge_history", "user"]

GET_MEMBER_INCLUDE_VALUES: set[GetMemberInclude] = {
    "address",
    "campaign",
    "currently_entitled_tiers",
    "pledge_history",
    "user",
}


def check_get_member_include(value: str) -> GetMemberInclude:
    if value in GET_MEMBER_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_MEMBER_INCLUDE_VALUES!r}")
