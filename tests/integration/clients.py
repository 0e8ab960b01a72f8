"""The creator clients the end-to-end tests use, wired to a sandbox in process."""

from __future__ import annotations

from typing import Any

from patreon_auth import AsyncPatreonCreatorClient, PatreonCreatorClient, Token
from patreon_sandbox import Sandbox


def _options(sandbox: Sandbox, token: Token | None, options: dict[str, Any]) -> dict[str, Any]:
    return {
        "client_id": sandbox.client_id,
        "client_secret": sandbox.client_secret,
        "token": token if token is not None else sandbox.creator_token(),
        "base_url": sandbox.base_url,
        "name": "tests",
        "retry_backoff": 0.01,
        **options,
    }


def creator(sandbox: Sandbox, token: Token | None = None, **options: Any) -> PatreonCreatorClient:
    return PatreonCreatorClient(transport=sandbox.transport(), **_options(sandbox, token, options))


def async_creator(sandbox: Sandbox, token: Token | None = None, **options: Any) -> AsyncPatreonCreatorClient:
    return AsyncPatreonCreatorClient(transport=sandbox.async_transport(), **_options(sandbox, token, options))
