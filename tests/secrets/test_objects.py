"""repr and str of every public object that holds a token or a secret show none of them."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
import redis
import redis.asyncio

from patreon_auth import (
    AsyncOAuthClient,
    AsyncPatreonCreatorClient,
    AsyncPatreonUserClient,
    OAuthClient,
    PatreonAuth,
    PatreonUserClient,
    Token,
    webhooks,
)
from patreon_auth.oauth import build_code_exchange, build_refresh
from patreon_auth.stores import (
    AsyncFileStore,
    AsyncHTTPStore,
    AsyncKVStore,
    AsyncMemoryStore,
    AsyncRedisStore,
    CallbackStore,
    FileStore,
    HTTPStore,
    KVStore,
    MemoryStore,
    RedisStore,
)
from patreon_generated import Patreon
from patreon_generated.client import AuthenticatedClient

from .conftest import World

STORE_CREDENTIAL = "store-credential-0123456789"
REDIS_URL = f"redis://:{STORE_CREDENTIAL}@127.0.0.1:9/0"  # never connected to: repr needs no server

Build = Callable[[World, Path], object]


def _token(world: World) -> Token:
    return world.token


def _creator_client(world: World, _: Path) -> object:
    return world.creator_client()


def _async_creator_client(world: World, _: Path) -> object:
    return AsyncPatreonCreatorClient(
        client_id=world.sandbox.client_id,
        client_secret=world.sandbox.client_secret,
        token=world.token,
        base_url=world.base_url,
    )


def _user_client(world: World, _: Path) -> object:
    return PatreonUserClient(
        client_id=world.sandbox.client_id,
        client_secret=world.sandbox.client_secret,
        redirect_uri="http://localhost/cb",
        scopes=["identity"],
        base_url=world.base_url,
    )


def _async_user_client(world: World, _: Path) -> object:
    return AsyncPatreonUserClient(
        client_id=world.sandbox.client_id,
        client_secret=world.sandbox.client_secret,
        redirect_uri="http://localhost/cb",
        scopes=["identity"],
        base_url=world.base_url,
    )


def _user_instance(world: World, _: Path) -> object:
    users = _user_client(world, _)
    assert isinstance(users, PatreonUserClient)
    return users.create_instance(world.token)


def _oauth(world: World, _: Path) -> object:
    return OAuthClient(client_id=world.sandbox.client_id, client_secret=world.sandbox.client_secret)


def _async_oauth(world: World, _: Path) -> object:
    return AsyncOAuthClient(client_id=world.sandbox.client_id, client_secret=world.sandbox.client_secret)


def _auth(world: World, _: Path) -> object:
    return PatreonAuth(store=MemoryStore(world.token), oauth=_oauth(world, _))  # type: ignore[arg-type]


def _static_client(world: World, _: Path) -> object:
    return Patreon(token=world.token.access_token, base_url=world.base_url)


def _webhook_attributes(world: World, _: Path) -> object:
    with world.creator_client() as client:
        [webhook] = client.webhooks.list(fields={"webhook": ["secret"]}).data
    assert webhook.attributes.secret == world.webhook_secret
    return webhook.attributes


OBJECTS: dict[str, Build] = {
    "Token": lambda world, _: _token(world),
    "PatreonCreatorClient": _creator_client,
    "PatreonCreatorClient.http_client": lambda world, _: world.creator_client().http_client,
    "PatreonCreatorClient.http_client.auth": lambda world, _: world.creator_client().http_client.auth,
    "PatreonCreatorClient.oauth": lambda world, _: world.creator_client().oauth,
    "PatreonCreatorClient.store": lambda world, _: world.creator_client().store,
    "AsyncPatreonCreatorClient": _async_creator_client,
    "PatreonUserClient": _user_client,
    "AsyncPatreonUserClient": _async_user_client,
    "PatreonUserClient.create_instance()": _user_instance,
    "OAuthClient": _oauth,
    "AsyncOAuthClient": _async_oauth,
    "PatreonAuth": _auth,
    "TokenRequest (refresh)": lambda world, _: build_refresh(
        refresh_token=world.token.refresh_token or "",
        client_id=world.sandbox.client_id,
        client_secret=world.sandbox.client_secret,
    ),
    "TokenRequest (code)": lambda world, _: build_code_exchange(
        code="code-value-0123456789",
        client_id=world.sandbox.client_id,
        client_secret=world.sandbox.client_secret,
        redirect_uri="http://localhost/cb",
    ),
    "Patreon(token=...)": _static_client,
    "Patreon(token=...).http_client.auth": lambda world, _: (
        Patreon(token=world.token.access_token, base_url=world.base_url).http_client.auth
    ),
    # Both showed their secret until issue 10 item 10.
    "webhook.attributes": _webhook_attributes,
    "AuthenticatedClient (low-level)": lambda world, _: AuthenticatedClient(
        base_url=world.base_url, token=world.token.access_token
    ),
    "MemoryStore": lambda world, _: MemoryStore(world.token),
    "AsyncMemoryStore": lambda world, _: AsyncMemoryStore(world.token),
    "FileStore": lambda world, tmp: _filled(FileStore(tmp / "token.json"), world.token),
    "AsyncFileStore": lambda world, tmp: _filled_async(AsyncFileStore(tmp / "token.json"), world.token),
    "KVStore": lambda world, _: _filled(KVStore({}, "patreon-token"), world.token),
    "AsyncKVStore": lambda world, _: AsyncKVStore({}, "patreon-token"),
    "CallbackStore": lambda world, _: _filled(
        CallbackStore(get=lambda: world.token, put=lambda token: None), world.token
    ),
    "RedisStore": lambda world, _: RedisStore(redis.Redis.from_url(REDIS_URL), "patreon-token"),
    "AsyncRedisStore": lambda world, _: AsyncRedisStore(
        redis.asyncio.Redis.from_url(REDIS_URL), "patreon-token"
    ),
    "HTTPStore": lambda world, _: HTTPStore(
        "http://127.0.0.1:9/token", headers={"Authorization": STORE_CREDENTIAL}
    ),
    "AsyncHTTPStore": lambda world, _: AsyncHTTPStore(
        "http://127.0.0.1:9/token", headers={"Authorization": STORE_CREDENTIAL}
    ),
}


def _filled(store: object, token: Token) -> object:
    put = getattr(store, "put", None)
    if callable(put):
        put(token)
        get = getattr(store, "get")  # noqa: B009 - read back, so the store now holds it in memory
        assert get() == token
    return store


def _filled_async(store: AsyncFileStore, token: Token) -> object:
    asyncio.run(store.put(token))
    return store


@pytest.mark.parametrize("name", OBJECTS)
def test_repr_and_str_hold_no_secret(world: World, tmp_path: Path, name: str) -> None:
    world.secrets.add("store credential", STORE_CREDENTIAL)
    obj = OBJECTS[name](world, tmp_path)
    world.secrets.assert_object_clean(obj, name)


def test_webhook_objects_hold_no_secret(world: World) -> None:
    with world.creator_client() as client:
        listed = client.webhooks.list(fields={"webhook": ["secret", "uri"]})
    [webhook] = listed.data
    assert webhook.attributes.secret == world.webhook_secret  # the secret really is in there
    for name, obj in {"webhook list": listed, "webhook list data": listed.data, "webhook": webhook}.items():
        world.secrets.assert_object_clean(obj, name)


def test_verified_events_hold_no_secret(world: World) -> None:
    body = b'{"data": {"type": "member", "id": "m-1", "attributes": {"full_name": "Ada"}}}'
    headers = {
        webhooks.EVENT_HEADER: "members:create",
        webhooks.SIGNATURE_HEADER: webhooks.sign(world.webhook_secret, body),
    }
    event = webhooks.verify_and_parse(headers, body, world.webhook_secret)
    world.secrets.assert_object_clean(event, "WebhookEvent")
    world.secrets.assert_object_clean(httpx.Headers(headers), "the delivery headers")
