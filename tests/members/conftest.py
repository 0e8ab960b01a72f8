"""Fixtures for the membership tests: a sandbox world, a creator client on it, a mirror file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from patreon_auth import AsyncPatreonCreatorClient, PatreonCreatorClient
from patreon_sandbox import Sandbox
from tests.fleet.conftest import postgres_server

__all__ = ["postgres_server"]

MEMBER_TRIGGERS = [
    "members:create",
    "members:update",
    "members:delete",
    "members:pledge:create",
    "members:pledge:update",
    "members:pledge:delete",
]
HOOK_URI = "https://app.example/patreon/webhook"


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """120 members of every kind, rate limits off (a resync pages the whole campaign)."""
    with Sandbox(seed=11, members=120, rate_limits=None) as sandbox:
        yield sandbox


def creator(sandbox: Sandbox) -> PatreonCreatorClient:
    return PatreonCreatorClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token=sandbox.creator_token(),
        transport=sandbox.transport(),
        base_url=sandbox.base_url,
    )


def async_creator(sandbox: Sandbox) -> AsyncPatreonCreatorClient:
    return AsyncPatreonCreatorClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token=sandbox.creator_token(),
        transport=sandbox.async_transport(),
        base_url=sandbox.base_url,
    )


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[PatreonCreatorClient]:
    with creator(sandbox) as client:
        yield client


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "members.db"
