"""`patreon members sync` and `patreon members who`: a member mirror from the shell.

Over the embedded sandbox (`--sandbox`), a served one (logged in as a user would be), and a real
PostgreSQL; the mirror the command fills is compared with what the API says.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from patreon_auth import PatreonCreatorClient, Token
from patreon_members import Change, Entitlement, MemberMirror, entitlement_of, member_fields, member_include
from patreon_sandbox import Sandbox
from patreon_sandbox.world import Kind
from tests.fleet.conftest import postgres_server
from tests.integration.clients import creator

from .conftest import Run

__all__ = ["postgres_server"]

EMBEDDED = ("--sandbox", "--sandbox-members", "60")


def api_truth(sandbox: Sandbox) -> dict[str, Entitlement]:
    """Every member's entitlement as the sandbox's API says now."""
    with creator(sandbox) as client:
        return {
            member.id: entitlement_of(member, page)
            for page in client.members.pages(
                sandbox.campaign_id, include=member_include(), fields=member_fields()
            )
            for member in page.data
        }


def assert_mirror_is(database: str | Path, truth: dict[str, Entitlement]) -> None:
    """The mirror holds exactly these members, each with this entitlement."""
    with MemberMirror(database) as mirror:
        assert mirror.count() == len(truth)
        assert {member_id: mirror.get(member_id) for member_id in truth} == truth


# --- the embedded sandbox ----------------------------------------------------------------------------


def test_sync_fills_the_mirror_with_what_the_api_says(cli: Run, tmp_path: Path) -> None:
    db = tmp_path / "members.db"
    first = cli(*EMBEDDED, "--json", "members", "sync", "--db", str(db), "--no-progress")
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert summary["members"] == 60 and summary["changes"] == {"joined": 60}
    assert summary["database"] == f"SQLite {str(db)!r}" and summary["reread"] == 0
    assert "synced 60 members" in first.stderr and "60 joined" in first.stderr
    with Sandbox(seed=7, members=60, rate_limits=None) as same_world:  # --sandbox-seed 7: the same world
        assert_mirror_is(db, api_truth(same_world))
    again = cli(*EMBEDDED, "members", "sync", "--db", str(db), "--no-progress")
    assert again.exit_code == 0 and "no changes" in again.stderr


def test_progress_bar_counts_the_members_written(cli: Run, tmp_path: Path) -> None:
    result = cli(*EMBEDDED, "members", "sync", "--db", str(tmp_path / "m.db"))
    assert result.exit_code == 0, result.output
    assert "60/60" in result.stderr  # rich's final frame: written of meta.pagination.total


def test_who_by_user_email_and_member_id(cli: Run, tmp_path: Path) -> None:
    db = str(tmp_path / "members.db")
    assert cli(*EMBEDDED, "members", "sync", "--db", db, "--no-progress").exit_code == 0
    with Sandbox(seed=7, members=60, rate_limits=None) as same_world:
        truth = api_truth(same_world)
    paying = next(e for e in truth.values() if e.status == "paying" and e.email)
    follower = next(e for e in truth.values() if e.status == "follower")
    assert paying.email is not None
    for key in (paying.user_id, paying.email.upper(), paying.member_id):
        result = cli("--json", "members", "who", key, "--db", db)
        assert result.exit_code == 0, result.output
        [found] = json.loads(result.stdout)
        assert found["member_id"] == paying.member_id and found["status"] == "paying"
        assert found["tiers"] == [
            {"id": t.id, "title": t.title, "amount_cents": t.amount_cents} for t in paying.tiers
        ]
        assert found["reason"] == paying.reason
    table = cli("members", "who", follower.user_id, "--db", db)
    assert table.exit_code == 0
    assert (
        "follower" in table.stdout and follower.reason in table.stdout and "paying        no" in table.stdout
    )


def test_who_not_found_and_bad_mirrors(cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "members.db"
    assert cli(*EMBEDDED, "members", "sync", "--db", str(db), "--no-progress").exit_code == 0
    nobody = cli("members", "who", "nobody@example.com", "--db", str(db))
    assert nobody.exit_code == 6 and "nobody@example.com" in nobody.stderr and nobody.stdout == ""
    missing = tmp_path / "never-synced.db"
    result = cli("members", "who", "1", "--db", str(missing))
    assert result.exit_code == 13 and "patreon members sync" in result.stderr
    assert not missing.exists()  # a lookup never creates an empty mirror
    assert cli("members", "who", "1").exit_code == 2  # no --db and no PATREON_MEMBERS_DB
    assert cli("members", "who", "  ", "--db", str(db)).exit_code == 2
    monkeypatch.setenv("PATREON_MEMBERS_DB", str(db))
    by_env = cli("members", "who", "nobody@example.com")
    assert by_env.exit_code == 6 and str(db) in by_env.stderr


def test_a_locked_mirror_is_exit_13_naming_the_file(cli: Run, tmp_path: Path) -> None:
    db = tmp_path / "members.db"
    assert cli(*EMBEDDED, "members", "sync", "--db", str(db), "--no-progress").exit_code == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer (a receiver, a second sync) holds the lock
    try:
        result = cli(*EMBEDDED, "members", "sync", "--db", str(db), "--no-progress", "--wait", "0.2")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 13, result.output
    assert str(db) in result.stderr and "locked" in result.stderr and "Traceback" not in result.output
    assert cli(*EMBEDDED, "members", "sync", "--db", str(db), "--no-progress").exit_code == 0


def test_a_mirror_of_another_campaign_is_refused(cli: Run, tmp_path: Path) -> None:
    db = str(tmp_path / "members.db")
    assert cli(*EMBEDDED, "members", "sync", "--db", db, "--no-progress").exit_code == 0
    result = cli(*EMBEDDED, "members", "sync", "--db", db, "--campaign", "123", "--no-progress")
    assert result.exit_code == 2 and "123" in result.stderr and "another --db" in result.stderr


def test_bad_wait_is_a_usage_error(cli: Run, tmp_path: Path) -> None:
    result = cli(*EMBEDDED, "members", "sync", "--db", str(tmp_path / "m.db"), "--wait", "soon")
    assert result.exit_code == 2 and "seconds" in result.stderr


# --- a served sandbox --------------------------------------------------------------------------------


def test_served_sync_reports_the_changes_the_library_sees(
    cli: Run, served: Sandbox, logged_in: Token, tmp_path: Path
) -> None:
    """The summary's counts are the changes a mirror kept by the library itself reports."""
    db = tmp_path / "members.db"
    reference: list[Change] = []
    assert cli("members", "sync", "--db", str(db), "--no-progress").exit_code == 0
    with (
        PatreonCreatorClient(
            client_id=served.client_id,
            client_secret=served.client_secret,
            token=served.creator_token(),
            base_url=served.base_url,
        ) as client,
        MemberMirror(tmp_path / "reference.db", on_change=reference.append) as library,
    ):
        library.resync(client, served.campaign_id)
        reference.clear()
        active = [r.id for r in served.world.order if r.kind is Kind.ACTIVE]
        top = served.world.tiers[3].id
        served.update_pledge(active[0], tier_id=top)
        served.delete_pledge(active[1])
        new = served.add_pledge(tier_id=top)
        library.resync(client, served.campaign_id)
    result = cli("--json", "members", "sync", "--db", str(db), "--no-progress")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    expected = Counter(change.kind for change in reference)
    assert summary["changes"] == dict(expected) and expected["joined"] == 1 and expected["tier_changed"] >= 1
    assert_mirror_is(db, api_truth(served))
    who = cli("--json", "members", "who", new, "--db", str(db))
    assert who.exit_code == 0 and [e["tiers"][0]["id"] for e in json.loads(who.stdout)] == [top]


# --- PostgreSQL --------------------------------------------------------------------------------------


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh database on the test server, as a URL carrying a password (the server trusts loopback,
    so the password is never checked: it is there to be kept out of every output)."""
    import psycopg

    parts = psycopg.conninfo.conninfo_to_dict(postgres_server)
    name = f"mirror_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield f"postgresql://{parts['user']}:Hunter2-pw-secret@{parts['host']}:{parts['port']}/{name}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_postgres_mirror_by_url_never_shows_the_password(cli: Run, postgres_url: str) -> None:
    synced = cli(*EMBEDDED, "--json", "members", "sync", "--db", postgres_url, "--no-progress")
    assert synced.exit_code == 0, synced.output
    assert json.loads(synced.stdout)["changes"] == {"joined": 60}
    with Sandbox(seed=7, members=60, rate_limits=None) as same_world:
        truth = api_truth(same_world)
    someone = next(e for e in truth.values() if e.tiers)
    who = cli("--json", "members", "who", someone.user_id, "--db", postgres_url)
    assert who.exit_code == 0 and json.loads(who.stdout)[0]["member_id"] == someone.member_id
    assert_mirror_is(postgres_url, truth)
    gone = postgres_url.rsplit(":", 1)[0] + ":1/nowhere"  # nothing listens on port 1
    failed = cli(*EMBEDDED, "members", "sync", "--db", gone, "--no-progress")
    assert failed.exit_code == 13 and "PostgreSQL" in failed.stderr
    for result in (synced, who, failed):
        assert "Hunter2-pw-secret" not in result.output


def test_postgres_keyword_conninfo_from_the_environment(
    cli: Run, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libpq's key=value form, given in PATREON_MEMBERS_DB: used as PostgreSQL, password never shown."""
    import psycopg

    conninfo = psycopg.conninfo.make_conninfo("", **psycopg.conninfo.conninfo_to_dict(postgres_url))
    assert "password=Hunter2-pw-secret" in conninfo and "://" not in conninfo
    monkeypatch.setenv("PATREON_MEMBERS_DB", conninfo)
    synced = cli(*EMBEDDED, "members", "sync", "--no-progress")
    assert synced.exit_code == 0, synced.output
    assert "into PostgreSQL " in synced.stderr and "Hunter2-pw-secret" not in synced.output
    assert not Path(conninfo).exists()  # not taken for a file name
    monkeypatch.setenv("PATREON_MEMBERS_DB", conninfo.replace("dbname=", "dbname=missing_"))
    failed = cli(*EMBEDDED, "members", "sync", "--no-progress")
    assert failed.exit_code == 13 and "Hunter2-pw-secret" not in failed.output
