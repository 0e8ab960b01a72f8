"""Fixtures for the fleet tests: a real PostgreSQL, a real redis-server, a served sandbox."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from tests.stores.conftest import (
    async_redis_client,
    private_state_home,
    redis_client,
    redis_port,
    redis_server,
)

from .postgres_server import find_binaries, running_postgres

__all__ = ["async_redis_client", "private_state_home", "redis_client", "redis_port", "redis_server"]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A real PostgreSQL server on a free loopback port for the whole session (its conninfo)."""
    binaries = find_binaries()
    if binaries is None:
        reason = (
            "PostgreSQL is not installed (apt-get install postgresql); the PostgreSQL store tests need it"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    with running_postgres(binaries) as conninfo:
        yield conninfo


@pytest.fixture
def postgres_table(postgres_server: str) -> Iterator[str]:
    """A table name no other test uses (the store creates it on first use); dropped afterwards."""
    import psycopg

    table = f"tokens_{uuid.uuid4().hex[:12]}"
    yield table
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
