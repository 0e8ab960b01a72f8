# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.live_state import LiveState, check_live_state
from ..types import UNSET, Unset

T = TypeVar("T", bound="LiveCreateAttributes")


@_attrs_define
class LiveCreateAttributes:
    """
    Attributes:
        state (LiveState): Live states, in order [PAT]. Closed list; attributes use it open.
        title (None | str | Unset): Title.
        description (None | str | Unset): Description.
        scheduled_for (datetime.datetime | None | Unset): Start time; reportedly needed when state is pre_live
            (andreanjos/patreonmcp).
        live_access_rule_ids (list[str] | Unset): Ids from the campaign's live_access_rules.
    """

    state: LiveState
    title: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    scheduled_for: datetime.datetime | None | Unset = UNSET
    live_access_rule_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state: str = self.state

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        scheduled_for: None | str | Unset
        if isinstance(self.scheduled_for, Unset):
            scheduled_for = UNSET
        elif isinstance(self.scheduled_for, datetime.datetime):
            scheduled_for = self.scheduled_for.isoformat()
        else:
            scheduled_for = self.scheduled_for

        live_access_rule_ids: list[str] | Unset = UNSET
        if not isinstance(self.live_access_rule_ids, Unset):
            live_access_rule_ids = self.live_access_rule_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if scheduled_for is not UNSET:
            field_dict["scheduled_for"] = scheduled_for
        if live_access_rule_ids is not UNSET:
            field_dict["live_access_rule_ids"] = live_access_rule_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        state = check_live_state(d.pop("state"))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_scheduled_for(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduled_for_type_0 = datetime.datetime.fromisoformat(data)

                return scheduled_for_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        scheduled_for = _parse_scheduled_for(d.pop("scheduled_for", UNSET))

        live_access_rule_ids = cast(list[str], d.pop("live_access_rule_ids", UNSET))

        live_create_attributes = cls(
            state=state,
            title=title,
            description=description,
            scheduled_for=scheduled_for,
            live_access_rule_ids=live_access_rule_ids,
        )

        live_create_attributes.additional_properties = d
        return live_create_attributes

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
