# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_document import ErrorDocument
from ...models.webhook_document import WebhookDocument
from ...models.webhook_update_request import WebhookUpdateRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    webhook_id: str,
    *,
    body: WebhookUpdateRequest,
    user_agent: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(user_agent, Unset):
        headers["User-Agent"] = user_agent

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/oauth2/v2/webhooks/{webhook_id}".format(
            webhook_id=quote(str(webhook_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDocument | WebhookDocument | None:
    if response.status_code == 200:
        response_200 = WebhookDocument.from_dict(response.json())

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
) -> Response[ErrorDocument | WebhookDocument]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    body: WebhookUpdateRequest,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | WebhookDocument]:
    """Update a webhook

     Changes triggers, uri or paused on a webhook this client created [PD]. Sending paused=false while
    num_consecutive_times_failed > 0 re-sends the queued events [PD].

    Args:
        webhook_id (str):
        user_agent (str | Unset):
        body (WebhookUpdateRequest): Body of PATCH /webhooks/{id} [PD].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | WebhookDocument]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        body=body,
        user_agent=user_agent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    body: WebhookUpdateRequest,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | WebhookDocument | None:
    """Update a webhook

     Changes triggers, uri or paused on a webhook this client created [PD]. Sending paused=false while
    num_consecutive_times_failed > 0 re-sends the queued events [PD].

    Args:
        webhook_id (str):
        user_agent (str | Unset):
        body (WebhookUpdateRequest): Body of PATCH /webhooks/{id} [PD].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | WebhookDocument
    """

    return sync_detailed(
        webhook_id=webhook_id,
        client=client,
        body=body,
        user_agent=user_agent,
    ).parsed


async def asyncio_detailed(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    body: WebhookUpdateRequest,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | WebhookDocument]:
    """Update a webhook

     Changes triggers, uri or paused on a webhook this client created [PD]. Sending paused=false while
    num_consecutive_times_failed > 0 re-sends the queued events [PD].

    Args:
        webhook_id (str):
        user_agent (str | Unset):
        body (WebhookUpdateRequest): Body of PATCH /webhooks/{id} [PD].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | WebhookDocument]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        body=body,
        user_agent=user_agent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    body: WebhookUpdateRequest,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | WebhookDocument | None:
    """Update a webhook

     Changes triggers, uri or paused on a webhook this client created [PD]. Sending paused=false while
    num_consecutive_times_failed > 0 re-sends the queued events [PD].

    Args:
        webhook_id (str):
        user_agent (str | Unset):
        body (WebhookUpdateRequest): Body of PATCH /webhooks/{id} [PD].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | WebhookDocument
    """

    return (
        await asyncio_detailed(
            webhook_id=webhook_id,
            client=client,
            body=body,
            user_agent=user_agent,
        )
    ).parsed
