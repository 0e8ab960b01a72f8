# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

CampaignField = Literal[
    "created_at",
    "creation_name",
    "currency",
    "discord_server_id",
    "google_analytics_id",
    "has_rss",
    "has_sent_rss_notify",
    "image_small_url",
    "image_url",
    "is_charged_immediately",
    "is_monthly",
    "is_nsfw",
    "main_video_embed",
    "main_video_url",
    "name",
    "one_liner",
    "patron_count",
    "pay_per_name",
    "pledge_url",
    "published_at",
    "rss_artwork_url",
    "rss_feed_title",
    "show_earnings",
    "summary",
    "thanks_embed",
    "thanks_msg",
    "thanks_video_url",
    "url",
    "vanity",
]

CAMPAIGN_FIELD_VALUES: set[CampaignField] = {
    "created_at",
    "creation_name",
    "currency",
    "discord_server_id",
    "google_analytics_id",
    "has_rss",
    "has_sent_rss_notify",
    "image_small_url",
    "image_url",
    "is_charged_immediately",
    "is_monthly",
    "is_nsfw",
    "main_video_embed",
    "main_video_url",
    "name",
    "one_liner",
    "patron_count",
    "pay_per_name",
    "pledge_url",
    "published_at",
    "rss_artwork_url",
    "rss_feed_title",
    "show_earnings",
    "summary",
    "thanks_embed",
    "thanks_msg",
    "thanks_video_url",
    "url",
    "vanity",
}


def check_campaign_field(value: str) -> CampaignField:
    if value in CAMPAIGN_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CAMPAIGN_FIELD_VALUES!r}")
