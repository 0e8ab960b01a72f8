"""What every generated client does, written once: construction, options, close, request to document, paging.

`AsyncPatreonBase` is the generated `AsyncPatreon` without its namespaces (`client.members`...),
and `AsyncNamespace` is each namespace without its methods; the templates declare those (names,
signatures, docstrings) with one-line bodies that call into here. The async half is the source:
generator/unasync.py writes `_sync/client.py` (`PatreonBase`, `Namespace`) from it, and both are
type-checked and tested as they stand, without generating anything.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self, TypeVar, Unpack

import attrs
import httpx

from patreon_runtime import errors
from patreon_runtime.jsonapi import Resource, decode_body
from patreon_runtime.operation import Operation
from patreon_runtime.rate_limited_auth import limit_async
from patreon_runtime.sender import AsyncSender, ClientOptions
from patreon_runtime.static_auth import StaticTokenAuth

if TYPE_CHECKING:
    # Types only: a process that never completes option names does not load them.
    from patreon_runtime.options import AsyncPatreonOptions, CallOptions

D = TypeVar("D")
R = TypeVar("R", bound=Resource)
R_co = TypeVar("R_co", bound=Resource, covariant=True)


class PageOf(Protocol[R_co]):
    """What paging reads of a page: its items and the cursor to the next (a `CollectionDocument`).

    Structural, so the base classes name no document class: the generated ones are compiled in the
    binary wheel, where Python code cannot subclass them.
    """

    @property
    def data(self) -> Sequence[R_co]: ...

    @property
    def next_cursor(self) -> str | None: ...


P = TypeVar("P", bound=PageOf[Resource])


class AsyncPatreonBase:
    """The Patreon v2 API client without its namespaces: auth, options, the sender, closing.

    Give a static `token`, or an `auth` strategy: a token string, or an httpx.Auth such as
    patreon_auth's refreshing `PatreonAuth`. The options are `AsyncPatreonOptions` (defaults on
    `ClientOptions`); `rate_limiter` spends Patreon's per-client and per-token budgets before each
    request, `client_id` names the client's budget.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        auth: httpx.Auth | str | None = None,
        client_id: str | None = None,
        **options: Unpack[AsyncPatreonOptions],
    ) -> None:
        if token is not None and auth is not None:
            raise ValueError("give either token or auth, not both")
        if token is not None:
            auth = token
        if isinstance(auth, str):
            auth = StaticTokenAuth(auth)
        # The defaults live once, on ClientOptions; this list is not written out again anywhere.
        self.options = ClientOptions(**options)
        http_client = self.options.http_client
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError("http_client must be an httpx.AsyncClient")
        auth = limit_async(
            auth,
            options.get("rate_limiter"),
            client_id=client_id,
            base_url=self.options.base_url,
            custom_transport=self.options.transport is not None or http_client is not None,
        )
        shared = http_client is not None
        client = http_client if http_client is not None else self.options.async_client(auth)
        self._sender = AsyncSender(
            client,
            max_retries=self.options.max_retries,
            retry_backoff=self.options.retry_backoff,
            auth=auth if shared else None,
            owns_client=not shared,
            max_retry_after=self.options.max_retry_after,
            error_caps=self.options.error_caps(),
            max_response_bytes=self.options.max_response_bytes,
        )

    def with_options(self, **overrides: Unpack[CallOptions]) -> Self:
        """A copy for some calls with another `timeout`, `max_retries`, `retry_backoff` or
        `max_retry_after`; it shares this client's pool, auth and rate-limit pause, and closing
        it leaves the pool open for this client."""
        clone = object.__new__(type(self))
        # Namespaces are cached per client and hold its sender: the copy makes its own.
        namespaces = _cached_names(type(self))
        clone.__dict__.update({key: value for key, value in vars(self).items() if key not in namespaces})
        clone.options = attrs.evolve(self.options, **overrides)
        sender = self._sender
        clone._sender = AsyncSender(
            sender.client,
            max_retries=clone.options.max_retries,
            retry_backoff=clone.options.retry_backoff,
            auth=sender.extra.get("auth"),
            owns_client=False,
            max_retry_after=clone.options.max_retry_after,
            error_caps=sender.error_caps,
            timeout=overrides.get("timeout", sender.timeout),
            gate=sender.gate,
            max_response_bytes=sender.max_response_bytes,
        )
        return clone

    @property
    def http_client(self) -> httpx.AsyncClient:
        """The underlying httpx client (its transport, headers and auth)."""
        return self._sender.client

    async def aclose(self) -> None:
        await self._sender.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


def _cached_names(cls: type) -> frozenset[str]:
    """The `cached_property` names of a class and its bases: the namespaces a client caches."""
    return frozenset(
        name
        for klass in cls.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, cached_property)
    )


class AsyncNamespace:
    """One tag's endpoints (`client.members`): sends an operation and reads the answer as a document."""

    __slots__ = ("_sender",)

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    async def _read(self, operation: Operation, document: Callable[[dict[str, Any]], D]) -> D:
        """Send `operation` and wrap its JSON:API body in `document` (a generated document class)."""
        return self._document(await self._sender.request(operation), document)

    @staticmethod
    def _document(response: httpx.Response, document: Callable[[dict[str, Any]], D]) -> D:
        """An answer's JSON:API body as `document` (a generated document class)."""
        return document(decode_body(response.content, response.status_code))

    async def _send(self, operation: Operation) -> None:
        """Send an operation whose answer carries nothing to read (a delete: 204)."""
        await self._sender.request(operation)

    async def _pages(
        self,
        build: Callable[[int | None, str | None], Operation],
        document: Callable[[dict[str, Any]], P],
        count: int | None,
        page_max: int | None,
        page_max_with: Mapping[str, int],
        include: Iterable[str] | str | None,
        read_ahead: bool = False,
    ) -> AsyncIterator[P]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `build(count, cursor)` makes the request of one page; without `count`, the largest page
        the spec allows for these includes (fewest requests, fewest 429s). With `read_ahead`, the
        next page is requested before this one is handed over (patreon_runtime.read_ahead).
        """
        # Imported here: a process that never pages never loads them.
        from patreon_runtime.pagination import PageGuard, largest_page
        from patreon_runtime.read_ahead import AsyncPageReader

        if count is None:
            count = largest_page(page_max, page_max_with, include)
        guard = PageGuard()
        reader = AsyncPageReader(self._sender.request, ahead=read_ahead)
        reader.request(build(count, None))
        try:
            while True:
                page = self._document(await reader.response(), document)
                if not guard.is_new_page(page.data):
                    return  # the same items again under a new cursor: stop before yielding it
                refused: errors.ResponseValidationError | None = None
                try:
                    cursor = guard.next_cursor(page.data, page.next_cursor)
                except errors.ResponseValidationError as exc:
                    # A cursor that cannot be sent back: this page still comes first, then the error.
                    cursor, refused = None, exc
                if cursor is not None:
                    reader.request(build(count, cursor))
                yield page
                if refused is not None:
                    raise refused
                if cursor is None:
                    return
        finally:
            await reader.aclose()

    @staticmethod
    async def _iterate(pages: AsyncIterator[PageOf[R]]) -> AsyncIterator[R]:
        """Every resource of every page."""
        async for page in pages:
            for item in page.data:  # unasync: yield from page.data
                yield item  # async only


__all__ = ["AsyncNamespace", "AsyncPatreonBase", "PageOf"]
