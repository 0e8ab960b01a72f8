# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.to_one_relationship import ToOneRelationship


T = TypeVar("T", bound="WebhookRelationships")


@_attrs_define
class WebhookRelationships:
    """Relationships of webhook; only those named in include are returned.

    Attributes:
        campaign (ToOneRelationship | Unset): To-one relationship; an empty one is {"data": null} [PD webhook sample,
            GO]. Nothing is required [A:links-only-relationships].
        client (ToOneRelationship | Unset): To-one relationship; an empty one is {"data": null} [PD webhook sample, GO].
            Nothing is required [A:links-only-relationships].
    """

    campaign: ToOneRelationship | Unset = UNSET
    client: ToOneRelationship | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign: dict[str, Any] | Unset = UNSET
        if not isinstance(self.campaign, Unset):
            campaign = self.campaign.to_dict()

        client: dict[str, Any] | Unset = UNSET
        if not isinstance(self.client, Unset):
            client = self.client.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if campaign is not UNSET:
            field_dict["campaign"] = campaign
        if client is not UNSET:
            field_dict["client"] = client

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.to_one_relationship import ToOneRelationship  # noqa: PLC0415

        d = dict(src_dict)
        _campaign = d.pop("campaign", UNSET)
        campaign: ToOneRelationship | Unset
        if isinstance(_campaign, Unset):
            campaign = UNSET
        else:
            campaign = ToOneRelationship.from_dict(_campaign)

        _client = d.pop("client", UNSET)
        client: ToOneRelationship | Unset
        if isinstance(_client, Unset):
            client = UNSET
        else:
            client = ToOneRelationship.from_dict(_client)

        webhook_relationships = cls(
            campaign=campaign,
            client=client,
        )

        webhook_relationships.additional_properties = d
        return webhook_relationships

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
