# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

GetCampaignInclude = Literal[
    "benefits", "creator", "goals", "live_access_rules", "tiers", "tiers.benefits", "tiers.tier_image"
]

GET_CAMPAIGN_INCLUDE_VALUES: set[GetCampaignInclude] = {
    "benefits",
    "creator",
    "goals",
    "live_access_rules",
    "tiers",
    "tiers.benefits",
    "tiers.tier_image",
}


def check_get_campaign_include(value: str) -> GetCampaignInclude:
    if value in GET_CAMPAIGN_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CAMPAIGN_INCLUDE_VALUES!r}")
