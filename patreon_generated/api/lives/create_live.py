# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_document import ErrorDocument
from ...models.live_create_request import LiveCreateRequest
from ...models.live_document import LiveDocument
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: LiveCreateRequest,
    user_agent: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(user_agent, Unset):
        headers["User-Agent"] = user_agent

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/oauth2/v2/lives",
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

    if response.status_code == 201:
        response_201 = LiveDocument.from_dict(response.json())

        return response_201

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
    *,
    client: AuthenticatedClient,
    body: LiveCreateRequest,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | LiveDocument]:
    """Create a live

     Early access, newer than the GitHub docs; known from [PAT] paths/live.ts and a docs.patreon.com
    excerpt quoted in swift-patterns-mcp#132 (lower confidence). A third-party tool says scheduled_for
    is needed when state is pre_live, and that access-rule ids come from the campaign's
    live_access_rules (andreanjos/patreonmcp).

    Args:
        user_agent (str | Unset):
        body (LiveCreateRequest): Body of POST /lives [PAT].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | LiveDocument]
    """

    kwargs = _get_kwargs(
        body=body,
        user_agent=user_agent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: LiveCreateRequest,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | LiveDocument | None:
    """Create a live

     Early access, newer than the GitHub docs; known from [PAT] paths/live.ts and a docs.patreon.com
    excerpt quoted in swift-patterns-mcp#132 (lower confidence). A third-party tool says scheduled_for
    is needed when state is pre_live, and that access-rule ids come from the campaign's
    live_access_rules (andreanjos/patreonmcp).

    Args:
        user_agent (str | Unset):
        body (LiveCreateRequest): Body of POST /lives [PAT].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | LiveDocument
    """

    return sync_detailed(
        client=client,
        body=body,
        user_agent=user_agent,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: LiveCreateRequest,
    user_agent: str | Unset = UNSET,
) -> Response[ErrorDocument | LiveDocument]:
    """Create a live

     Early access, newer than the GitHub docs; known from [PAT] paths/live.ts and a docs.patreon.com
    excerpt quoted in swift-patterns-mcp#132 (lower confidence). A third-party tool says scheduled_for
    is needed when state is pre_live, and that access-rule ids come from the campaign's
    live_access_rules (andreanjos/patreonmcp).

    Args:
        user_agent (str | Unset):
        body (LiveCreateRequest): Body of POST /lives [PAT].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | LiveDocument]
    """

    kwargs = _get_kwargs(
        body=body,
        user_agent=user_agent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: LiveCreateRequest,
    user_agent: str | Unset = UNSET,
) -> ErrorDocument | LiveDocument | None:
    """Create a live

     Early access, newer than the GitHub docs; known from [PAT] paths/live.ts and a docs.patreon.com
    excerpt quoted in swift-patterns-mcp#132 (lower confidence). A third-party tool says scheduled_for
    is needed when state is pre_live, and that access-rule ids come from the campaign's
    live_access_rules (andreanjos/patreonmcp).

    Args:
        user_agent (str | Unset):
        body (LiveCreateRequest): Body of POST /lives [PAT].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | LiveDocument
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            user_agent=user_agent,
        )
    ).parsed
