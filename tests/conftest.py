"""Suite-wide: every answer the sandbox gives while a test runs must match spec/patreon-v2.yaml.

The sandbox is what most tests run against, so its fidelity decides what a green test is worth
(issue 3): each exchange that goes through `Sandbox.handle` (in-process transports and the
loopback server alike) is recorded and validated with openapi-core when the test ends. Sandboxes
in other processes (CLI and docs subprocess tests) are checked by the fidelity test instead.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Iterator

import httpx
import pytest

from patreon_sandbox import Sandbox
from patreon_sandbox.handler import SandboxRequest, SandboxResponse

from .modes import AsyncModeDriver, ModeDriver
from .spec_conformance import is_checkable, problem

# The modules mypyc compiles in the binary wheel (setup.py). `.ci/test-compiled` runs the suite
# against that wheel and sets PATREONKIT_EXPECT_COMPILED; a run that silently imported the
# interpreted sources instead would prove nothing about the compiled build, so it stops here.
COMPILED_MODULES = ("patreon_runtime.jsonapi", "patreon_generated.resources", "patreon_generated.documents")


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("PATREONKIT_EXPECT_COMPILED") == "1":
        interpreted = [
            f"{name} ({module.__file__})"
            for name in COMPILED_MODULES
            if (module := importlib.import_module(name)).__file__ is None
            or module.__file__.endswith((".py", ".pyc"))
        ]
        if interpreted:
            pytest.exit(
                f"expected the compiled build, but these are interpreted: {interpreted}", returncode=3
            )


@pytest.fixture(autouse=True)
def sandbox_answers_match_the_spec(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    exchanges: list[tuple[httpx.Request, httpx.Response]] = []
    lock = threading.Lock()
    original = Sandbox.handle

    def recording(self: Sandbox, request: SandboxRequest) -> SandboxResponse:
        response = original(self, request)
        if not response.drop:
            pair = (
                httpx.Request(
                    request.method, request.url, headers=dict(request.headers), content=request.body
                ),
                httpx.Response(response.status, headers=response.headers, content=response.body),
            )
            with lock:
                exchanges.append(pair)
        return response

    monkeypatch.setattr(Sandbox, "handle", recording)
    yield
    checked = [pair for pair in exchanges if is_checkable(*pair)]
    failures = [found for found in (problem(*pair) for pair in checked) if found]
    assert failures == [], "sandbox answers that do not match the spec:\n" + "\n".join(failures[:20])


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> Iterator[ModeDriver]:
    """A scenario written once runs with the sync store or client and with its async twin
    (tests/modes.py); tests/auth has drivers of its own under the same name."""
    driver = AsyncModeDriver() if request.param == "async" else ModeDriver()
    yield driver
    driver.close()
