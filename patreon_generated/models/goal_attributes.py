# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GoalAttributes")


@_attrs_define
class GoalAttributes:
    """Attributes of goal. Only those asked for with fields[goal] are returned [PD _oauth_v2.md].

    Attributes:
        amount_cents (int | Unset): Goal amount in cents.
        completed_percentage (int | Unset): Percent complete.
        created_at (datetime.datetime | Unset): When the goal was created.
        description (None | str | Unset): Goal description.
        reached_at (datetime.datetime | None | Unset): When the goal was reached.
        title (str | Unset): Goal title.
    """

    amount_cents: int | Unset = UNSET
    completed_percentage: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    description: None | str | Unset = UNSET
    reached_at: datetime.datetime | None | Unset = UNSET
    title: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_cents = self.amount_cents

        completed_percentage = self.completed_percentage

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        reached_at: None | str | Unset
        if isinstance(self.reached_at, Unset):
            reached_at = UNSET
        elif isinstance(self.reached_at, datetime.datetime):
            reached_at = self.reached_at.isoformat()
        else:
            reached_at = self.reached_at

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount_cents is not UNSET:
            field_dict["amount_cents"] = amount_cents
        if completed_percentage is not UNSET:
            field_dict["completed_percentage"] = completed_percentage
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if description is not UNSET:
            field_dict["description"] = description
        if reached_at is not UNSET:
            field_dict["reached_at"] = reached_at
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_cents = d.pop("amount_cents", UNSET)

        completed_percentage = d.pop("completed_percentage", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_reached_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reached_at_type_0 = datetime.datetime.fromisoformat(data)

                return reached_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reached_at = _parse_reached_at(d.pop("reached_at", UNSET))

        title = d.pop("title", UNSET)

        goal_attributes = cls(
            amount_cents=amount_cents,
            completed_percentage=completed_percentage,
            created_at=created_at,
            description=description,
            reached_at=reached_at,
            title=title,
        )

        goal_attributes.additional_properties = d
        return goal_attributes

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
