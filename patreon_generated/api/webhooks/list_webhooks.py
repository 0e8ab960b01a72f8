# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign_field import CampaignField
from ...models.client_field import ClientField
from ...models.error_document import ErrorDocument
from ...models.list_webhooks_include import ListWebhooksInclude
from ...models.webhook_collection_document import WebhookCollectionDocument
from ...models.webhook_field import WebhookField
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    include: list[ListWebhooksInclude] | Unset = UNSET,
    fields_webhook: list[WebhookField] | Unset = UNSET,
    fields_client: list[ClientField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
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

    json_fields_webhook: list[str] | Unset = UNSET
    if not isinstance(fields_webhook, Unset):
        json_fields_webhook = []
        for fields_webhook_item_data in fields_webhook:
            fields_webhook_item: str = fields_webhook_item_data
            json_fields_webhook.append(fields_webhook_item)

    if json_fields_webhook:
        params["fields[webhook]"] = ",".join(str(item) for item in json_fields_webhook)

    json_fields_client: list[str] | Unset = UNSET
    if not isinstance(fields_client, Unset):
        json_fields_client = []
        for fields_client_item_data in fields_client:
            fields_client_item: str = fields_client_item_data
            json_fields_client.append(fields_client_item)

    if json_fields_client:
        params["fields[client]"] = ",".join(str(item) for item in json_fields_client)

    json_fields_campaign: list[str] | Unset = UNSET
    if not isinstance(fields_campaign, Unset):
        json_fields_campaign = []
        for fields_campaign_item_data in fields_campaign:
            fields_campaign_item: str = fields_campaign_item_data
            json_fields_campaign.append(fields_campaign_item)

    if json_fields_campaign:
        params["fields[campaign]"] = ",".join(str(item) for item in json_fields_campaign)

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
        "url": "/api/oauth2/v2/webhooks",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDocument | WebhookCollectionDocument | None:
    if response.status_code == 200:
        response_200 = WebhookCollectionDocument.from_dict(response.json())

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
) -> Response[ErrorDocument | WebhookCollectionDocument]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    include: list[ListWebhooksInclude] | Unset = UNSET,
    fields_webhook: list[WebhookField] | Unset = UNSET,
    fields_client: list[ClientField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    sort: list[str] | Unset = UNSET,
    page_count: int | Unset = UNSET,
    page_cursor: str | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | WebhookCollectionDocument]:
    """List this client's webhooks

     Only webhooks created by this client; webhooks made in the portal are not listed [PD].
    page[count]/page[cursor] are sent by [PY].

    Args:
        include (list[ListWebhooksInclude] | Unset):
        fields_webhook (list[WebhookField] | Unset):
        fields_client (list[ClientField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        sort (list[str] | Unset):
        page_count (int | Unset):
        page_cursor (str | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | WebhookCollectionDocument]
    """

    kwargs = _get_kwargs(
        include=include,
        fields_webhook=fields_webhook,
        fields_client=fields_client,
        fields_campaign=fields_campaign,
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
    *,
    client: AuthenticatedClient,
    include: list[ListWebhooksInclude] | Unset = UNSET,
    fields_webhook: list[WebhookField] | Unset = UNSET,
    fields_client: list[ClientField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    sort: list[str] | Unset = UNSET,
    page_count: int | Unset = UNSET,
    page_cursor: str | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | WebhookCollectionDocument | None:
    """List this client's webhooks

     Only webhooks created by this client; webhooks made in the portal are not listed [PD].
    page[count]/page[cursor] are sent by [PY].

    Args:
        include (list[ListWebhooksInclude] | Unset):
        fields_webhook (list[WebhookField] | Unset):
        fields_client (list[ClientField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        sort (list[str] | Unset):
        page_count (int | Unset):
        page_cursor (str | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | WebhookCollectionDocument
    """

    return sync_detailed(
        client=client,
        include=include,
        fields_webhook=fields_webhook,
        fields_client=fields_client,
        fields_campaign=fields_campaign,
        sort=sort,
        page_count=page_count,
        page_cursor=page_cursor,
        user_agent=user_agent,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    include: list[ListWebhooksInclude] | Unset = UNSET,
    fields_webhook: list[WebhookField] | Unset = UNSET,
    fields_client: list[ClientField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    sort: list[str] | Unset = UNSET,
    page_count: int | Unset = UNSET,
    page_cursor: str | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | WebhookCollectionDocument]:
    """List this client's webhooks

     Only webhooks created by this client; webhooks made in the portal are not listed [PD].
    page[count]/page[cursor] are sent by [PY].

    Args:
        include (list[ListWebhooksInclude] | Unset):
        fields_webhook (list[WebhookField] | Unset):
        fields_client (list[ClientField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        sort (list[str] | Unset):
        page_count (int | Unset):
        page_cursor (str | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | WebhookCollectionDocument]
    """

    kwargs = _get_kwargs(
        include=include,
        fields_webhook=fields_webhook,
        fields_client=fields_client,
        fields_campaign=fields_campaign,
        sort=sort,
        page_count=page_count,
        page_cursor=page_cursor,
        user_agent=user_agent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    include: list[ListWebhooksInclude] | Unset = UNSET,
    fields_webhook: list[WebhookField] | Unset = UNSET,
    fields_client: list[ClientField] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    sort: list[str] | Unset = UNSET,
    page_count: int | Unset = UNSET,
    page_cursor: str | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | WebhookCollectionDocument | None:
    """List this client's webhooks

     Only webhooks created by this client; webhooks made in the portal are not listed [PD].
    page[count]/page[cursor] are sent by [PY].

    Args:
        include (list[ListWebhooksInclude] | Unset):
        fields_webhook (list[WebhookField] | Unset):
        fields_client (list[ClientField] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        sort (list[str] | Unset):
        page_count (int | Unset):
        page_cursor (str | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | WebhookCollectionDocument
    """

    return (
        await asyncio_detailed(
            client=client,
            include=include,
            fields_webhook=fields_webhook,
            fields_client=fields_client,
            fields_campaign=fields_campaign,
            sort=sort,
            page_count=page_count,
            page_cursor=page_cursor,
            user_agent=user_agent,
        )
    ).parsed
