"""Writers SIGKILLed mid-write, and a clock step, on the real engines (a SQLite file, PostgreSQL).

Killed writers: three processes rewrite one row in a loop; one at a time is SIGKILLed at a random
moment (mid-transaction, mid-COMMIT, between) and replaced. A write a writer acknowledged (its
COMMIT returned) must never be undone, the row must stay a readable token, and the lock a killed
writer held must come free for the next one (the database ends its transaction with its process).

Clock step: the sandbox's clock jumps two hours ahead while users' requests run (every token dies
at Patreon at once, as when this host's clock had fallen behind): each user's token is refreshed
exactly once, no caller is told to log in again, and no login is lost.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from patreon_auth import PatreonUserClient, RefreshError
from patreon_auth.stores import PostgresStore, SQLiteStore, SQLStore
from patreon_sandbox import Sandbox
from tests.stores._helpers import REPO_ROOT, count_of

KILLS = 4


def store_on(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> tuple[str, str, SQLStore]:
    if kind == "sqlite":
        target, table = str(tmp_path / "site.db"), "patreon_tokens"
        return target, table, SQLiteStore(target, table=table, lock_timeout=10)
    target = request.getfixturevalue("postgres_server")
    table = request.getfixturevalue("postgres_table")
    return target, table, PostgresStore(target, table=table, lock_timeout=10)


class Writer:
    """One writer process and the counts it acknowledged, read as it prints them."""

    def __init__(self, kind: str, target: str, table: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
        command = [sys.executable, "-m", "tests.fleet._sql_writer_worker", kind, target, table]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env, cwd=REPO_ROOT)
        self.acks: list[int] = []
        self.writing = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.acks.append(int(line))
            self.writing.set()

    def kill(self) -> list[int]:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=20)
        self._reader.join(timeout=20)
        return self.acks


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_writers_killed_mid_write_lose_no_acknowledged_write(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest, private_state_home: Path
) -> None:
    target, table, store = store_on(kind, tmp_path, request)
    row = store.for_user("writer")
    chance = random.Random(21)
    writers = [Writer(kind, target, table) for _ in range(3)]
    acks: list[int] = []
    try:
        for _ in range(KILLS):
            for writer in writers:
                assert writer.writing.wait(timeout=20), "a writer never wrote"
            time.sleep(chance.uniform(0.02, 0.2))  # lands anywhere in a round: mid-write, mid-COMMIT
            acks += writers.pop(chance.randrange(len(writers))).kill()
            writers.append(Writer(kind, target, table))
    finally:
        for writer in writers:
            acks += writer.kill()
    assert len(acks) > 20, "the writers barely wrote: the test proved nothing"
    # Nothing acknowledged was undone: the row holds the highest count acknowledged, or one more
    # (a writer killed after its COMMIT, before it printed).
    final = row.get()
    assert count_of(final) >= max(acks)
    assert len(set(acks)) == len(acks)  # and no two writers wrote the same count: the lock held
    # The lock the last victims may have held is free: taken at once, not after lock_timeout.
    # Its holder reads what a victim killed mid-write put ahead of its write, and writes it: the
    # row moves on by that one uncommitted write, never back.
    started = time.monotonic()
    with row.refresh_lock():
        assert count_of(row.get()) in (count_of(final), count_of(final) + 1)
    assert time.monotonic() - started < 5
    leftovers = [*tmp_path.glob("*.ahead"), *(private_state_home / "patreonkit" / "rescue").glob("*")]
    assert leftovers == []
    store.close()


def test_a_clock_step_refreshes_each_user_once_and_loses_none(tmp_path: Path) -> None:
    users_count, rounds = 12, 4
    db = SQLiteStore(tmp_path / "site.db")
    with Sandbox(seed=23, members=users_count + 4, rate_limits=None) as sandbox:
        people = [user for user in sandbox.users if user.id != sandbox.creator.id][:users_count]
        ids = [person.id for person in people]
        for person in people:
            db.for_user(person.id).put(sandbox.user_token(person))  # valid for a month
        users = PatreonUserClient(
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            redirect_uri=sandbox.redirect_uri,
            transport=sandbox.transport(),
            base_url="https://sandbox.test",
        )
        errors: list[BaseException] = []
        stepped = threading.Event()

        def work(offset: int) -> None:
            for turn in range(rounds * users_count):
                if turn == users_count:
                    stepped.wait(timeout=10)
                user_id = ids[(offset + turn) % users_count]
                try:
                    me = users.create_instance(store=db.for_user(user_id)).identity.get()
                    assert me.data.id == user_id
                except BaseException as exc:
                    errors.append(exc)

        threads = [threading.Thread(target=work, args=(offset,)) for offset in range(6)]
        for thread in threads:
            thread.start()
        time.sleep(0.05)
        sandbox.advance_clock(2 * 3600 + 31 * 86400)  # past every token's expiry at Patreon
        stepped.set()
        for thread in threads:
            thread.join(timeout=60)
        assert errors == []
        assert sandbox.stats.refresh_requests == users_count  # once each, however many waited
        lost = 0
        for user_id in ids:
            try:
                users.create_instance(store=db.for_user(user_id)).identity.get()
            except RefreshError:
                lost += 1
        assert lost == 0
        users.close()
    db.close()


@pytest.mark.parametrize("when", ["before", "after"])
@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_a_refresher_killed_mid_write_leaves_its_token_for_the_next_process(
    kind: str, when: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """SIGKILL between the refresh (the old refresh token spent) and the COMMIT of its write: the
    row's rescue file, written ahead of the write, keeps the new token for the next store."""
    target, table, db = store_on(kind, tmp_path, request)
    with Sandbox(seed=24, members=4, rate_limits=None) as sandbox, sandbox.serve_in_thread() as base_url:
        person = sandbox.users[1]
        db.for_user(person.id).put(sandbox.user_token(person, expires_in=-60))
        job = {
            "kind": kind,
            "target": target,
            "table": table,
            "when": when,
            "user_id": person.id,
            "client_id": sandbox.client_id,
            "client_secret": sandbox.client_secret,
            "redirect_uri": sandbox.redirect_uri,
            "base_url": base_url,
        }
        path = tmp_path / "job.json"
        path.write_text(json.dumps(job))
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
        worker = subprocess.run(
            [sys.executable, "-m", "tests.fleet._killed_refresher_worker", str(path)],
            env=env,
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert worker.returncode == -signal.SIGKILL, worker.stderr
        assert sandbox.stats.refresh_requests == 1  # the old refresh token is spent
        users = PatreonUserClient(
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            redirect_uri=sandbox.redirect_uri,
            base_url=base_url,
        )
        fresh = store_on(kind, tmp_path, request)[2]
        try:
            me = users.create_instance(store=fresh.for_user(person.id)).identity.get()
        except RefreshError as exc:
            pytest.fail(f"the login was lost with the killed process: {exc}")
        assert me.data.id == person.id
        assert sandbox.stats.refresh_requests == 1  # its token was found, not refreshed again
        stored = fresh.for_user(person.id).get()
        assert stored is not None and not stored.is_expired(0)
        assert fresh.for_user(person.id).rescue_paths and not any(
            path.exists() for path in fresh.for_user(person.id).rescue_paths
        )
        users.close()
        fresh.close()
    db.close()
