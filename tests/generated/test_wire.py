"""Every endpoint sends the exact method, path and query Patreon expects (under the `mode` fixture:
Patreon and AsyncPatreon)."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from patreon_generated import AsyncPatreon, Patreon
from patreon_generated.schema import ENDPOINTS, RESOURCE_TYPES
from tests.modes import ModeDriver

from .mock_api import Recorder, resource

SINGLE = {"data": resource("member", "m1")}


def _answer(status: int = 200, body: dict[str, Any] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body if body is not None else {"data": []})


def test_members_list_query_is_comma_joined_with_encoded_brackets() -> None:
    recorder = Recorder(_answer())
    client = Patreon(token="t", transport=recorder.transport())
    client.members.list(
        "123",
        include=["user", "currently_entitled_tiers"],
        fields={"member": ["full_name", "patron_status"], "user": ["email"], "pledge-event": ["type"]},
        count=1000,
        cursor="abc/+=?",
    )
    request = recorder.last
    assert request.method == "GET"
    assert request.url.path == "/api/oauth2/v2/campaigns/123/members"
    assert request.url.query.decode() == (
        "include=user%2Ccurrently_entitled_tiers"
        "&fields%5Bmember%5D=full_name%2Cpatron_status"
        "&fields%5Buser%5D=email"
        "&fields%5Bpledge-event%5D=type"
        "&page%5Bcount%5D=1000"
        "&page%5Bcursor%5D=abc%2F%2B%3D%3F"
    )
    assert request.headers["Authorization"] == "Bearer t"


def test_empty_include_and_fields_are_left_out() -> None:
    recorder = Recorder(_answer())
    Patreon(token="t", transport=recorder.transport()).members.list("1", include=[], fields={"member": []})
    assert recorder.last.url.query == b""


def test_path_parameters_are_quoted() -> None:
    recorder = Recorder(_answer(body=SINGLE))
    Patreon(token="t", transport=recorder.transport()).members.get("a/b")
    assert recorder.last.url.raw_path == b"/api/oauth2/v2/members/a%2Fb"


def _read_call(operation: str) -> tuple[Any, str, dict[str, str]]:
    """A call of a GET operation read from the generated operation table, with the path and query
    the spec says it sends: an id per path parameter, its first include, the first attribute of its
    first `fields` type and, when it is paged, a page size."""
    info = ENDPOINTS[operation]
    path_params = re.findall(r"\{(\w+)\}", info["path"])
    args = [f"id-{name}" for name in path_params]
    kwargs: dict[str, Any] = {}
    query: dict[str, str] = {}
    if info["includes"]:
        kwargs["include"] = [info["includes"][0]]
        query["include"] = info["includes"][0]
    if info["fields"]:
        type_name = info["fields"][0]
        first = next(iter(RESOURCE_TYPES[type_name]["attributes"]))
        kwargs["fields"] = {type_name: [first]}
        query[f"fields[{type_name}]"] = first
    if info["collection"]:
        kwargs["count"] = 5
        query["page[count]"] = "5"
    path = info["path"]
    for name, value in zip(path_params, args, strict=True):
        path = path.replace(f"{{{name}}}", value)

    def call(client: Any) -> Any:
        return getattr(getattr(client, info["namespace"]), info["method_name"])(*args, **kwargs)

    return call, path, query


READS = sorted(op for op, info in ENDPOINTS.items() if info["method"] == "GET")


@pytest.mark.parametrize("operation", READS)
def test_read_endpoints(mode: ModeDriver, operation: str) -> None:
    call, path, query = _read_call(operation)
    collection = ENDPOINTS[operation]["collection"]
    recorder = Recorder(_answer(body={"data": []} if collection else SINGLE))
    mode.run(call(mode.new((Patreon, AsyncPatreon), token="t", transport=recorder.transport())))
    assert recorder.last.method == "GET"
    assert recorder.last.url.path == path
    assert dict(parse_qsl(recorder.last.url.query.decode())) == query


WRITES: list[tuple[str, Any, str, str, dict[str, Any] | None]] = [
    (
        "create_webhook",
        lambda c: c.webhooks.create(campaign_id="9", triggers=["members:create"], uri="https://x.test/h"),
        "POST",
        "/api/oauth2/v2/webhooks",
        {
            "data": {
                "type": "webhook",
                "attributes": {"triggers": ["members:create"], "uri": "https://x.test/h"},
                "relationships": {"campaign": {"data": {"type": "campaign", "id": "9"}}},
            }
        },
    ),
    (
        "update_webhook",
        lambda c: c.webhooks.update("w1", paused=False),
        "PATCH",
        "/api/oauth2/v2/webhooks/w1",
        {"data": {"type": "webhook", "id": "w1", "attributes": {"paused": False}}},
    ),
    ("delete_webhook", lambda c: c.webhooks.delete("w1"), "DELETE", "/api/oauth2/v2/webhooks/w1", None),
    (
        "create_live",
        lambda c: c.lives.create(state="pre_live", title="Q&A"),
        "POST",
        "/api/oauth2/v2/lives",
        {"data": {"type": "live", "attributes": {"state": "pre_live", "title": "Q&A"}}},
    ),
    (
        "update_live",
        lambda c: c.lives.update("l1", state="live"),
        "PATCH",
        "/api/oauth2/v2/lives/l1",
        {"data": {"type": "live", "id": "l1", "attributes": {"state": "live"}}},
    ),
    ("delete_live", lambda c: c.lives.delete("l1"), "DELETE", "/api/oauth2/v2/lives/l1", None),
]


def test_every_write_of_the_spec_has_a_worked_example() -> None:
    """Reads are derived from the operation table above; a write's body needs values, so each has an example."""
    assert {row[0] for row in WRITES} == {op for op, info in ENDPOINTS.items() if info["method"] != "GET"}
    for operation, _, method, _, _ in WRITES:
        assert ENDPOINTS[operation]["method"] == method


@pytest.mark.parametrize(("operation", "call", "method", "path", "body"), WRITES, ids=[r[0] for r in WRITES])
def test_write_endpoints(
    mode: ModeDriver, operation: str, call: Any, method: str, path: str, body: dict[str, Any] | None
) -> None:
    answer = httpx.Response(204) if method == "DELETE" else _answer(201, {"data": resource("webhook", "w1")})
    recorder = Recorder(answer)
    mode.run(call(mode.new((Patreon, AsyncPatreon), token="t", transport=recorder.transport())))
    assert recorder.last.method == method
    assert recorder.last.url.path == path
    if body is None:
        assert recorder.last.content == b""
    else:
        assert recorder.last.headers["content-type"].startswith("application/json")
        assert json.loads(recorder.last.content) == body


def test_user_agent_names_library_version_and_app() -> None:
    recorder = Recorder(_answer(body=SINGLE))
    Patreon(token="t", transport=recorder.transport(), name="my-app").identity.get()
    agent = recorder.last.headers["User-Agent"]
    assert agent.startswith("patreon-v2-python/0.1.0 ")
    assert agent.endswith("(my-app)")


def test_base_url_and_headers_options() -> None:
    recorder = Recorder(_answer(body=SINGLE))
    client = Patreon(
        token="t", transport=recorder.transport(), base_url="http://127.0.0.1:8765/", headers={"X-Extra": "1"}
    )
    client.identity.get()
    assert str(recorder.last.url) == "http://127.0.0.1:8765/api/oauth2/v2/identity"
    assert recorder.last.headers["X-Extra"] == "1"


def test_default_timeout_applies() -> None:
    client = Patreon(token="t", transport=Recorder().transport())
    assert client.http_client.timeout.read is not None
    assert client.http_client.timeout.connect is not None
