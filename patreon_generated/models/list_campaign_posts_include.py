# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

ListCampaignPostsInclude = Literal["campaign", "user"]

LIST_CAMPAIGN_POSTS_INCLUDE_VALUES: set[ListCampaignPostsInclude] = {
    "campaign",
    "user",
}


def check_list_campaign_posts_include(value: str) -> ListCampaignPostsInclude:
    if value in LIST_CAMPAIGN_POSTS_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_CAMPAIGN_POSTS_INCLUDE_VALUES!r}")
