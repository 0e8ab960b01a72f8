# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.legacy_pledge import LegacyPledge
    from ..models.legacy_pledge_webhook_payload_included_item import LegacyPledgeWebhookPayloadIncludedItem


T = TypeVar("T", bound="LegacyPledgeWebhookPayload")


@_attrs_define
class LegacyPledgeWebhookPayload:
    """Body of legacy pledges:* webhooks, a v1 pledge document [PD _webhooks.md].

    Attributes:
        data (LegacyPledge): A v1 pledge, the data of legacy pledges:* deliveries [PD _webhooks.md sample: amount_cents,
            created_at, declined_since, patron_pays_fees, pledge_cap_cents]. v1 is outside this spec, so attributes and
            relationships are kept as sent.
        included (list[LegacyPledgeWebhookPayloadIncludedItem] | Unset):
    """

    data: LegacyPledge
    included: list[LegacyPledgeWebhookPayloadIncludedItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        included: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.included, Unset):
            included = []
            for included_item_data in self.included:
                included_item = included_item_data.to_dict()
                included.append(included_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if included is not UNSET:
            field_dict["included"] = included

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.legacy_pledge import LegacyPledge  # noqa: PLC0415
        from ..models.legacy_pledge_webhook_payload_included_item import LegacyPledgeWebhookPayloadIncludedItem  # noqa: PLC0415

        d = dict(src_dict)
        data = LegacyPledge.from_dict(d.pop("data"))

        _included = d.pop("included", UNSET)
        included: list[LegacyPledgeWebhookPayloadIncludedItem] | Unset = UNSET
        if _included is not UNSET:
            included = []
            for included_item_data in _included:
                included_item = LegacyPledgeWebhookPayloadIncludedItem.from_dict(included_item_data)

                included.append(included_item)

        legacy_pledge_webhook_payload = cls(
            data=data,
            included=included,
        )

        legacy_pledge_webhook_payload.additional_properties = d
        return legacy_pledge_webhook_payload

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
