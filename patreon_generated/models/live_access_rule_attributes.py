# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.live_access_rule_type import LiveAccessRuleType, check_live_access_rule_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="LiveAccessRuleAttributes")


@_attrs_define
class LiveAccessRuleAttributes:
    """Attributes of live-access-rule. Only those asked for with fields[live-access-rule] are returned [PD _oauth_v2.md].

    Attributes:
        access_rule_type (LiveAccessRuleType | str | Unset): Kind of rule, e.g. tier, patron, public [PAT].
    """

    access_rule_type: LiveAccessRuleType | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_rule_type: str | Unset
        if isinstance(self.access_rule_type, Unset):
            access_rule_type = UNSET
        elif isinstance(self.access_rule_type, str):
            access_rule_type = self.access_rule_type
        else:
            access_rule_type = self.access_rule_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if access_rule_type is not UNSET:
            field_dict["access_rule_type"] = access_rule_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_access_rule_type(data: object) -> LiveAccessRuleType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                access_rule_type_type_0 = check_live_access_rule_type(data)

                return access_rule_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LiveAccessRuleType | str | Unset, data)

        access_rule_type = _parse_access_rule_type(d.pop("access_rule_type", UNSET))

        live_access_rule_attributes = cls(
            access_rule_type=access_rule_type,
        )

        live_access_rule_attributes.additional_properties = d
        return live_access_rule_attributes

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
