"""Several receivers and processes writing one mirror at once: each delivery applied once, one truth.

SQLite (threads of one process, and processes) and PostgreSQL (the same, against a real server).
"""

from __future__ import annotations

import base64
import json
import os
import random
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from patreon_auth import PatreonCreatorClient
from patreon_auth.webhooks import verify_and_parse
from patreon_members import (
    Change,
    MemberMirror,
    MirrorStorageError,
    entitlement_of,
    member_fields,
    member_include,
)
from patreon_sandbox import Sandbox

from .conftest import Deliveries

ROOT = Path(__file__).resolve().parents[2]


def make_traffic(sandbox: Sandbox) -> None:
    """New patrons, followers who start paying, followers deleted, cancellations."""
    tiers = [t.id for t in sandbox.world.tiers[:4]]
    for index in range(12):
        sandbox.add_pledge(tier_id=tiers[index % 4])
    for index in range(6):
        follower = sandbox.add_follower()
        if index % 2:
            sandbox.add_pledge(member_id=follower, tier_id=tiers[index % 4])
        else:
            sandbox.delete_member(follower)


def expected_once(deliveries: list[tuple[dict[str, str], bytes]], secret: str) -> int:
    from patreon_members.mirror import delivery_digest

    return len({delivery_digest(verify_and_parse(h, b, secret)) for h, b in deliveries})


def assert_matches_api(mirror: MemberMirror, sandbox: Sandbox, client: PatreonCreatorClient) -> None:
    truth = {
        member.id: entitlement_of(member, page)
        for page in client.members.pages(
            sandbox.campaign_id, include=member_include(), fields=member_fields()
        )
        for member in page.data
    }
    assert mirror.count() == len(truth)
    assert all(mirror.get(member_id) == entitlement for member_id, entitlement in truth.items())


def run_threads(
    database: str, events: list[Any], receivers: int, shared: MemberMirror | None = None
) -> tuple[int, list[Change]]:
    """``receivers`` threads applying every event in their own order, each with its own mirror
    object, or all through ``shared`` (one mirror in a threaded web server)."""
    applied = 0
    changes: list[Change] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def receiver(seed: int) -> None:
        nonlocal applied
        order = list(events)
        random.Random(seed).shuffle(order)
        try:
            with shared or MemberMirror(database) as mirror:
                for event in order:
                    result = mirror.apply(event)
                    with lock:
                        if result is not None:
                            applied += 1
                            changes.extend(result)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=receiver, args=(seed,)) for seed in range(receivers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return applied, changes


def run_processes(
    database: str, secret: str, kept: list[tuple[dict[str, str], bytes]], tmp: Path
) -> list[Any]:
    path = tmp / "deliveries.json"
    path.write_text(json.dumps([[h, base64.b64encode(b).decode()] for h, b in kept]))
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.members._apply_worker", database, secret, str(path), str(seed)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for seed in range(3)
    ]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=180)
        assert worker.returncode == 0, err.decode()[-2000:]
        results.append(json.loads(out))
    return results


def scenario_threads(
    database: str,
    sandbox: Sandbox,
    client: PatreonCreatorClient,
    deliveries: Deliveries,
    *,
    shared: bool = False,
) -> None:
    with MemberMirror(database) as mirror:
        mirror.resync(client, sandbox.campaign_id)
    make_traffic(sandbox)
    kept = list(deliveries.kept)
    events = deliveries.events()
    one = _SharedMirror(database) if shared else None
    applied, changes = run_threads(database, events, receivers=6, shared=one)
    if one is not None:
        one.really_close()
    assert applied == expected_once(kept, deliveries.secret)
    # Every member change is reported by exactly one receiver.
    assert all(n == 1 for n in Counter((c.member_id, c.kind) for c in changes).values())
    with MemberMirror(database) as mirror:
        # Before any re-read, every member not marked is already the API's truth.
        marked = set(mirror.marked())
        truth = {
            member.id: entitlement_of(member, page)
            for page in client.members.pages(
                sandbox.campaign_id, include=member_include(), fields=member_fields()
            )
            for member in page.data
        }
        assert all(mirror.get(i) == e for i, e in truth.items() if i not in marked)
        mirror.reread(client)
        assert mirror.marked() == []
        assert_matches_api(mirror, sandbox, client)


def scenario_processes(
    database: str, sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, tmp: Path
) -> None:
    with MemberMirror(database) as mirror:
        mirror.resync(client, sandbox.campaign_id)
    make_traffic(sandbox)
    results = run_processes(database, deliveries.secret, list(deliveries.kept), tmp)
    assert sum(r["applied"] for r in results) == expected_once(list(deliveries.kept), deliveries.secret)
    changes = [tuple(c) for r in results for c in r["changes"]]
    assert all(n == 1 for n in Counter(changes).values())
    with MemberMirror(database) as mirror:
        mirror.reread(client)
        assert_matches_api(mirror, sandbox, client)


def test_sqlite_receivers_in_threads(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path
) -> None:
    scenario_threads(str(db_path), sandbox, client, deliveries)


class _SharedMirror(MemberMirror):
    """One mirror object for every thread: leaving ``with`` in one thread must not close it for the others."""

    def close(self) -> None:
        pass

    def really_close(self) -> None:
        super().close()


def test_sqlite_one_mirror_shared_by_threads(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path
) -> None:
    scenario_threads(str(db_path), sandbox, client, deliveries, shared=True)


def test_sqlite_receivers_in_processes(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, db_path: Path, tmp_path: Path
) -> None:
    scenario_processes(str(db_path), sandbox, client, deliveries, tmp_path)


# --- PostgreSQL --------------------------------------------------------------------------------------


@pytest.fixture
def postgres_db(postgres_server: str) -> Any:
    """A fresh database on the test server, as a postgresql:// URL (dropped afterwards)."""
    import uuid

    import psycopg

    name = f"members_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    parts = psycopg.conninfo.conninfo_to_dict(postgres_server)
    yield f"postgresql://{parts.get('user', 'postgres')}@{parts['host']}:{parts['port']}/{name}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_postgres_mirror(sandbox: Sandbox, client: PatreonCreatorClient, postgres_db: str) -> None:
    reported: list[Change] = []
    with MemberMirror(postgres_db, on_change=reported.append) as mirror:
        report = mirror.resync(client, sandbox.campaign_id)
        assert report.joined == len(sandbox.member_ids) == len(reported)
        assert (
            mirror.where.startswith("PostgreSQL ")
            and mirror.resync(client, sandbox.campaign_id).total_changes == 0
        )
        some = next(
            e for e in (mirror.get(i) for i in sandbox.member_ids) if e is not None and e.tiers and e.email
        )
        assert some.email is not None and mirror.by_email(some.email) == [some]
        assert some in mirror.entitled(some.tiers[0]) and mirror.by_user(some.user_id) == [some]
        assert_matches_api(mirror, sandbox, client)


def test_postgres_receivers_in_threads(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, postgres_db: str
) -> None:
    scenario_threads(postgres_db, sandbox, client, deliveries)


def test_postgres_one_mirror_shared_by_threads(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, postgres_db: str
) -> None:
    scenario_threads(postgres_db, sandbox, client, deliveries, shared=True)


def test_postgres_receivers_in_processes(
    sandbox: Sandbox, client: PatreonCreatorClient, deliveries: Deliveries, postgres_db: str, tmp_path: Path
) -> None:
    scenario_processes(postgres_db, sandbox, client, deliveries, tmp_path)


def test_postgres_from_a_key_value_conninfo(
    sandbox: Sandbox, client: PatreonCreatorClient, postgres_db: str
) -> None:
    import psycopg

    parts = psycopg.conninfo.conninfo_to_dict(postgres_db)
    conninfo = " ".join(f"{key}={value}" for key, value in parts.items())
    with MemberMirror.postgres(conninfo, table_prefix="kv_members") as mirror:
        assert mirror.resync(client, sandbox.campaign_id).joined == len(sandbox.member_ids)
    with psycopg.connect(postgres_db) as conn:
        assert conn.execute("SELECT count(*) FROM kv_members").fetchone() == (len(sandbox.member_ids),)


def test_postgres_server_gone_names_the_server_not_the_password() -> None:
    from tests.stores._helpers import free_port

    port = free_port()
    url = f"postgresql://members:hunter2-secret@127.0.0.1:{port}/mirror"
    with (
        MemberMirror(url, campaign_id="1", lock_timeout=1) as mirror,
        pytest.raises(MirrorStorageError) as caught,
    ):
        mirror.count()
    assert (
        caught.value.problem == "unavailable" and caught.value.where == f"PostgreSQL 127.0.0.1:{port}/mirror"
    )
    assert "hunter2" not in str(caught.value) and "hunter2" not in repr(caught.value)
    assert caught.value.__cause__ is None and "hunter2" not in repr(mirror)


async def test_async_postgres_mirror_with_concurrent_applies(
    sandbox: Sandbox, deliveries: Deliveries, postgres_db: str
) -> None:
    import asyncio

    from patreon_members import AsyncMemberMirror

    from .conftest import async_creator

    async with async_creator(sandbox) as aclient, AsyncMemberMirror(postgres_db) as mirror:
        report = await mirror.resync(aclient, sandbox.campaign_id)
        assert report.joined == len(sandbox.member_ids) == await mirror.count()
        await asyncio.to_thread(make_traffic, sandbox)
        events = deliveries.events()
        # Every delivery twice, all at once: each applied once.
        results = await asyncio.gather(*(mirror.apply(event) for event in events + events))
        assert sum(r is not None for r in results) == expected_once(list(deliveries.kept), deliveries.secret)
        await mirror.reread(aclient)
        assert await mirror.marked() == []
        for member_id in sandbox.member_ids:
            document = await aclient.members.get(member_id, include=member_include(), fields=member_fields())
            assert await mirror.get(member_id) == entitlement_of(document.data, document)


async def test_async_sqlite_locked_is_a_typed_error(sandbox: Sandbox, db_path: Path) -> None:
    from patreon_members import AsyncMemberMirror

    async with AsyncMemberMirror(db_path, campaign_id=sandbox.campaign_id, lock_timeout=0.2) as mirror:
        assert await mirror.count() == 0
        holder = sqlite3.connect(db_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(MirrorStorageError) as caught:
                await mirror.prune()
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert caught.value.problem == "locked" and str(db_path) in caught.value.where
        assert await mirror.prune() == 0
