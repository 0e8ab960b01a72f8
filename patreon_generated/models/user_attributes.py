# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user_attributes_social_connections import UserAttributesSocialConnections


T = TypeVar("T", bound="UserAttributes")


@_attrs_define
class UserAttributes:
    """Attributes of user. Only those asked for with fields[user] are returned [PD _oauth_v2.md].

    Attributes:
        about (None | str | Unset): Profile bio.
        can_see_nsfw (bool | None | Unset): The user may see adult content.
        created (datetime.datetime | Unset): When the user joined (named created, not created_at).
        email (None | str | Unset): User email; the scope it needs depends on the endpoint (x-patreon-scope-rules).
            Nullable [A:user-email-nullable].
        first_name (None | str | Unset): First name.
        full_name (str | Unset): Full name.
        hide_pledges (bool | None | Unset): The user hides their pledges.
        image_url (str | Unset): Profile image, 400 px wide.
        is_creator (bool | Unset): The user has an active campaign.
        is_email_verified (bool | Unset): The email is verified.
        last_name (None | str | Unset): Last name.
        like_count (int | Unset): Number of likes given.
        social_connections (UserAttributesSocialConnections | Unset): Map of platform (discord, twitch, youtube, ...) to
            null or {user_id, url?} [GO] [PD-hist] [PAT].
        thumb_url (str | Unset): Profile image, 100x100.
        url (str | Unset): Profile URL.
        vanity (None | str | Unset): Deprecated; use campaign.vanity [PD 2024-12].
    """

    about: None | str | Unset = UNSET
    can_see_nsfw: bool | None | Unset = UNSET
    created: datetime.datetime | Unset = UNSET
    email: None | str | Unset = UNSET
    first_name: None | str | Unset = UNSET
    full_name: str | Unset = UNSET
    hide_pledges: bool | None | Unset = UNSET
    image_url: str | Unset = UNSET
    is_creator: bool | Unset = UNSET
    is_email_verified: bool | Unset = UNSET
    last_name: None | str | Unset = UNSET
    like_count: int | Unset = UNSET
    social_connections: UserAttributesSocialConnections | Unset = UNSET
    thumb_url: str | Unset = UNSET
    url: str | Unset = UNSET
    vanity: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        about: None | str | Unset
        if isinstance(self.about, Unset):
            about = UNSET
        else:
            about = self.about

        can_see_nsfw: bool | None | Unset
        if isinstance(self.can_see_nsfw, Unset):
            can_see_nsfw = UNSET
        else:
            can_see_nsfw = self.can_see_nsfw

        created: str | Unset = UNSET
        if not isinstance(self.created, Unset):
            created = self.created.isoformat()

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        full_name = self.full_name

        hide_pledges: bool | None | Unset
        if isinstance(self.hide_pledges, Unset):
            hide_pledges = UNSET
        else:
            hide_pledges = self.hide_pledges

        image_url = self.image_url

        is_creator = self.is_creator

        is_email_verified = self.is_email_verified

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        like_count = self.like_count

        social_connections: dict[str, Any] | Unset = UNSET
        if not isinstance(self.social_connections, Unset):
            social_connections = self.social_connections.to_dict()

        thumb_url = self.thumb_url

        url = self.url

        vanity: None | str | Unset
        if isinstance(self.vanity, Unset):
            vanity = UNSET
        else:
            vanity = self.vanity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if about is not UNSET:
            field_dict["about"] = about
        if can_see_nsfw is not UNSET:
            field_dict["can_see_nsfw"] = can_see_nsfw
        if created is not UNSET:
            field_dict["created"] = created
        if email is not UNSET:
            field_dict["email"] = email
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if hide_pledges is not UNSET:
            field_dict["hide_pledges"] = hide_pledges
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if is_creator is not UNSET:
            field_dict["is_creator"] = is_creator
        if is_email_verified is not UNSET:
            field_dict["is_email_verified"] = is_email_verified
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if like_count is not UNSET:
            field_dict["like_count"] = like_count
        if social_connections is not UNSET:
            field_dict["social_connections"] = social_connections
        if thumb_url is not UNSET:
            field_dict["thumb_url"] = thumb_url
        if url is not UNSET:
            field_dict["url"] = url
        if vanity is not UNSET:
            field_dict["vanity"] = vanity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_attributes_social_connections import UserAttributesSocialConnections  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_about(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        about = _parse_about(d.pop("about", UNSET))

        def _parse_can_see_nsfw(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        can_see_nsfw = _parse_can_see_nsfw(d.pop("can_see_nsfw", UNSET))

        _created = d.pop("created", UNSET)
        created: datetime.datetime | Unset
        if isinstance(_created, Unset):
            created = UNSET
        else:
            created = datetime.datetime.fromisoformat(_created)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        full_name = d.pop("full_name", UNSET)

        def _parse_hide_pledges(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        hide_pledges = _parse_hide_pledges(d.pop("hide_pledges", UNSET))

        image_url = d.pop("image_url", UNSET)

        is_creator = d.pop("is_creator", UNSET)

        is_email_verified = d.pop("is_email_verified", UNSET)

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        like_count = d.pop("like_count", UNSET)

        _social_connections = d.pop("social_connections", UNSET)
        social_connections: UserAttributesSocialConnections | Unset
        if isinstance(_social_connections, Unset):
            social_connections = UNSET
        else:
            social_connections = UserAttributesSocialConnections.from_dict(_social_connections)

        thumb_url = d.pop("thumb_url", UNSET)

        url = d.pop("url", UNSET)

        def _parse_vanity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vanity = _parse_vanity(d.pop("vanity", UNSET))

        user_attributes = cls(
            about=about,
            can_see_nsfw=can_see_nsfw,
            created=created,
            email=email,
            first_name=first_name,
            full_name=full_name,
            hide_pledges=hide_pledges,
            image_url=image_url,
            is_creator=is_creator,
            is_email_verified=is_email_verified,
            last_name=last_name,
            like_count=like_count,
            social_connections=social_connections,
            thumb_url=thumb_url,
            url=url,
            vanity=vanity,
        )

        user_attributes.additional_properties = d
        return user_attributes

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
