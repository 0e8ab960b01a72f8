"""Fixtures for the auth tests: a fake Patreon (the OAuth drivers are in auth_modes.py)."""

from __future__ import annotations

import pytest

from .fake_patreon import FakePatreon

BASE_URL = "https://patreon.test"


@pytest.fixture
def fake() -> FakePatreon:
    return FakePatreon(token_delay=0.02)
