"""The sandbox over real HTTP: an ASGI app on the core handler, served by uvicorn (extra `sandbox`).

A dropped-connection fault starts a response and then aborts it, so the client sees the peer
close mid-message, as with a real reset (the ASGI interface has no way to close a socket bare).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from patreon_sandbox.handler import SandboxRequest

if TYPE_CHECKING:
    from patreon_sandbox.sandbox import Sandbox

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class DroppedConnection(Exception):
    """Raised inside the ASGI app to make the server abort the connection (a `drop` fault)."""


class _HideDrops(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], DroppedConnection))


def make_app(sandbox: Sandbox) -> ASGIApp:
    """The ASGI app serving `sandbox` (the API, OAuth, and GET /_sandbox/stats)."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        body = bytearray()
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host") or "{}:{}".format(*scope.get("server") or ("127.0.0.1", 80))
        raw_path = scope.get("raw_path") or scope["path"].encode()
        query = scope.get("query_string", b"")
        url = f"{scope.get('scheme', 'http')}://{host}{raw_path.decode('latin-1')}"
        if query:
            url += "?" + query.decode("latin-1")
        request = SandboxRequest(scope["method"], url, headers, bytes(body))
        # The core takes a lock other threads may hold (trigger(), deliveries): keep the loop free.
        response = await asyncio.to_thread(sandbox.handle, request)
        if response.delay > 0:
            await asyncio.sleep(response.delay)
        if response.drop:
            await send(
                {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"4096")]}
            )
            await send({"type": "http.response.body", "body": b"{", "more_body": True})
            raise DroppedConnection("sandbox fault: connection dropped")
        raw_headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in response.headers]
        raw_headers.append((b"content-length", str(len(response.body)).encode()))
        await send({"type": "http.response.start", "status": response.status, "headers": raw_headers})
        await send({"type": "http.response.body", "body": response.body})
        if response.flush_webhooks:
            await asyncio.to_thread(sandbox.flush_webhooks, response.flush_webhooks)

    return app


def bind(host: str, port: int) -> socket.socket:
    """A listening socket (port 0 picks a free one), so the URL is known before serving starts."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit this: without it a response written in two parts waits for the
    # client's delayed ACK (Nagle), about 40 ms a request on Linux loopback.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(128)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def _server(sandbox: Sandbox, log_level: str) -> Any:
    try:
        import uvicorn
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("serving needs uvicorn: pip install 'patreonkit[sandbox]'") from exc
    logging.getLogger("uvicorn.error").addFilter(_HideDrops())
    config = uvicorn.Config(make_app(sandbox), log_level=log_level, access_log=False, lifespan="off")
    return uvicorn.Server(config)


def serve_forever(sandbox: Sandbox, sock: socket.socket, *, log_level: str = "warning") -> None:
    """Serve on an already bound socket until interrupted."""
    _server(sandbox, log_level).run(sockets=[sock])


@contextmanager
def serve_in_thread(sandbox: Sandbox, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve on loopback in a background thread; yields the base URL and stops on exit."""
    sock = bind(host, port)
    server = _server(sandbox, "warning")
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="patreon-sandbox", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + 10.0
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            raise RuntimeError("the sandbox server did not start")
        time.sleep(0.01)
    base_url = url_of(sock)
    sandbox.served_url = base_url
    try:
        yield base_url
    finally:
        sandbox.served_url = None
        server.should_exit = True
        thread.join(timeout=10.0)
        sock.close()
