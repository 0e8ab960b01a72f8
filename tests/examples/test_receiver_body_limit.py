# Django ships no type hints (django-stubs is not a dependency).
# mypy: disable-error-code="import-untyped"
"""Issue 21: every receiver bounds the body before verifying it: 413, and no more read than the limit.

Before the fix each receiver read a 150 MB unsigned body whole (`request.body()`, `get_data()`,
`request.body`) and only then checked the signature. Here the 150 MB is never made: a stream
hands out 64 KiB chunks and counts how many the receiver pulled.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest

from examples.receivers import MAX_BODY_BYTES, TOO_LARGE, WEBHOOK_PATH
from patreon_auth import WebhookBodyTooLargeError, WebhookSignatureError, webhooks
from patreon_auth.webhooks import WebhookEvent
from patreon_sandbox import Sandbox

from .conftest import create_webhook

CHUNK = 64 * 1024
FLOOD = 150 * 1024 * 1024  # what the issue sent
# What a receiver may pull before refusing: the limit plus the chunk that crossed it.
MOST_READ = MAX_BODY_BYTES + CHUNK


class Flood:
    """An endless-looking body: `total` bytes in chunks, made on demand; `pulled` counts what was read."""

    def __init__(self, total: int = FLOOD) -> None:
        self.total = total
        self.pulled = 0

    def chunks(self) -> Iterator[bytes]:
        while self.pulled < self.total:
            size = min(CHUNK, self.total - self.pulled)
            self.pulled += size
            yield b"x" * size

    async def achunks(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks():
            yield chunk

    def file(self) -> io.RawIOBase:
        """A WSGI `wsgi.input`: read(n) pulls from the same counted chunks."""
        chunks = self.chunks()
        pending = bytearray()

        class Reader(io.RawIOBase):
            def readable(self) -> bool:
                return True

            def readinto(self, buffer: Any) -> int:
                while not pending:
                    chunk = next(chunks, b"")
                    if not chunk:
                        return 0
                    pending.extend(chunk)
                size = min(len(buffer), len(pending))
                buffer[:size] = pending[:size]
                del pending[:size]
                return size

        return Reader()


def signed_headers(secret: str) -> dict[str, str]:
    # A signature of some other body: the receiver must refuse by size before it could check it.
    return {
        webhooks.SIGNATURE_HEADER: webhooks.sign(secret, b"{}"),
        webhooks.EVENT_HEADER: "members:pledge:create",
        "Content-Type": "application/json",
    }


# --- the library helpers --------------------------------------------------------------------


def test_read_body_stops_at_the_limit() -> None:
    flood = Flood()
    with pytest.raises(WebhookBodyTooLargeError) as info:
        webhooks.read_body(flood.chunks())
    assert info.value.limit == MAX_BODY_BYTES == 1024 * 1024
    assert isinstance(info.value, WebhookSignatureError)  # receivers that catch only that refuse it
    assert flood.pulled <= MOST_READ
    assert webhooks.read_body(iter([b"a" * 10, b"b" * 10]), limit=20) == b"a" * 10 + b"b" * 10


def test_aread_body_stops_at_the_limit() -> None:
    flood = Flood()
    with pytest.raises(WebhookBodyTooLargeError):
        asyncio.run(webhooks.aread_body(flood.achunks()))
    assert flood.pulled <= MOST_READ


def test_content_length_and_verify_and_parse_refuse_before_verifying() -> None:
    with pytest.raises(WebhookBodyTooLargeError):
        webhooks.check_content_length({"content-length": str(FLOOD)})
    webhooks.check_content_length({"Content-Length": str(MAX_BODY_BYTES)})  # at the limit: fine
    webhooks.check_content_length({"Content-Length": "nonsense"})  # left to read_body
    body = b"x" * (MAX_BODY_BYTES + 1)
    secret = "s3cret"
    with pytest.raises(WebhookBodyTooLargeError):
        webhooks.verify_and_parse(
            {webhooks.SIGNATURE_HEADER: webhooks.sign(secret, body), webhooks.EVENT_HEADER: "members:create"},
            body,
            secret,
        )


# --- ASGI (Starlette) -------------------------------------------------------------------------


def asgi_post(app: Any, content: Any, headers: dict[str, str]) -> int:
    async def send() -> int:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="https://receiver.example") as client:
            response = await client.post(WEBHOOK_PATH, content=content, headers=headers)
            return response.status_code

    return asyncio.run(send())


def test_asgi_receiver_refuses_a_flood_unread(sandbox: Sandbox) -> None:
    from examples.receivers.asgi_app import create_app

    hook = create_webhook(sandbox)
    events: list[WebhookEvent] = []
    app = create_app(hook.secret, on_event=events.append)
    flood = Flood()
    assert asgi_post(app, flood.achunks(), signed_headers(hook.secret)) == TOO_LARGE  # chunked, no length
    assert flood.pulled <= MOST_READ
    announced = {**signed_headers(hook.secret), "Content-Length": str(FLOOD)}
    flood = Flood()
    assert asgi_post(app, flood.achunks(), announced) == TOO_LARGE
    assert flood.pulled <= CHUNK  # refused on the header; at most what the transport sent ahead
    assert events == []


def test_asgi_receiver_takes_another_limit(sandbox: Sandbox) -> None:
    from examples.receivers.asgi_app import create_app

    hook = create_webhook(sandbox)
    sandbox.trigger("members:pledge:create")  # a member event is a few KB
    last = sandbox.deliveries[-1]
    events: list[WebhookEvent] = []
    assert (
        asgi_post(create_app(hook.secret, events.append, max_body=1000), last.body, dict(last.headers)) == 413
    )
    assert events == []
    assert asgi_post(create_app(hook.secret, events.append), last.body, dict(last.headers)) == 200
    assert len(events) == 1


# --- WSGI (Flask, Django) ---------------------------------------------------------------------


def wsgi_environ(flood: Flood, headers: dict[str, str], content_length: str | None) -> dict[str, Any]:
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": WEBHOOK_PATH,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": flood.file(),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        "CONTENT_TYPE": headers.pop("Content-Type"),
    }
    if content_length is None:
        environ["wsgi.input_terminated"] = True  # a chunked body the server de-chunks (PEP 3333 extension)
    else:
        environ["CONTENT_LENGTH"] = content_length
    environ.update({"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()})
    return environ


def wsgi_status(app: Callable[..., Any], environ: dict[str, Any]) -> int:
    statuses: list[str] = []
    body = app(environ, lambda status, headers, exc_info=None: statuses.append(status))
    b"".join(body)
    if hasattr(body, "close"):
        body.close()
    return int(statuses[0].split()[0])


@pytest.mark.parametrize("content_length", [None, str(FLOOD)])
def test_flask_receiver_refuses_a_flood_unread(sandbox: Sandbox, content_length: str | None) -> None:
    from examples.receivers.flask_app import create_app

    hook = create_webhook(sandbox)
    events: list[WebhookEvent] = []
    app = create_app(hook.secret, on_event=events.append)
    flood = Flood()
    status = wsgi_status(app, wsgi_environ(flood, signed_headers(hook.secret), content_length))
    assert status == TOO_LARGE and events == []
    assert flood.pulled <= (MOST_READ if content_length is None else 0)


@pytest.fixture
def django_hook(sandbox: Sandbox) -> Iterator[Any]:
    from django.conf import settings
    from django.test.utils import override_settings

    from examples.receivers import django_app

    if not settings.configured:  # Django settings are per process: configure once
        django_app.configure(secret="replaced-per-test")
    hook = create_webhook(sandbox)
    with override_settings(PATREON_WEBHOOK_SECRET=hook.secret):
        yield hook


# Django reads only what Content-Length announces; "+N" is a length int() reads and isdigit() does
# not, so the header check passes it on and the counted read is what stops it.
@pytest.mark.parametrize("content_length", [str(FLOOD), f"+{FLOOD}"])
def test_django_receiver_refuses_a_flood_unread(django_hook: Any, content_length: str) -> None:
    from django.core.handlers.wsgi import WSGIHandler

    from examples.receivers import django_app

    events: list[WebhookEvent] = []

    def on_event(sender: Any, event: WebhookEvent, **_: Any) -> None:
        events.append(event)

    django_app.patreon_event.connect(on_event)
    try:
        flood = Flood()
        status = wsgi_status(
            WSGIHandler(), wsgi_environ(flood, signed_headers(django_hook.secret), content_length)
        )
    finally:
        django_app.patreon_event.disconnect(on_event)
    assert status == TOO_LARGE and events == []
    assert flood.pulled <= (0 if content_length.isdigit() else MOST_READ)


def test_django_receiver_takes_a_limit_setting(sandbox: Sandbox, django_hook: Any) -> None:
    from django.test import Client
    from django.test.utils import override_settings

    sandbox.trigger("members:pledge:create")
    last = sandbox.deliveries[-1]
    headers = {k: v for k, v in last.headers.items() if k.lower() != "content-type"}
    with override_settings(PATREON_WEBHOOK_MAX_BODY=100):
        response = Client().post(
            WEBHOOK_PATH, data=last.body, content_type="application/json", headers=headers
        )
    assert response.status_code == TOO_LARGE
    response = Client().post(WEBHOOK_PATH, data=last.body, content_type="application/json", headers=headers)
    assert response.status_code == 200
