"""HTTPStore and AsyncHTTPStore against a real loopback HTTP server.

A scenario both flavours share is written once and runs under the `mode` fixture (tests/modes.py)."""

from __future__ import annotations

import json
import tracemalloc
import zlib

import httpx
import pytest

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores import AsyncHTTPStore, HTTPStore, StaleTokenError
from tests.modes import ModeDriver

from ._helpers import free_port, make_token
from .conftest import TokenServer

HEADERS = {"Authorization": "Bearer SECRET-HEADER"}
HTTP = (HTTPStore, AsyncHTTPStore)


def _assert_clean(message: str) -> None:
    assert "SECRET" not in message


def test_round_trip(mode: ModeDriver, token_server: TokenServer) -> None:
    with mode.store(HTTP, token_server.url, headers=HEADERS) as store:
        assert store.get() is None
        store.put(make_token())
        assert json.loads(token_server.body or b"") == make_token().to_dict()
        assert store.get() == make_token()
    assert all(seen["Authorization"] == "Bearer SECRET-HEADER" for seen in token_server.seen_headers)


@pytest.mark.parametrize(
    ("get_status", "get_body", "match"),
    [
        (500, None, "HTTP 500"),
        (503, None, "HTTP 503"),
        (None, b"{not json", "not JSON"),
        (None, b'{"nope": 1}', "malformed"),
        (None, b"[]", "not hold a token"),
    ],
)
def test_bad_answers_raise_and_keep_the_last_token(
    mode: ModeDriver, token_server: TokenServer, get_status: int | None, get_body: bytes | None, match: str
) -> None:
    with mode.store(HTTP, token_server.url, headers=HEADERS) as store:
        store.put(make_token())
        token_server.get_status, token_server.get_body = get_status, get_body
        with pytest.raises(TokenStoreError, match=match) as info:
            store.get()
        _assert_clean(str(info.value))
        assert store.last_token == make_token()


@pytest.mark.parametrize("status", [502, 500])
def test_failed_put_keeps_the_new_token_until_it_is_written(
    mode: ModeDriver, token_server: TokenServer, status: int
) -> None:
    with mode.store(HTTP, token_server.url, headers=HEADERS) as store:
        store.put(make_token("old"))
        token_server.put_status = status
        with pytest.raises(TokenStoreError, match=f"HTTP {status}; the token may not be stored") as info:
            store.put(make_token("new"))
        _assert_clean(str(info.value))
        # The server still has the old token, but this process never goes back to it.
        assert store.get() == make_token("new")
        assert json.loads(token_server.body or b"") == make_token("old").to_dict()
        token_server.put_status = None
        assert store.get() == make_token("new")
        assert json.loads(token_server.body or b"") == make_token("new").to_dict()


def test_unreachable_server(mode: ModeDriver) -> None:
    url = f"http://user:SECRET-PASSWORD@127.0.0.1:{free_port()}/token?key=SECRET-QUERY"
    with mode.store(HTTP, url, headers=HEADERS, timeout=2) as store:
        with pytest.raises(TokenStoreError, match="ConnectError") as info:
            store.get()
        _assert_clean(str(info.value))
        with pytest.raises(TokenStoreError, match="ConnectError") as info:
            store.put(make_token())
        _assert_clean(str(info.value))
        assert store.get() == make_token()  # kept in memory while the server is unreachable
        assert store.last_token == make_token()


def test_repr_masks_headers_and_url_credentials() -> None:
    url = "https://user:SECRET-PASSWORD@tokens.example/t?key=SECRET-QUERY"
    for store in (HTTPStore(url, headers=HEADERS), AsyncHTTPStore(url, headers=HEADERS)):
        text = repr(store)
        _assert_clean(text)
        assert "https://tokens.example/t" in text
        assert "Authorization" in text


def test_own_client_or_transport(mode: ModeDriver, token_server: TokenServer) -> None:
    client = mode.new((httpx.Client, httpx.AsyncClient), headers={"X-From-Client": "yes"})
    store = mode.store(HTTP, token_server.url, client=client)
    store.put(make_token())
    store.close()  # not ours to close
    assert not client.is_closed
    assert store.get() == make_token()
    mode.run(client.aclose() if mode.is_async else client.close())
    assert token_server.seen_headers[0]["X-From-Client"] == "yes"
    transport = (httpx.HTTPTransport, httpx.AsyncHTTPTransport)
    with mode.store(HTTP, token_server.url, transport=mode.new(transport, retries=1)) as store:
        assert store.get() == make_token()
    with pytest.raises(ValueError, match="not both"):
        mode.store(
            HTTP,
            token_server.url,
            client=mode.new((httpx.Client, httpx.AsyncClient)),
            transport=mode.new(transport),
        )


# --- compare-and-set over HTTP (issue 10 item 1) ------------------------------------------------


def test_puts_are_conditional_on_the_etag_read(mode: ModeDriver, token_server: TokenServer) -> None:
    first, second = mode.store(HTTP, token_server.url), mode.store(HTTP, token_server.url)
    first.put(make_token("a"))  # over nothing: If-None-Match: *
    assert token_server.seen_headers[-1].get("If-None-Match") == "*"
    assert first.get() == second.get() == make_token("a")
    first.put(make_token("b"))
    assert token_server.seen_headers[-1].get("If-Match") == '"v1"'
    with pytest.raises(StaleTokenError, match="412") as info:
        second.put(make_token("stale"))
    assert "SECRET" not in str(info.value)
    assert json.loads(token_server.body or b"") == make_token("b").to_dict()
    second.replace(make_token("portal"))
    mode.store(HTTP, token_server.url).compare_and_set(make_token("portal"), make_token("c"))
    assert first.get() == make_token("c")


def test_without_etags_the_store_reads_back_before_writing(plain_token_server: TokenServer) -> None:
    first, second = HTTPStore(plain_token_server.url), HTTPStore(plain_token_server.url)
    first.put(make_token("a"))
    assert first.get() == second.get() == make_token("a")
    first.put(make_token("b"))
    with pytest.raises(StaleTokenError, match="another token"):
        second.put(make_token("stale"))
    assert json.loads(plain_token_server.body or b"") == make_token("b").to_dict()
    second.replace(make_token("portal"))
    assert first.get() == make_token("portal")


def test_a_key_deleted_on_the_server_accepts_the_next_write(token_server: TokenServer) -> None:
    store = HTTPStore(token_server.url)
    store.put(make_token("a"))
    token_server.body = None  # the server lost it (If-Match then fails with 412)
    store.put(make_token("b"))
    assert HTTPStore(token_server.url).get() == make_token("b")


def test_weak_etags_fall_back_to_reading_back(token_server: TokenServer) -> None:
    token_server.weak = True
    first, second = HTTPStore(token_server.url), HTTPStore(token_server.url)
    first.put(make_token("a"))
    assert first.get() == second.get() == make_token("a")
    first.put(make_token("b"))  # would be 412 forever if the weak ETag were sent in If-Match
    assert "If-Match" not in token_server.seen_headers[-1]
    with pytest.raises(StaleTokenError):
        second.put(make_token("stale"))
    assert HTTPStore(token_server.url).get() == make_token("b")


# --- a body that decodes past the cap (a gzip bomb) is refused while it is read ------------------

MiB = 1024 * 1024


def gzip_bomb(decoded: int = 64 * MiB) -> bytes:
    """``decoded`` bytes of JSON whitespace in a gzip body of about a thousandth of that."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    parts = [packer.compress(b'{"access_token": "')]
    parts += [packer.compress(b" " * MiB) for _ in range(decoded // MiB)]
    parts.append(packer.compress(b'"}') + packer.flush())
    return b"".join(parts)


def test_a_token_record_that_inflates_past_a_megabyte_is_refused_in_bounded_memory(
    mode: ModeDriver, token_server: TokenServer
) -> None:
    with mode.store(HTTP, token_server.url, headers=HEADERS) as store:
        store.put(make_token())
        token_server.get_body, token_server.get_encoding = gzip_bomb(), "gzip"
        tracemalloc.start()
        try:
            with pytest.raises(TokenStoreError, match="larger than 1048576 bytes") as info:
                store.get()
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 16 * MiB  # 64 MiB decoded before the cap
        _assert_clean(str(info.value))
        assert info.value.__context__ is None
        assert store.last_token == make_token()


def test_a_put_answered_with_a_bomb_keeps_the_new_token(mode: ModeDriver, token_server: TokenServer) -> None:
    with mode.store(HTTP, token_server.url, headers=HEADERS) as store:
        store.put(make_token("old"))
        token_server.put_answer_body, token_server.put_encoding = gzip_bomb(8 * MiB), "gzip"
        with pytest.raises(TokenStoreError, match="larger than 1048576 bytes"):
            store.put(make_token("new"))
        # Whether or not the server kept it, this process never goes back to the old token.
        assert store.last_token == make_token("new")
        token_server.put_answer_body = None
        assert store.get() == make_token("new")
