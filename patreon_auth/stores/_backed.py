"""What every persistent store shares: the token's wire format and the never-lose-a-token memory.

A refreshed Patreon token is the only copy of a single-use refresh token [PD _oauth.md]: if the
backend refuses it and we forget it, a creator has to log in again by hand. So a store keeps the
last token it read or wrote, and a token whose write failed stays the answer of ``get()`` in this
process (and is written again on the next ``get()``) until a write succeeds.
"""

from __future__ import annotations

import json
from typing import Any

from patreon_auth.errors import TokenStoreError
from patreon_auth.token import Token

REDACTED = "<redacted>"


class StaleTokenError(TokenStoreError):
    """A write was refused because the backend already holds a newer token than the one this store read."""


def encode_token(token: Token) -> str:
    """The JSON text every store writes: exactly ``Token.to_dict()``."""
    return json.dumps(token.to_dict(), sort_keys=True, separators=(",", ":"))


def decode_token_data(data: Any, *, source: str) -> Token:
    """Turn parsed JSON into a Token, or raise a TokenStoreError that never quotes the content."""
    if not isinstance(data, dict):
        raise TokenStoreError(f"{source} does not hold a token JSON object")
    try:
        return Token.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        # The message names the problem's kind only: the content may be a live secret.
        raise TokenStoreError(f"{source} holds a malformed token ({type(exc).__name__})") from None


def decode_token(text: str | bytes, *, source: str) -> Token:
    """Parse stored JSON text into a Token; corrupt content is an error, never a silent None."""
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        # ``from None``: a JSONDecodeError keeps the whole document (the token) in ``.doc``.
        raise TokenStoreError(f"{source} does not hold valid token JSON") from None
    return decode_token_data(data, source=source)


class BackedStore:
    """Sync base: ``_load``/``_save`` talk to the backend; this class never drops a token."""

    def __init__(self) -> None:
        self._last: Token | None = None
        self._pending: Token | None = None

    @property
    def last_token(self) -> Token | None:
        """The last token this store read or wrote in this process, kept when the backend fails."""
        return self._pending if self._pending is not None else self._last

    def _load(self) -> Token | None:
        raise NotImplementedError

    def _save(self, token: Token) -> None:
        raise NotImplementedError

    def get(self) -> Token | None:
        pending = self._pending
        if pending is not None:
            try:
                self._save(pending)
            except StaleTokenError:
                # Someone stored a newer token meanwhile: theirs wins, read it below.
                self._pending = None
            except TokenStoreError:
                return pending
            else:
                self._pending = None
                self._last = pending
                return pending
        token = self._load()
        if token is not None:
            self._last = token
        return token

    def put(self, token: Token) -> None:
        try:
            self._save(token)
        except StaleTokenError:
            raise
        except TokenStoreError:
            self._pending = token
            raise
        self._pending = None
        self._last = token


class AsyncBackedStore:
    """Async twin of BackedStore."""

    def __init__(self) -> None:
        self._last: Token | None = None
        self._pending: Token | None = None

    @property
    def last_token(self) -> Token | None:
        """The last token this store read or wrote in this process, kept when the backend fails."""
        return self._pending if self._pending is not None else self._last

    async def _load(self) -> Token | None:
        raise NotImplementedError

    async def _save(self, token: Token) -> None:
        raise NotImplementedError

    async def get(self) -> Token | None:
        pending = self._pending
        if pending is not None:
            try:
                await self._save(pending)
            except StaleTokenError:
                self._pending = None
            except TokenStoreError:
                return pending
            else:
                self._pending = None
                self._last = pending
                return pending
        token = await self._load()
        if token is not None:
            self._last = token
        return token

    async def put(self, token: Token) -> None:
        try:
            await self._save(token)
        except StaleTokenError:
            raise
        except TokenStoreError:
            self._pending = token
            raise
        self._pending = None
        self._last = token
