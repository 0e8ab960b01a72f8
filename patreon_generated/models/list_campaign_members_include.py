# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

ListCampaignMembersInclude = Literal["address", "campaign", "currently_entitled_tiers", "pledge_history", "user"]

LIST_CAMPAIGN_MEMBERS_INCLUDE_VALUES: set[ListCampaignMembersInclude] = {
    "address",
    "campaign",
    "currently_entitled_tiers",
    "pledge_history",
    "user",
}


def check_list_campaign_members_include(value: str) -> ListCampaignMembersInclude:
    if value in LIST_CAMPAIGN_MEMBERS_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_CAMPAIGN_MEMBERS_INCLUDE_VALUES!r}")
