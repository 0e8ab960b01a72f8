"""The token store protocol: where a credential lives, and the lock its single refresh happens under.

Patreon refresh tokens are single use [PD _oauth.md]: two refreshers of one credential burn it.
So the lock that serialises re-read + refresh + put belongs to the store (the credential), not to
a client object that frameworks create per request (authlib issue #673, see reference/style.md).
"""

from __future__ import annotations

import contextlib
from typing import Protocol, runtime_checkable

from patreon_auth.token import Token


@runtime_checkable
class TokenStore(Protocol):
    """Sync store: ``get`` the current token (None if none yet), ``put`` a new one, lock refreshes."""

    def get(self) -> Token | None: ...

    def put(self, token: Token) -> None: ...

    def refresh_lock(self) -> contextlib.AbstractContextManager[None]:
        """Held around re-read + refresh + put, so one refresh happens per expiry."""
        ...


@runtime_checkable
class AsyncTokenStore(Protocol):
    """Async twin of TokenStore."""

    async def get(self) -> Token | None: ...

    async def put(self, token: Token) -> None: ...

    def refresh_lock(self) -> contextlib.AbstractAsyncContextManager[None]: ...
