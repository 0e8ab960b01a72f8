# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.authorization_code_token_request import AuthorizationCodeTokenRequest
from ...models.o_auth_error_body import OAuthErrorBody
from ...models.refresh_token_request import RefreshTokenRequest
from ...models.token_response import TokenResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: AuthorizationCodeTokenRequest | RefreshTokenRequest,
    user_agent: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(user_agent, Unset):
        headers["User-Agent"] = user_agent

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
    body: AuthorizationCodeTokenRequest | RefreshTokenRequest,
    user_agent: str | Unset = UNSET,
) -> Response[OAuthErrorBody | TokenResponse]:
    """Exchange a code or refresh a token

     OAuth token endpoint [PD _oauth.md]. Parameters go in a form body (PD c80ec53, Dec 2024; older docs
    and [PY] used the query string). Refresh tokens are single use: store the new one every time [PD].

    Args:
        user_agent (str | Unset):
        body (AuthorizationCodeTokenRequest | RefreshTokenRequest): Form body of POST
            /api/oauth2/token; which fields are required depends on grant_type [PD _oauth.md].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthErrorBody | TokenResponse]
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
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeTokenRequest | RefreshTokenRequest,
    user_agent: str | Unset = UNSET,
) -> OAuthErrorBody | TokenResponse | None:
    """Exchange a code or refresh a token

     OAuth token endpoint [PD _oauth.md]. Parameters go in a form body (PD c80ec53, Dec 2024; older docs
    and [PY] used the query string). Refresh tokens are single use: store the new one every time [PD].

    Args:
        user_agent (str | Unset):
        body (AuthorizationCodeTokenRequest | RefreshTokenRequest): Form body of POST
            /api/oauth2/token; which fields are required depends on grant_type [PD _oauth.md].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthErrorBody | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        user_agent=user_agent,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeTokenRequest | RefreshTokenRequest,
    user_agent: str | Unset = UNSET,
) -> Response[OAuthErrorBody | TokenResponse]:
    """Exchange a code or refresh a token

     OAuth token endpoint [PD _oauth.md]. Parameters go in a form body (PD c80ec53, Dec 2024; older docs
    and [PY] used the query string). Refresh tokens are single use: store the new one every time [PD].

    Args:
        user_agent (str | Unset):
        body (AuthorizationCodeTokenRequest | RefreshTokenRequest): Form body of POST
            /api/oauth2/token; which fields are required depends on grant_type [PD _oauth.md].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthErrorBody | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        user_agent=user_agent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeTokenRequest | RefreshTokenRequest,
    user_agent: str | Unset = UNSET,
) -> OAuthErrorBody | TokenResponse | None:
    """Exchange a code or refresh a token

     OAuth token endpoint [PD _oauth.md]. Parameters go in a form body (PD c80ec53, Dec 2024; older docs
    and [PY] used the query string). Refresh tokens are single use: store the new one every time [PD].

    Args:
        user_agent (str | Unset):
        body (AuthorizationCodeTokenRequest | RefreshTokenRequest): Form body of POST
            /api/oauth2/token; which fields are required depends on grant_type [PD _oauth.md].

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
            user_agent=user_agent,
        )
    ).parsed
