"""Issue 21: a next-page cursor that cannot be sent back is the server's bad data, a typed error.

Path ids were checked before sending (patreon_runtime.path_ids); cursors, which come from the
server, were not: a next cursor of "\\ud800" (a lone surrogate, valid in JSON text) made `iterate()`
raise UnicodeEncodeError while the next request was built. It runs on both clients (`mode`); the
check is in patreon_runtime.pagination, which both builds share.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from patreon_generated import AsyncPatreon, Patreon, errors
from tests.modes import ModeDriver

from .mock_api import Recorder, resource


def page_with(
    items: list[str], meta: dict[str, Any] | None = None, links: dict[str, Any] | None = None
) -> bytes:
    body: dict[str, Any] = {"data": [resource("member", item) for item in items]}
    if meta is not None:
        body["meta"] = meta
    if links is not None:
        body["links"] = links
    return json.dumps(body).encode()  # ensure_ascii: a lone surrogate goes out as the escape \ud800


def cursor_page(cursor: str) -> bytes:
    return page_with(["m1"], meta={"pagination": {"cursors": {"next": cursor}}})


def iterate_all(mode: ModeDriver, *bodies: bytes) -> tuple[list[str], Recorder]:
    recorder = Recorder(*(httpx.Response(200, content=body) for body in bodies))
    client = mode.new((Patreon, AsyncPatreon), token="t", transport=recorder.transport())
    members = mode.collect(client.members.iterate("1"))
    return [member.id for member in members], recorder


@pytest.mark.parametrize("cursor", ["\ud800", "ok\udfffok", "\udbff\udc00"[::-1]])
def test_a_cursor_with_a_lone_surrogate_is_a_typed_error(mode: ModeDriver, cursor: str) -> None:
    recorder = Recorder(httpx.Response(200, content=cursor_page(cursor)))
    client = mode.new((Patreon, AsyncPatreon), token="t", transport=recorder.transport())
    with pytest.raises(errors.ResponseValidationError, match="next-page cursor") as info:
        mode.collect(client.members.iterate("1"))  # UnicodeEncodeError before
    assert info.value.__context__ is None
    assert len(recorder.requests) == 1  # nothing sent with it


def test_a_surrogate_in_a_next_link_cursor_is_a_typed_error(mode: ModeDriver) -> None:
    body = page_with(["m1"], links={"next": "https://www.patreon.com/api?page%5Bcursor%5D=\ud800"})
    recorder = Recorder(httpx.Response(200, content=body))
    client = mode.new((Patreon, AsyncPatreon), token="t", transport=recorder.transport())
    with pytest.raises(errors.ResponseValidationError, match="next-page cursor"):
        mode.collect(client.members.iterate("1"))


def test_a_cursor_past_the_length_limit_is_a_typed_error(mode: ModeDriver) -> None:
    recorder = Recorder(httpx.Response(200, content=cursor_page("c" * 100_000)))
    client = mode.new((Patreon, AsyncPatreon), token="t", transport=recorder.transport())
    with pytest.raises(errors.ResponseValidationError, match="next-page cursor"):
        mode.collect(client.members.iterate("1"))
    assert len(recorder.requests) == 1


def test_unusual_but_sendable_cursors_still_page(mode: ModeDriver) -> None:
    # Non-ASCII text, spaces and reserved characters are percent-encoded and sent back unchanged.
    cursor = "é ü/?&=[]+%\U0001f600"
    ids, recorder = iterate_all(mode, cursor_page(cursor), page_with(["m2"]))
    assert ids == ["m1", "m2"]
    assert recorder.requests[1].url.params["page[cursor]"] == cursor
