"""Read a response body with a cap on its decoded size, so a gzip bomb is refused, not inflated.

Why: httpx reads a whole body and inflates each network chunk in one `zlib` call with no output
limit, so a 284 KB gzip body became 300 MB in memory (issue 21); deflate compresses runs of one
byte about 1000:1. The senders ask httpx for the raw stream instead and decode it here, each
`decompress` call limited to `_PIECE` bytes of output, and stop as soon as the decoded body passes
`max_response_bytes`: memory stays within the cap plus one piece, whatever the ratio.

gzip and deflate (the encodings httpx asks for by default) and identity are decoded here; any
other encoding (br or zstd, when their packages are installed) goes through httpx's own decoder,
checked after each chunk. The body is stored where httpx's own `read()` puts it, so everything
after the send (`response.content`, `.json()`, the typed errors) sees an ordinary read response.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Callable, Iterator

import httpx

from . import errors

# The largest page Patreon sends (1000 members with every include) is a few megabytes; 64 MiB is
# ten times more than anything the sandbox's 10,000-member world produces on one page.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
_PIECE = 64 * 1024  # most output one decompress call may return


def too_large(limit: int) -> errors.ResponseTooLargeError:
    return errors.ResponseTooLargeError(
        f"the response body decodes to more than max_response_bytes={limit} bytes; refused before "
        "reading the rest (a larger limit is a client option)",
        limit=limit,
    )


def _undecodable(failure: zlib.error) -> errors.ResponseValidationError:
    # Raised by the caller outside `except`: no zlib error left behind as its context.
    return errors.ResponseValidationError(f"the response body could not be decoded: {failure}")


class _Inflater:
    """gzip or deflate with bounded output per call; deflate as zlib data, or raw as some servers send."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding in {"gzip", "x-gzip"}
        self._decoder = zlib.decompressobj(zlib.MAX_WBITS | 16 if self._gzip else zlib.MAX_WBITS)
        self._first = True

    def pieces(self, data: bytes) -> Iterator[bytes]:
        while True:
            try:
                piece = self._decoder.decompress(data, _PIECE)
            except zlib.error:
                if self._gzip or not self._first:
                    raise
                # The same fallback httpx's DeflateDecoder makes: raw deflate, no zlib header.
                self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                self._first = False
                continue
            self._first = False
            data = self._decoder.unconsumed_tail
            if piece:
                yield piece
            if not data and len(piece) < _PIECE:
                return

    def end(self) -> bytes:
        return self._decoder.flush()


def _inflater_for(response: httpx.Response) -> _Inflater | bool | None:
    """An inflater, None for identity, or False when httpx must decode (an encoding not handled here)."""
    values = [
        part.strip().lower() for part in response.headers.get_list("content-encoding", split_commas=True)
    ]
    values = [value for value in values if value and value != "identity"]
    if not values:
        return None
    if len(values) == 1 and values[0] in {"gzip", "x-gzip", "deflate"}:
        return _Inflater(values[0])
    return False


class _Body:
    """The decoded pieces so far, refusing any that would pass the limit.

    A list joined once at the end, as httpx's own read() does: a body that came in one chunk
    (an in-process transport, a small page) is kept as that chunk, not copied.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.pieces: list[bytes] = []

    def add(self, piece: bytes) -> None:
        self.size += len(piece)
        if self.size > self.limit:
            raise too_large(self.limit)
        self.pieces.append(piece)


def _already_read(response: httpx.Response, limit: int) -> bool:
    # An auth flow or a response hook may have read the body inside `send`: only check its size.
    try:
        content = response.content
    except httpx.ResponseNotRead:
        return False
    if len(content) > limit:
        raise too_large(limit)
    return True


def _finish(response: httpx.Response, body: _Body, inflater: _Inflater | None) -> None:
    if inflater is not None:
        failure: zlib.error | None = None
        try:
            rest = inflater.end()
        except zlib.error as exc:
            failure = exc
        if failure is not None:
            raise _undecodable(failure)
        body.add(rest)
    response._content = b"".join(body.pieces)  # where httpx's own read() keeps it


def _feed(body: _Body, inflater: _Inflater | None, chunk: bytes) -> None:
    if inflater is None:
        body.add(chunk)
        return
    failure: zlib.error | None = None
    pieces = inflater.pieces(chunk)
    while True:
        try:
            piece = next(pieces, None)
        except zlib.error as exc:
            failure = exc
            break
        if piece is None:
            break
        body.add(piece)
    if failure is not None:
        raise _undecodable(failure)


def read(response: httpx.Response, limit: int) -> None:
    """Read a streamed response's body, at most ``limit`` decoded bytes; ResponseTooLargeError past it.

    httpx's transport errors pass through (the sender retries them); the response is closed.
    """
    try:
        if _already_read(response, limit):
            return
        body = _Body(limit)
        inflater = _inflater_for(response)
        chunks: Callable[[], Iterator[bytes]] = (
            response.iter_bytes if inflater is False else response.iter_raw
        )
        decoder = inflater if isinstance(inflater, _Inflater) else None
        for chunk in chunks():
            _feed(body, decoder, chunk)
        _finish(response, body, decoder)
    finally:
        response.close()


async def aread(response: httpx.Response, limit: int) -> None:
    """`read` for an async response."""
    try:
        if _already_read(response, limit):
            return
        body = _Body(limit)
        inflater = _inflater_for(response)
        chunks: Callable[[], AsyncIterator[bytes]] = (
            response.aiter_bytes if inflater is False else response.aiter_raw
        )
        decoder = inflater if isinstance(inflater, _Inflater) else None
        async for chunk in chunks():
            _feed(body, decoder, chunk)
        _finish(response, body, decoder)
    finally:
        await response.aclose()


__all__ = ["DEFAULT_MAX_RESPONSE_BYTES", "aread", "read", "too_large"]
