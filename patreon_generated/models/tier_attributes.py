# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TierAttributes")


@_attrs_define
class TierAttributes:
    """Attributes of tier. Only those asked for with fields[tier] are returned [PD _oauth_v2.md].

    Attributes:
        amount_cents (int | Unset): Tier price. [PD] says U.S. cents, but since multi-currency it is in the campaign
            currency (platform-documentation PR #46).
        created_at (datetime.datetime | Unset): When the tier was created.
        description (str | Unset): Tier description.
        discord_role_ids (list[str] | None | Unset): Discord roles granted by the tier.
        edited_at (datetime.datetime | Unset): When the tier was last edited.
        image_url (None | str | Unset): Tier image URL.
        patron_count (int | Unset): Patrons in the tier.
        post_count (int | None | Unset): Posts locked to the tier.
        published (bool | Unset): The tier is published.
        published_at (datetime.datetime | None | Unset): When the tier was published.
        remaining (int | None | Unset): Slots left when user_limit is set.
        requires_shipping (bool | Unset): The tier collects a shipping address.
        title (str | Unset): Tier title.
        unpublished_at (datetime.datetime | None | Unset): When the tier was unpublished.
        url (str | Unset): Tier URL.
        user_limit (int | None | Unset): Maximum number of patrons.
    """

    amount_cents: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    description: str | Unset = UNSET
    discord_role_ids: list[str] | None | Unset = UNSET
    edited_at: datetime.datetime | Unset = UNSET
    image_url: None | str | Unset = UNSET
    patron_count: int | Unset = UNSET
    post_count: int | None | Unset = UNSET
    published: bool | Unset = UNSET
    published_at: datetime.datetime | None | Unset = UNSET
    remaining: int | None | Unset = UNSET
    requires_shipping: bool | Unset = UNSET
    title: str | Unset = UNSET
    unpublished_at: datetime.datetime | None | Unset = UNSET
    url: str | Unset = UNSET
    user_limit: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_cents = self.amount_cents

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        description = self.description

        discord_role_ids: list[str] | None | Unset
        if isinstance(self.discord_role_ids, Unset):
            discord_role_ids = UNSET
        elif isinstance(self.discord_role_ids, list):
            discord_role_ids = self.discord_role_ids

        else:
            discord_role_ids = self.discord_role_ids

        edited_at: str | Unset = UNSET
        if not isinstance(self.edited_at, Unset):
            edited_at = self.edited_at.isoformat()

        image_url: None | str | Unset
        if isinstance(self.image_url, Unset):
            image_url = UNSET
        else:
            image_url = self.image_url

        patron_count = self.patron_count

        post_count: int | None | Unset
        if isinstance(self.post_count, Unset):
            post_count = UNSET
        else:
            post_count = self.post_count

        published = self.published

        published_at: None | str | Unset
        if isinstance(self.published_at, Unset):
            published_at = UNSET
        elif isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        remaining: int | None | Unset
        if isinstance(self.remaining, Unset):
            remaining = UNSET
        else:
            remaining = self.remaining

        requires_shipping = self.requires_shipping

        title = self.title

        unpublished_at: None | str | Unset
        if isinstance(self.unpublished_at, Unset):
            unpublished_at = UNSET
        elif isinstance(self.unpublished_at, datetime.datetime):
            unpublished_at = self.unpublished_at.isoformat()
        else:
            unpublished_at = self.unpublished_at

        url = self.url

        user_limit: int | None | Unset
        if isinstance(self.user_limit, Unset):
            user_limit = UNSET
        else:
            user_limit = self.user_limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount_cents is not UNSET:
            field_dict["amount_cents"] = amount_cents
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if description is not UNSET:
            field_dict["description"] = description
        if discord_role_ids is not UNSET:
            field_dict["discord_role_ids"] = discord_role_ids
        if edited_at is not UNSET:
            field_dict["edited_at"] = edited_at
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if patron_count is not UNSET:
            field_dict["patron_count"] = patron_count
        if post_count is not UNSET:
            field_dict["post_count"] = post_count
        if published is not UNSET:
            field_dict["published"] = published
        if published_at is not UNSET:
            field_dict["published_at"] = published_at
        if remaining is not UNSET:
            field_dict["remaining"] = remaining
        if requires_shipping is not UNSET:
            field_dict["requires_shipping"] = requires_shipping
        if title is not UNSET:
            field_dict["title"] = title
        if unpublished_at is not UNSET:
            field_dict["unpublished_at"] = unpublished_at
        if url is not UNSET:
            field_dict["url"] = url
        if user_limit is not UNSET:
            field_dict["user_limit"] = user_limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_cents = d.pop("amount_cents", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        description = d.pop("description", UNSET)

        def _parse_discord_role_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                discord_role_ids_type_0 = cast(list[str], data)

                return discord_role_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        discord_role_ids = _parse_discord_role_ids(d.pop("discord_role_ids", UNSET))

        _edited_at = d.pop("edited_at", UNSET)
        edited_at: datetime.datetime | Unset
        if isinstance(_edited_at, Unset):
            edited_at = UNSET
        else:
            edited_at = datetime.datetime.fromisoformat(_edited_at)

        def _parse_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url = _parse_image_url(d.pop("image_url", UNSET))

        patron_count = d.pop("patron_count", UNSET)

        def _parse_post_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        post_count = _parse_post_count(d.pop("post_count", UNSET))

        published = d.pop("published", UNSET)

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

        def _parse_remaining(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        remaining = _parse_remaining(d.pop("remaining", UNSET))

        requires_shipping = d.pop("requires_shipping", UNSET)

        title = d.pop("title", UNSET)

        def _parse_unpublished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unpublished_at_type_0 = datetime.datetime.fromisoformat(data)

                return unpublished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        unpublished_at = _parse_unpublished_at(d.pop("unpublished_at", UNSET))

        url = d.pop("url", UNSET)

        def _parse_user_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        user_limit = _parse_user_limit(d.pop("user_limit", UNSET))

        tier_attributes = cls(
            amount_cents=amount_cents,
            created_at=created_at,
            description=description,
            discord_role_ids=discord_role_ids,
            edited_at=edited_at,
            image_url=image_url,
            patron_count=patron_count,
            post_count=post_count,
            published=published,
            published_at=published_at,
            remaining=remaining,
            requires_shipping=requires_shipping,
            title=title,
            unpublished_at=unpublished_at,
            url=url,
            user_limit=user_limit,
        )

        tier_attributes.additional_properties = d
        return tier_attributes

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
