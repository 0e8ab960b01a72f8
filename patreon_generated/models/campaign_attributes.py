# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CampaignAttributes")


@_attrs_define
class CampaignAttributes:
    """Attributes of campaign. Only those asked for with fields[campaign] are returned [PD _oauth_v2.md].

    Attributes:
        created_at (datetime.datetime | None | Unset): When campaign creation started. Nullable here because [GO] shows
            null on a campaign included from /identity.
        creation_name (None | str | Unset): What the creator is creating ("is creating ...").
        currency (None | str | Unset): Campaign currency code. New attribute, known only from [PAT] issue #266 (2026)
            [A:new-campaign-attributes-nullable].
        discord_server_id (None | str | Unset): Linked Discord server id.
        google_analytics_id (None | str | Unset): Google Analytics tracking id.
        has_rss (bool | Unset): The creator opted in to RSS.
        has_sent_rss_notify (bool | Unset): The RSS opt-in notification was sent.
        image_small_url (str | Unset): Profile image URL.
        image_url (str | Unset): Banner image URL.
        is_charged_immediately (bool | None | Unset): Patrons are charged upfront.
        is_monthly (bool | Unset): Charged monthly (false means per post).
        is_nsfw (bool | Unset): Marked as adult content.
        main_video_embed (None | str | Unset): Embed HTML of the main video.
        main_video_url (None | str | Unset): URL of the main video.
        name (None | str | Unset): Campaign display name. New attribute, known only from [PAT] issue #266 (2026) [A:new-
            campaign-attributes-nullable].
        one_liner (None | str | Unset): Short description.
        patron_count (int | Unset): Number of patrons with access.
        pay_per_name (None | str | Unset): What a charge is per ("per ...").
        pledge_url (str | Unset): Relative (to patreon.com) URL of the pledge flow [PD], e.g. /bePatron?c=ID [PD
            samples] or /join/NAME [GO].
        published_at (datetime.datetime | None | Unset): When the campaign was published.
        rss_artwork_url (None | str | Unset): RSS artwork URL.
        rss_feed_title (None | str | Unset): RSS feed title. Docs do not mark it nullable; [PAT] types it nullable and
            [GO] shows null.
        show_earnings (bool | Unset): Earnings are public.
        summary (None | str | Unset): Campaign summary; HTML in the [GO] fixtures.
        thanks_embed (None | str | Unset): Thank-you embed HTML.
        thanks_msg (None | str | Unset): Thank-you message.
        thanks_video_url (None | str | Unset): Thank-you video URL.
        url (str | Unset): Campaign page URL.
        vanity (None | str | Unset): Campaign vanity name.
    """

    created_at: datetime.datetime | None | Unset = UNSET
    creation_name: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    discord_server_id: None | str | Unset = UNSET
    google_analytics_id: None | str | Unset = UNSET
    has_rss: bool | Unset = UNSET
    has_sent_rss_notify: bool | Unset = UNSET
    image_small_url: str | Unset = UNSET
    image_url: str | Unset = UNSET
    is_charged_immediately: bool | None | Unset = UNSET
    is_monthly: bool | Unset = UNSET
    is_nsfw: bool | Unset = UNSET
    main_video_embed: None | str | Unset = UNSET
    main_video_url: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    one_liner: None | str | Unset = UNSET
    patron_count: int | Unset = UNSET
    pay_per_name: None | str | Unset = UNSET
    pledge_url: str | Unset = UNSET
    published_at: datetime.datetime | None | Unset = UNSET
    rss_artwork_url: None | str | Unset = UNSET
    rss_feed_title: None | str | Unset = UNSET
    show_earnings: bool | Unset = UNSET
    summary: None | str | Unset = UNSET
    thanks_embed: None | str | Unset = UNSET
    thanks_msg: None | str | Unset = UNSET
    thanks_video_url: None | str | Unset = UNSET
    url: str | Unset = UNSET
    vanity: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        creation_name: None | str | Unset
        if isinstance(self.creation_name, Unset):
            creation_name = UNSET
        else:
            creation_name = self.creation_name

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        discord_server_id: None | str | Unset
        if isinstance(self.discord_server_id, Unset):
            discord_server_id = UNSET
        else:
            discord_server_id = self.discord_server_id

        google_analytics_id: None | str | Unset
        if isinstance(self.google_analytics_id, Unset):
            google_analytics_id = UNSET
        else:
            google_analytics_id = self.google_analytics_id

        has_rss = self.has_rss

        has_sent_rss_notify = self.has_sent_rss_notify

        image_small_url = self.image_small_url

        image_url = self.image_url

        is_charged_immediately: bool | None | Unset
        if isinstance(self.is_charged_immediately, Unset):
            is_charged_immediately = UNSET
        else:
            is_charged_immediately = self.is_charged_immediately

        is_monthly = self.is_monthly

        is_nsfw = self.is_nsfw

        main_video_embed: None | str | Unset
        if isinstance(self.main_video_embed, Unset):
            main_video_embed = UNSET
        else:
            main_video_embed = self.main_video_embed

        main_video_url: None | str | Unset
        if isinstance(self.main_video_url, Unset):
            main_video_url = UNSET
        else:
            main_video_url = self.main_video_url

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        one_liner: None | str | Unset
        if isinstance(self.one_liner, Unset):
            one_liner = UNSET
        else:
            one_liner = self.one_liner

        patron_count = self.patron_count

        pay_per_name: None | str | Unset
        if isinstance(self.pay_per_name, Unset):
            pay_per_name = UNSET
        else:
            pay_per_name = self.pay_per_name

        pledge_url = self.pledge_url

        published_at: None | str | Unset
        if isinstance(self.published_at, Unset):
            published_at = UNSET
        elif isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        rss_artwork_url: None | str | Unset
        if isinstance(self.rss_artwork_url, Unset):
            rss_artwork_url = UNSET
        else:
            rss_artwork_url = self.rss_artwork_url

        rss_feed_title: None | str | Unset
        if isinstance(self.rss_feed_title, Unset):
            rss_feed_title = UNSET
        else:
            rss_feed_title = self.rss_feed_title

        show_earnings = self.show_earnings

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        thanks_embed: None | str | Unset
        if isinstance(self.thanks_embed, Unset):
            thanks_embed = UNSET
        else:
            thanks_embed = self.thanks_embed

        thanks_msg: None | str | Unset
        if isinstance(self.thanks_msg, Unset):
            thanks_msg = UNSET
        else:
            thanks_msg = self.thanks_msg

        thanks_video_url: None | str | Unset
        if isinstance(self.thanks_video_url, Unset):
            thanks_video_url = UNSET
        else:
            thanks_video_url = self.thanks_video_url

        url = self.url

        vanity: None | str | Unset
        if isinstance(self.vanity, Unset):
            vanity = UNSET
        else:
            vanity = self.vanity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if creation_name is not UNSET:
            field_dict["creation_name"] = creation_name
        if currency is not UNSET:
            field_dict["currency"] = currency
        if discord_server_id is not UNSET:
            field_dict["discord_server_id"] = discord_server_id
        if google_analytics_id is not UNSET:
            field_dict["google_analytics_id"] = google_analytics_id
        if has_rss is not UNSET:
            field_dict["has_rss"] = has_rss
        if has_sent_rss_notify is not UNSET:
            field_dict["has_sent_rss_notify"] = has_sent_rss_notify
        if image_small_url is not UNSET:
            field_dict["image_small_url"] = image_small_url
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if is_charged_immediately is not UNSET:
            field_dict["is_charged_immediately"] = is_charged_immediately
        if is_monthly is not UNSET:
            field_dict["is_monthly"] = is_monthly
        if is_nsfw is not UNSET:
            field_dict["is_nsfw"] = is_nsfw
        if main_video_embed is not UNSET:
            field_dict["main_video_embed"] = main_video_embed
        if main_video_url is not UNSET:
            field_dict["main_video_url"] = main_video_url
        if name is not UNSET:
            field_dict["name"] = name
        if one_liner is not UNSET:
            field_dict["one_liner"] = one_liner
        if patron_count is not UNSET:
            field_dict["patron_count"] = patron_count
        if pay_per_name is not UNSET:
            field_dict["pay_per_name"] = pay_per_name
        if pledge_url is not UNSET:
            field_dict["pledge_url"] = pledge_url
        if published_at is not UNSET:
            field_dict["published_at"] = published_at
        if rss_artwork_url is not UNSET:
            field_dict["rss_artwork_url"] = rss_artwork_url
        if rss_feed_title is not UNSET:
            field_dict["rss_feed_title"] = rss_feed_title
        if show_earnings is not UNSET:
            field_dict["show_earnings"] = show_earnings
        if summary is not UNSET:
            field_dict["summary"] = summary
        if thanks_embed is not UNSET:
            field_dict["thanks_embed"] = thanks_embed
        if thanks_msg is not UNSET:
            field_dict["thanks_msg"] = thanks_msg
        if thanks_video_url is not UNSET:
            field_dict["thanks_video_url"] = thanks_video_url
        if url is not UNSET:
            field_dict["url"] = url
        if vanity is not UNSET:
            field_dict["vanity"] = vanity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_creation_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        creation_name = _parse_creation_name(d.pop("creation_name", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_discord_server_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        discord_server_id = _parse_discord_server_id(d.pop("discord_server_id", UNSET))

        def _parse_google_analytics_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        google_analytics_id = _parse_google_analytics_id(d.pop("google_analytics_id", UNSET))

        has_rss = d.pop("has_rss", UNSET)

        has_sent_rss_notify = d.pop("has_sent_rss_notify", UNSET)

        image_small_url = d.pop("image_small_url", UNSET)

        image_url = d.pop("image_url", UNSET)

        def _parse_is_charged_immediately(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_charged_immediately = _parse_is_charged_immediately(d.pop("is_charged_immediately", UNSET))

        is_monthly = d.pop("is_monthly", UNSET)

        is_nsfw = d.pop("is_nsfw", UNSET)

        def _parse_main_video_embed(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        main_video_embed = _parse_main_video_embed(d.pop("main_video_embed", UNSET))

        def _parse_main_video_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        main_video_url = _parse_main_video_url(d.pop("main_video_url", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_one_liner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        one_liner = _parse_one_liner(d.pop("one_liner", UNSET))

        patron_count = d.pop("patron_count", UNSET)

        def _parse_pay_per_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pay_per_name = _parse_pay_per_name(d.pop("pay_per_name", UNSET))

        pledge_url = d.pop("pledge_url", UNSET)

        def _parse_published_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        published_at = _parse_published_at(d.pop("published_at", UNSET))

        def _parse_rss_artwork_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rss_artwork_url = _parse_rss_artwork_url(d.pop("rss_artwork_url", UNSET))

        def _parse_rss_feed_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rss_feed_title = _parse_rss_feed_title(d.pop("rss_feed_title", UNSET))

        show_earnings = d.pop("show_earnings", UNSET)

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_thanks_embed(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        thanks_embed = _parse_thanks_embed(d.pop("thanks_embed", UNSET))

        def _parse_thanks_msg(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        thanks_msg = _parse_thanks_msg(d.pop("thanks_msg", UNSET))

        def _parse_thanks_video_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        thanks_video_url = _parse_thanks_video_url(d.pop("thanks_video_url", UNSET))

        url = d.pop("url", UNSET)

        def _parse_vanity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vanity = _parse_vanity(d.pop("vanity", UNSET))

        campaign_attributes = cls(
            created_at=created_at,
            creation_name=creation_name,
            currency=currency,
            discord_server_id=discord_server_id,
            google_analytics_id=google_analytics_id,
            has_rss=has_rss,
            has_sent_rss_notify=has_sent_rss_notify,
            image_small_url=image_small_url,
            image_url=image_url,
            is_charged_immediately=is_charged_immediately,
            is_monthly=is_monthly,
            is_nsfw=is_nsfw,
            main_video_embed=main_video_embed,
            main_video_url=main_video_url,
            name=name,
            one_liner=one_liner,
            patron_count=patron_count,
            pay_per_name=pay_per_name,
            pledge_url=pledge_url,
            published_at=published_at,
            rss_artwork_url=rss_artwork_url,
            rss_feed_title=rss_feed_title,
            show_earnings=show_earnings,
            summary=summary,
            thanks_embed=thanks_embed,
            thanks_msg=thanks_msg,
            thanks_video_url=thanks_video_url,
            url=url,
            vanity=vanity,
        )

        campaign_attributes.additional_properties = d
        return campaign_attributes

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
