"""Many processes, one expired creator token, single-use refresh tokens: exactly one refresh.

4 processes x 8 threads share a FileStore, then a RedisStore; the sandbox (served on loopback)
enforces single-use rotating refresh tokens as Patreon does [PD _oauth.md], so a second refresh
with the same refresh token would fail with invalid_grant.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from patreon_auth.stores import FileStore, RedisStore
from patreon_sandbox import Sandbox

PROCESSES, THREADS = 4, 8
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def served() -> Iterator[tuple[Sandbox, str]]:
    with Sandbox(seed=5, members=20, rate_limits=None) as sandbox, sandbox.serve_in_thread() as base_url:
        yield sandbox, base_url


def run_workers(sandbox: Sandbox, base_url: str, kind: str, target: str) -> list[dict[str, object]]:
    command = [sys.executable, "-m", "tests.stores._refresh_worker", base_url, sandbox.client_id]
    command += [sandbox.client_secret, kind, target, str(THREADS)]
    processes = [
        subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(PROCESSES)
    ]
    reports = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    return reports


def check(sandbox: Sandbox, reports: list[dict[str, object]]) -> None:
    assert [r["errors"] for r in reports] == [[]] * PROCESSES
    assert sum(int(str(r["ok"])) for r in reports) == PROCESSES * THREADS
    assert sandbox.stats.token_requests == 1
    assert sandbox.stats.refresh_requests == 1


def test_file_store_many_processes_one_refresh(served: tuple[Sandbox, str], tmp_path: Path) -> None:
    sandbox, base_url = served
    path = tmp_path / "creator-token.json"
    expired = sandbox.creator_token(expires_in=-60)
    FileStore(path).put(expired)
    check(sandbox, run_workers(sandbox, base_url, "file", str(path)))
    stored = FileStore(path).get()
    assert stored is not None
    assert stored.refresh_token != expired.refresh_token
    assert not stored.is_expired()


def test_redis_store_many_processes_one_refresh(served: tuple[Sandbox, str], redis_port: int) -> None:
    sandbox, base_url = served
    key = f"patreon-token-{uuid.uuid4().hex}"
    expired = sandbox.creator_token(expires_in=-60)
    RedisStore(redis.Redis(host="127.0.0.1", port=redis_port), key).put(expired)
    check(sandbox, run_workers(sandbox, base_url, "redis", f"{redis_port}:{key}"))
    stored = RedisStore(redis.Redis(host="127.0.0.1", port=redis_port), key).get()
    assert stored is not None
    assert stored.refresh_token != expired.refresh_token
