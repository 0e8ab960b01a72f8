"""The clients' behaviour, tested where it lives: patreon_runtime's base classes, with no generated code.

A two-line namespace and client made here stand in for what the templates declare; every
scenario runs with the sync half (written by generator/unasync.py) and the async source alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any

import httpx
import pytest

from patreon_runtime.client import AsyncNamespace, AsyncPatreonBase, Namespace, PatreonBase
from patreon_runtime.jsonapi import Resource
from patreon_runtime.operation import Operation
from tests.modes import ModeDriver


class Page:
    """A page as the base classes read it (`PageOf`): plain Python, as the compiled build allows
    no Python subclass of the generated document classes."""

    def __init__(self, body: dict[str, Any]) -> None:
        self.data = [Resource(item) for item in body["data"]]
        self.next_cursor: str | None = body["meta"]["pagination"]["cursors"]["next"]


class One:
    def __init__(self, body: dict[str, Any]) -> None:
        self.data = Resource(body["data"])


def _page_operation(count: int | None, cursor: str | None) -> Operation:
    params: dict[str, str | int] = {}
    if count is not None:
        params["page[count]"] = count
    if cursor is not None:
        params["page[cursor]"] = cursor
    return Operation("GET", "/api/oauth2/v2/items", params)


class Items(Namespace):
    __slots__ = ()

    def get(self, item_id: str) -> One:
        return self._read(Operation("GET", f"/api/oauth2/v2/items/{item_id}"), One)

    def delete(self, item_id: str) -> None:
        self._send(Operation("DELETE", f"/api/oauth2/v2/items/{item_id}"))

    def pages(self, count: int | None = None, include: Any = None) -> Iterator[Page]:
        return self._pages(_page_operation, Page, count, 1000, {"history": 500}, include)

    def iterate(self, count: int | None = None) -> Iterator[Resource]:
        return self._iterate(self.pages(count))


class AsyncItems(AsyncNamespace):
    __slots__ = ()

    async def get(self, item_id: str) -> One:
        return await self._read(Operation("GET", f"/api/oauth2/v2/items/{item_id}"), One)

    async def delete(self, item_id: str) -> None:
        await self._send(Operation("DELETE", f"/api/oauth2/v2/items/{item_id}"))

    def pages(self, count: int | None = None, include: Any = None) -> Any:
        return self._pages(_page_operation, Page, count, 1000, {"history": 500}, include)

    def iterate(self, count: int | None = None) -> Any:
        return self._iterate(self.pages(count))


class Client(PatreonBase):
    @cached_property
    def items(self) -> Items:
        return Items(self._sender)


class AsyncClient(AsyncPatreonBase):
    @cached_property
    def items(self) -> AsyncItems:
        return AsyncItems(self._sender)


class Server:
    """Pages of three items; page 3 repeats page 2's items under a new cursor (a looping endpoint)."""

    def __init__(self) -> None:
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        if request.method == "DELETE":
            return httpx.Response(204)
        if request.url.path.endswith("/items"):
            cursor = request.url.params.get("page[cursor]")
            number = {None: 1, "c2": 2, "c3": 3}[cursor]
            first = 1 if number == 1 else 4  # page 3 holds page 2's items again
            data = [{"type": "item", "id": str(i)} for i in range(first, first + 3)]
            body = {"data": data, "meta": {"pagination": {"cursors": {"next": f"c{number + 1}"}}}}
            return httpx.Response(200, json=body)
        return httpx.Response(200, json={"data": {"type": "item", "id": request.url.path.rsplit("/", 1)[1]}})


def _client(mode: ModeDriver, server: Server, **options: Any) -> Any:
    transport = mode.pick(httpx.MockTransport(server), httpx.MockTransport(server))
    return mode.new((Client, AsyncClient), token="t0k", transport=transport, **options)


def test_a_read_sends_the_token_and_wraps_the_document(mode: ModeDriver) -> None:
    server = Server()
    client = _client(mode, server)
    document = mode.run(client.items.get("7"))
    assert isinstance(document, One) and document.data.id == "7"
    assert server.seen[-1].headers["authorization"] == "Bearer t0k"
    assert mode.run(client.items.delete("7")) is None and server.seen[-1].method == "DELETE"
    mode.shut(client)


def test_paging_asks_for_the_largest_page_and_stops_on_a_repeated_page(mode: ModeDriver) -> None:
    server = Server()
    client = _client(mode, server)
    pages = mode.collect(client.items.pages())
    assert [[item.id for item in page.data] for page in pages] == [["1", "2", "3"], ["4", "5", "6"]]
    assert [request.url.params.get("page[count]") for request in server.seen] == ["1000"] * 3
    assert [item.id for item in mode.collect(client.items.iterate(count=3))] == ["1", "2", "3", "4", "5", "6"]
    assert server.seen[-1].url.params["page[count]"] == "3"
    # An include with a lower limit lowers the page asked for (`largest_page`).
    mode.collect(client.items.pages(include=["history.tier"]))
    assert server.seen[-1].url.params["page[count]"] == "500"
    mode.shut(client)


def test_with_options_shares_the_pool_and_makes_its_own_namespaces(mode: ModeDriver) -> None:
    server = Server()
    client = _client(mode, server, max_retries=0)
    original = client.items
    copy = client.with_options(timeout=1.5, max_retries=2)
    assert copy.http_client is client.http_client
    assert copy.items is not original and copy.items._sender is copy._sender
    assert (copy.options.max_retries, client.options.max_retries) == (2, 0)
    mode.run(copy.items.get("1"))
    assert server.seen[-1].extensions["timeout"]["read"] == 1.5
    mode.shut(copy)  # the copy does not own the pool: the original still works
    mode.run(client.items.get("2"))
    mode.shut(client)
    assert client.http_client.is_closed


def test_bad_construction_is_refused(mode: ModeDriver) -> None:
    with pytest.raises(ValueError, match="either token or auth"):
        mode.new((Client, AsyncClient), token="a", auth="b")
    # The other flavour's pool (never opened, so nothing to close).
    wrong_pool = mode.pick(httpx.AsyncClient(), httpx.Client())
    with pytest.raises(TypeError, match="http_client must be an httpx"):
        mode.new((Client, AsyncClient), token="a", http_client=wrong_pool)


def test_a_document_that_is_not_json_is_a_typed_error(mode: ModeDriver) -> None:
    from patreon_runtime.errors import ResponseValidationError

    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=b"<html>"))
    client = mode.new((Client, AsyncClient), token="t", transport=transport)
    with pytest.raises(ResponseValidationError):
        mode.run(client.items.get("1"))
    mode.shut(client)
