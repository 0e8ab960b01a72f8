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
    from ..models.post_attributes_embed_data_type_0 import PostAttributesEmbedDataType0


T = TypeVar("T", bound="PostAttributes")


@_attrs_define
class PostAttributes:
    """Attributes of post. Only those asked for with fields[post] are returned [PD _oauth_v2.md].

    Attributes:
        app_id (int | None | Unset): Id of the platform app that made the post.
        app_status (None | str | Unset): Status set by that app.
        content (None | str | Unset): Post body [A:post-content-html].
        embed_data (None | PostAttributesEmbedDataType0 | Unset): Embedded media data.
        embed_url (None | str | Unset): Embedded media URL.
        is_paid (bool | None | Unset): The post charges patrons (pay per post).
        is_public (bool | None | Unset): Visible to everyone.
        published_at (datetime.datetime | None | Unset): When the post was published.
        tiers (list[str] | None | Unset): Ids of the tiers the post is locked to.
        title (None | str | Unset): Post title.
        url (str | Unset): Post URL.
    """

    app_id: int | None | Unset = UNSET
    app_status: None | str | Unset = UNSET
    content: None | str | Unset = UNSET
    embed_data: None | PostAttributesEmbedDataType0 | Unset = UNSET
    embed_url: None | str | Unset = UNSET
    is_paid: bool | None | Unset = UNSET
    is_public: bool | None | Unset = UNSET
    published_at: datetime.datetime | None | Unset = UNSET
    tiers: list[str] | None | Unset = UNSET
    title: None | str | Unset = UNSET
    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.post_attributes_embed_data_type_0 import PostAttributesEmbedDataType0  # noqa: PLC0415

        app_id: int | None | Unset
        if isinstance(self.app_id, Unset):
            app_id = UNSET
        else:
            app_id = self.app_id

        app_status: None | str | Unset
        if isinstance(self.app_status, Unset):
            app_status = UNSET
        else:
            app_status = self.app_status

        content: None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        embed_data: dict[str, Any] | None | Unset
        if isinstance(self.embed_data, Unset):
            embed_data = UNSET
        elif isinstance(self.embed_data, PostAttributesEmbedDataType0):
            embed_data = self.embed_data.to_dict()
        else:
            embed_data = self.embed_data

        embed_url: None | str | Unset
        if isinstance(self.embed_url, Unset):
            embed_url = UNSET
        else:
            embed_url = self.embed_url

        is_paid: bool | None | Unset
        if isinstance(self.is_paid, Unset):
            is_paid = UNSET
        else:
            is_paid = self.is_paid

        is_public: bool | None | Unset
        if isinstance(self.is_public, Unset):
            is_public = UNSET
        else:
            is_public = self.is_public

        published_at: None | str | Unset
        if isinstance(self.published_at, Unset):
            published_at = UNSET
        elif isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        tiers: list[str] | None | Unset
        if isinstance(self.tiers, Unset):
            tiers = UNSET
        elif isinstance(self.tiers, list):
            tiers = self.tiers

        else:
            tiers = self.tiers

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if app_id is not UNSET:
            field_dict["app_id"] = app_id
        if app_status is not UNSET:
            field_dict["app_status"] = app_status
        if content is not UNSET:
            field_dict["content"] = content
        if embed_data is not UNSET:
            field_dict["embed_data"] = embed_data
        if embed_url is not UNSET:
            field_dict["embed_url"] = embed_url
        if is_paid is not UNSET:
            field_dict["is_paid"] = is_paid
        if is_public is not UNSET:
            field_dict["is_public"] = is_public
        if published_at is not UNSET:
            field_dict["published_at"] = published_at
        if tiers is not UNSET:
            field_dict["tiers"] = tiers
        if title is not UNSET:
            field_dict["title"] = title
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.post_attributes_embed_data_type_0 import PostAttributesEmbedDataType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_app_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        app_id = _parse_app_id(d.pop("app_id", UNSET))

        def _parse_app_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        app_status = _parse_app_status(d.pop("app_status", UNSET))

        def _parse_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        def _parse_embed_data(data: object) -> None | PostAttributesEmbedDataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                embed_data_type_0 = PostAttributesEmbedDataType0.from_dict(data)

                return embed_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostAttributesEmbedDataType0 | Unset, data)

        embed_data = _parse_embed_data(d.pop("embed_data", UNSET))

        def _parse_embed_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        embed_url = _parse_embed_url(d.pop("embed_url", UNSET))

        def _parse_is_paid(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_paid = _parse_is_paid(d.pop("is_paid", UNSET))

        def _parse_is_public(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_public = _parse_is_public(d.pop("is_public", UNSET))

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

        def _parse_tiers(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tiers_type_0 = cast(list[str], data)

                return tiers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tiers = _parse_tiers(d.pop("tiers", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        url = d.pop("url", UNSET)

        post_attributes = cls(
            app_id=app_id,
            app_status=app_status,
            content=content,
            embed_data=embed_data,
            embed_url=embed_url,
            is_paid=is_paid,
            is_public=is_public,
            published_at=published_at,
            tiers=tiers,
            title=title,
            url=url,
        )

        post_attributes.additional_properties = d
        return post_attributes

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
