"""HTTPStore: tokens kept by an external server that answers GET and PUT on one URL.

Protocol: ``GET url`` answers 200 with ``Token.to_dict()`` JSON, or 404 when there is no token
yet; ``PUT url`` with the same JSON stores it (any 2xx). Failures raise TokenStoreError whose
message names the method, the URL (without credentials or query) and the status or error kind,
never a token or a header value. The refresh lock is in-process only: if several processes share
the server, have it serialise refreshes or use FileStore/RedisStore instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import urllib.parse
from collections.abc import AsyncIterator, Iterator, Mapping

import httpx

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import (
    REDACTED,
    AsyncBackedStore,
    BackedStore,
    decode_token_data,
    encode_token,
)
from patreon_auth.token import Token

DEFAULT_TIMEOUT = 10.0
_JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}


def _safe_url(url: str) -> str:
    """The URL without user:password and query, which may carry credentials."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _masked_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return dict.fromkeys(headers, REDACTED)


def _read_response(response: httpx.Response, *, where: str) -> Token | None:
    if response.status_code == 404:
        return None
    if response.status_code != 200:
        raise TokenStoreError(f"{where} answered HTTP {response.status_code}")
    try:
        data = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        raise TokenStoreError(f"{where} answered with a body that is not JSON") from None
    return decode_token_data(data, source=f"{where} response")


def _check_put(response: httpx.Response, *, where: str) -> None:
    if not response.is_success:
        raise TokenStoreError(f"{where} answered HTTP {response.status_code}; the token was not stored")


class HTTPStore(BackedStore):
    """Reads and writes the token on an external HTTP server; in-process refresh lock."""

    def __init__(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float | None = None,
    ) -> None:
        super().__init__()
        if client is not None and transport is not None:
            raise ValueError("pass client or transport, not both")
        self.url = url
        self._headers = {**_JSON_HEADERS, **(headers or {})}
        self._user_headers = dict(headers or {})
        self._owns_client = client is None
        self._client = (
            client
            if client is not None
            else httpx.Client(
                transport=transport, timeout=timeout if timeout is not None else DEFAULT_TIMEOUT
            )
        )
        # A client passed in keeps its own timeout unless one is given here.
        self._timeout = timeout
        self._lock = threading.Lock()

    def _request(self, method: str, body: str | None = None) -> httpx.Response:
        where = f"HTTP token store {method} {_safe_url(self.url)}"
        try:
            return self._client.request(
                method,
                self.url,
                content=body,
                headers=self._headers,
                timeout=self._timeout if self._timeout is not None else httpx.USE_CLIENT_DEFAULT,
            )
        except httpx.HTTPError as exc:
            # Connection refused, timeouts, DNS: the server may be back later; the token is kept.
            raise TokenStoreError(f"{where} failed: {type(exc).__name__}") from exc

    def _load(self) -> Token | None:
        response = self._request("GET")
        return _read_response(response, where=f"HTTP token store GET {_safe_url(self.url)}")

    def _save(self, token: Token) -> None:
        response = self._request("PUT", encode_token(token))
        _check_put(response, where=f"HTTP token store PUT {_safe_url(self.url)}")

    @contextlib.contextmanager
    def refresh_lock(self) -> Iterator[None]:
        with self._lock:
            yield

    def close(self) -> None:
        """Close the HTTP client if this store created it."""
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> HTTPStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"HTTPStore(url={_safe_url(self.url)!r}, headers={_masked_headers(self._user_headers)!r})"


class AsyncHTTPStore(AsyncBackedStore):
    """Async twin of HTTPStore."""

    def __init__(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float | None = None,
    ) -> None:
        super().__init__()
        if client is not None and transport is not None:
            raise ValueError("pass client or transport, not both")
        self.url = url
        self._headers = {**_JSON_HEADERS, **(headers or {})}
        self._user_headers = dict(headers or {})
        self._owns_client = client is None
        self._client = (
            client
            if client is not None
            else httpx.AsyncClient(
                transport=transport, timeout=timeout if timeout is not None else DEFAULT_TIMEOUT
            )
        )
        # A client passed in keeps its own timeout unless one is given here.
        self._timeout = timeout
        self._lock = asyncio.Lock()

    async def _request(self, method: str, body: str | None = None) -> httpx.Response:
        where = f"HTTP token store {method} {_safe_url(self.url)}"
        try:
            return await self._client.request(
                method,
                self.url,
                content=body,
                headers=self._headers,
                timeout=self._timeout if self._timeout is not None else httpx.USE_CLIENT_DEFAULT,
            )
        except httpx.HTTPError as exc:
            raise TokenStoreError(f"{where} failed: {type(exc).__name__}") from exc

    async def _load(self) -> Token | None:
        response = await self._request("GET")
        return _read_response(response, where=f"HTTP token store GET {_safe_url(self.url)}")

    async def _save(self, token: Token) -> None:
        response = await self._request("PUT", encode_token(token))
        _check_put(response, where=f"HTTP token store PUT {_safe_url(self.url)}")

    @contextlib.asynccontextmanager
    async def refresh_lock(self) -> AsyncIterator[None]:
        async with self._lock:
            yield

    async def aclose(self) -> None:
        """Close the HTTP client if this store created it."""
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self) -> AsyncHTTPStore:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"AsyncHTTPStore(url={_safe_url(self.url)!r}, headers={_masked_headers(self._user_headers)!r})"
