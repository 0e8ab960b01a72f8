# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_trigger import WebhookTrigger, check_webhook_trigger
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookUpdateAttributes")


@_attrs_define
class WebhookUpdateAttributes:
    """
    Attributes:
        triggers (list[WebhookTrigger] | Unset): New trigger list.
        uri (str | Unset): New endpoint.
        paused (bool | Unset): false resumes delivery and flushes the queue [PD]. A boolean, as [PAT] types it; the docs
            sample writes the string "false" [PD].
    """

    triggers: list[WebhookTrigger] | Unset = UNSET
    uri: str | Unset = UNSET
    paused: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        triggers: list[str] | Unset = UNSET
        if not isinstance(self.triggers, Unset):
            triggers = []
            for triggers_item_data in self.triggers:
                triggers_item: str = triggers_item_data
                triggers.append(triggers_item)

        uri = self.uri

        paused = self.paused

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if triggers is not UNSET:
            field_dict["triggers"] = triggers
        if uri is not UNSET:
            field_dict["uri"] = uri
        if paused is not UNSET:
            field_dict["paused"] = paused

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _triggers = d.pop("triggers", UNSET)
        triggers: list[WebhookTrigger] | Unset = UNSET
        if _triggers is not UNSET:
            triggers = []
            for triggers_item_data in _triggers:
                triggers_item = check_webhook_trigger(triggers_item_data)

                triggers.append(triggers_item)

        uri = d.pop("uri", UNSET)

        paused = d.pop("paused", UNSET)

        webhook_update_attributes = cls(
            triggers=triggers,
            uri=uri,
            paused=paused,
        )

        webhook_update_attributes.additional_properties = d
        return webhook_update_attributes

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
