"""pytest fixtures for users' tests: `patreon_sandbox` (in process) and `patreon_sandbox_server`.

Registered as a pytest plugin entry point; or add `pytest_plugins = ["patreon_sandbox.pytest_plugin"]`
to a conftest. Markers tune the world: `@pytest.mark.patreon_sandbox(seed=1, members=500)`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from patreon_sandbox.sandbox import Sandbox


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "patreon_sandbox(**options): options for the patreon_sandbox fixture's Sandbox(...)"
    )


def _options(request: pytest.FixtureRequest) -> dict[str, Any]:
    marker = request.node.get_closest_marker("patreon_sandbox")
    options: dict[str, Any] = {"seed": 0, "members": 100}
    if marker is not None:
        options.update(marker.kwargs)
    return options


@pytest.fixture
def patreon_sandbox(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    """A fresh in-process Sandbox per test; use `.transport()` / `.async_transport()` with your client."""
    with Sandbox(**_options(request)) as sandbox:
        yield sandbox


@pytest.fixture
def patreon_sandbox_server(patreon_sandbox: Sandbox) -> Iterator[Sandbox]:
    """The same Sandbox served on loopback HTTP; its `base_url` is the server's URL (needs uvicorn)."""
    with patreon_sandbox.serve_in_thread():
        yield patreon_sandbox
