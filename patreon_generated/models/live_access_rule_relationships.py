# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.to_one_relationship import ToOneRelationship


T = TypeVar("T", bound="LiveAccessRuleRelationships")


@_attrs_define
class LiveAccessRuleRelationships:
    """Relationships of live-access-rule; only those named in include are returned.

    Attributes:
        tier (ToOneRelationship | Unset): To-one relationship; an empty one is {"data": null} [PD webhook sample, GO].
            Nothing is required [A:links-only-relationships].
    """

    tier: ToOneRelationship | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tier: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tier, Unset):
            tier = self.tier.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tier is not UNSET:
            field_dict["tier"] = tier

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.to_one_relationship import ToOneRelationship  # noqa: PLC0415

        d = dict(src_dict)
        _tier = d.pop("tier", UNSET)
        tier: ToOneRelationship | Unset
        if isinstance(_tier, Unset):
            tier = UNSET
        else:
            tier = ToOneRelationship.from_dict(_tier)

        live_access_rule_relationships = cls(
            tier=tier,
        )

        live_access_rule_relationships.additional_properties = d
        return live_access_rule_relationships

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
