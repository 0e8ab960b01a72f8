"""The sandbox over real HTTP: an ASGI app on the core handler, served by uvicorn (extra `sandbox`).

A dropped-connection fault starts a response and then aborts it, so the client sees the peer
close mid-message, as with a real reset (the ASGI interface has no way to close a socket bare).

Served, the sandbox is reachable from a developer's browser, and the control API mints tokens and
changes the world: two checks come before any handling (issue 21). A `Host` that names neither
loopback, nor the address the request came in on, nor a host allowed by name is refused, so a web
page whose domain was re-pointed at 127.0.0.1 (DNS rebinding) cannot read or drive the sandbox.
And a state-changing request to the control API or the consent page from another site
(`Sec-Fetch-Site`, `Origin`) is refused, so a page cannot post to it from the browser (CSRF).
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from patreon_sandbox.control import is_control_path
from patreon_sandbox.handler import JSON_TYPE, SandboxRequest

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


# Names that always mean this machine: browsers resolve `localhost` and `*.localhost` to loopback
# themselves, so no DNS answer can point them elsewhere [RFC 6761 §6.3].
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CONSENT_PREFIX = "/oauth2/"  # the authorize (consent) page and its form's POST
SAME_SITE = frozenset({"same-origin", "none"})  # Sec-Fetch-Site values of a request not made by another site


def _host_name(host: str) -> str | None:
    """The lowercase name in a Host header ('[::1]:8765' gives '::1'), or None when it is not one."""
    try:
        parts = urlsplit("//" + host)
        name = parts.hostname
        parts.port  # noqa: B018  (a port that is not a number raises ValueError)
    except ValueError:
        return None
    return name.rstrip(".") if name else None


def host_refusal(headers: dict[str, str], scope: Scope, allowed_hosts: frozenset[str]) -> str | None:
    """Why a request's Host is refused, or None: loopback, the local address, or an allowed name."""
    host = headers.get("host")
    name = _host_name(host) if host is not None else None
    served = (scope.get("server") or (None,))[0]  # the address the connection came in on (an IP, served)
    if name is not None and (
        name in LOOPBACK_NAMES or name.endswith(".localhost") or name == served or name in allowed_hosts
    ):
        return None
    return (
        f"Host {host!r} is not an address this sandbox serves (a DNS rebinding guard): use localhost, "
        "127.0.0.1 or the address it listens on, or serve with --allow-host NAME"
    )


def cross_site_refusal(method: str, path: str, headers: dict[str, str], scheme: str) -> str | None:
    """Why a state-changing control or consent request from another site is refused, or None."""
    if method in SAFE_METHODS or not (is_control_path(path) or path.startswith(CONSENT_PREFIX)):
        return None
    site = headers.get("sec-fetch-site")
    if site is not None and site.strip().lower() not in SAME_SITE:
        return (
            f"a {site!r} {method} to {path} is refused: only the sandbox's own pages and non-browser clients"
        )
    origin = headers.get("origin")
    if origin is not None and origin.strip().lower() != f"{scheme}://{headers.get('host', '')}".lower():
        return f"a {method} to {path} from origin {origin!r} is refused: only the sandbox's own origin"
    return None


async def _refuse(send: Send, reason: str) -> None:
    body = json.dumps({"error": reason}).encode()
    headers = [(b"content-type", JSON_TYPE.encode()), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 403, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def make_app(sandbox: Sandbox, *, allowed_hosts: Iterable[str] = ()) -> ASGIApp:
    """The ASGI app serving `sandbox` (the API, OAuth, and GET /_sandbox/stats).

    ``allowed_hosts``: more Host names to answer (a LAN name or a container's host alias, when
    served on 0.0.0.0); loopback names and the address a request came in on are always answered.
    """
    extra_hosts = frozenset(name.strip().lower().rstrip(".") for name in allowed_hosts)

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
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        # The path as the handler routes it (raw, not percent-decoded): the same test decides both.
        routed_path = urlsplit((scope.get("raw_path") or scope["path"].encode()).decode("latin-1")).path
        refusal = host_refusal(headers, scope, extra_hosts) or cross_site_refusal(
            scope["method"].upper(), routed_path, headers, scope.get("scheme", "http")
        )
        if refusal is not None:  # before reading the body or touching the sandbox
            await _refuse(send, refusal)
            return
        body = bytearray()
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
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


def _server(sandbox: Sandbox, log_level: str, allowed_hosts: Iterable[str] = ()) -> Any:
    try:
        import uvicorn
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("serving needs uvicorn: pip install 'patreonkit[sandbox]'") from exc
    logging.getLogger("uvicorn.error").addFilter(_HideDrops())
    app = make_app(sandbox, allowed_hosts=allowed_hosts)
    config = uvicorn.Config(app, log_level=log_level, access_log=False, lifespan="off")
    return uvicorn.Server(config)


def serve_forever(
    sandbox: Sandbox, sock: socket.socket, *, log_level: str = "warning", allowed_hosts: Iterable[str] = ()
) -> None:
    """Serve on an already bound socket until interrupted (``allowed_hosts``: see `make_app`)."""
    _server(sandbox, log_level, allowed_hosts).run(sockets=[sock])


@contextmanager
def serve_in_thread(
    sandbox: Sandbox, *, host: str = "127.0.0.1", port: int = 0, allowed_hosts: Iterable[str] = ()
) -> Iterator[str]:
    """Serve on loopback in a background thread; yields the base URL and stops on exit."""
    sock = bind(host, port)
    server = _server(sandbox, "warning", allowed_hosts)
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
