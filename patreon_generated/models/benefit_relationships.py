# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.to_many_relationship import ToManyRelationship
    from ..models.to_one_relationship import ToOneRelationship


T = TypeVar("T", bound="BenefitRelationships")


@_attrs_define
class BenefitRelationships:
    """Relationships of benefit; only those named in include are returned.

    Attributes:
        campaign (ToOneRelationship | Unset): To-one relationship; an empty one is {"data": null} [PD webhook sample,
            GO]. Nothing is required [A:links-only-relationships].
        deliverables (ToManyRelationship | Unset): To-many relationship. data is null when nothing is configured ([PAT]
            relationships.ts, with payloads in patreon-api.ts#144); an empty one is [] [PD webhook sample]. Nothing is
            required [A:links-only-relationships].
        tiers (ToManyRelationship | Unset): To-many relationship. data is null when nothing is configured ([PAT]
            relationships.ts, with payloads in patreon-api.ts#144); an empty one is [] [PD webhook sample]. Nothing is
            required [A:links-only-relationships].
    """

    campaign: ToOneRelationship | Unset = UNSET
    deliverables: ToManyRelationship | Unset = UNSET
    tiers: ToManyRelationship | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign: dict[str, Any] | Unset = UNSET
        if not isinstance(self.campaign, Unset):
            campaign = self.campaign.to_dict()

        deliverables: dict[str, Any] | Unset = UNSET
        if not isinstance(self.deliverables, Unset):
            deliverables = self.deliverables.to_dict()

        tiers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tiers, Unset):
            tiers = self.tiers.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if campaign is not UNSET:
            field_dict["campaign"] = campaign
        if deliverables is not UNSET:
            field_dict["deliverables"] = deliverables
        if tiers is not UNSET:
            field_dict["tiers"] = tiers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.to_many_relationship import ToManyRelationship  # noqa: PLC0415
        from ..models.to_one_relationship import ToOneRelationship  # noqa: PLC0415

        d = dict(src_dict)
        _campaign = d.pop("campaign", UNSET)
        campaign: ToOneRelationship | Unset
        if isinstance(_campaign, Unset):
            campaign = UNSET
        else:
            campaign = ToOneRelationship.from_dict(_campaign)

        _deliverables = d.pop("deliverables", UNSET)
        deliverables: ToManyRelationship | Unset
        if isinstance(_deliverables, Unset):
            deliverables = UNSET
        else:
            deliverables = ToManyRelationship.from_dict(_deliverables)

        _tiers = d.pop("tiers", UNSET)
        tiers: ToManyRelationship | Unset
        if isinstance(_tiers, Unset):
            tiers = UNSET
        else:
            tiers = ToManyRelationship.from_dict(_tiers)

        benefit_relationships = cls(
            campaign=campaign,
            deliverables=deliverables,
            tiers=tiers,
        )

        benefit_relationships.additional_properties = d
        return benefit_relationships

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
