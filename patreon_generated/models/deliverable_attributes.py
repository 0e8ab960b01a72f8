# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_status import DeliveryStatus, check_delivery_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeliverableAttributes")


@_attrs_define
class DeliverableAttributes:
    """Attributes of deliverable. Only those asked for with fields[deliverable] are returned [PD _oauth_v2.md].

    Attributes:
        completed_at (datetime.datetime | None | Unset): When it was fulfilled.
        delivery_status (DeliveryStatus | str | Unset): Delivery state.
        due_at (datetime.datetime | Unset): When it is due.
    """

    completed_at: datetime.datetime | None | Unset = UNSET
    delivery_status: DeliveryStatus | str | Unset = UNSET
    due_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        delivery_status: str | Unset
        if isinstance(self.delivery_status, Unset):
            delivery_status = UNSET
        elif isinstance(self.delivery_status, str):
            delivery_status = self.delivery_status
        else:
            delivery_status = self.delivery_status

        due_at: str | Unset = UNSET
        if not isinstance(self.due_at, Unset):
            due_at = self.due_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if delivery_status is not UNSET:
            field_dict["delivery_status"] = delivery_status
        if due_at is not UNSET:
            field_dict["due_at"] = due_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_delivery_status(data: object) -> DeliveryStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivery_status_type_0 = check_delivery_status(data)

                return delivery_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeliveryStatus | str | Unset, data)

        delivery_status = _parse_delivery_status(d.pop("delivery_status", UNSET))

        _due_at = d.pop("due_at", UNSET)
        due_at: datetime.datetime | Unset
        if isinstance(_due_at, Unset):
            due_at = UNSET
        else:
            due_at = datetime.datetime.fromisoformat(_due_at)

        deliverable_attributes = cls(
            completed_at=completed_at,
            delivery_status=delivery_status,
            due_at=due_at,
        )

        deliverable_attributes.additional_properties = d
        return deliverable_attributes

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
