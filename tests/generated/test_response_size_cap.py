"""Issue 21: a body that decodes past `max_response_bytes` is refused while it is read, in bounded memory.

Before the fix a 284 KB gzip body inflated to 300 MB in memory: httpx read the whole response and
inflated each network chunk without an output limit. The bomb here is served in 64 KiB network
chunks through a mock transport, and tracemalloc measures the peak memory of the call.
"""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from patreon_generated import AsyncPatreon, Patreon, errors
from patreon_runtime.body_limit import DEFAULT_MAX_RESPONSE_BYTES
from tests.modes import ModeDriver

from .mock_api import Recorder

MiB = 1024 * 1024
BOMB_DECODED = 300 * MiB  # the size the issue measured
USER = b'{"data":{"type":"user","id":"1","attributes":{"full_name":"Ada"}}}'


class Chunked(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body arriving in network-sized chunks, as from a socket (never held decoded)."""

    def __init__(self, body: bytes, size: int = 64 * 1024) -> None:
        self.body = body
        self.size = size

    def __iter__(self) -> Iterator[bytes]:
        for start in range(0, len(self.body), self.size):
            yield self.body[start : start + self.size]

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """300 MB of JSON whitespace inside a gzip body of about 300 KB, compressed piece by piece."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    parts = [packer.compress(b'{"data":{"type":"user","id":"1"},"pad":"')]
    block = b" " * MiB
    parts += [packer.compress(block) for _ in range(BOMB_DECODED // MiB)]
    parts.append(packer.compress(b'"}') + packer.flush())
    return b"".join(parts)


def serving(body: bytes, status: int = 200, encoding: str | None = "gzip") -> Recorder:
    headers = {"Content-Type": "application/vnd.api+json"}
    if encoding is not None:
        headers["Content-Encoding"] = encoding
    return Recorder(lambda request: httpx.Response(status, headers=headers, stream=Chunked(body)))


def client_for(mode: ModeDriver, recorder: Recorder, **options: Any) -> Any:
    return mode.new(
        (Patreon, AsyncPatreon), token="t", transport=recorder.transport(), retry_backoff=0.001, **options
    )


def peak_of(mode: ModeDriver, call: Any) -> tuple[BaseException | None, int]:
    tracemalloc.start()
    try:
        try:
            mode.run(call())
            failure: BaseException | None = None
        except errors.PatreonError as exc:
            failure = exc
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return failure, peak


def test_the_bomb_is_what_the_issue_describes(bomb: bytes) -> None:
    assert len(bomb) < 400 * 1024  # a few hundred KB on the wire
    assert zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(bomb, 1024).startswith(b'{"data"')


def test_a_gzip_bomb_is_refused_at_the_default_cap_in_bounded_memory(mode: ModeDriver, bomb: bytes) -> None:
    recorder = serving(bomb)
    client = client_for(mode, recorder)
    failure, peak = peak_of(mode, lambda: client.identity.get())
    assert isinstance(failure, errors.ResponseTooLargeError), failure
    assert isinstance(failure, errors.ResponseValidationError)  # existing handlers catch it
    assert failure.limit == DEFAULT_MAX_RESPONSE_BYTES == 64 * MiB
    assert "max_response_bytes=67108864" in str(failure)
    assert peak < DEFAULT_MAX_RESPONSE_BYTES + 16 * MiB, f"peak {peak / MiB:.0f} MiB"
    assert len(recorder.requests) == 1  # not retried


def test_a_smaller_cap_bounds_memory_to_it(mode: ModeDriver, bomb: bytes) -> None:
    client = client_for(mode, serving(bomb), max_response_bytes=4 * MiB)
    failure, peak = peak_of(mode, lambda: client.identity.get())
    assert isinstance(failure, errors.ResponseTooLargeError) and failure.limit == 4 * MiB
    assert peak < 12 * MiB, f"peak {peak / MiB:.1f} MiB"
    # A copy made for some calls keeps the cap.
    failure, peak = peak_of(mode, lambda: client.with_options(timeout=5).identity.get())
    assert isinstance(failure, errors.ResponseTooLargeError) and failure.limit == 4 * MiB


@pytest.mark.parametrize("status", [404, 500])
def test_an_error_body_is_capped_too(mode: ModeDriver, bomb: bytes, status: int) -> None:
    recorder = serving(bomb, status=status)
    client = client_for(mode, recorder, max_response_bytes=MiB, max_retries=0)
    failure, _ = peak_of(mode, lambda: client.identity.get())
    assert isinstance(failure, errors.ResponseTooLargeError)
    assert len(recorder.requests) == 1


def deflate_raw(body: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(body) + packer.flush()


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),  # zlib data, as the HTTP spec says
        ("deflate", deflate_raw),  # raw deflate, as some servers send
        ("identity", lambda body: body),
        (None, lambda body: body),
    ],
)
def test_bodies_under_the_cap_decode_as_before(mode: ModeDriver, encoding: str | None, encode: Any) -> None:
    padded = USER[:-1] + b',"meta":{"pad":"' + b"x" * 200_000 + b'"}}'  # several decompress pieces
    client = client_for(mode, serving(encode(padded), encoding=encoding), max_response_bytes=len(padded))
    doc = mode.run(client.identity.get())
    assert doc.data.attributes.full_name == "Ada" and len(doc.meta["pad"]) == 200_000


def test_the_cap_is_on_decoded_bytes_exactly(mode: ModeDriver) -> None:
    client = client_for(mode, serving(gzip.compress(USER)), max_response_bytes=len(USER) - 1)
    with pytest.raises(errors.ResponseTooLargeError):
        mode.run(client.identity.get())
    client = client_for(mode, serving(USER, encoding=None), max_response_bytes=len(USER) - 1)
    with pytest.raises(errors.ResponseTooLargeError):
        mode.run(client.identity.get())


def test_an_encoding_httpx_decodes_is_checked_per_chunk(mode: ModeDriver) -> None:
    # Two gzip layers: decoded by httpx (not here), still refused past the cap.
    body = gzip.compress(gzip.compress(USER[:-1] + b',"pad":"' + b" " * (2 * MiB) + b'"}'))
    client = client_for(mode, serving(body, encoding="gzip, gzip"), max_response_bytes=MiB)
    with pytest.raises(errors.ResponseTooLargeError):
        mode.run(client.identity.get())
    client = client_for(mode, serving(gzip.compress(gzip.compress(USER)), encoding="gzip, gzip"))
    assert mode.run(client.identity.get()).data.id == "1"


def test_a_corrupt_gzip_body_is_a_typed_error_with_no_zlib_context(mode: ModeDriver) -> None:
    body = gzip.compress(USER)
    corrupt = body[:12] + bytes(b ^ 0xFF for b in body[12:20]) + body[20:]
    client = client_for(mode, serving(corrupt), max_retries=0)
    with pytest.raises(errors.ResponseValidationError, match="could not be decoded") as info:
        mode.run(client.identity.get())
    assert info.value.__context__ is None and info.value.__cause__ is None
