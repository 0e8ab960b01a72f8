# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.webhook_campaign_relationship import WebhookCampaignRelationship


T = TypeVar("T", bound="WebhookCreateRelationships")


@_attrs_define
class WebhookCreateRelationships:
    """
    Attributes:
        campaign (WebhookCampaignRelationship):
    """

    campaign: WebhookCampaignRelationship
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign = self.campaign.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign": campaign,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_campaign_relationship import WebhookCampaignRelationship  # noqa: PLC0415

        d = dict(src_dict)
        campaign = WebhookCampaignRelationship.from_dict(d.pop("campaign"))

        webhook_create_relationships = cls(
            campaign=campaign,
        )

        webhook_create_relationships.additional_properties = d
        return webhook_create_relationships

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
