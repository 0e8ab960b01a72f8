"""Fixtures for the auth tests: a fake Patreon and OAuth drivers wired to it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from patreon_auth.oauth import AsyncOAuthClient, OAuthClient

from .fake_patreon import FakePatreon

BASE_URL = "https://patreon.test"


@pytest.fixture
def fake() -> FakePatreon:
    return FakePatreon(token_delay=0.02)


@pytest.fixture
def oauth(fake: FakePatreon) -> Iterator[OAuthClient]:
    with OAuthClient(
        client_id=fake.client_id,
        client_secret=fake.client_secret,
        base_url=BASE_URL,
        transport=fake.transport(),
    ) as client:
        yield client


@pytest.fixture
async def async_oauth(fake: FakePatreon) -> AsyncIterator[AsyncOAuthClient]:
    async with AsyncOAuthClient(
        client_id=fake.client_id,
        client_secret=fake.client_secret,
        base_url=BASE_URL,
        transport=fake.async_transport(),
    ) as client:
        yield client
