"""A fixed bearer token as an httpx.Auth, for `Patreon(token=...)` without refresh."""

from __future__ import annotations

from collections.abc import Generator

import httpx


class StaticTokenAuth(httpx.Auth):
    """Sends one access token on every request; the token never appears in repr."""

    def __init__(self, access_token: str) -> None:
        self._access_token = access_token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._access_token}"
        yield request

    def __repr__(self) -> str:
        return "StaticTokenAuth(access_token='<redacted>')"
