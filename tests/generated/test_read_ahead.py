"""`pages(read_ahead=True)` / `iterate(read_ahead=True)`: the next page is requested before this one
is handed over (patreon_runtime/read_ahead.py), and nothing else changes: the same pages, the same
requests, the same errors at the same point, and a walk closed early does not wait.

Each scenario runs on the sync client (a worker thread sends) and the async one (a task sends).
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from patreon_generated import AsyncPatreon, Patreon, errors
from tests.modes import ModeDriver

from .mock_api import resource

PAGES = 3
WAIT = 10.0  # seconds: only reached when the behaviour under test is missing


def body(number: int, cursor: str | None = "default") -> bytes:
    """Page ``number`` (1-based) of two members; its next cursor points at the page after it."""
    data = [resource("member", f"m{number}-{i}") for i in (1, 2)]
    following = f"c{number + 1}" if number < PAGES else None
    next_cursor = following if cursor == "default" else cursor
    return json.dumps({"data": data, "meta": {"pagination": {"cursors": {"next": next_cursor}}}}).encode()


class Server:
    """Three pages; records which page was asked for, and can hold a page back until released."""

    def __init__(
        self, mode: ModeDriver, *, hold: int | None = None, answer: Callable[[int], Any] | None = None
    ):
        self.asked: list[int] = []
        self.asked_event = {n: threading.Event() for n in range(1, PAGES + 2)}
        self.release = threading.Event()
        self.hold = hold
        self.answer = answer or (lambda number: httpx.Response(200, content=body(number)))
        self.finished: list[int] = []
        self.mode = mode

    def _number(self, request: httpx.Request) -> int:
        cursor = request.url.params.get("page[cursor]")
        number = 1 if cursor is None else int(cursor[1:])
        self.asked.append(number)
        self.asked_event[number].set()
        return number

    def sync(self, request: httpx.Request) -> httpx.Response:
        number = self._number(request)
        if number == self.hold:
            self.release.wait(WAIT)
        self.finished.append(number)
        return self.answer(number)

    async def async_(self, request: httpx.Request) -> httpx.Response:
        number = self._number(request)
        if number == self.hold:
            deadline = time.monotonic() + WAIT
            while not self.release.is_set() and time.monotonic() < deadline:
                await asyncio.sleep(0.005)  # the loop stays free: the test's own calls run on it
        self.finished.append(number)
        return self.answer(number)

    def client(self, **options: Any) -> Any:
        transport = httpx.MockTransport(self.mode.pick(self.sync, self.async_))
        return self.mode.new((Patreon, AsyncPatreon), token="t", transport=transport, **options)


def step(mode: ModeDriver, walk: Any) -> Any:
    """The next page of a walk (sync `next`, async `anext`)."""
    return mode.run(anext(walk)) if mode.is_async else next(walk)


def close(mode: ModeDriver, walk: Any) -> None:
    mode.run(walk.aclose()) if mode.is_async else walk.close()


def ids(page: Any) -> list[str]:
    return [member.id for member in page.data]


@pytest.mark.parametrize("read_ahead", [False, True])
def test_the_same_pages_and_the_same_requests_either_way(mode: ModeDriver, read_ahead: bool) -> None:
    server = Server(mode)
    client = server.client()
    pages = mode.collect(client.members.pages("1", read_ahead=read_ahead))
    assert [ids(page) for page in pages] == [[f"m{n}-1", f"m{n}-2"] for n in (1, 2, 3)]
    assert server.asked == [1, 2, 3]  # no request past the last page
    members = mode.collect(client.members.iterate("1", count=2, read_ahead=read_ahead))
    assert len(members) == 6 and server.asked[3:] == [1, 2, 3]
    mode.shut(client)


def test_the_next_page_is_requested_while_the_caller_holds_this_one(mode: ModeDriver) -> None:
    server = Server(mode)
    client = server.client()
    walk = client.members.pages("1", read_ahead=True)
    first = step(mode, walk)
    assert ids(first) == ["m1-1", "m1-2"]
    # Page 2 is asked for while page 1 is still with the caller, who has not asked for more.
    assert server.asked_event[2].wait(WAIT)
    assert server.asked == [1, 2]
    assert ids(step(mode, walk)) == ["m2-1", "m2-2"]
    close(mode, walk)
    mode.shut(client)


def test_without_read_ahead_the_next_page_waits_for_the_caller(mode: ModeDriver) -> None:
    server = Server(mode)
    client = server.client()
    walk = client.members.pages("1")
    step(mode, walk)
    time.sleep(0.05)  # room for a request that must not be sent
    assert server.asked == [1]
    close(mode, walk)
    mode.shut(client)


def test_closing_a_walk_early_does_not_wait_for_the_request_ahead(mode: ModeDriver) -> None:
    server = Server(mode, hold=2)
    client = server.client()
    walk = client.members.pages("1", read_ahead=True)
    step(mode, walk)
    assert server.asked_event[2].wait(WAIT)  # page 2 is in flight, held by the server
    started = time.monotonic()
    close(mode, walk)
    assert time.monotonic() - started < WAIT / 2  # closed while page 2 was still held
    assert 2 not in server.finished
    server.release.set()
    mode.shut(client)
    assert server.asked == [1, 2]  # nothing past the request that was ahead


def test_a_failing_page_ahead_raises_when_that_page_is_asked_for(mode: ModeDriver) -> None:
    def answer(number: int) -> httpx.Response:
        if number == 2:
            return httpx.Response(404, json={"errors": [{"status": "404", "detail": "gone"}]})
        return httpx.Response(200, content=body(number))

    server = Server(mode, answer=answer)
    client = server.client(max_retries=0)
    walk = client.members.pages("1", read_ahead=True)
    assert ids(step(mode, walk)) == ["m1-1", "m1-2"]  # page 1 arrives whole, before page 2's error
    with pytest.raises(errors.NotFoundError):
        step(mode, walk)
    mode.shut(client)


def test_a_cursor_that_cannot_be_sent_still_hands_over_its_page_first(mode: ModeDriver) -> None:
    server = Server(mode, answer=lambda number: httpx.Response(200, content=body(number, cursor="\ud800")))
    client = server.client()
    walk = client.members.pages("1", read_ahead=True)
    assert ids(step(mode, walk)) == ["m1-1", "m1-2"]
    with pytest.raises(errors.ResponseValidationError, match="next-page cursor") as info:
        step(mode, walk)
    assert info.value.__context__ is None
    assert server.asked == [1]  # nothing was sent with the bad cursor
    mode.shut(client)


def test_a_repeated_page_stops_the_walk_with_read_ahead_too(mode: ModeDriver) -> None:
    # Page 2 answers with page 1's members under a new cursor: the walk ends after page 1.
    server = Server(mode, answer=lambda number: httpx.Response(200, content=body(1, cursor=f"c{number + 1}")))
    client = server.client()
    pages = mode.collect(client.members.pages("1", read_ahead=True))
    assert [ids(page) for page in pages] == [["m1-1", "m1-2"]]
    assert server.asked == [1, 2]
    mode.shut(client)
