"""Suite-wide: every answer the sandbox gives while a test runs must match spec/patreon-v2.yaml.

The sandbox is what most tests run against, so its fidelity decides what a green test is worth
(issue 3): each exchange that goes through `Sandbox.handle` (in-process transports and the
loopback server alike) is recorded and validated with openapi-core when the test ends. Sandboxes
in other processes (CLI and docs subprocess tests) are checked by the fidelity test instead.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


# `make test-quick` (pytest --quick): no redis-server, PostgreSQL or Chromium, and not the slow
# tests. A test needs an external server when it uses one of these fixtures (tests/stores,
# tests/fleet, tests/browser) or is listed below; it is slow when its module is listed below.
EXTERNAL_FIXTURES = frozenset(
    {
        "redis_port",
        "redis_client",
        "async_redis_client",
        "redis_process",
        "redis_server",  # tests/stores/test_redis_rescue.py and test_redis_write_back.py: their own
        "postgres_server",
        "postgres_table",
        "browser",
    }
)
EXTERNAL_TESTS = (
    "tests/docs/test_code_blocks.py::test_page_runs",  # run_page starts a redis-server per page
    "tests/fleet/test_postgres_server.py",
)
SLOW_MODULES = (
    "tests/packaging/",  # builds wheels and venvs
    "tests/fleet/",  # many processes per test
    "tests/generated/test_typing.py",  # mypy runs
    "tests/auth/test_auth_typing.py",
    "tests/docs/test_type_ignores.py",
    "tests/examples/test_demo.py",  # the whole demo: 2500 members, OAuth, webhooks
    "tests/cli/test_processes.py",  # `patreon` in real processes against 1500 members
    "tests/cli/test_export_memory.py",  # exports of 10,000 and 100,000 members
    "tests/cli/test_export.py",  # every format over 2345 members
    "tests/stores/test_faults.py",  # writers killed mid-refresh, servers restarted
    # The slowest of the first measured quick run (2 cores shared, load about 6): 14.6 s, 10.2 s,
    # 8.7 s, 6.0 s, 5.1 s, most of it the spec check of thousands of sandbox answers at teardown.
    "tests/sandbox/test_default_page_size.py",
    "tests/sandbox/test_all_names.py",
    "tests/cli/test_hostile_output.py",  # `patreon` killed by signals in real processes
    "tests/test_quick_mode.py",  # runs pytest itself, twice
)
# What the quick run must never start (checked with an audit hook, below).
EXTERNAL_PROGRAMS = frozenset({"redis-server", "postgres", "initdb", "chromium", "chromium-browser"})
ROOT = Path(__file__).resolve().parents[1]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--quick",
        action="store_true",
        help="skip tests marked external (redis-server, PostgreSQL, Chromium) or slow: make test-quick",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        where = Path(str(item.path)).resolve().relative_to(ROOT).as_posix()
        node = f"{where}::{item.name.split('[')[0]}"
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & EXTERNAL_FIXTURES or any(node.startswith(prefix) for prefix in EXTERNAL_TESTS):
            item.add_marker(pytest.mark.external)
        if any(where.startswith(prefix) for prefix in SLOW_MODULES):
            item.add_marker(pytest.mark.slow)
    if not config.getoption("--quick"):
        return
    kept = [
        item
        for item in items
        if not item.get_closest_marker("external") and not item.get_closest_marker("slow")
    ]
    deselected = [item for item in items if item not in kept]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


_started_externally: list[str] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    """Quick runs only: note every external server program a test starts (audit event of Popen)."""
    if event == "subprocess.Popen":
        executable, argv = args[0], args[1]
        program = executable or (argv[0] if isinstance(argv, list | tuple) and argv else argv)
        if os.path.basename(os.fsdecode(program or "")) in EXTERNAL_PROGRAMS:
            _started_externally.append(str(program))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if session.config.getoption("--quick") and _started_externally:
        print(f"\n--quick started external servers: {sorted(set(_started_externally))}", file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "external: needs redis-server, PostgreSQL or Chromium (not in --quick)"
    )
    config.addinivalue_line("markers", "slow: takes long (processes, builds, large worlds); not in --quick")
    if config.getoption("--quick"):
        sys.addaudithook(_audit)
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
def forget_unsaved_stores() -> Iterator[None]:
    """A test's stores with unwritable pending tokens are the test's: the exit handler of
    patreon_auth.stores._backed keeps them (strong references) and would otherwise retry them,
    and write unclaimed rescue files, when pytest itself exits, outside the test's state dir."""
    from patreon_auth.stores._backed import _UNSAVED

    yield
    _UNSAVED.clear()


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
