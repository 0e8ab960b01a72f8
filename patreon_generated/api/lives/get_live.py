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
from ...models.get_live_include import GetLiveInclude
from ...models.live_access_rule_field import LiveAccessRuleField
from ...models.live_document import LiveDocument
from ...models.live_field import LiveField
from ...types import UNSET, Response, Unset


def _get_kwargs(
    live_id: str,
    *,
    include: list[GetLiveInclude] | Unset = UNSET,
    fields_live: list[LiveField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_live_access_rule: list[LiveAccessRuleField] | Unset = UNSET,
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

    json_fields_live: list[str] | Unset = UNSET
    if not isinstance(fields_live, Unset):
        json_fields_live = []
        for fields_live_item_data in fields_live:
            fields_live_item: str = fields_live_item_data
            json_fields_live.append(fields_live_item)

    if json_fields_live:
        params["fields[live]"] = ",".join(str(item) for item in json_fields_live)

    json_fields_campaign: list[str] | Unset = UNSET
    if not isinstance(fields_campaign, Unset):
        json_fields_campaign = []
        for fields_campaign_item_data in fields_campaign:
            fields_campaign_item: str = fields_campaign_item_data
            json_fields_campaign.append(fields_campaign_item)

    if json_fields_campaign:
        params["fields[campaign]"] = ",".join(str(item) for item in json_fields_campaign)

    json_fields_live_access_rule: list[str] | Unset = UNSET
    if not isinstance(fields_live_access_rule, Unset):
        json_fields_live_access_rule = []
        for fields_live_access_rule_item_data in fields_live_access_rule:
            fields_live_access_rule_item: str = fields_live_access_rule_item_data
            json_fields_live_access_rule.append(fields_live_access_rule_item)

    if json_fields_live_access_rule:
        params["fields[live-access-rule]"] = ",".join(str(item) for item in json_fields_live_access_rule)

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/oauth2/v2/lives/{live_id}".format(
            live_id=quote(str(live_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDocument | LiveDocument | None:
    if response.status_code == 200:
        response_200 = LiveDocument.from_dict(response.json())

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
) -> Response[ErrorDocument | LiveDocument]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    live_id: str,
    *,
    client: AuthenticatedClient,
    include: list[GetLiveInclude] | Unset = UNSET,
    fields_live: list[LiveField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_live_access_rule: list[LiveAccessRuleField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | LiveDocument]:
    """Fetch one live

     Early access, newer than the GitHub docs; known from [PAT] paths/live.ts and a docs.patreon.com
    excerpt quoted in swift-patterns-mcp#132 (lower confidence).

    Args:
        live_id (str):
        include (list[GetLiveInclude] | Unset):
        fields_live (list[LiveField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_live_access_rule (list[LiveAccessRuleField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | LiveDocument]
    """

    kwargs = _get_kwargs(
        live_id=live_id,
        include=include,
        fields_live=fields_live,
        fields_campaign=fields_campaign,
        fields_live_access_rule=fields_live_access_rule,
        user_agent=user_agent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    live_id: str,
    *,
    client: AuthenticatedClient,
    include: list[GetLiveInclude] | Unset = UNSET,
    fields_live: list[LiveField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_live_access_rule: list[LiveAccessRuleField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | LiveDocument | None:
    """Fetch one live

     Early access, newer than the GitHub docs; known from [PAT] paths/live.ts and a docs.patreon.com
    excerpt quoted in swift-patterns-mcp#132 (lower confidence).

    Args:
        live_id (str):
        include (list[GetLiveInclude] | Unset):
        fields_live (list[LiveField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_live_access_rule (list[LiveAccessRuleField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | LiveDocument
    """

    return sync_detailed(
        live_id=live_id,
        client=client,
        include=include,
        fields_live=fields_live,
        fields_campaign=fields_campaign,
        fields_live_access_rule=fields_live_access_rule,
        user_agent=user_agent,
    ).parsed


async def asyncio_detailed(
    live_id: str,
    *,
    client: AuthenticatedClient,
    include: list[GetLiveInclude] | Unset = UNSET,
    fields_live: list[LiveField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_live_access_rule: list[LiveAccessRuleField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | LiveDocument]:
    """Fetch one live

     Early access, newer than the GitHub docs; known from [PAT] paths/live.ts and a docs.patreon.com
    excerpt quoted in swift-patterns-mcp#132 (lower confidence).

    Args:
        live_id (str):
        include (list[GetLiveInclude] | Unset):
        fields_live (list[LiveField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_live_access_rule (list[LiveAccessRuleField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | LiveDocument]
    """

    kwargs = _get_kwargs(
        live_id=live_id,
        include=include,
        fields_live=fields_live,
        fields_campaign=fields_campaign,
        fields_live_access_rule=fields_live_access_rule,
        user_agent=user_agent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    live_id: str,
    *,
    client: AuthenticatedClient,
    include: list[GetLiveInclude] | Unset = UNSET,
    fields_live: list[LiveField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_live_access_rule: list[LiveAccessRuleField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | LiveDocument | None:
    """Fetch one live

     Early access, newer than the GitHub docs; known from [PAT] paths/live.ts and a docs.patreon.com
    excerpt quoted in swift-patterns-mcp#132 (lower confidence).

    Args:
        live_id (str):
        include (list[GetLiveInclude] | Unset):
        fields_live (list[LiveField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_live_access_rule (list[LiveAccessRuleField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | LiveDocument
    """

    return (
        await asyncio_detailed(
            live_id=live_id,
            client=client,
            include=include,
            fields_live=fields_live,
            fields_campaign=fields_campaign,
            fields_live_access_rule=fields_live_access_rule,
            user_agent=user_agent,
        )
    ).parsed
