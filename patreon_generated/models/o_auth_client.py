# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client_attributes import ClientAttributes
    from ..models.client_relationships import ClientRelationships
    from ..models.resource_links import ResourceLinks


T = TypeVar("T", bound="OAuthClient")


@_attrs_define
class OAuthClient:
    """An OAuth client under the type string oauth-client, as Patreon's own plugin sends and reads it on /clients [WP
    patreon_routing.php]; same attributes as Client [PD].

        Attributes:
            type_ (Literal['oauth-client']):
            id (str):
            attributes (ClientAttributes | Unset): Attributes of client. Only those asked for with fields[client] are
                returned [PD _oauth_v2.md].
            relationships (ClientRelationships | Unset): Relationships of client; only those named in include are returned.
            links (ResourceLinks | Unset): Links of a resource object.
    """

    type_: Literal["oauth-client"]
    id: str
    attributes: ClientAttributes | Unset = UNSET
    relationships: ClientRelationships | Unset = UNSET
    links: ResourceLinks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        relationships: dict[str, Any] | Unset = UNSET
        if not isinstance(self.relationships, Unset):
            relationships = self.relationships.to_dict()

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
            }
        )
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if relationships is not UNSET:
            field_dict["relationships"] = relationships
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.client_attributes import ClientAttributes  # noqa: PLC0415
        from ..models.client_relationships import ClientRelationships  # noqa: PLC0415
        from ..models.resource_links import ResourceLinks  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["oauth-client"], d.pop("type"))
        if type_ != "oauth-client":
            raise ValueError(f"type must match const 'oauth-client', got '{type_}'")

        id = d.pop("id")

        _attributes = d.pop("attributes", UNSET)
        attributes: ClientAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = ClientAttributes.from_dict(_attributes)

        _relationships = d.pop("relationships", UNSET)
        relationships: ClientRelationships | Unset
        if isinstance(_relationships, Unset):
            relationships = UNSET
        else:
            relationships = ClientRelationships.from_dict(_relationships)

        _links = d.pop("links", UNSET)
        links: ResourceLinks | Unset
        if isinstance(_links, Unset):
            links = UNSET
        else:
            links = ResourceLinks.from_dict(_links)

        o_auth_client = cls(
            type_=type_,
            id=id,
            attributes=attributes,
            relationships=relationships,
            links=links,
        )

        o_auth_client.additional_properties = d
        return o_auth_client

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
