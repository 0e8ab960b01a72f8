# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign_field import CampaignField
from ...models.error_document import ErrorDocument
from ...models.get_post_include import GetPostInclude
from ...models.post_document import PostDocument
from ...models.post_field import PostField
from ...models.user_field import UserField
from ...types import UNSET, Response, Unset


def _get_kwargs(
    post_id: str,
    *,
    include: list[GetPostInclude] | Unset = UNSET,
    fields_post: list[PostField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
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

    json_fields_post: list[str] | Unset = UNSET
    if not isinstance(fields_post, Unset):
        json_fields_post = []
        for fields_post_item_data in fields_post:
            fields_post_item: str = fields_post_item_data
            json_fields_post.append(fields_post_item)

    if json_fields_post:
        params["fields[post]"] = ",".join(str(item) for item in json_fields_post)

    json_fields_user: list[str] | Unset = UNSET
    if not isinstance(fields_user, Unset):
        json_fields_user = []
        for fields_user_item_data in fields_user:
            fields_user_item: str = fields_user_item_data
            json_fields_user.append(fields_user_item)

    if json_fields_user:
        params["fields[user]"] = ",".join(str(item) for item in json_fields_user)

    json_fields_campaign: list[str] | Unset = UNSET
    if not isinstance(fields_campaign, Unset):
        json_fields_campaign = []
        for fields_campaign_item_data in fields_campaign:
            fields_campaign_item: str = fields_campaign_item_data
            json_fields_campaign.append(fields_campaign_item)

    if json_fields_campaign:
        params["fields[campaign]"] = ",".join(str(item) for item in json_fields_campaign)

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/oauth2/v2/posts/{post_id}".format(
            post_id=quote(str(post_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDocument | PostDocument | None:
    if response.status_code == 200:
        response_200 = PostDocument.from_dict(response.json())

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
) -> Response[ErrorDocument | PostDocument]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    post_id: str,
    *,
    client: AuthenticatedClient,
    include: list[GetPostInclude] | Unset = UNSET,
    fields_post: list[PostField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | PostDocument]:
    """Fetch one post

     A single post [PD].

    Args:
        post_id (str):
        include (list[GetPostInclude] | Unset):
        fields_post (list[PostField] | Unset):
        fields_user (list[UserField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | PostDocument]
    """

    kwargs = _get_kwargs(
        post_id=post_id,
        include=include,
        fields_post=fields_post,
        fields_user=fields_user,
        fields_campaign=fields_campaign,
        user_agent=user_agent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    post_id: str,
    *,
    client: AuthenticatedClient,
    include: list[GetPostInclude] | Unset = UNSET,
    fields_post: list[PostField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | PostDocument | None:
    """Fetch one post

     A single post [PD].

    Args:
        post_id (str):
        include (list[GetPostInclude] | Unset):
        fields_post (list[PostField] | Unset):
        fields_user (list[UserField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | PostDocument
    """

    return sync_detailed(
        post_id=post_id,
        client=client,
        include=include,
        fields_post=fields_post,
        fields_user=fields_user,
        fields_campaign=fields_campaign,
        user_agent=user_agent,
    ).parsed


async def asyncio_detailed(
    post_id: str,
    *,
    client: AuthenticatedClient,
    include: list[GetPostInclude] | Unset = UNSET,
    fields_post: list[PostField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | PostDocument]:
    """Fetch one post

     A single post [PD].

    Args:
        post_id (str):
        include (list[GetPostInclude] | Unset):
        fields_post (list[PostField] | Unset):
        fields_user (list[UserField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | PostDocument]
    """

    kwargs = _get_kwargs(
        post_id=post_id,
        include=include,
        fields_post=fields_post,
        fields_user=fields_user,
        fields_campaign=fields_campaign,
        user_agent=user_agent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    post_id: str,
    *,
    client: AuthenticatedClient,
    include: list[GetPostInclude] | Unset = UNSET,
    fields_post: list[PostField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | PostDocument | None:
    """Fetch one post

     A single post [PD].

    Args:
        post_id (str):
        include (list[GetPostInclude] | Unset):
        fields_post (list[PostField] | Unset):
        fields_user (list[UserField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | PostDocument
    """

    return (
        await asyncio_detailed(
            post_id=post_id,
            client=client,
            include=include,
            fields_post=fields_post,
            fields_user=fields_user,
            fields_campaign=fields_campaign,
            user_agent=user_agent,
        )
    ).parsed
