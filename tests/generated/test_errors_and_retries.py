"""Typed errors for every failure, retries only where safe, and pagination that cannot loop.

A scenario both clients share runs under the `mode` fixture (Patreon and AsyncPatreon)."""

from __future__ import annotations

import email.utils
import time
from typing import Any

import httpx
import pytest

from patreon_generated import AsyncPatreon, Patreon, errors
from patreon_runtime.retry_policy import retry_after_seconds
from tests.modes import ModeDriver

from .mock_api import Recorder, resource

OK = httpx.Response(200, json={"data": resource("user", "1")})
HTML_502 = httpx.Response(
    502, content=b"<html><h1>502 Bad Gateway</h1></html>", headers={"content-type": "text/html"}
)


def _error(status: int, **extra: Any) -> dict[str, Any]:
    return {
        "errors": [
            {"code": 1, "code_name": "Unauthorized", "detail": "bad token", "status": str(status), **extra}
        ]
    }


def client_for(recorder: Recorder, **options: Any) -> Patreon:
    return Patreon(token="t", transport=recorder.transport(), retry_backoff=0.001, **options)


def mode_client(mode: ModeDriver, recorder: Recorder, **options: Any) -> Any:
    """Patreon or AsyncPatreon, as the mode says; call it through `mode.run(...)`."""
    return mode.new(
        (Patreon, AsyncPatreon), token="t", transport=recorder.transport(), retry_backoff=0.001, **options
    )


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (405, errors.APIStatusError),
        (500, errors.ServerError),
        (503, errors.ServerError),
    ],
)
def test_status_maps_to_typed_error(mode: ModeDriver, status: int, cls: type[errors.APIStatusError]) -> None:
    recorder = Recorder(httpx.Response(status, json=_error(status), headers={"x-patreon-uuid": "req-1"}))
    with pytest.raises(cls) as caught:
        mode.run(mode_client(mode, recorder, max_retries=0).identity.get())
    assert caught.value.status_code == status
    assert caught.value.errors[0]["code_name"] == "Unauthorized"
    assert caught.value.request_id == "req-1"
    assert "bad token" in str(caught.value)


def test_html_502_is_a_server_error_after_retries() -> None:
    recorder = Recorder(HTML_502)
    with pytest.raises(errors.ServerError) as caught:
        client_for(recorder, max_retries=2).identity.get()
    assert len(recorder.requests) == 3
    assert caught.value.errors == []
    assert "502 Bad Gateway" in caught.value.body_excerpt
    assert "non-JSON" in str(caught.value)


def test_5xx_then_success_is_retried_for_get(mode: ModeDriver) -> None:
    recorder = Recorder(HTML_502, httpx.Response(503, json=_error(503)), OK)
    doc = mode.run(mode_client(mode, recorder).identity.get())
    assert doc.data.id == "1"
    assert len(recorder.requests) == 3


def test_a_404_on_another_endpoint_is_not_found(mode: ModeDriver) -> None:
    with pytest.raises(errors.NotFoundError):
        mode.run(mode_client(mode, Recorder(httpx.Response(404, json=_error(404)))).members.get("x"))


def test_post_is_not_retried(mode: ModeDriver) -> None:
    recorder = Recorder(HTML_502, OK)
    with pytest.raises(errors.ServerError):
        mode.run(
            mode_client(mode, recorder).webhooks.create(
                campaign_id="1", triggers=["members:create"], uri="https://x.test"
            )
        )
    assert len(recorder.requests) == 1


def test_429_honours_retry_after_header() -> None:
    limited = httpx.Response(429, json=_error(429, retry_after_seconds=9), headers={"Retry-After": "0.05"})
    recorder = Recorder(limited, OK)
    started = time.monotonic()
    client_for(recorder).identity.get()
    assert time.monotonic() - started >= 0.05
    assert len(recorder.requests) == 2


def test_429_body_retry_after_seconds_and_cap() -> None:
    body_only = httpx.Response(
        429, json={"errors": [{"code_name": "RequestThrottled", "retry_after_seconds": 500}]}
    )
    recorder = Recorder(body_only, OK)
    with pytest.raises(errors.RateLimitError) as caught:
        client_for(recorder).identity.get()  # 500 s is over the cap: surfaced, not slept
    assert caught.value.retry_after == 500
    assert len(recorder.requests) == 1


def test_retry_after_http_date() -> None:
    future = email.utils.format_datetime(email.utils.localtime().replace(microsecond=0)).replace(
        "-0000", "+0000"
    )
    assert retry_after_seconds({"retry-after": future}, b"") is not None
    assert retry_after_seconds({"retry-after": "3"}, b"") == 3.0
    assert retry_after_seconds({}, b"<html>") is None


def test_connection_errors_are_retried_then_typed() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    recorder = Recorder(refuse)
    with pytest.raises(errors.APIConnectionError):
        client_for(recorder, max_retries=2).identity.get()
    assert len(recorder.requests) == 3


def test_timeouts_are_typed() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(errors.APITimeoutError):
        client_for(Recorder(slow), max_retries=0).identity.get()


def test_secrets_do_not_leak_into_errors() -> None:
    recorder = Recorder(httpx.Response(401, json=_error(401)))
    client = Patreon(token="sekret-token-123", transport=recorder.transport(), max_retries=0)
    with pytest.raises(errors.AuthenticationError) as caught:
        client.identity.get()
    assert "sekret-token-123" not in str(caught.value)
    assert "sekret-token-123" not in repr(caught.value)
    assert "sekret-token-123" not in repr(client.http_client.auth)


def page(ids: list[str], cursor: str | None) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "data": [resource("member", i) for i in ids],
            "meta": {"pagination": {"total": 99, "cursors": {"next": cursor}}},
        },
    )


def test_pagination_follows_cursors_until_none() -> None:
    recorder = Recorder(page(["a", "b"], "c1"), page(["c"], "c2"), page(["d"], None))
    ids = [m.id for m in client_for(recorder).members.iterate("1", count=2)]
    assert ids == ["a", "b", "c", "d"]
    assert [r.url.params.get("page[cursor]") for r in recorder.requests] == [None, "c1", "c2"]
    assert all(r.url.params["page[count]"] == "2" for r in recorder.requests)


def test_pagination_stops_on_repeated_cursor() -> None:
    recorder = Recorder(page(["a"], "same"), page(["b"], "same"), page(["c"], "never"))
    assert [m.id for m in client_for(recorder).members.iterate("1")] == ["a", "b"]


def test_pagination_stops_on_repeated_page(mode: ModeDriver) -> None:
    # [PAT] issue #180: new cursors, same page, forever.
    recorder = Recorder(page(["a"], "c1"), page(["a"], "c2"), page(["a"], "c3"))
    pages = mode.collect(mode_client(mode, recorder).members.pages("1"))
    # The repeat is found before it is yielded (issue 10 item 11): one page, two requests.
    assert [[m.id for m in p.data] for p in pages] == [["a"]]
    assert len(recorder.requests) == 2
    recorder = Recorder(page(["a"], "c1"), page(["a"], "c2"), page(["b"], None))
    ids = [m.id for m in mode.collect(mode_client(mode, recorder).members.iterate("1"))]
    assert ids == ["a"]  # the repeated page is not yielded
    with mode.using(mode_client(mode, Recorder(page(["x"], None)))) as client:
        assert [p.data[0].id for p in mode.collect(client.members.pages("1"))] == ["x"]


def test_a_429_pauses_every_request_of_the_client() -> None:
    limited = httpx.Response(429, json=_error(429), headers={"Retry-After": "0.2"})
    recorder = Recorder(limited, OK)
    client = client_for(recorder, max_retries=0)
    with pytest.raises(errors.RateLimitError):
        client.identity.get()
    started = time.monotonic()
    client.identity.get()  # a different call, same client: it waits out the pause first
    assert time.monotonic() - started >= 0.15
