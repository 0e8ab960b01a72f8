# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.address_field import AddressField
from ...models.campaign_field import CampaignField
from ...models.error_document import ErrorDocument
from ...models.list_campaign_members_include import ListCampaignMembersInclude
from ...models.member_collection_document import MemberCollectionDocument
from ...models.member_field import MemberField
from ...models.pledge_event_field import PledgeEventField
from ...models.tier_field import TierField
from ...models.user_field import UserField
from ...types import UNSET, Response, Unset


def _get_kwargs(
    campaign_id: str,
    *,
    include: list[ListCampaignMembersInclude] | Unset = UNSET,
    fields_member: list[MemberField] | Unset = UNSET,
    fields_address: list[AddressField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_pledge_event: list[PledgeEventField] | Unset = UNSET,
    sort: list[str] | Unset = UNSET,
    page_count: int | Unset = UNSET,
    page_cursor: str | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(user_agent, Unset):
        headers["User-Agent"] = user_agent

    params: dict[str, Any] = {}

    json_include: list[str] | Unset = UNSET
    if not isinstance(include, Unset):
        json_include = []
        for include_item_data in include:
            include_item: str = include_item_data
            json_include.append(include_item)

    if json_include:
        params["include"] = ",".join(str(item) for item in json_include)

    json_fields_member: list[str] | Unset = UNSET
    if not isinstance(fields_member, Unset):
        json_fields_member = []
        for fields_member_item_data in fields_member:
            fields_member_item: str = fields_member_item_data
            json_fields_member.append(fields_member_item)

    if json_fields_member:
        params["fields[member]"] = ",".join(str(item) for item in json_fields_member)

    json_fields_address: list[str] | Unset = UNSET
    if not isinstance(fields_address, Unset):
        json_fields_address = []
        for fields_address_item_data in fields_address:
            fields_address_item: str = fields_address_item_data
            json_fields_address.append(fields_address_item)

    if json_fields_address:
        params["fields[address]"] = ",".join(str(item) for item in json_fields_address)

    json_fields_campaign: list[str] | Unset = UNSET
    if not isinstance(fields_campaign, Unset):
        json_fields_campaign = []
        for fields_campaign_item_data in fields_campaign:
            fields_campaign_item: str = fields_campaign_item_data
            json_fields_campaign.append(fields_campaign_item)

    if json_fields_campaign:
        params["fields[campaign]"] = ",".join(str(item) for item in json_fields_campaign)

    json_fields_tier: list[str] | Unset = UNSET
    if not isinstance(fields_tier, Unset):
        json_fields_tier = []
        for fields_tier_item_data in fields_tier:
            fields_tier_item: str = fields_tier_item_data
            json_fields_tier.append(fields_tier_item)

    if json_fields_tier:
        params["fields[tier]"] = ",".join(str(item) for item in json_fields_tier)

    json_fields_user: list[str] | Unset = UNSET
    if not isinstance(fields_user, Unset):
        json_fields_user = []
        for fields_user_item_data in fields_user:
            fields_user_item: str = fields_user_item_data
            json_fields_user.append(fields_user_item)

    if json_fields_user:
        params["fields[user]"] = ",".join(str(item) for item in json_fields_user)

    json_fields_pledge_event: list[str] | Unset = UNSET
    if not isinstance(fields_pledge_event, Unset):
        json_fields_pledge_event = []
        for fields_pledge_event_item_data in fields_pledge_event:
            fields_pledge_event_item: str = fields_pledge_event_item_data
            json_fields_pledge_event.append(fields_pledge_event_item)

    if json_fields_pledge_event:
        params["fields[pledge-event]"] = ",".join(str(item) for item in json_fields_pledge_event)

    json_sort: list[str] | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    if json_sort:
        params["sort"] = ",".join(str(item) for item in json_sort)

    params["page[count]"] = page_count

    params["page[cursor]"] = page_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/oauth2/v2/campaigns/{campaign_id}/members".format(
            campaign_id=quote(str(campaign_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDocument | MemberCollectionDocument | None:
    if response.status_code == 200:
        response_200 = MemberCollectionDocument.from_dict(response.json())

        return response_200

    if response.status_code == 429:
        response_429 = ErrorDocument.from_dict(response.json())

        return response_429

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorDocument.from_dict(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorDocument.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorDocument | MemberCollectionDocument]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    include: list[ListCampaignMembersInclude] | Unset = UNSET,
    fields_member: list[MemberField] | Unset = UNSET,
    fields_address: list[AddressField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_pledge_event: list[PledgeEventField] | Unset = UNSET,
    sort: list[str] | Unset = UNSET,
    page_count: int | Unset = UNSET,
    page_cursor: str | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | MemberCollectionDocument]:
    """List a campaign's members

     Members of the campaign [PD]. Keep paging until no next cursor comes back [PD 1f42267]. Use
    currently_entitled_tiers to gate benefits [PD]; deleted tiers only show in pledge_history ([PAT]
    #103).

    Args:
        campaign_id (str):
        include (list[ListCampaignMembersInclude] | Unset):
        fields_member (list[MemberField] | Unset):
        fields_address (list[AddressField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_tier (list[TierField] | Unset):
        fields_user (list[UserField] | Unset):
        fields_pledge_event (list[PledgeEventField] | Unset):
        sort (list[str] | Unset):
        page_count (int | Unset):
        page_cursor (str | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | MemberCollectionDocument]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        include=include,
        fields_member=fields_member,
        fields_address=fields_address,
        fields_campaign=fields_campaign,
        fields_tier=fields_tier,
        fields_user=fields_user,
        fields_pledge_event=fields_pledge_event,
        sort=sort,
        page_count=page_count,
        page_cursor=page_cursor,
        user_agent=user_agent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    include: list[ListCampaignMembersInclude] | Unset = UNSET,
    fields_member: list[MemberField] | Unset = UNSET,
    fields_address: list[AddressField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_pledge_event: list[PledgeEventField] | Unset = UNSET,
    sort: list[str] | Unset = UNSET,
    page_count: int | Unset = UNSET,
    page_cursor: str | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | MemberCollectionDocument | None:
    """List a campaign's members

     Members of the campaign [PD]. Keep paging until no next cursor comes back [PD 1f42267]. Use
    currently_entitled_tiers to gate benefits [PD]; deleted tiers only show in pledge_history ([PAT]
    #103).

    Args:
        campaign_id (str):
        include (list[ListCampaignMembersInclude] | Unset):
        fields_member (list[MemberField] | Unset):
        fields_address (list[AddressField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_tier (list[TierField] | Unset):
        fields_user (list[UserField] | Unset):
        fields_pledge_event (list[PledgeEventField] | Unset):
        sort (list[str] | Unset):
        page_count (int | Unset):
        page_cursor (str | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | MemberCollectionDocument
    """

    return sync_detailed(
        campaign_id=campaign_id,
        client=client,
        include=include,
        fields_member=fields_member,
        fields_address=fields_address,
        fields_campaign=fields_campaign,
        fields_tier=fields_tier,
        fields_user=fields_user,
        fields_pledge_event=fields_pledge_event,
        sort=sort,
        page_count=page_count,
        page_cursor=page_cursor,
        user_agent=user_agent,
    ).parsed


async def asyncio_detailed(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    include: list[ListCampaignMembersInclude] | Unset = UNSET,
    fields_member: list[MemberField] | Unset = UNSET,
    fields_address: list[AddressField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_pledge_event: list[PledgeEventField] | Unset = UNSET,
    sort: list[str] | Unset = UNSET,
    page_count: int | Unset = UNSET,
    page_cursor: str | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | MemberCollectionDocument]:
    """List a campaign's members

     Members of the campaign [PD]. Keep paging until no next cursor comes back [PD 1f42267]. Use
    currently_entitled_tiers to gate benefits [PD]; deleted tiers only show in pledge_history ([PAT]
    #103).

    Args:
        campaign_id (str):
        include (list[ListCampaignMembersInclude] | Unset):
        fields_member (list[MemberField] | Unset):
        fields_address (list[AddressField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_tier (list[TierField] | Unset):
        fields_user (list[UserField] | Unset):
        fields_pledge_event (list[PledgeEventField] | Unset):
        sort (list[str] | Unset):
        page_count (int | Unset):
        page_cursor (str | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | MemberCollectionDocument]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        include=include,
        fields_member=fields_member,
        fields_address=fields_address,
        fields_campaign=fields_campaign,
        fields_tier=fields_tier,
        fields_user=fields_user,
        fields_pledge_event=fields_pledge_event,
        sort=sort,
        page_count=page_count,
        page_cursor=page_cursor,
        user_agent=user_agent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    include: list[ListCampaignMembersInclude] | Unset = UNSET,
    fields_member: list[MemberField] | Unset = UNSET,
    fields_address: list[AddressField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_pledge_event: list[PledgeEventField] | Unset = UNSET,
    sort: list[str] | Unset = UNSET,
    page_count: int | Unset = UNSET,
    page_cursor: str | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | MemberCollectionDocument | None:
    """List a campaign's members

     Members of the campaign [PD]. Keep paging until no next cursor comes back [PD 1f42267]. Use
    currently_entitled_tiers to gate benefits [PD]; deleted tiers only show in pledge_history ([PAT]
    #103).

    Args:
        campaign_id (str):
        include (list[ListCampaignMembersInclude] | Unset):
        fields_member (list[MemberField] | Unset):
        fields_address (list[AddressField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_tier (list[TierField] | Unset):
        fields_user (list[UserField] | Unset):
        fields_pledge_event (list[PledgeEventField] | Unset):
        sort (list[str] | Unset):
        page_count (int | Unset):
        page_cursor (str | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | MemberCollectionDocument
    """

    return (
        await asyncio_detailed(
            campaign_id=campaign_id,
            client=client,
            include=include,
            fields_member=fields_member,
            fields_address=fields_address,
            fields_campaign=fields_campaign,
            fields_tier=fields_tier,
            fields_user=fields_user,
            fields_pledge_event=fields_pledge_event,
            sort=sort,
            page_count=page_count,
            page_cursor=page_cursor,
            user_agent=user_agent,
        )
    ).parsed
