"""Fixtures for the store tests: a real redis-server (also as a client of the `mode`'s flavour) and
a real loopback HTTP token server."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.modes import ModeDriver

from ._helpers import free_port

if TYPE_CHECKING:
    import redis
    import redis.asyncio

    from tests.stores.test_faults import RedisProcess


@pytest.fixture(scope="session")
def redis_port() -> Iterator[int]:
    """A real redis-server on a free loopback port, without persistence, for the whole session."""
    binary = shutil.which("redis-server")
    if binary is None:
        reason = "redis-server is not installed (apt-get install redis-server); Redis store tests need it"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_ping(port, process)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for_ping(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"redis-server exited with code {process.returncode} before answering PING")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            if sock.recv(16).startswith(b"+PONG"):
                return
        time.sleep(0.02)
    pytest.fail("redis-server did not answer PING within 10 s")


@pytest.fixture
def redis_client(redis_port: int) -> Iterator[redis.Redis]:
    import redis

    client = redis.Redis(host="127.0.0.1", port=redis_port)
    client.flushdb()
    yield client
    client.close()


@pytest.fixture
async def async_redis_client(redis_port: int) -> AsyncIterator[redis.asyncio.Redis]:
    import redis.asyncio

    client = redis.asyncio.Redis(host="127.0.0.1", port=redis_port)
    await client.flushdb()
    yield client
    await client.aclose()


@pytest.fixture
def mode_redis(mode: ModeDriver, redis_port: int) -> Iterator[Any]:
    """A client of the mode's flavour (redis.Redis or redis.asyncio.Redis) on an empty database;
    call it through `mode.run(...)`."""
    import redis
    import redis.asyncio

    client = mode.new((redis.Redis, redis.asyncio.Redis), host="127.0.0.1", port=redis_port)
    mode.run(client.flushdb())
    yield client
    mode.run(client.aclose() if mode.is_async else client.close())


class TokenServer(ThreadingHTTPServer):
    """A loopback token server: GET/PUT one JSON body, with knobs to fail the ways servers do.

    With ``etags`` on (the default) it answers an ETag and honours If-Match / If-None-Match
    (RFC 9110 section 13.1), so PUTs are compare-and-set; with it off it is a plain blob store.
    """

    daemon_threads = True

    def __init__(self, *, etags: bool = True) -> None:
        super().__init__(("127.0.0.1", 0), _TokenHandler)
        self.etags = etags
        self.body: bytes | None = None
        self.version = 0
        self.get_status: int | None = None  # answer GET with this status instead
        self.put_status: int | None = None  # answer PUT with this status and store nothing
        self.get_body: bytes | None = None  # answer GET 200 with this body instead
        self.get_encoding: str | None = None  # ...sent with this Content-Encoding (a gzip bomb)
        self.put_answer_body: bytes | None = None  # apply the next PUTs, then answer 200 with this body
        self.put_encoding: str | None = None
        self.apply_then_status: int | None = None  # apply the next PUT, then answer this status
        self.apply_then_stall = 0.0  # apply the next PUT, then stall this long before answering
        self.delay = 0.0  # answer every request this much later (a slow server)
        self.seen_headers: list[dict[str, str]] = []
        self.puts = 0
        self.guard = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/token"

    weak = False  # answer W/"..." ETags, which If-Match never matches (RFC 9110 13.1.1)

    @property
    def etag(self) -> str:
        return f'{"W/" if self.weak else ""}"v{self.version}"'

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that timed out closed the socket under a stalled answer: expected here


class _TokenHandler(BaseHTTPRequestHandler):
    server: TokenServer

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean

    def _answer(
        self, status: int, body: bytes = b"", etag: str | None = None, encoding: str | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        if encoding is not None:
            self.send_header("Content-Encoding", encoding)
        if etag is not None:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        server = self.server
        time.sleep(server.delay)
        server.seen_headers.append(dict(self.headers))
        if server.get_status is not None:
            self._answer(server.get_status, b'{"error": "nope"}')
        elif server.get_body is not None:
            self._answer(200, server.get_body, encoding=server.get_encoding)
        elif server.body is None:
            self._answer(404)
        else:
            self._answer(200, server.body, server.etag if server.etags else None)

    def do_PUT(self) -> None:
        server = self.server
        time.sleep(server.delay)
        server.seen_headers.append(dict(self.headers))
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if server.put_status is not None:
            self._answer(server.put_status)
            return
        with server.guard:
            if server.etags and not self._preconditions_hold():
                self._answer(412)
                return
            server.body = body
            server.version += 1
            server.puts += 1
            etag = server.etag if server.etags else None
            stall, server.apply_then_stall = server.apply_then_stall, 0.0
            status, server.apply_then_status = server.apply_then_status, None
        if stall:
            time.sleep(stall)  # applied; the client gives up waiting for the answer
        if server.put_answer_body is not None:
            self._answer(200, server.put_answer_body, etag=etag, encoding=server.put_encoding)
            return
        self._answer(status or 204, etag=etag)

    def _preconditions_hold(self) -> bool:
        server = self.server
        if_match = self.headers.get("If-Match")
        if if_match is not None:
            # Strong comparison: a weak ETag never matches.
            return server.body is not None and if_match == server.etag and not server.weak
        if self.headers.get("If-None-Match") == "*":
            return server.body is None
        return True


@contextlib.contextmanager
def serving(server: TokenServer) -> Iterator[TokenServer]:
    """Run ``server`` in a thread for the block."""
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def token_server() -> Iterator[TokenServer]:
    with serving(TokenServer()) as server:
        yield server


@pytest.fixture
def plain_token_server() -> Iterator[TokenServer]:
    """A server without ETags: the store falls back to read-back-and-compare."""
    with serving(TokenServer(etags=False)) as server:
        yield server


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisProcess]:
    """A redis-server of this test's own, which the test may kill and restart (not the session's)."""
    from tests.stores.test_faults import RedisProcess as Process  # a test module: loaded when used

    server = Process(tmp_path, persistent=False)
    server.start()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture(autouse=True)
def private_state_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's own ``$XDG_STATE_HOME``: the default rescue files of SQL stores (and FileStore's
    fallback) land there, never in the home directory of whoever runs the suite. Worker processes
    the test starts inherit it."""
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    return state
