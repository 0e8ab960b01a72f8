"""Property tests over every decode site outside the token stores: whatever comes in, only the
library's own errors (PatreonError subclasses; CLIError for the CLI's config file) come out, and
each example finishes within the hypothesis deadline (issue 10 item 3).

The token stores' decode sites are tested with the stores (tests/stores); they use the same
``patreon_runtime.safe_json.loads``, checked here on its own.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from unittest import mock

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from patreon_auth import webhooks
from patreon_auth.errors import NotRequestedError, OAuthError, PatreonError
from patreon_auth.oauth import AsyncOAuthClient, OAuthClient, parse_token_response
from patreon_auth.token import Token
from patreon_cli.config import ConfigDir
from patreon_cli.failures import CLIError
from patreon_generated import AsyncPatreon, Patreon
from patreon_generated.documents import CollectionDocument, Document
from patreon_runtime import safe_json
from patreon_runtime.error_mapping import status_error
from patreon_runtime.jsonapi import Resource
from patreon_runtime.retry_policy import retry_after_seconds

from .strategies import (
    BODY_KINDS,
    RELATIONSHIP_NAMES,
    body_of,
    deep_json,
    documents,
    headers,
    json_values,
    typed_attributes,
)

# Bounded time is the deadline: an example that sleeps out a Retry-After or goes quadratic fails.
DECODE = settings(
    max_examples=40,  # per body kind: every test runs each of BODY_KINDS
    deadline=dt.timedelta(seconds=5),
    derandomize=True,  # the same examples on every run and in CI; widen locally with a profile
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@contextmanager
def no_sleeping() -> Iterator[list[float]]:
    """Record the runtime's sleeps instead of sleeping; the delays asked for must be sane."""
    delays: list[float] = []

    async def async_sleep(seconds: float) -> None:
        delays.append(seconds)

    with mock.patch.object(time, "sleep", delays.append), mock.patch.object(asyncio, "sleep", async_sleep):
        yield delays
    assert all(0 <= delay <= 120 for delay in delays), delays


def read_everything(document: Document[Any] | CollectionDocument[Any]) -> None:
    """Touch every lazy part of a document, as a caller reading it fully would."""
    items = document.data if isinstance(document, CollectionDocument) else [document.data]
    if isinstance(document, CollectionDocument):
        _ = (document.next_cursor, document.total)
    _ = (document.meta, document.links, repr(document))
    for resource in [*items, *document.included]:
        read_resource(resource)
        known = type(resource).relationship_names
        for name in [*resource.relationships, *RELATIONSHIP_NAMES]:
            if known is not None and name not in known and name not in resource.relationships:
                # another type's relationship: a misspelling for this one, refused by name
                with pytest.raises(AttributeError, match=repr(name)):
                    document.related_raw(resource, name)
                with pytest.raises(AttributeError, match=repr(name)):
                    resource.related_raw(name)
                continue
            if name not in resource.relationships:  # not sent: not requested, from both sides
                with pytest.raises(NotRequestedError):
                    document.related_raw(resource, name)
                with pytest.raises(NotRequestedError):
                    resource.related_raw(name)
                continue
            document.related_raw(resource, name)
            resource.related_raw(name)


def read_resource(resource: Resource) -> None:
    attributes = getattr(resource, "attributes", None)
    _ = (resource.id, resource.type, repr(resource), hash(resource))
    if attributes is None:
        return
    _ = (repr(attributes), attributes.to_dict(), list(attributes))
    for name in typed_attributes(type(attributes)):
        try:
            getattr(attributes, name)
        except NotRequestedError as error:  # only for a key the body does not hold
            assert error.name not in attributes, error


def response_for(status: int, header_list: list[tuple[bytes, bytes]], body: bytes) -> Any:
    def answer(request: httpx.Request) -> httpx.Response:
        # A stream, so that httpx itself decodes (and may fail on) the Content-Encoding.
        return httpx.Response(status, headers=header_list, stream=httpx.ByteStream(body))

    return answer


statuses = st.one_of(
    st.sampled_from([200, 201, 400, 401, 403, 404, 429, 500, 502, 503]), st.integers(200, 599)
)


# --- the JSON loader itself ------------------------------------------------------------------


@DECODE
@given(
    st.one_of(
        st.binary(max_size=300), st.text(max_size=300), deep_json(), json_values.map(lambda v: json.dumps(v))
    )
)
def test_safe_json_raises_only_value_errors(content: bytes | str) -> None:
    with suppress(ValueError):
        safe_json.loads(content)


def _depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(item) for item in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(item) for item in value.values()), default=0)
    return 0


@DECODE
@given(json_values, st.integers(min_value=0, max_value=150))
def test_nesting_depth_is_exact_for_valid_json(value: Any, extra: int) -> None:
    wrapped: Any = value
    for n in range(extra):
        wrapped = [wrapped, '"[{\\'] if n % 2 else {'k"\\': wrapped}
    text = json.dumps(wrapped)
    assert safe_json.nesting_depth(text.encode()) == _depth(wrapped)
    if _depth(wrapped) <= safe_json.MAX_DEPTH:
        assert json.dumps(safe_json.loads(text)) == text  # NaN-safe: compare the re-serialised text
    else:
        with pytest.raises(safe_json.JSONTooDeepError):
            safe_json.loads(text)


@DECODE
@given(
    st.integers(min_value=safe_json.MAX_DEPTH - 10, max_value=safe_json.MAX_DEPTH + 10),
    st.lists(st.text(alphabet='[]{}"\\a', max_size=12), max_size=4),
)
def test_brackets_inside_strings_never_hide_depth(depth: int, noise: list[str]) -> None:
    # Closers in a string before the deep part and openers in one after it: a scan that counted
    # every bracket would see the levels cancel out. The depth stays exact, and past MAX_DEPTH
    # the text is refused, whichever way the strings around it are written.
    deep: Any = 0
    for _ in range(depth - 1):
        deep = [deep]
    wrapped = ["]" * depth, *noise, deep, *noise, "[" * depth]
    text = json.dumps(wrapped).encode()
    assert safe_json.nesting_depth(text) == depth
    if depth > safe_json.MAX_DEPTH:
        with pytest.raises(safe_json.JSONTooDeepError):
            safe_json.loads(text)
    else:
        assert safe_json.loads(text) == wrapped


# --- response handling: the generated clients over a real httpx transport ----------------------


@pytest.mark.parametrize("kind", BODY_KINDS)
@DECODE
@given(statuses, headers(), st.data())
def test_client_single_resource_calls(
    kind: str, status: int, header_list: list[tuple[bytes, bytes]], data: st.DataObject
) -> None:
    body = data.draw(body_of(kind), label="body")
    transport = httpx.MockTransport(response_for(status, header_list, body))
    with (
        no_sleeping(),
        Patreon(token="t", transport=transport, max_retries=1) as client,
        suppress(PatreonError),
    ):
        read_everything(client.members.get("m1", include=["user", "currently_entitled_tiers"]))


@pytest.mark.parametrize("kind", BODY_KINDS)
@DECODE
@given(statuses, headers(), st.data())
def test_client_collection_calls(
    kind: str, status: int, header_list: list[tuple[bytes, bytes]], data: st.DataObject
) -> None:
    body = data.draw(body_of(kind), label="body")
    transport = httpx.MockTransport(response_for(status, header_list, body))
    with no_sleeping(), Patreon(token="t", transport=transport, max_retries=1) as client:
        try:
            for page in client.members.pages("1"):
                read_everything(page)
        except PatreonError:
            pass


@pytest.mark.parametrize("kind", BODY_KINDS)
@DECODE
@given(statuses, headers(), st.data())
def test_async_client_calls(
    kind: str, status: int, header_list: list[tuple[bytes, bytes]], data: st.DataObject
) -> None:
    body = data.draw(body_of(kind), label="body")

    async def run() -> None:
        transport = httpx.MockTransport(response_for(status, header_list, body))
        async with AsyncPatreon(token="t", transport=transport, max_retries=1) as client:
            with suppress(PatreonError):
                read_everything(await client.campaigns.list())

    with no_sleeping():
        asyncio.run(run())


@settings(DECODE, max_examples=200)
@given(documents())
def test_documents_parsed_from_json(value: Any) -> None:
    body = json.dumps(value).encode()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    with Patreon(token="t", transport=transport) as client:
        for call in (lambda: client.identity.get(), lambda: client.posts.list("1")):
            with suppress(PatreonError):
                read_everything(call())


@pytest.mark.parametrize("kind", BODY_KINDS)
@DECODE
@given(st.integers(100, 599), headers(), st.data())
def test_status_errors_and_retry_after(
    kind: str, status: int, header_list: list[tuple[bytes, bytes]], data: st.DataObject
) -> None:
    body = data.draw(body_of(kind), label="body")
    try:
        response = httpx.Response(status, headers=header_list, stream=httpx.ByteStream(body))
        response.read()
    except httpx.DecodingError:
        return  # the senders turn this into ResponseValidationError (tested above)
    error = status_error(response)
    assert isinstance(error, PatreonError)
    _ = (str(error), repr(error), error.errors, error.body_excerpt)
    delay = retry_after_seconds(response.headers, response.content)
    assert delay is None or delay >= 0


# --- token handling ----------------------------------------------------------------------------


TOKEN_BODIES = st.one_of(
    st.fixed_dictionaries(
        {"access_token": st.text(min_size=1)},
        optional={
            "refresh_token": json_values,
            "expires_in": json_values,
            "scope": json_values,
            "token_type": json_values,
            "error": json_values,
            "error_description": json_values,
        },
    ),
    json_values,
)


@pytest.mark.parametrize("kind", BODY_KINDS)
@DECODE
@given(statuses, st.data())
def test_token_responses(kind: str, status: int, data: st.DataObject) -> None:
    body = data.draw(body_of(kind, TOKEN_BODIES), label="body")
    for refreshing in (False, True):
        try:
            token = parse_token_response(
                status, body, now=NOW, refreshing=refreshing, previous_refresh_token="rt"
            )
        except OAuthError:
            continue
        assert token.access_token and isinstance(token.access_token, str)
        assert token.refresh_token is None or isinstance(token.refresh_token, str)
        assert Token.from_dict(token.to_dict()) == token


@pytest.mark.parametrize("kind", BODY_KINDS)
@DECODE
@given(statuses, headers(), st.data())
def test_token_calls_over_a_transport(
    kind: str, status: int, header_list: list[tuple[bytes, bytes]], data: st.DataObject
) -> None:
    body = data.draw(body_of(kind), label="body")
    transport = httpx.MockTransport(response_for(status, header_list, body))
    with OAuthClient(client_id="c", client_secret="s", transport=transport) as oauth, suppress(PatreonError):
        oauth.refresh("rt")

    async def run() -> None:
        async with AsyncOAuthClient(
            client_id="c",
            client_secret="s",
            transport=httpx.MockTransport(response_for(status, header_list, body)),
        ) as client:
            with suppress(PatreonError):
                await client.exchange_code("code", redirect_uri="https://a.test/cb")

    asyncio.run(run())


@DECODE
@given(
    st.one_of(
        json_values,
        st.dictionaries(
            st.sampled_from(["access_token", "refresh_token", "expires_at", "scope", "token_type"]),
            json_values,
        ),
    )
)
def test_token_from_dict(data: Any) -> None:
    try:
        token = Token.from_dict(data)
    except PatreonError:
        return
    assert isinstance(token.access_token, str) and token.access_token
    assert Token.from_dict(token.to_dict()) == token


@DECODE
@given(
    st.one_of(
        json_values,
        st.dictionaries(
            st.sampled_from(["access_token", "refresh_token", "expires_in", "scope", "token_type"]),
            json_values,
        ),
    )
)
def test_token_from_response(data: Any) -> None:
    try:
        token = Token.from_response(data, now=NOW)
    except PatreonError:
        return
    assert token.expires_at is None or abs(token.expires_at - NOW) <= dt.timedelta(days=366 * 100)


# --- webhook payloads (the parse; the signature header is tested with webhooks) ------------------


@pytest.mark.parametrize("kind", BODY_KINDS)
@DECODE
@given(
    st.sampled_from(["members:create", "posts:publish", "members:pledge:delete", "unknown:trigger"]),
    st.data(),
)
def test_webhook_payloads(kind: str, trigger: str, data: st.DataObject) -> None:
    body = data.draw(body_of(kind), label="body")
    headers = {webhooks.SIGNATURE_HEADER: webhooks.sign("whsec", body), webhooks.EVENT_HEADER: trigger}
    try:
        event = webhooks.verify_and_parse(headers, body, "whsec")
    except PatreonError:
        return
    read_everything(event.document)
    _ = (event.member, event.post)


# --- the CLI's config file -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", BODY_KINDS)
@DECODE
@given(st.data())
def test_cli_config_file(kind: str, data: st.DataObject) -> None:
    content = data.draw(body_of(kind), label="content")
    with tempfile.TemporaryDirectory() as folder:
        config = ConfigDir(Path(folder))
        config.config_file.write_bytes(content)
        try:
            values = config.read()
        except CLIError:
            return
        assert all(isinstance(key, str) and isinstance(value, str) for key, value in values.items())
