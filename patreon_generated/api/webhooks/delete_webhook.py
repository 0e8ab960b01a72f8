# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_document import ErrorDocument
from ...types import UNSET, Response, Unset


def _get_kwargs(
    webhook_id: str,
    *,
    user_agent: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(user_agent, Unset):
        headers["User-Agent"] = user_agent

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/oauth2/v2/webhooks/{webhook_id}".format(
            webhook_id=quote(str(webhook_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorDocument | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorDocument]:
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
    user_agent: str | Unset = UNSET,
) -> Response[Any | ErrorDocument]:
    """Delete a webhook

     Not in the stored [PD] text; used by [WP] delete_post_webhook and [PAT] (204), and marked documented
    in [PAT] changelog 0.16.0.

    Args:
        webhook_id (str):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorDocument]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
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
    user_agent: str | Unset = UNSET,
) -> Any | ErrorDocument | None:
    """Delete a webhook

     Not in the stored [PD] text; used by [WP] delete_post_webhook and [PAT] (204), and marked documented
    in [PAT] changelog 0.16.0.

    Args:
        webhook_id (str):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorDocument
    """

    return sync_detailed(
        webhook_id=webhook_id,
        client=client,
        user_agent=user_agent,
    ).parsed


async def asyncio_detailed(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    user_agent: str | Unset = UNSET,
) -> Response[Any | ErrorDocument]:
    """Delete a webhook

     Not in the stored [PD] text; used by [WP] delete_post_webhook and [PAT] (204), and marked documented
    in [PAT] changelog 0.16.0.

    Args:
        webhook_id (str):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorDocument]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        user_agent=user_agent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    user_agent: str | Unset = UNSET,
) -> Any | ErrorDocument | None:
    """Delete a webhook

     Not in the stored [PD] text; used by [WP] delete_post_webhook and [PAT] (204), and marked documented
    in [PAT] changelog 0.16.0.

    Args:
        webhook_id (str):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorDocument
    """

    return (
        await asyncio_detailed(
            webhook_id=webhook_id,
            client=client,
            user_agent=user_agent,
        )
    ).parsed
