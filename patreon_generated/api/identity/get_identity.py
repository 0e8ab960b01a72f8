# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign_field import CampaignField
from ...models.error_document import ErrorDocument
from ...models.get_identity_include import GetIdentityInclude
from ...models.member_field import MemberField
from ...models.tier_field import TierField
from ...models.user_document import UserDocument
from ...models.user_field import UserField
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    include: list[GetIdentityInclude] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_member: list[MemberField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
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

    json_fields_user: list[str] | Unset = UNSET
    if not isinstance(fields_user, Unset):
        json_fields_user = []
        for fields_user_item_data in fields_user:
            fields_user_item: str = fields_user_item_data
            json_fields_user.append(fields_user_item)

    if json_fields_user:
        params["fields[user]"] = ",".join(str(item) for item in json_fields_user)

    json_fields_member: list[str] | Unset = UNSET
    if not isinstance(fields_member, Unset):
        json_fields_member = []
        for fields_member_item_data in fields_member:
            fields_member_item: str = fields_member_item_data
            json_fields_member.append(fields_member_item)

    if json_fields_member:
        params["fields[member]"] = ",".join(str(item) for item in json_fields_member)

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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/oauth2/v2/identity",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDocument | UserDocument | None:
    if response.status_code == 200:
        response_200 = UserDocument.from_dict(response.json())

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
) -> Response[ErrorDocument | UserDocument]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    include: list[GetIdentityInclude] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_member: list[MemberField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | UserDocument]:
    """Fetch the user behind the token

     Returns the user who authorised the token [PD]. links.self points at /api/oauth2/v2/user/{id}, which
    is not a documented endpoint. Asking for identity.memberships without identity gives 401 (forum
    /t/8908).

    Args:
        include (list[GetIdentityInclude] | Unset):
        fields_user (list[UserField] | Unset):
        fields_member (list[MemberField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_tier (list[TierField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | UserDocument]
    """

    kwargs = _get_kwargs(
        include=include,
        fields_user=fields_user,
        fields_member=fields_member,
        fields_campaign=fields_campaign,
        fields_tier=fields_tier,
        user_agent=user_agent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    include: list[GetIdentityInclude] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_member: list[MemberField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | UserDocument | None:
    """Fetch the user behind the token

     Returns the user who authorised the token [PD]. links.self points at /api/oauth2/v2/user/{id}, which
    is not a documented endpoint. Asking for identity.memberships without identity gives 401 (forum
    /t/8908).

    Args:
        include (list[GetIdentityInclude] | Unset):
        fields_user (list[UserField] | Unset):
        fields_member (list[MemberField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_tier (list[TierField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | UserDocument
    """

    return sync_detailed(
        client=client,
        include=include,
        fields_user=fields_user,
        fields_member=fields_member,
        fields_campaign=fields_campaign,
        fields_tier=fields_tier,
        user_agent=user_agent,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    include: list[GetIdentityInclude] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_member: list[MemberField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | UserDocument]:
    """Fetch the user behind the token

     Returns the user who authorised the token [PD]. links.self points at /api/oauth2/v2/user/{id}, which
    is not a documented endpoint. Asking for identity.memberships without identity gives 401 (forum
    /t/8908).

    Args:
        include (list[GetIdentityInclude] | Unset):
        fields_user (list[UserField] | Unset):
        fields_member (list[MemberField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_tier (list[TierField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | UserDocument]
    """

    kwargs = _get_kwargs(
        include=include,
        fields_user=fields_user,
        fields_member=fields_member,
        fields_campaign=fields_campaign,
        fields_tier=fields_tier,
        user_agent=user_agent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    include: list[GetIdentityInclude] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_member: list[MemberField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | UserDocument | None:
    """Fetch the user behind the token

     Returns the user who authorised the token [PD]. links.self points at /api/oauth2/v2/user/{id}, which
    is not a documented endpoint. Asking for identity.memberships without identity gives 401 (forum
    /t/8908).

    Args:
        include (list[GetIdentityInclude] | Unset):
        fields_user (list[UserField] | Unset):
        fields_member (list[MemberField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_tier (list[TierField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | UserDocument
    """

    return (
        await asyncio_detailed(
            client=client,
            include=include,
            fields_user=fields_user,
            fields_member=fields_member,
            fields_campaign=fields_campaign,
            fields_tier=fields_tier,
            user_agent=user_agent,
        )
    ).parsed
