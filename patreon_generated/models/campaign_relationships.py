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


T = TypeVar("T", bound="CampaignRelationships")


@_attrs_define
class CampaignRelationships:
    """Relationships of campaign; only those named in include are returned.

    Attributes:
        benefits (ToManyRelationship | Unset): To-many relationship. data is null when nothing is configured ([PAT]
            relationships.ts, with payloads in patreon-api.ts#144); an empty one is [] [PD webhook sample]. Nothing is
            required [A:links-only-relationships].
        creator (ToOneRelationship | Unset): To-one relationship; an empty one is {"data": null} [PD webhook sample,
            GO]. Nothing is required [A:links-only-relationships].
        goals (ToManyRelationship | Unset): To-many relationship. data is null when nothing is configured ([PAT]
            relationships.ts, with payloads in patreon-api.ts#144); an empty one is [] [PD webhook sample]. Nothing is
            required [A:links-only-relationships].
        tiers (ToManyRelationship | Unset): To-many relationship. data is null when nothing is configured ([PAT]
            relationships.ts, with payloads in patreon-api.ts#144); an empty one is [] [PD webhook sample]. Nothing is
            required [A:links-only-relationships].
        live_access_rules (ToManyRelationship | Unset): To-many relationship. data is null when nothing is configured
            ([PAT] relationships.ts, with payloads in patreon-api.ts#144); an empty one is [] [PD webhook sample]. Nothing
            is required [A:links-only-relationships].
    """

    benefits: ToManyRelationship | Unset = UNSET
    creator: ToOneRelationship | Unset = UNSET
    goals: ToManyRelationship | Unset = UNSET
    tiers: ToManyRelationship | Unset = UNSET
    live_access_rules: ToManyRelationship | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        benefits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.benefits, Unset):
            benefits = self.benefits.to_dict()

        creator: dict[str, Any] | Unset = UNSET
        if not isinstance(self.creator, Unset):
            creator = self.creator.to_dict()

        goals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.goals, Unset):
            goals = self.goals.to_dict()

        tiers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tiers, Unset):
            tiers = self.tiers.to_dict()

        live_access_rules: dict[str, Any] | Unset = UNSET
        if not isinstance(self.live_access_rules, Unset):
            live_access_rules = self.live_access_rules.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if benefits is not UNSET:
            field_dict["benefits"] = benefits
        if creator is not UNSET:
            field_dict["creator"] = creator
        if goals is not UNSET:
            field_dict["goals"] = goals
        if tiers is not UNSET:
            field_dict["tiers"] = tiers
        if live_access_rules is not UNSET:
            field_dict["live_access_rules"] = live_access_rules

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.to_many_relationship import ToManyRelationship  # noqa: PLC0415
        from ..models.to_one_relationship import ToOneRelationship  # noqa: PLC0415

        d = dict(src_dict)
        _benefits = d.pop("benefits", UNSET)
        benefits: ToManyRelationship | Unset
        if isinstance(_benefits, Unset):
            benefits = UNSET
        else:
            benefits = ToManyRelationship.from_dict(_benefits)

        _creator = d.pop("creator", UNSET)
        creator: ToOneRelationship | Unset
        if isinstance(_creator, Unset):
            creator = UNSET
        else:
            creator = ToOneRelationship.from_dict(_creator)

        _goals = d.pop("goals", UNSET)
        goals: ToManyRelationship | Unset
        if isinstance(_goals, Unset):
            goals = UNSET
        else:
            goals = ToManyRelationship.from_dict(_goals)

        _tiers = d.pop("tiers", UNSET)
        tiers: ToManyRelationship | Unset
        if isinstance(_tiers, Unset):
            tiers = UNSET
        else:
            tiers = ToManyRelationship.from_dict(_tiers)

        _live_access_rules = d.pop("live_access_rules", UNSET)
        live_access_rules: ToManyRelationship | Unset
        if isinstance(_live_access_rules, Unset):
            live_access_rules = UNSET
        else:
            live_access_rules = ToManyRelationship.from_dict(_live_access_rules)

        campaign_relationships = cls(
            benefits=benefits,
            creator=creator,
            goals=goals,
            tiers=tiers,
            live_access_rules=live_access_rules,
        )

        campaign_relationships.additional_properties = d
        return campaign_relationships

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
