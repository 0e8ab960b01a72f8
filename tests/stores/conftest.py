"""Fixtures for the store tests: a real redis-server and a real loopback HTTP token server."""

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
from typing import TYPE_CHECKING

import pytest

from ._helpers import free_port

if TYPE_CHECKING:
    import redis
    import redis.asyncio


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


class TokenServer(ThreadingHTTPServer):
    """A loopback token server: GET/PUT one JSON body, with knobs to fail."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _TokenHandler)
        self.body: bytes | None = None
        self.get_status: int | None = None  # answer GET with this status instead
        self.put_status: int | None = None  # answer PUT with this status and store nothing
        self.get_body: bytes | None = None  # answer GET 200 with this body instead
        self.seen_headers: list[dict[str, str]] = []
        self.puts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/token"


class _TokenHandler(BaseHTTPRequestHandler):
    server: TokenServer

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean

    def _answer(self, status: int, body: bytes = b"") -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        server = self.server
        server.seen_headers.append(dict(self.headers))
        if server.get_status is not None:
            self._answer(server.get_status, b'{"error": "nope"}')
        elif server.get_body is not None:
            self._answer(200, server.get_body)
        elif server.body is None:
            self._answer(404)
        else:
            self._answer(200, server.body)

    def do_PUT(self) -> None:
        server = self.server
        server.seen_headers.append(dict(self.headers))
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if server.put_status is not None:
            self._answer(server.put_status)
            return
        server.body = body
        server.puts += 1
        self._answer(204)


@pytest.fixture
def token_server() -> Iterator[TokenServer]:
    server = TokenServer()
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
