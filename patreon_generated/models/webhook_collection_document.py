# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.benefit import Benefit
    from ..models.campaign import Campaign
    from ..models.client import Client
    from ..models.collection_meta import CollectionMeta
    from ..models.deliverable import Deliverable
    from ..models.document_links import DocumentLinks
    from ..models.generic_resource import GenericResource
    from ..models.goal import Goal
    from ..models.live import Live
    from ..models.live_access_rule import LiveAccessRule
    from ..models.media import Media
    from ..models.member import Member
    from ..models.o_auth_client import OAuthClient
    from ..models.pledge_event import PledgeEvent
    from ..models.post import Post
    from ..models.tier import Tier
    from ..models.user import User
    from ..models.webhook import Webhook


T = TypeVar("T", bound="WebhookCollectionDocument")


@_attrs_define
class WebhookCollectionDocument:
    """A page of webhook resources [PD _webhooks_v2.md samples].

    Attributes:
        data (list[Webhook]):
        included (list[Address | Benefit | Campaign | Client | Deliverable | GenericResource | Goal | Live |
            LiveAccessRule | Media | Member | OAuthClient | PledgeEvent | Post | Tier | User | Webhook] | Unset):
        meta (CollectionMeta | Unset): Collection metadata [PD members sample].
        links (DocumentLinks | Unset): Top-level links: self on single documents [PD samples], next (absolute URL with
            page[cursor]) on collections [PD-hist, GO].
    """

    data: list[Webhook]
    included: (
        list[
            Address
            | Benefit
            | Campaign
            | Client
            | Deliverable
            | GenericResource
            | Goal
            | Live
            | LiveAccessRule
            | Media
            | Member
            | OAuthClient
            | PledgeEvent
            | Post
            | Tier
            | User
            | Webhook
        ]
        | Unset
    ) = UNSET
    meta: CollectionMeta | Unset = UNSET
    links: DocumentLinks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.benefit import Benefit  # noqa: PLC0415
        from ..models.campaign import Campaign  # noqa: PLC0415
        from ..models.client import Client  # noqa: PLC0415
        from ..models.deliverable import Deliverable  # noqa: PLC0415
        from ..models.goal import Goal  # noqa: PLC0415
        from ..models.live import Live  # noqa: PLC0415
        from ..models.live_access_rule import LiveAccessRule  # noqa: PLC0415
        from ..models.media import Media  # noqa: PLC0415
        from ..models.member import Member  # noqa: PLC0415
        from ..models.o_auth_client import OAuthClient  # noqa: PLC0415
        from ..models.pledge_event import PledgeEvent  # noqa: PLC0415
        from ..models.post import Post  # noqa: PLC0415
        from ..models.tier import Tier  # noqa: PLC0415
        from ..models.user import User  # noqa: PLC0415
        from ..models.webhook import Webhook  # noqa: PLC0415

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        included: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.included, Unset):
            included = []
            for included_item_data in self.included:
                included_item: dict[str, Any]
                if isinstance(included_item_data, Address):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, Benefit):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, Campaign):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, Client):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, Deliverable):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, Goal):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, Live):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, LiveAccessRule):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, Media):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, Member):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, OAuthClient):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, PledgeEvent):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, Post):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, Tier):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, User):
                    included_item = included_item_data.to_dict()
                elif isinstance(included_item_data, Webhook):
                    included_item = included_item_data.to_dict()
                else:
                    included_item = included_item_data.to_dict()

                included.append(included_item)

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if included is not UNSET:
            field_dict["included"] = included
        if meta is not UNSET:
            field_dict["meta"] = meta
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.benefit import Benefit  # noqa: PLC0415
        from ..models.campaign import Campaign  # noqa: PLC0415
        from ..models.client import Client  # noqa: PLC0415
        from ..models.collection_meta import CollectionMeta  # noqa: PLC0415
        from ..models.deliverable import Deliverable  # noqa: PLC0415
        from ..models.document_links import DocumentLinks  # noqa: PLC0415
        from ..models.generic_resource import GenericResource  # noqa: PLC0415
        from ..models.goal import Goal  # noqa: PLC0415
        from ..models.live import Live  # noqa: PLC0415
        from ..models.live_access_rule import LiveAccessRule  # noqa: PLC0415
        from ..models.media import Media  # noqa: PLC0415
        from ..models.member import Member  # noqa: PLC0415
        from ..models.o_auth_client import OAuthClient  # noqa: PLC0415
        from ..models.pledge_event import PledgeEvent  # noqa: PLC0415
        from ..models.post import Post  # noqa: PLC0415
        from ..models.tier import Tier  # noqa: PLC0415
        from ..models.user import User  # noqa: PLC0415
        from ..models.webhook import Webhook  # noqa: PLC0415

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = Webhook.from_dict(data_item_data)

            data.append(data_item)

        _included = d.pop("included", UNSET)
        included: (
            list[
                Address
                | Benefit
                | Campaign
                | Client
                | Deliverable
                | GenericResource
                | Goal
                | Live
                | LiveAccessRule
                | Media
                | Member
                | OAuthClient
                | PledgeEvent
                | Post
                | Tier
                | User
                | Webhook
            ]
            | Unset
        ) = UNSET
        if _included is not UNSET:
            included = []
            for included_item_data in _included:

                def _parse_included_item(
                    data: object,
                ) -> (
                    Address
                    | Benefit
                    | Campaign
                    | Client
                    | Deliverable
                    | GenericResource
                    | Goal
                    | Live
                    | LiveAccessRule
                    | Media
                    | Member
                    | OAuthClient
                    | PledgeEvent
                    | Post
                    | Tier
                    | User
                    | Webhook
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_0 = Address.from_dict(data)

                        return componentsschemas_included_resource_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_1 = Benefit.from_dict(data)

                        return componentsschemas_included_resource_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_2 = Campaign.from_dict(data)

                        return componentsschemas_included_resource_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_3 = Client.from_dict(data)

                        return componentsschemas_included_resource_type_3
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_4 = Deliverable.from_dict(data)

                        return componentsschemas_included_resource_type_4
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_5 = Goal.from_dict(data)

                        return componentsschemas_included_resource_type_5
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_6 = Live.from_dict(data)

                        return componentsschemas_included_resource_type_6
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_7 = LiveAccessRule.from_dict(data)

                        return componentsschemas_included_resource_type_7
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_8 = Media.from_dict(data)

                        return componentsschemas_included_resource_type_8
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_9 = Member.from_dict(data)

                        return componentsschemas_included_resource_type_9
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_10 = OAuthClient.from_dict(data)

                        return componentsschemas_included_resource_type_10
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_11 = PledgeEvent.from_dict(data)

                        return componentsschemas_included_resource_type_11
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_12 = Post.from_dict(data)

                        return componentsschemas_included_resource_type_12
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_13 = Tier.from_dict(data)

                        return componentsschemas_included_resource_type_13
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_14 = User.from_dict(data)

                        return componentsschemas_included_resource_type_14
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_included_resource_type_15 = Webhook.from_dict(data)

                        return componentsschemas_included_resource_type_15
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_included_resource_type_16 = GenericResource.from_dict(data)

                    return componentsschemas_included_resource_type_16

                included_item = _parse_included_item(included_item_data)

                included.append(included_item)

        _meta = d.pop("meta", UNSET)
        meta: CollectionMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = CollectionMeta.from_dict(_meta)

        _links = d.pop("links", UNSET)
        links: DocumentLinks | Unset
        if isinstance(_links, Unset):
            links = UNSET
        else:
            links = DocumentLinks.from_dict(_links)

        webhook_collection_document = cls(
            data=data,
            included=included,
            meta=meta,
            links=links,
        )

        webhook_collection_document.additional_properties = d
        return webhook_collection_document

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
