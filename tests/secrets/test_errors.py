"""Every error raised with secrets in play: no secret in its text, its args, its attributes, or the
requests and responses anywhere along its `__cause__`/`__context__` chain; and none in the logs."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from examples.serving import bind_loopback, serve_asgi
from patreon_auth import AsyncOAuthClient, OAuthClient, PatreonCreatorClient, PatreonError, Token, webhooks
from patreon_auth.errors import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    OAuthError,
    RefreshError,
    ResponseValidationError,
    StateMismatchError,
    TokenStoreError,
    WebhookSecretError,
    WebhookSignatureError,
)
from patreon_auth.oauth import parse_callback
from patreon_auth.stores import FileStore, HTTPStore
from patreon_cli.failures import describe
from patreon_generated import Patreon

from .conftest import World

WRONG_CLIENT_SECRET = "wrong-client-secret-0123456789"
BOGUS_ACCESS_TOKEN = "bogus-access-token-0123456789"
STORE_CREDENTIAL = "Bearer store-credential-0123456789"
CODE = "authorization-code-0123456789"


def closed_port() -> int:
    """A loopback port nothing listens on: connections are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def _oauth(world: World, **overrides: object) -> OAuthClient:
    options: dict[str, object] = {
        "client_id": world.sandbox.client_id,
        "client_secret": world.sandbox.client_secret,
        "base_url": world.base_url,
    }
    options.update(overrides)
    return OAuthClient(**options)  # type: ignore[arg-type]


def refresh_a_spent_token(world: World) -> None:
    with _oauth(world) as oauth:
        world.secrets.add("refreshed access token", oauth.refresh(world.token).access_token)
        oauth.refresh(world.token)  # single use: the second is invalid_grant


def exchange_a_bad_code(world: World) -> None:
    with _oauth(world) as oauth:
        oauth.exchange_code(CODE, redirect_uri="http://localhost/cb")


def refresh_with_a_wrong_client_secret(world: World) -> None:
    with _oauth(world, client_secret=WRONG_CLIENT_SECRET) as oauth:
        oauth.refresh(world.token)


def refresh_against_nothing(world: World) -> None:
    with _oauth(world, base_url=f"http://127.0.0.1:{closed_port()}") as oauth:
        oauth.refresh(world.token)


def refresh_that_times_out(world: World) -> None:
    world.sandbox.faults.add("token", delay=2.0, times=1)
    with _oauth(world, timeout=0.2) as oauth:
        oauth.refresh(world.token)


def async_refresh_against_nothing(world: World) -> None:
    async def refresh() -> None:
        async with AsyncOAuthClient(
            client_id=world.sandbox.client_id,
            client_secret=world.sandbox.client_secret,
            base_url=f"http://127.0.0.1:{closed_port()}",
        ) as oauth:
            await oauth.refresh(world.token)

    asyncio.run(refresh())


def call_with_a_bogus_token(world: World) -> None:
    with Patreon(token=BOGUS_ACCESS_TOKEN, base_url=world.base_url, max_retries=0) as client:
        client.identity.get()


def call_with_a_revoked_token(world: World) -> None:
    """401, then the refresh the auth tries fails too: the creator client's whole failure path."""
    world.sandbox.revoke(world.token)
    with world.creator_client() as client:
        client.identity.get()


def call_against_nothing(world: World) -> None:
    with PatreonCreatorClient(
        client_id=world.sandbox.client_id,
        client_secret=world.sandbox.client_secret,
        token=world.token,
        base_url=f"http://127.0.0.1:{closed_port()}",
        max_retries=0,
    ) as client:
        client.identity.get()


def call_that_times_out(world: World) -> None:
    world.sandbox.faults.add("identity", delay=2.0)
    with PatreonCreatorClient(
        client_id=world.sandbox.client_id,
        client_secret=world.sandbox.client_secret,
        token=world.token,
        base_url=world.base_url,
        timeout=0.2,
        max_retries=0,
    ) as client:
        client.identity.get()


def read_a_corrupt_token_file(world: World, tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    path.write_text(
        json.dumps(world.token.to_dict())[:-3]
    )  # cut short: the tokens are whole, the JSON is not
    FileStore(path).get()


def read_an_http_store_that_answers_cut_off_json(world: World) -> None:
    body = json.dumps(world.token.to_dict())[:-3].encode()  # the tokens whole, the JSON not

    async def store_server(scope: dict[str, Any], receive: Any, send: Any) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body})

    with serve_asgi(store_server, bind_loopback()) as url:
        HTTPStore(f"{url}/token", headers={"Authorization": STORE_CREDENTIAL}).get()


def reach_an_http_store_that_is_down(world: World) -> None:
    HTTPStore(f"http://127.0.0.1:{closed_port()}/token", headers={"Authorization": STORE_CREDENTIAL}).put(
        world.token
    )


def verify_a_forged_delivery(world: World) -> None:
    body = b'{"data": {"type": "member", "id": "m-1"}}'
    webhooks.verify_and_parse(
        {"X-Patreon-Event": "members:create", "X-Patreon-Signature": "0" * 32}, body, world.webhook_secret
    )


def verify_with_a_secret_that_is_not_text(world: World) -> None:
    webhooks.verify_signature(world.webhook_secret + "\ud800", b"{}", "0" * 32)


def parse_a_signed_body_that_is_no_event(world: World) -> None:
    body = json.dumps(
        {"data": {"type": "post", "id": "p", "attributes": {"note": world.webhook_secret[:6]}}}
    ).encode()
    headers = {
        "X-Patreon-Event": "members:create",
        "X-Patreon-Signature": webhooks.sign(world.webhook_secret, body),
    }
    webhooks.verify_and_parse(headers, body, world.webhook_secret)


def a_callback_with_a_forged_state(world: World) -> None:
    parse_callback(f"http://localhost/cb?code={CODE}&state=forged", expected_state="issued-state-0123456789")


Case = Callable[..., None]
CASES: dict[str, tuple[Case, type[PatreonError]]] = {
    "refresh a spent token": (refresh_a_spent_token, RefreshError),
    "exchange a bad code": (exchange_a_bad_code, OAuthError),
    "refresh with a wrong client secret": (refresh_with_a_wrong_client_secret, RefreshError),
    "call with a bogus token": (call_with_a_bogus_token, AuthenticationError),
    "call with a revoked token": (call_with_a_revoked_token, PatreonError),
    "call against nothing": (call_against_nothing, APIConnectionError),
    "call that times out": (call_that_times_out, APITimeoutError),
    "verify a forged delivery": (verify_a_forged_delivery, WebhookSignatureError),
    "verify with a secret that is not text": (verify_with_a_secret_that_is_not_text, WebhookSecretError),
    "parse a signed body that is no event": (parse_a_signed_body_that_is_no_event, ResponseValidationError),
    "a callback with a forged state": (a_callback_with_a_forged_state, StateMismatchError),
    "reach an HTTP store that is down": (reach_an_http_store_that_is_down, TokenStoreError),
    "read an HTTP store that answers cut-off JSON": (
        read_an_http_store_that_answers_cut_off_json,
        TokenStoreError,
    ),
    # Once the httpx error under these kept the request, whose form body holds client_secret and
    # the refresh token (issue 10 item 10).
    "refresh against nothing": (refresh_against_nothing, APIConnectionError),
    "refresh that times out": (refresh_that_times_out, APITimeoutError),
    "async refresh against nothing": (async_refresh_against_nothing, APIConnectionError),
    # Once the store error kept the whole unreadable file (CorruptRecordError.version, and before
    # that the JSONDecodeError's `.doc`): both tokens. The version is now the content's digest.
    "read a corrupt token file": (read_a_corrupt_token_file, TokenStoreError),
}


@pytest.mark.parametrize("name", CASES)
def test_errors_carry_no_secret(world: World, tmp_path: Path, name: str) -> None:
    for label, value in (
        ("wrong client secret", WRONG_CLIENT_SECRET),
        ("bogus access token", BOGUS_ACCESS_TOKEN),
        ("store credential", STORE_CREDENTIAL.removeprefix("Bearer ")),
        ("authorization code", CODE),
    ):
        world.secrets.add(label, value)
    case, expected = CASES[name]
    arguments = (world, tmp_path) if "tmp_path" in case.__code__.co_varnames else (world,)
    with pytest.raises(expected) as caught:
        case(*arguments)
    world.secrets.assert_object_clean(caught.value, name)
    # What the `patreon` command prints for this error: its message and hint.
    printed = describe(caught.value)
    world.secrets.assert_clean(f"{printed.message}\n{printed.hint or ''}", f"the CLI's words for {name}")


def test_a_token_with_no_refresh_token_fails_cleanly(world: World) -> None:
    token = Token(access_token=world.token.access_token)
    with _oauth(world) as oauth, pytest.raises(RefreshError) as caught:
        oauth.refresh(token)
    world.secrets.assert_object_clean(caught.value, "refresh without a refresh token")
