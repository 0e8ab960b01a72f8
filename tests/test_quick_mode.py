"""`make test-quick` (pytest --quick) leaves out what needs redis-server, PostgreSQL or Chromium and
the slow modules, and fails a run in which a test starts one of those servers anyway."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pytest(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_quick_collection_leaves_out_external_and_slow_tests() -> None:
    files = [
        "tests/browser/test_login_in_browser.py",  # Chromium
        "tests/stores/test_redis.py",  # redis-server
        "tests/fleet/test_sql_store.py",  # PostgreSQL
        "tests/packaging/test_build_backend.py",  # slow
        "tests/sandbox/test_consent_page.py",  # none of those
    ]
    done = _pytest("--collect-only", "-q", "--quick", *files)
    assert done.returncode == 0, done.stdout + done.stderr
    kept = {line.split("[")[0] for line in done.stdout.splitlines() if "::" in line}
    # test_redis_down needs no server (it talks to a closed port); the rest of the file does.
    assert {node for node in kept if not node.startswith("tests/sandbox/test_consent_page.py")} == {
        "tests/stores/test_redis.py::test_redis_down"
    }
    assert any(node.startswith("tests/sandbox/test_consent_page.py") for node in kept)
    everything = _pytest("--collect-only", "-q", *files)
    assert {line.split("::")[0] for line in everything.stdout.splitlines() if "::" in line} == set(files)


def test_a_quick_run_that_starts_a_server_fails() -> None:
    done = _pytest("-q", "--quick", "tests/quick_mode_probe.py")
    assert "1 passed" in done.stdout, done.stdout
    assert done.returncode == 1
    assert "--quick started external servers" in done.stderr and "redis-server" in done.stderr
    # The same test outside --quick is nobody's business.
    assert _pytest("-q", "tests/quick_mode_probe.py").returncode == 0
