# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

ListCampaignsInclude = Literal[
    "benefits", "creator", "goals", "live_access_rules", "tiers", "tiers.benefits", "tiers.tier_image"
]

LIST_CAMPAIGNS_INCLUDE_VALUES: set[ListCampaignsInclude] = {
    "benefits",
    "creator",
    "goals",
    "live_access_rules",
    "tiers",
    "tiers.benefits",
    "tiers.tier_image",
}


def check_list_campaigns_include(value: str) -> ListCampaignsInclude:
    if value in LIST_CAMPAIGNS_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_CAMPAIGNS_INCLUDE_VALUES!r}")
