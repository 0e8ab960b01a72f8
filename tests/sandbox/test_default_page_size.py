"""`pages()` and `iterate()` without `count` ask for the largest page the spec allows.

Patreon's own default is 20 members a page: the README's `iterate()` over 2,500 members took 126
requests and ran into the rate limit (100 requests / 2 s per client [PD _rate_limits.md]). The
sandbox here keeps its default rate limits on, as Patreon does, and counts what it served. A
scenario both clients share runs under the `mode` fixture (tests/modes.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from patreon_generated import AsyncPatreon, Patreon
from patreon_runtime.pagination import largest_page
from patreon_sandbox import Sandbox
from tests.modes import ModeDriver

MEMBERS = 2500


class Recording(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The sandbox's transport (sync or async), noting each request's `page[count]` (None when not sent)."""

    def __init__(self, inner: httpx.BaseTransport | httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.counts: list[str | None] = []

    def _note(self, request: httpx.Request) -> None:
        query = parse_qs(urlsplit(str(request.url)).query)
        sent = query.get("page[count]")
        self.counts.append(sent[0] if sent else None)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._note(request)
        assert isinstance(self.inner, httpx.BaseTransport)
        return self.inner.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._note(request)
        assert isinstance(self.inner, httpx.AsyncBaseTransport)
        return await self.inner.handle_async_request(request)


@pytest.fixture(scope="module")
def world() -> Iterator[Sandbox]:
    with Sandbox(seed=11, members=MEMBERS) as sandbox:  # default rate limits: on
        yield sandbox


def client_on(sandbox: Sandbox, transport: httpx.BaseTransport, flavour: type[Any] = Patreon) -> Any:
    return flavour(
        token=sandbox.creator_token().access_token,
        transport=transport,
        base_url=sandbox.base_url,
        max_retries=0,  # a 429 would fail the test instead of being waited out
    )


def test_iterate_without_count_takes_three_requests_for_2500_members(
    mode: ModeDriver, world: Sandbox
) -> None:
    recording = Recording(mode.pick(world.transport(), world.async_transport()))
    before_api, before_limited = world.stats.api_requests, world.stats.rate_limited
    before_route = world.stats.by_route.get("list_campaign_members", 0)
    client = mode.new((client_on, client_on), world, recording, mode.pick(Patreon, AsyncPatreon))
    with mode.using(client):
        ids = [member.id for member in mode.collect(client.members.iterate(world.campaign_id))]
    assert len(ids) == MEMBERS and set(ids) == set(world.member_ids)
    assert world.stats.api_requests - before_api == 3  # 1000 + 1000 + 500, not 126 pages of 20
    assert world.stats.by_route["list_campaign_members"] - before_route == 3
    assert world.stats.rate_limited == before_limited
    assert recording.counts == ["1000", "1000", "1000"]


def test_pledge_history_lowers_the_default_to_500(world: Sandbox) -> None:
    recording = Recording(world.transport())
    with client_on(world, recording) as client:
        pages = list(client.members.pages(world.campaign_id, include=["pledge_history"]))
    assert [len(page.data) for page in pages] == [500] * 5
    assert recording.counts == ["500"] * 5  # asked for, not just capped by the server


def test_include_all_defaults_to_the_lowest_limit(world: Sandbox) -> None:
    recording = Recording(world.transport())
    with client_on(world, recording) as client:
        first = next(iter(client.members.pages(world.campaign_id, include="all")))
    assert len(first.data) == 500
    assert recording.counts == ["500"]


def test_an_explicit_count_is_kept(world: Sandbox) -> None:
    recording = Recording(world.transport())
    with client_on(world, recording) as client:
        first = next(iter(client.members.pages(world.campaign_id, count=7)))
    assert len(first.data) == 7
    assert recording.counts == ["7"]


def test_list_still_sends_no_count(world: Sandbox) -> None:
    """One page on request keeps Patreon's default: only the walkers change."""
    recording = Recording(world.transport())
    with client_on(world, recording) as client:
        client.members.list(world.campaign_id)
    assert recording.counts == [None]


@pytest.mark.parametrize(
    ("include", "expected"),
    [
        (None, 1000),
        ([], 1000),
        (["user"], 1000),
        (["user", "pledge_history"], 500),
        (["pledge_history.tier"], 500),  # a path counts by its first step
        ("all", 500),  # include="all" includes pledge_history
    ],
)
def test_largest_page_follows_the_spec_caps(include: list[str] | str | None, expected: int) -> None:
    assert largest_page(1000, {"pledge_history": 500}, include) == expected


def test_largest_page_is_none_when_the_spec_sets_no_maximum() -> None:
    assert largest_page(None, {}, ["user"]) is None
