# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.relationship_links import RelationshipLinks
    from ..models.resource_identifier import ResourceIdentifier


T = TypeVar("T", bound="ToManyRelationship")


@_attrs_define
class ToManyRelationship:
    """To-many relationship. data is null when nothing is configured ([PAT] relationships.ts, with payloads in patreon-
    api.ts#144); an empty one is [] [PD webhook sample]. Nothing is required [A:links-only-relationships].

        Attributes:
            data (list[ResourceIdentifier] | None | Unset):
            links (RelationshipLinks | Unset): Links of a relationship; related URLs are not documented as callable [PD
                samples].
    """

    data: list[ResourceIdentifier] | None | Unset = UNSET
    links: RelationshipLinks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: list[dict[str, Any]] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, list):
            data = []
            for data_type_0_item_data in self.data:
                data_type_0_item = data_type_0_item_data.to_dict()
                data.append(data_type_0_item)

        else:
            data = self.data

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if data is not UNSET:
            field_dict["data"] = data
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.relationship_links import RelationshipLinks  # noqa: PLC0415
        from ..models.resource_identifier import ResourceIdentifier  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_data(data: object) -> list[ResourceIdentifier] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                data_type_0 = []
                _data_type_0 = data
                for data_type_0_item_data in _data_type_0:
                    data_type_0_item = ResourceIdentifier.from_dict(data_type_0_item_data)

                    data_type_0.append(data_type_0_item)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ResourceIdentifier] | None | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        _links = d.pop("links", UNSET)
        links: RelationshipLinks | Unset
        if isinstance(_links, Unset):
            links = UNSET
        else:
            links = RelationshipLinks.from_dict(_links)

        to_many_relationship = cls(
            data=data,
            links=links,
        )

        to_many_relationship.additional_properties = d
        return to_many_relationship

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
