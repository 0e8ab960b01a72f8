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

T = TypeVar("T", bound="LiveAttributes")


@_attrs_define
class LiveAttributes:
    """Attributes of live. Only those asked for with fields[live] are returned [PD _oauth_v2.md].

    Attributes:
        description (None | str | Unset): Livestream description.
        rtmp_url (None | str | Unset): RTMP URL to stream to.
        scheduled_for (datetime.datetime | None | Unset): Scheduled start time.
        state (LiveState | str | Unset): pre_live -> live -> live_ended; no transition after live_ended [PAT].
        stream_key (None | str | Unset): RTMP stream key.
        title (None | str | Unset): Livestream title.
    """

    description: None | str | Unset = UNSET
    rtmp_url: None | str | Unset = UNSET
    scheduled_for: datetime.datetime | None | Unset = UNSET
    state: LiveState | str | Unset = UNSET
    stream_key: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        rtmp_url: None | str | Unset
        if isinstance(self.rtmp_url, Unset):
            rtmp_url = UNSET
        else:
            rtmp_url = self.rtmp_url

        scheduled_for: None | str | Unset
        if isinstance(self.scheduled_for, Unset):
            scheduled_for = UNSET
        elif isinstance(self.scheduled_for, datetime.datetime):
            scheduled_for = self.scheduled_for.isoformat()
        else:
            scheduled_for = self.scheduled_for

        state: str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, str):
            state = self.state
        else:
            state = self.state

        stream_key: None | str | Unset
        if isinstance(self.stream_key, Unset):
            stream_key = UNSET
        else:
            stream_key = self.stream_key

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if rtmp_url is not UNSET:
            field_dict["rtmp_url"] = rtmp_url
        if scheduled_for is not UNSET:
            field_dict["scheduled_for"] = scheduled_for
        if state is not UNSET:
            field_dict["state"] = state
        if stream_key is not UNSET:
            field_dict["stream_key"] = stream_key
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_rtmp_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rtmp_url = _parse_rtmp_url(d.pop("rtmp_url", UNSET))

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

        def _parse_state(data: object) -> LiveState | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = check_live_state(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LiveState | str | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_stream_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stream_key = _parse_stream_key(d.pop("stream_key", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        live_attributes = cls(
            description=description,
            rtmp_url=rtmp_url,
            scheduled_for=scheduled_for,
            state=state,
            stream_key=stream_key,
            title=title,
        )

        live_attributes.additional_properties = d
        return live_attributes

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
