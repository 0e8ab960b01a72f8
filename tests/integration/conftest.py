"""Fixtures for the end-to-end tests: the real clients against the sandbox, in process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from patreon_sandbox import Sandbox


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=11, members=120, rate_limits=None) as sandbox:
        yield sandbox
