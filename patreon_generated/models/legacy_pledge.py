# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.legacy_pledge_attributes import LegacyPledgeAttributes
    from ..models.legacy_pledge_relationships import LegacyPledgeRelationships


T = TypeVar("T", bound="LegacyPledge")


@_attrs_define
class LegacyPledge:
    """A v1 pledge, the data of legacy pledges:* deliveries [PD _webhooks.md sample: amount_cents, created_at,
    declined_since, patron_pays_fees, pledge_cap_cents]. v1 is outside this spec, so attributes and relationships are
    kept as sent.

        Attributes:
            type_ (Literal['pledge']):
            id (str):
            attributes (LegacyPledgeAttributes | Unset):
            relationships (LegacyPledgeRelationships | Unset):
    """

    type_: Literal["pledge"]
    id: str
    attributes: LegacyPledgeAttributes | Unset = UNSET
    relationships: LegacyPledgeRelationships | Unset = UNSET
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.legacy_pledge_attributes import LegacyPledgeAttributes  # noqa: PLC0415
        from ..models.legacy_pledge_relationships import LegacyPledgeRelationships  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["pledge"], d.pop("type"))
        if type_ != "pledge":
            raise ValueError(f"type must match const 'pledge', got '{type_}'")

        id = d.pop("id")

        _attributes = d.pop("attributes", UNSET)
        attributes: LegacyPledgeAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = LegacyPledgeAttributes.from_dict(_attributes)

        _relationships = d.pop("relationships", UNSET)
        relationships: LegacyPledgeRelationships | Unset
        if isinstance(_relationships, Unset):
            relationships = UNSET
        else:
            relationships = LegacyPledgeRelationships.from_dict(_relationships)

        legacy_pledge = cls(
            type_=type_,
            id=id,
            attributes=attributes,
            relationships=relationships,
        )

        legacy_pledge.additional_properties = d
        return legacy_pledge

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
