"""A database that is locked, full, read-only or gone; callbacks that fail; kill -9 in a resync."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from patreon_auth import PatreonCreatorClient
from patreon_members import Change, MemberMirror, MirrorStorageError
from patreon_members._sql import sqlite_connect
from patreon_members._sync import engines
from patreon_sandbox import Sandbox

from .conftest import Deliveries, creator

ROOT = Path(__file__).resolve().parents[2]


def _first_event(sandbox: Sandbox, deliveries: Deliveries) -> Any:
    sandbox.add_follower()
    [event] = deliveries.take()
    return event


def test_locked_database_is_a_typed_error_naming_the_file(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path
) -> None:
    with MemberMirror(db_path, lock_timeout=0.2) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        event = _first_event(sandbox, deliveries)
        holder = sqlite3.connect(db_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            with pytest.raises(MirrorStorageError) as caught:
                mirror.apply(event)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert caught.value.problem == "locked" and str(db_path) in caught.value.where
        assert str(db_path) in str(caught.value)
        # Nothing was stored: the same delivery, sent again by Patreon, is applied now.
        assert [c.kind for c in mirror.apply(event) or []] == ["joined"]


@pytest.fixture
def connect_with(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """PRAGMAs run on each new connection of the sync SQLite engine (the real sqlite3 refusing)."""
    pragmas: list[str] = []
    real = sqlite_connect

    def connect(*args: Any) -> sqlite3.Connection:
        conn = real(*args)
        for pragma in pragmas:
            conn.execute(pragma)
        return conn

    monkeypatch.setattr(engines, "sqlite_connect", connect)
    yield pragmas


def test_read_only_database(
    sandbox: Sandbox,
    client: PatreonCreatorClient,
    deliveries: Deliveries,
    db_path: Path,
    connect_with: list[str],
) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
    connect_with.append("PRAGMA query_only = ON")
    with MemberMirror(db_path) as mirror:
        with pytest.raises(MirrorStorageError) as caught:
            mirror.apply(_first_event(sandbox, deliveries))
        assert caught.value.problem == "read_only" and str(db_path) in caught.value.where
        assert mirror.count() == len(sandbox.member_ids) - 1  # reads still work


def test_full_database(
    sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path, connect_with: list[str]
) -> None:
    connect_with.append("PRAGMA max_page_count = 12")
    with MemberMirror(db_path) as mirror, pytest.raises(MirrorStorageError) as caught:
        mirror.resync(client, sandbox.campaign_id)
    assert caught.value.problem == "full" and str(db_path) in str(caught.value)


def test_database_gone(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path
) -> None:
    with MemberMirror(db_path) as mirror:
        mirror.resync(client, sandbox.campaign_id)
        event = _first_event(sandbox, deliveries)
        for path in db_path.parent.iterdir():
            path.unlink()
        with pytest.raises(MirrorStorageError) as caught:
            mirror.apply(event)
        assert caught.value.problem == "gone" and str(db_path) in str(caught.value)
    missing = db_path.parent / "no-such-dir" / "m.db"
    with MemberMirror(missing, campaign_id="1") as mirror, pytest.raises(MirrorStorageError) as caught:
        mirror.count()
    assert caught.value.problem == "gone" and str(missing) in caught.value.where


# --- callbacks -------------------------------------------------------------------------------------


def test_callbacks_run_after_the_commit_and_a_failure_loses_nothing(
    sandbox: Sandbox,
    client: PatreonCreatorClient,
    deliveries: Deliveries,
    db_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    seen_in_database: list[bool] = []
    after_failure: list[Change] = []

    def check_durable(change: Change) -> None:
        # Another connection sees the write: it was committed before the callback ran.
        with sqlite3.connect(db_path) as other:
            row = other.execute("SELECT 1 FROM patreon_members WHERE member_id = ?", (change.member_id,))
            seen_in_database.append(row.fetchone() is not None)

    def broken(change: Change) -> None:
        raise RuntimeError("the Discord API is down")

    with MemberMirror(db_path, on_change=[check_durable, broken, after_failure.append]) as mirror:
        mirror.resync(client, sandbox.campaign_id, keep_changes=False)
        assert len(seen_in_database) == len(sandbox.member_ids) and all(seen_in_database)
        seen_in_database.clear()
        after_failure.clear()
        caplog.clear()
        event = _first_event(sandbox, deliveries)
        changes = mirror.apply(event)
        assert changes is not None and [c.kind for c in changes] == ["joined"]
        assert seen_in_database == [True] and after_failure == changes  # the later callback still ran
        assert "on_change callback" in caplog.text and "joined" in caplog.text
        assert mirror.get(changes[0].member_id) == changes[0].after  # the write is kept
        assert mirror.apply(event) is None and after_failure == changes  # never reported again


def test_keep_changes_false_reports_through_callbacks_only(
    sandbox: Sandbox, client: PatreonCreatorClient, db_path: Path
) -> None:
    reported: list[Change] = []
    progress: list[tuple[int, int | None]] = []
    with MemberMirror(db_path, on_change=reported.append) as mirror:
        report = mirror.resync(
            client, sandbox.campaign_id, keep_changes=False, on_page=lambda *p: progress.append(p)
        )
    assert report.changes == () and report.joined == len(reported) == len(sandbox.member_ids)
    # One call per page written (pages of 1000: one here), with Patreon's total.
    assert progress == [(len(sandbox.member_ids), len(sandbox.member_ids))] and report.pages == 1


# --- kill -9 in the middle of a resync -------------------------------------------------------------

KILLED_RESYNC = textwrap.dedent(
    """
    import os, signal, sys
    from patreon_auth import PatreonCreatorClient
    from patreon_members import MemberMirror
    from patreon_sandbox import Sandbox

    from tests.members.test_mirror_faults import change_world

    db, members, kill_after, changed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
    sandbox = Sandbox(seed=5, members=members, rate_limits=None)
    if changed:
        change_world(sandbox)
    client = PatreonCreatorClient(client_id=sandbox.client_id, client_secret=sandbox.client_secret,
                                  token=sandbox.creator_token(), transport=sandbox.transport(),
                                  base_url=sandbox.base_url)
    count = 0
    def die(change):
        global count
        count += 1
        if count == kill_after:
            os.kill(os.getpid(), signal.SIGKILL)
    MemberMirror(db, on_change=die).resync(client, sandbox.campaign_id, keep_changes=False)
    """
)


def change_world(sandbox: Sandbox) -> None:
    """Followers among the first 50 members leave; the first paying member moves to the top tier."""
    from patreon_sandbox.world import Kind

    for member_id in sandbox.member_ids[:50]:
        record = sandbox.world.member_by_id(member_id)
        if record is not None and record.kind is Kind.FOLLOWER:
            sandbox.world.remove_member(record)
    record = next(r for r in sandbox.world.order if r.kind is Kind.ACTIVE and r.tier != 3)
    sandbox.world.set_member_state(record, Kind.ACTIVE, 3)


def _resync_in_process(db_path: Path, members: int, kill_after: int, changed: bool) -> int:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLED_RESYNC,
            str(db_path),
            str(members),
            str(kill_after),
            "1" if changed else "0",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=120,
    )
    return done.returncode


def test_kill_9_in_a_resync_leaves_a_consistent_mirror_the_next_resync_completes(tmp_path: Path) -> None:
    db_path = tmp_path / "killed.db"
    # Killed right after the first page (1000 members) committed and was being reported.
    assert _resync_in_process(db_path, 2500, kill_after=1, changed=False) == -signal.SIGKILL
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with MemberMirror(db_path) as mirror:
        assert mirror.count() == 1000  # the first page, whole; nothing half-written
    # A second run is killed after page 3 committed (pages 2 and 3 joined 1500 members).
    assert _resync_in_process(db_path, 2500, kill_after=1400, changed=False) == -signal.SIGKILL
    with MemberMirror(db_path) as mirror:
        assert mirror.count() == 2500
    # The world changes; the resync is killed after its first page, before anyone is removed.
    assert _resync_in_process(db_path, 2500, kill_after=1, changed=True) == -signal.SIGKILL
    with MemberMirror(db_path) as mirror:
        assert mirror.count() == 2500
    with Sandbox(seed=5, members=2500, rate_limits=None) as sandbox, MemberMirror(db_path) as mirror:
        change_world(sandbox)
        with creator(sandbox) as client:
            report = mirror.resync(client, sandbox.campaign_id)
        gone = 2500 - len(sandbox.member_ids)
        assert gone > 0 and report.counts == {"left": gone}  # the tier change was written before the kill
        assert mirror.count() == len(sandbox.member_ids)
