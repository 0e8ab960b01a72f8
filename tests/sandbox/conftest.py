"""Fixtures for the sandbox tests: a small world and clients wired to it in process."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from patreon_generated import AsyncPatreon, Patreon
from patreon_sandbox import Sandbox

# The plugin's fixtures and marker, exactly as users get them from the entry point.
from patreon_sandbox.pytest_plugin import (  # noqa: F401
    patreon_sandbox,
    patreon_sandbox_server,
    pytest_configure,
)
from tests.modes import ModeDriver


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """300 members, rate limits off (tests that page a lot would otherwise be throttled, as on Patreon)."""
    with Sandbox(seed=7, members=300, rate_limits=None) as sandbox:
        yield sandbox


def creator_client(sandbox: Sandbox, *, max_retries: int = 0, token: str | None = None) -> Patreon:
    return Patreon(
        token=token or sandbox.creator_token().access_token,
        transport=sandbox.transport(),
        base_url=sandbox.base_url,
        max_retries=max_retries,
        retry_backoff=0.01,
    )


def async_creator_client(sandbox: Sandbox, *, max_retries: int = 0, token: str | None = None) -> AsyncPatreon:
    return AsyncPatreon(
        token=token or sandbox.creator_token().access_token,
        transport=sandbox.async_transport(),
        base_url=sandbox.base_url,
        max_retries=max_retries,
        retry_backoff=0.01,
    )


@pytest.fixture
def mode_client(mode: ModeDriver, sandbox: Sandbox) -> Iterator[Any]:
    """The creator's Patreon or AsyncPatreon, as the mode says; call it through `mode.run(...)`."""
    client = mode.new((creator_client, async_creator_client), sandbox)
    yield client
    mode.shut(client)


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[Patreon]:
    with creator_client(sandbox) as client:
        yield client
