# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_trigger import WebhookTrigger, check_webhook_trigger

T = TypeVar("T", bound="WebhookCreateAttributes")


@_attrs_define
class WebhookCreateAttributes:
    """
    Attributes:
        triggers (list[WebhookTrigger]): Events to subscribe to.
        uri (str): https endpoint to deliver to ([PHP] example).
    """

    triggers: list[WebhookTrigger]
    uri: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        triggers = []
        for triggers_item_data in self.triggers:
            triggers_item: str = triggers_item_data
            triggers.append(triggers_item)

        uri = self.uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "triggers": triggers,
                "uri": uri,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        triggers = []
        _triggers = d.pop("triggers")
        for triggers_item_data in _triggers:
            triggers_item = check_webhook_trigger(triggers_item_data)

            triggers.append(triggers_item)

        uri = d.pop("uri")

        webhook_create_attributes = cls(
            triggers=triggers,
            uri=uri,
        )

        webhook_create_attributes.additional_properties = d
        return webhook_create_attributes

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
