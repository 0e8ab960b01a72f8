"""In-process httpx transports over the core handler: no sockets, only httpx needed.

They do what the core leaves to its callers: wait for slow faults, raise on dropped
connections (as httpx does when a server hangs up), and run webhook deliveries a request caused.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

import httpx

from patreon_sandbox.handler import SandboxRequest, SandboxResponse

if TYPE_CHECKING:
    from patreon_sandbox.sandbox import Sandbox


def _to_core(request: httpx.Request, body: bytes) -> SandboxRequest:
    headers = {name.lower(): value for name, value in request.headers.items()}
    return SandboxRequest(request.method, str(request.url), headers, body)


def _to_httpx(request: httpx.Request, response: SandboxResponse) -> httpx.Response:
    if response.drop:
        # What httpx raises when the server closes the connection before answering.
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
    return httpx.Response(response.status, headers=response.headers, content=response.body, request=request)


class SandboxTransport(httpx.BaseTransport):
    """`sandbox.transport()`: a sync httpx transport answered by the sandbox in process."""

    def __init__(self, sandbox: Sandbox) -> None:
        self._sandbox = sandbox

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._sandbox.handle(_to_core(request, request.read()))
        if response.delay > 0:
            time.sleep(response.delay)
        result = _to_httpx(request, response)
        if response.flush_webhooks:
            self._sandbox.flush_webhooks(response.flush_webhooks)
        return result


class AsyncSandboxTransport(httpx.AsyncBaseTransport):
    """`sandbox.async_transport()`: the async twin of SandboxTransport."""

    def __init__(self, sandbox: Sandbox) -> None:
        self._sandbox = sandbox

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = self._sandbox.handle(_to_core(request, await request.aread()))
        if response.delay > 0:
            await asyncio.sleep(response.delay)
        result = _to_httpx(request, response)
        if response.flush_webhooks:
            # Deliveries may block (a handler, loopback HTTP): keep them off the event loop.
            await asyncio.to_thread(self._sandbox.flush_webhooks, response.flush_webhooks)
        return result
