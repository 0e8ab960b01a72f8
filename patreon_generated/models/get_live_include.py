# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

GetLiveInclude = Literal["campaign", "live_access_rules"]

GET_LIVE_INCLUDE_VALUES: set[GetLiveInclude] = {
    "campaign",
    "live_access_rules",
}


def check_get_live_include(value: str) -> GetLiveInclude:
    if value in GET_LIVE_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_LIVE_INCLUDE_VALUES!r}")
