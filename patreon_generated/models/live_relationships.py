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


T = TypeVar("T", bound="LiveRelationships")


@_attrs_define
class LiveRelationships:
    """Relationships of live; only those named in include are returned.

    Attributes:
        campaign (ToOneRelationship | Unset): To-one relationship; an empty one is {"data": null} [PD webhook sample,
            GO]. Nothing is required [A:links-only-relationships].
        live_access_rules (ToManyRelationship | Unset): To-many relationship. data is null when nothing is configured
            ([PAT] relationships.ts, with payloads in patreon-api.ts#144); an empty one is [] [PD webhook sample]. Nothing
            is required [A:links-only-relationships].
    """

    campaign: ToOneRelationship | Unset = UNSET
    live_access_rules: ToManyRelationship | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign: dict[str, Any] | Unset = UNSET
        if not isinstance(self.campaign, Unset):
            campaign = self.campaign.to_dict()

        live_access_rules: dict[str, Any] | Unset = UNSET
        if not isinstance(self.live_access_rules, Unset):
            live_access_rules = self.live_access_rules.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if campaign is not UNSET:
            field_dict["campaign"] = campaign
        if live_access_rules is not UNSET:
            field_dict["live_access_rules"] = live_access_rules

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

        _live_access_rules = d.pop("live_access_rules", UNSET)
        live_access_rules: ToManyRelationship | Unset
        if isinstance(_live_access_rules, Unset):
            live_access_rules = UNSET
        else:
            live_access_rules = ToManyRelationship.from_dict(_live_access_rules)

        live_relationships = cls(
            campaign=campaign,
            live_access_rules=live_access_rules,
        )

        live_relationships.additional_properties = d
        return live_relationships

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
