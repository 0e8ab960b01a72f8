# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_document import ErrorDocument
from ...models.live_document import LiveDocument
from ...models.live_update_request import LiveUpdateRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    live_id: str,
    *,
    body: LiveUpdateRequest,
    user_agent: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(user_agent, Unset):
        headers["User-Agent"] = user_agent

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/oauth2/v2/lives/{live_id}".format(
            live_id=quote(str(live_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

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
    body: LiveUpdateRequest,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | LiveDocument]:
    """Change a live's state

     Early access, newer than the GitHub docs; known from [PAT] paths/live.ts and a docs.patreon.com
    excerpt quoted in swift-patterns-mcp#132 (lower confidence).

    Args:
        live_id (str):
        user_agent (str | Unset):
        body (LiveUpdateRequest): Body of PATCH /lives/{id} [PAT].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | LiveDocument]
    """

    kwargs = _get_kwargs(
        live_id=live_id,
        body=body,
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
    body: LiveUpdateRequest,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | LiveDocument | None:
    """Change a live's state

     Early access, newer than the GitHub docs; known from [PAT] paths/live.ts and a docs.patreon.com
    excerpt quoted in swift-patterns-mcp#132 (lower confidence).

    Args:
        live_id (str):
        user_agent (str | Unset):
        body (LiveUpdateRequest): Body of PATCH /lives/{id} [PAT].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | LiveDocument
    """

    return sync_detailed(
        live_id=live_id,
        client=client,
        body=body,
        user_agent=user_agent,
    ).parsed


async def asyncio_detailed(
    live_id: str,
    *,
    client: AuthenticatedClient,
    body: LiveUpdateRequest,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | LiveDocument]:
    """Change a live's state

     Early access, newer than the GitHub docs; known from [PAT] paths/live.ts and a docs.patreon.com
    excerpt quoted in swift-patterns-mcp#132 (lower confidence).

    Args:
        live_id (str):
        user_agent (str | Unset):
        body (LiveUpdateRequest): Body of PATCH /lives/{id} [PAT].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | LiveDocument]
    """

    kwargs = _get_kwargs(
        live_id=live_id,
        body=body,
        user_agent=user_agent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    live_id: str,
    *,
    client: AuthenticatedClient,
    body: LiveUpdateRequest,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | LiveDocument | None:
    """Change a live's state

     Early access, newer than the GitHub docs; known from [PAT] paths/live.ts and a docs.patreon.com
    excerpt quoted in swift-patterns-mcp#132 (lower confidence).

    Args:
        live_id (str):
        user_agent (str | Unset):
        body (LiveUpdateRequest): Body of PATCH /lives/{id} [PAT].

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
            body=body,
            user_agent=user_agent,
        )
    ).parsed
