# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.to_many_relationship import ToManyRelationship
    from ..models.to_one_relationship import ToOneRelationship


T = TypeVar("T", bound="MemberRelationships")


@_attrs_define
class MemberRelationships:
    """Relationships of member; only those named in include are returned.

    Attributes:
        address (ToOneRelationship | Unset): To-one relationship; an empty one is {"data": null} [PD webhook sample,
            GO]. Nothing is required [A:links-only-relationships].
        campaign (ToOneRelationship | Unset): To-one relationship; an empty one is {"data": null} [PD webhook sample,
            GO]. Nothing is required [A:links-only-relationships].
        currently_entitled_tiers (ToManyRelationship | Unset): To-many relationship. data is null when nothing is
            configured ([PAT] relationships.ts, with payloads in patreon-api.ts#144); an empty one is [] [PD webhook
            sample]. Nothing is required [A:links-only-relationships].
        pledge_history (ToManyRelationship | Unset): To-many relationship. data is null when nothing is configured
            ([PAT] relationships.ts, with payloads in patreon-api.ts#144); an empty one is [] [PD webhook sample]. Nothing
            is required [A:links-only-relationships].
        user (ToOneRelationship | Unset): To-one relationship; an empty one is {"data": null} [PD webhook sample, GO].
            Nothing is required [A:links-only-relationships].
    """

    address: ToOneRelationship | Unset = UNSET
    campaign: ToOneRelationship | Unset = UNSET
    currently_entitled_tiers: ToManyRelationship | Unset = UNSET
    pledge_history: ToManyRelationship | Unset = UNSET
    user: ToOneRelationship | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address, Unset):
            address = self.address.to_dict()

        campaign: dict[str, Any] | Unset = UNSET
        if not isinstance(self.campaign, Unset):
            campaign = self.campaign.to_dict()

        currently_entitled_tiers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.currently_entitled_tiers, Unset):
            currently_entitled_tiers = self.currently_entitled_tiers.to_dict()

        pledge_history: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pledge_history, Unset):
            pledge_history = self.pledge_history.to_dict()

        user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user, Unset):
            user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if campaign is not UNSET:
            field_dict["campaign"] = campaign
        if currently_entitled_tiers is not UNSET:
            field_dict["currently_entitled_tiers"] = currently_entitled_tiers
        if pledge_history is not UNSET:
            field_dict["pledge_history"] = pledge_history
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.to_many_relationship import ToManyRelationship  # noqa: PLC0415
        from ..models.to_one_relationship import ToOneRelationship  # noqa: PLC0415

        d = dict(src_dict)
        _address = d.pop("address", UNSET)
        address: ToOneRelationship | Unset
        if isinstance(_address, Unset):
            address = UNSET
        else:
            address = ToOneRelationship.from_dict(_address)

        _campaign = d.pop("campaign", UNSET)
        campaign: ToOneRelationship | Unset
        if isinstance(_campaign, Unset):
            campaign = UNSET
        else:
            campaign = ToOneRelationship.from_dict(_campaign)

        _currently_entitled_tiers = d.pop("currently_entitled_tiers", UNSET)
        currently_entitled_tiers: ToManyRelationship | Unset
        if isinstance(_currently_entitled_tiers, Unset):
            currently_entitled_tiers = UNSET
        else:
            currently_entitled_tiers = ToManyRelationship.from_dict(_currently_entitled_tiers)

        _pledge_history = d.pop("pledge_history", UNSET)
        pledge_history: ToManyRelationship | Unset
        if isinstance(_pledge_history, Unset):
            pledge_history = UNSET
        else:
            pledge_history = ToManyRelationship.from_dict(_pledge_history)

        _user = d.pop("user", UNSET)
        user: ToOneRelationship | Unset
        if isinstance(_user, Unset):
            user = UNSET
        else:
            user = ToOneRelationship.from_dict(_user)

        member_relationships = cls(
            address=address,
            campaign=campaign,
            currently_entitled_tiers=currently_entitled_tiers,
            pledge_history=pledge_history,
            user=user,
        )

        member_relationships.additional_properties = d
        return member_relationships

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
