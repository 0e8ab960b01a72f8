"""Whole flows at DEBUG logging: user login, refresh before expiry and on 401, deliveries to a receiver.

The `world` fixture checks the captured logs (every logger, DEBUG and up, httpx and httpcore
included) for every secret once each test is done; these tests add the new tokens they mint and
check the objects the flows hand back. A flow both flavours share runs under the `mode` fixture.
"""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs, urlsplit

import httpx

from examples.receivers import WEBHOOK_PATH
from examples.receivers.asgi_app import create_app
from patreon_auth import AsyncPatreonUserClient, OAuthError, PatreonCreatorClient, PatreonUserClient
from patreon_auth.stores import MemoryStore
from tests.modes import ModeDriver

from .conftest import World

REDIRECT_URI = "http://localhost:8000/oauth/callback"


def test_user_login_flow(mode: ModeDriver, world: World) -> None:
    users = mode.new(
        (PatreonUserClient, AsyncPatreonUserClient),
        client_id=world.sandbox.client_id,
        client_secret=world.sandbox.client_secret,
        redirect_uri=world.sandbox.redirect_uri,
        scopes=["identity", "identity[email]"],
        base_url=world.base_url,
    )
    request = users.authorization_url()
    callback = world.sandbox.authorize(request.url, user=world.sandbox.users[0])
    code = parse_qs(urlsplit(callback).query)["code"][0]
    world.secrets.add("authorization code", code)
    world.secrets.add("state", request.state)
    token = mode.run(users.handle_callback(callback, expected_state=request.state))
    world.secrets.add("user access token", token.access_token)
    world.secrets.add("user refresh token", token.refresh_token)
    with mode.using(users.create_instance(token)) as client:
        me = mode.run(client.identity.get(fields={"user": ["email"]}))
        for name, obj in {"request": request, "token": token, "client": client, "identity": me}.items():
            world.secrets.assert_object_clean(obj, name)
    # The same callback again: the code is spent; the error names no secret.
    try:
        mode.run(users.handle_callback(callback, expected_state=request.state))
    except OAuthError as error:
        world.secrets.assert_object_clean(error, "a replayed callback")
    else:
        raise AssertionError("a spent code was accepted")
    world.secrets.assert_object_clean(users, "the user client")
    mode.shut(users)


def test_refresh_before_expiry(world: World) -> None:
    expired = world.sandbox.creator_token(expires_in=-10)
    world.secrets.add("expired access token", expired.access_token)
    world.secrets.add("expired refresh token", expired.refresh_token)
    store = MemoryStore(expired)
    with PatreonCreatorClient(
        client_id=world.sandbox.client_id,
        client_secret=world.sandbox.client_secret,
        store=store,
        base_url=world.base_url,
    ) as client:
        client.campaigns.list()  # refreshed before the call
        fresh = store.get()
        assert fresh is not None and fresh.access_token != expired.access_token
        world.secrets.add("refreshed access token", fresh.access_token)
        world.secrets.add("refreshed refresh token", fresh.refresh_token)
    world.secrets.assert_object_clean(store, "the store after a refresh")


def test_deliveries_good_and_forged(world: World) -> None:
    app = create_app(world.webhook_secret, on_event=lambda event: None)

    def deliver(request: httpx.Request) -> int:
        async def send() -> int:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="https://receiver.example") as http:
                response = await http.post(WEBHOOK_PATH, content=request.content, headers=request.headers)
                return response.status_code

        return asyncio.run(send())

    world.sandbox.deliver_to("https://receiver.example/hook", deliver)
    world.sandbox.add_pledge()
    good = world.sandbox.deliveries[-1]
    assert good.status == 200
    forged_headers = {**good.headers, "X-Patreon-Signature": "0" * 32}
    assert (
        deliver(
            httpx.Request(
                "POST", "https://receiver.example/patreon/webhook", headers=forged_headers, content=good.body
            )
        )
        == 403
    )
