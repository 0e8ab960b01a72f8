# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_error_body import OAuthErrorBody
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/oauth2/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthErrorBody | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if 400 <= response.status_code <= 499:
        response_4xx = OAuthErrorBody.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OAuthErrorBody | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[OAuthErrorBody | TokenResponse]:
    """Exchange a code or refresh a token

     OAuth token endpoint [PD _oauth.md]. Parameters go in a form body (PD c80ec53, Dec 2024; older docs
    and [PY] used the query string). Refresh tokens are single use: store the new one every time [PD].

    Args:
        body (TokenRequest): Form body of POST /api/oauth2/token [PD _oauth.md].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthErrorBody | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> OAuthErrorBody | TokenResponse | None:
    """Exchange a code or refresh a token

     OAuth token endpoint [PD _oauth.md]. Parameters go in a form body (PD c80ec53, Dec 2024; older docs
    and [PY] used the query string). Refresh tokens are single use: store the new one every time [PD].

    Args:
        body (TokenRequest): Form body of POST /api/oauth2/token [PD _oauth.md].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthErrorBody | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[OAuthErrorBody | TokenResponse]:
    """Exchange a code or refresh a token

     OAuth token endpoint [PD _oauth.md]. Parameters go in a form body (PD c80ec53, Dec 2024; older docs
    and [PY] used the query string). Refresh tokens are single use: store the new one every time [PD].

    Args:
        body (TokenRequest): Form body of POST /api/oauth2/token [PD _oauth.md].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthErrorBody | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> OAuthErrorBody | TokenResponse | None:
    """Exchange a code or refresh a token

     OAuth token endpoint [PD _oauth.md]. Parameters go in a form body (PD c80ec53, Dec 2024; older docs
    and [PY] used the query string). Refresh tokens are single use: store the new one every time [PD].

    Args:
        body (TokenRequest): Form body of POST /api/oauth2/token [PD _oauth.md].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthErrorBody | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
