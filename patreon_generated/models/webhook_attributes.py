# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.legacy_webhook_trigger import LegacyWebhookTrigger, check_legacy_webhook_trigger
from ..models.webhook_trigger import WebhookTrigger, check_webhook_trigger
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookAttributes")


@_attrs_define
class WebhookAttributes:
    """Attributes of webhook. Only those asked for with fields[webhook] are returned [PD _oauth_v2.md].

    Attributes:
        last_attempted_at (datetime.datetime | None | Unset): Last delivery attempt; null right after creation.
        num_consecutive_times_failed (int | Unset): Failed deliveries in a row.
        paused (bool | Unset): True after repeated failures; PATCH false to resume and flush the queue [PD].
        secret (str | Unset): Key for the X-Patreon-Signature HMAC-MD5.
        triggers (list[LegacyWebhookTrigger | str | WebhookTrigger] | Unset): Events that fire this webhook.
        uri (str | Unset): The https endpoint Patreon posts to.
    """

    last_attempted_at: datetime.datetime | None | Unset = UNSET
    num_consecutive_times_failed: int | Unset = UNSET
    paused: bool | Unset = UNSET
    secret: str | Unset = UNSET
    triggers: list[LegacyWebhookTrigger | str | WebhookTrigger] | Unset = UNSET
    uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        last_attempted_at: None | str | Unset
        if isinstance(self.last_attempted_at, Unset):
            last_attempted_at = UNSET
        elif isinstance(self.last_attempted_at, datetime.datetime):
            last_attempted_at = self.last_attempted_at.isoformat()
        else:
            last_attempted_at = self.last_attempted_at

        num_consecutive_times_failed = self.num_consecutive_times_failed

        paused = self.paused

        secret = self.secret

        triggers: list[str] | Unset = UNSET
        if not isinstance(self.triggers, Unset):
            triggers = []
            for triggers_item_data in self.triggers:
                triggers_item: str
                if isinstance(triggers_item_data, str):
                    triggers_item = triggers_item_data
                elif isinstance(triggers_item_data, str):
                    triggers_item = triggers_item_data
                else:
                    triggers_item = triggers_item_data
                triggers.append(triggers_item)

        uri = self.uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if last_attempted_at is not UNSET:
            field_dict["last_attempted_at"] = last_attempted_at
        if num_consecutive_times_failed is not UNSET:
            field_dict["num_consecutive_times_failed"] = num_consecutive_times_failed
        if paused is not UNSET:
            field_dict["paused"] = paused
        if secret is not UNSET:
            field_dict["secret"] = secret
        if triggers is not UNSET:
            field_dict["triggers"] = triggers
        if uri is not UNSET:
            field_dict["uri"] = uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_last_attempted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_attempted_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_attempted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_attempted_at = _parse_last_attempted_at(d.pop("last_attempted_at", UNSET))

        num_consecutive_times_failed = d.pop("num_consecutive_times_failed", UNSET)

        paused = d.pop("paused", UNSET)

        secret = d.pop("secret", UNSET)

        _triggers = d.pop("triggers", UNSET)
        triggers: list[LegacyWebhookTrigger | str | WebhookTrigger] | Unset = UNSET
        if _triggers is not UNSET:
            triggers = []
            for triggers_item_data in _triggers:

                def _parse_triggers_item(data: object) -> LegacyWebhookTrigger | str | WebhookTrigger:
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        triggers_item_type_0 = check_webhook_trigger(data)

                        return triggers_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        triggers_item_type_1 = check_legacy_webhook_trigger(data)

                        return triggers_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(LegacyWebhookTrigger | str | WebhookTrigger, data)

                triggers_item = _parse_triggers_item(triggers_item_data)

                triggers.append(triggers_item)

        uri = d.pop("uri", UNSET)

        webhook_attributes = cls(
            last_attempted_at=last_attempted_at,
            num_consecutive_times_failed=num_consecutive_times_failed,
            paused=paused,
            secret=secret,
            triggers=triggers,
            uri=uri,
        )

        webhook_attributes.additional_properties = d
        return webhook_attributes

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
