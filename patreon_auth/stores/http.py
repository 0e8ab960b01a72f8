"""HTTPStore: tokens kept by an external server that answers GET and PUT on one URL.

Protocol: ``GET url`` answers 200 with ``Token.to_dict()`` JSON, or 404 when there is no token
yet; ``PUT url`` with the same JSON stores it (any 2xx). Failures raise TokenStoreError whose
message names the method, the URL (without credentials or query) and the status or error kind,
never a token or a header value.

Compare-and-set (``stores.base``, contract point 2) uses HTTP conditional requests (RFC 9110
section 13.1): when GET answers an ``ETag``, PUT carries ``If-Match`` with it (``If-None-Match: *``
when GET answered 404), and a server that supports them answers 412 if the token changed, which
is atomic across every process and host. A server without ETags gets a read-back instead: the
store GETs, compares the token with the one it last read or wrote, and PUTs only if they match.
That check and the PUT are one step only among the writers this store's refresh lock excludes,
which is in-process; so either serve ETags or let one process write (or have the server
serialise refreshes), as before.

A PUT that fails after it was sent (a timeout, a dropped connection, a 5xx) may have been applied:
the token is kept and reconciled by reading it back (contract point 5), never PUT again blind.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import urllib.parse
from collections.abc import Hashable, Iterator, Mapping
from pathlib import Path

import httpx

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import (
    REDACTED,
    AsyncBackedStore,
    BackedStore,
    Snapshot,
    decode_token_data,
    encode_token,
    is_json,
    parse_json,
    same_token,
    shared_async_lock,
    shared_thread_lock,
)
from patreon_auth.stores._rescue import RescueFiles
from patreon_auth.stores.base import StaleTokenError
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


def _read_response(response: httpx.Response, *, where: str) -> Snapshot:
    if response.status_code == 404:
        return Snapshot(None)
    if response.status_code != 200:
        raise TokenStoreError(f"{where} answered HTTP {response.status_code}")
    data = parse_json(response.content)
    if not is_json(data):
        raise TokenStoreError(f"{where} answered with a body that is not JSON")
    token = decode_token_data(data, source=f"{where} response")
    return Snapshot(token, _strong_etag(response))


def _strong_etag(response: httpx.Response) -> str | None:
    """The response's ETag if it is strong: If-Match compares strongly, so a weak one never matches
    (RFC 9110 section 13.1.1) and the store falls back to reading back instead."""
    etag = response.headers.get("ETag")
    return None if etag is None or etag.startswith("W/") else etag


def _conditions(expected: Snapshot) -> dict[str, str]:
    """The precondition headers that make a PUT a compare-and-set on the server (RFC 9110 13.1)."""
    if expected.version is not None:
        return {"If-Match": str(expected.version)}
    if expected.token is None:
        return {"If-None-Match": "*"}
    return {}


def _check_fresh_read(current: Snapshot, expected: Snapshot, *, where: str) -> Snapshot:
    """Without an ETag to send, compare what the server holds now with what this store expects."""
    if current.token is not None and not same_token(current.token, expected.token):
        raise StaleTokenError(
            f"{where}: the server holds another token than this store expected; not overwritten"
        )
    return current


def _put_result(response: httpx.Response, token: Token, *, where: str) -> Snapshot | None:
    """The new snapshot, None for a 412 (precondition failed), or a TokenStoreError."""
    if response.status_code == 412:
        return None
    if not response.is_success:
        # A 5xx may come after the server applied the PUT: the engine reads back before retrying.
        raise TokenStoreError(f"{where} answered HTTP {response.status_code}; the token may not be stored")
    return Snapshot(token, _strong_etag(response))


class HTTPStore(BackedStore):
    """Reads and writes the token on an external HTTP server; in-process refresh lock per URL."""

    def __init__(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float | None = None,
        rescue_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(rescue=RescueFiles([Path(rescue_path)]) if rescue_path is not None else None)
        if client is not None and transport is not None:
            raise ValueError("pass client or transport, not both")
        self.url = url
        self._where = f"HTTP token store {_safe_url(url)}"
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
        # One lock per URL in this process, so two store objects for one token exclude each other.
        self._thread_lock = shared_thread_lock(("http", url))

    def _request(
        self, method: str, body: str | None = None, headers: Mapping[str, str] = {}
    ) -> httpx.Response:
        where = f"HTTP token store {method} {_safe_url(self.url)}"
        try:
            return self._client.request(
                method,
                self.url,
                content=body,
                headers={**self._headers, **headers},
                timeout=self._timeout if self._timeout is not None else httpx.USE_CLIENT_DEFAULT,
            )
        except httpx.HTTPError as exc:
            # Connection refused, timeouts, DNS: the server may be back later; the token is kept.
            # ``from None``: the exception's request carries the PUT body, which is the token.
            raise TokenStoreError(f"{where} failed: {type(exc).__name__}") from None

    def _read(self) -> Snapshot:
        return _read_response(self._request("GET"), where=f"HTTP token store GET {_safe_url(self.url)}")

    def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        where = f"HTTP token store PUT {_safe_url(self.url)}"
        if expected.version is None:
            expected = _check_fresh_read(self._read(), expected, where=where)
        for _ in range(2):
            response = self._request("PUT", encode_token(token), _conditions(expected))
            written = _put_result(response, token, where=where)
            if written is not None:
                return written
            # 412: the token moved, or the server lost it (If-Match fails on a missing resource).
            current = self._read()
            if current.token is not None:
                raise StaleTokenError(f"{where}: the server holds a newer token (HTTP 412); not overwritten")
            expected = current
        raise TokenStoreError(f"{where} kept answering HTTP 412 to a write over nothing")

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        with self._thread_lock:
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
        rescue_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(rescue=RescueFiles([Path(rescue_path)]) if rescue_path is not None else None)
        if client is not None and transport is not None:
            raise ValueError("pass client or transport, not both")
        self.url = url
        self._where = f"HTTP token store {_safe_url(url)}"
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
        self._lock_key: Hashable = ("http", url)

    async def _request(
        self, method: str, body: str | None = None, headers: Mapping[str, str] = {}
    ) -> httpx.Response:
        where = f"HTTP token store {method} {_safe_url(self.url)}"
        try:
            return await self._client.request(
                method,
                self.url,
                content=body,
                headers={**self._headers, **headers},
                timeout=self._timeout if self._timeout is not None else httpx.USE_CLIENT_DEFAULT,
            )
        except httpx.HTTPError as exc:
            raise TokenStoreError(f"{where} failed: {type(exc).__name__}") from None

    async def _read(self) -> Snapshot:
        response = await self._request("GET")
        return _read_response(response, where=f"HTTP token store GET {_safe_url(self.url)}")

    async def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        where = f"HTTP token store PUT {_safe_url(self.url)}"
        if expected.version is None:
            expected = _check_fresh_read(await self._read(), expected, where=where)
        for _ in range(2):
            response = await self._request("PUT", encode_token(token), _conditions(expected))
            written = _put_result(response, token, where=where)
            if written is not None:
                return written
            current = await self._read()
            if current.token is not None:
                raise StaleTokenError(f"{where}: the server holds a newer token (HTTP 412); not overwritten")
            expected = current
        raise TokenStoreError(f"{where} kept answering HTTP 412 to a write over nothing")

    def _lock(self) -> contextlib.AbstractAsyncContextManager[None]:
        # Per event loop: an asyncio.Lock belongs to the loop that first waits on it.
        return shared_async_lock((self._lock_key, asyncio.get_running_loop()))

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
