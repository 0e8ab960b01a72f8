# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClientAttributes")


@_attrs_define
class ClientAttributes:
    """Attributes of client. Only those asked for with fields[client] are returned [PD _oauth_v2.md].

    Attributes:
        author_name (None | str | Unset): Author shown on the consent screen.
        category (str | Unset): Client category.
        client_secret (str | Unset): The client secret.
        default_scopes (str | Unset): Default scopes (deprecated).
        description (str | Unset): Client description.
        domain (None | str | Unset): Client domain.
        icon_url (None | str | Unset): Icon URL.
        name (str | Unset): Client name.
        privacy_policy_url (None | str | Unset): Privacy policy URL.
        redirect_uris (str | Unset): Registered redirect URIs.
        tos_url (None | str | Unset): Terms of service URL.
        version (int | Unset): API version the client targets.
    """

    author_name: None | str | Unset = UNSET
    category: str | Unset = UNSET
    client_secret: str | Unset = UNSET
    default_scopes: str | Unset = UNSET
    description: str | Unset = UNSET
    domain: None | str | Unset = UNSET
    icon_url: None | str | Unset = UNSET
    name: str | Unset = UNSET
    privacy_policy_url: None | str | Unset = UNSET
    redirect_uris: str | Unset = UNSET
    tos_url: None | str | Unset = UNSET
    version: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        author_name: None | str | Unset
        if isinstance(self.author_name, Unset):
            author_name = UNSET
        else:
            author_name = self.author_name

        category = self.category

        client_secret = self.client_secret

        default_scopes = self.default_scopes

        description = self.description

        domain: None | str | Unset
        if isinstance(self.domain, Unset):
            domain = UNSET
        else:
            domain = self.domain

        icon_url: None | str | Unset
        if isinstance(self.icon_url, Unset):
            icon_url = UNSET
        else:
            icon_url = self.icon_url

        name = self.name

        privacy_policy_url: None | str | Unset
        if isinstance(self.privacy_policy_url, Unset):
            privacy_policy_url = UNSET
        else:
            privacy_policy_url = self.privacy_policy_url

        redirect_uris = self.redirect_uris

        tos_url: None | str | Unset
        if isinstance(self.tos_url, Unset):
            tos_url = UNSET
        else:
            tos_url = self.tos_url

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if author_name is not UNSET:
            field_dict["author_name"] = author_name
        if category is not UNSET:
            field_dict["category"] = category
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if default_scopes is not UNSET:
            field_dict["default_scopes"] = default_scopes
        if description is not UNSET:
            field_dict["description"] = description
        if domain is not UNSET:
            field_dict["domain"] = domain
        if icon_url is not UNSET:
            field_dict["icon_url"] = icon_url
        if name is not UNSET:
            field_dict["name"] = name
        if privacy_policy_url is not UNSET:
            field_dict["privacy_policy_url"] = privacy_policy_url
        if redirect_uris is not UNSET:
            field_dict["redirect_uris"] = redirect_uris
        if tos_url is not UNSET:
            field_dict["tos_url"] = tos_url
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_author_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        author_name = _parse_author_name(d.pop("author_name", UNSET))

        category = d.pop("category", UNSET)

        client_secret = d.pop("client_secret", UNSET)

        default_scopes = d.pop("default_scopes", UNSET)

        description = d.pop("description", UNSET)

        def _parse_domain(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        domain = _parse_domain(d.pop("domain", UNSET))

        def _parse_icon_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        icon_url = _parse_icon_url(d.pop("icon_url", UNSET))

        name = d.pop("name", UNSET)

        def _parse_privacy_policy_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        privacy_policy_url = _parse_privacy_policy_url(d.pop("privacy_policy_url", UNSET))

        redirect_uris = d.pop("redirect_uris", UNSET)

        def _parse_tos_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tos_url = _parse_tos_url(d.pop("tos_url", UNSET))

        version = d.pop("version", UNSET)

        client_attributes = cls(
            author_name=author_name,
            category=category,
            client_secret=client_secret,
            default_scopes=default_scopes,
            description=description,
            domain=domain,
            icon_url=icon_url,
            name=name,
            privacy_policy_url=privacy_policy_url,
            redirect_uris=redirect_uris,
            tos_url=tos_url,
            version=version,
        )

        client_attributes.additional_properties = d
        return client_attributes

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
