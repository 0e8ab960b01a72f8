"""Issue 21: a token refreshed while Redis was down survives the process that refreshed it.

A worker process refreshes through a RedisStore (no ``rescue_path`` given) against a served
sandbox, whose refresh tokens are single use [PD _oauth.md]; redis-server is SIGKILLed right after
the token endpoint answered, so the write fails, and the worker exits while Redis is still down.
Redis comes back empty (no persistence). A NEW process with a new store of the same key must get
the refreshed token (from the default rescue file, 0600, named from the server and the key),
write it back under the lock, delete the file, and refresh from it: 0 tokens lost. Sync and async
stores, on a real redis-server.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
import redis
import redis.asyncio

from patreon_auth.stores import AsyncRedisStore, RedisStore
from patreon_auth.stores._rescue import RescueRecord, fingerprint
from patreon_sandbox import Sandbox
from tests.stores._helpers import run_job_worker
from tests.stores.test_faults import RedisProcess

KEY = "patreon:creator"
WORKER_MODULE = "tests.stores._redis_rescue_worker"


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_token_refreshed_by_a_process_that_exits_while_redis_is_down_is_not_lost(
    flavour: str, redis_server: RedisProcess, tmp_path: Path, private_state_home: Path
) -> None:
    rescue_dir = private_state_home / "patreonkit" / "rescue"
    with Sandbox(seed=21, members=2, rate_limits=None) as sandbox, sandbox.serve_in_thread() as base_url:
        seeder = redis.Redis(host="127.0.0.1", port=redis_server.port)
        RedisStore(seeder, KEY, rescue_path=None).replace(sandbox.creator_token(expires_in=-10))
        seeder.close()
        assert redis_server.process is not None
        job: dict[str, Any] = {
            "flavour": flavour,
            "port": redis_server.port,
            "redis_pid": redis_server.process.pid,
            "key": KEY,
            "client_id": sandbox.client_id,
            "client_secret": sandbox.client_secret,
            "base_url": base_url,
        }

        first, first_log = run_job_worker(
            WORKER_MODULE, {**job, "step": "refresh"}, tmp_path / "job-refresh.json"
        )
        assert first["not_saved"] and first["pending"] is not None
        assert sandbox.stats.refresh_requests == 1  # the seeded refresh token is spent
        assert redis_server.process.poll() is not None  # Redis died before the write
        # The worker exited with Redis down; its token should wait in one private rescue file.
        files = sorted(rescue_dir.glob("*"))
        modes = [stat.S_IMODE(path.stat().st_mode) for path in files]
        rescued = [RescueRecord.from_json(path.read_bytes(), source="test").token for path in files]

        redis_server.kill()  # reap it
        redis_server.start()  # back, empty
        with redis.Redis(host="127.0.0.1", port=redis_server.port) as empty:
            assert empty.get(KEY) is None

        second, second_log = run_job_worker(
            WORKER_MODULE, {**job, "step": "resume"}, tmp_path / "job-resume.json"
        )
        lost = 0 if second["found"] == first["pending"] else 1
        assert lost == 0, "the new process did not find the refreshed token"
        assert "token write failed" in first_log  # the logs checked below are the store's own
        assert "CRITICAL" not in first_log  # not "exits with this process"
        assert [str(path) for path in files] == first["rescue_paths"] and modes == [0o600]
        assert [fingerprint(token) for token in rescued] == [first["pending"]]
        for secret in (rescued[0].access_token, rescued[0].refresh_token or "<none>"):
            assert secret not in first_log and secret not in second_log
        assert second["rescue_paths"] == first["rescue_paths"]  # same server and key: same file
        assert second["files_after_get"] == []  # written back, then deleted
        assert sandbox.stats.refresh_requests == 2  # the rescued token refreshed: it was live
        reader = redis.Redis(host="127.0.0.1", port=redis_server.port)
        stored = RedisStore(reader, KEY, rescue_path=None).get()
        reader.close()
        assert stored is not None and fingerprint(stored) == second["refreshed"]
        assert list(rescue_dir.iterdir()) == []


def test_the_default_rescue_file_is_named_from_the_server_and_the_key(private_state_home: Path) -> None:
    def paths(store: RedisStore | AsyncRedisStore) -> list[Path]:
        return store.rescue_paths

    here = redis.Redis(host="127.0.0.1", port=6390, db=2, password="hunter2-secret")
    same = redis.Redis(host="127.0.0.1", port=6390, db=2)
    other_db = redis.Redis(host="127.0.0.1", port=6390, db=3)
    socket_client = redis.Redis(unix_socket_path="/run/redis/redis.sock")
    one = paths(RedisStore(here, "patreon:creator"))
    assert len(one) == 1 and one[0].parent == private_state_home / "patreonkit" / "rescue"
    assert one[0].name.startswith("redis-patreon-creator-") and one[0].suffix == ".rescue"
    assert "hunter2" not in str(one[0])
    assert paths(RedisStore(same, "patreon:creator")) == one  # credentials are not the identity
    assert (
        paths(AsyncRedisStore(redis.asyncio.Redis(host="127.0.0.1", port=6390, db=2), "patreon:creator"))
        == one
    )
    others = {
        paths(RedisStore(here, "patreon:other"))[0],
        paths(RedisStore(other_db, "patreon:creator"))[0],
        paths(RedisStore(socket_client, "patreon:creator"))[0],
        paths(RedisStore(here, "../../etc/passwd"))[0],
    }
    assert len(others) == 4 and one[0] not in others
    assert all(path.parent == one[0].parent for path in others)  # a key cannot steer it elsewhere
    assert RedisStore(here, "patreon:creator", rescue_path=None).rescue_paths == []
    given = private_state_home / "mine.rescue"
    assert RedisStore(here, "patreon:creator", rescue_path=given).rescue_paths == [given]
