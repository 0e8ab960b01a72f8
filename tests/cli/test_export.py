"""`members export`: every format is valid and complete (rows == meta.pagination.total), columns as asked."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from patreon_cli.export import parse_selection
from patreon_sandbox import Sandbox

from .conftest import Run, creator_login

MEMBERS = 2345  # three pages of 1000: the cursors are followed to the end


@pytest.fixture
def big(config_dir: Path, cli: Run, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    with Sandbox(seed=5, members=MEMBERS, rate_limits=None) as sandbox, sandbox.serve_in_thread() as base_url:
        monkeypatch.setenv("PATREON_BASE_URL", base_url)
        monkeypatch.setenv("PATREON_CLIENT_ID", sandbox.client_id)
        monkeypatch.setenv("PATREON_CLIENT_SECRET", sandbox.client_secret)
        assert creator_login(cli, sandbox.creator_token()).exit_code == 0
        yield sandbox


def export(cli: Run, tmp_path: Path, fmt: str, *extra: str) -> Path:
    target = tmp_path / f"members.{fmt}"
    result = cli("members", "export", "--format", fmt, "--output", str(target), *extra)
    assert result.exit_code == 0, result.output
    return target


def test_csv_is_complete_with_default_columns(cli: Run, big: Sandbox, tmp_path: Path) -> None:
    target = export(cli, tmp_path, "csv")
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == MEMBERS
    assert {row["id"] for row in rows} == set(big.member_ids)
    expected = ["id", *parse_selection(None, None).member_fields]
    assert list(rows[0])[: len(expected)] == expected
    assert list(rows[0])[len(expected) :] == [
        "currently_entitled_tiers.id",
        "currently_entitled_tiers.title",
        "currently_entitled_tiers.amount_cents",
        "user.id",
    ]
    active = [row for row in rows if row["patron_status"] == "active_patron"]
    assert active and all(row["user.id"] for row in rows)
    assert all(
        row["currently_entitled_tiers.title"]
        for row in active
        if row["currently_entitled_amount_cents"] != "0"
    )


def test_jsonl_is_one_record_per_line(cli: Run, big: Sandbox, tmp_path: Path) -> None:
    target = export(cli, tmp_path, "jsonl", "--fields", "full_name,patron_status", "--include", "user")
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == MEMBERS
    first = json.loads(lines[0])
    assert first["type"] == "member" and set(first["attributes"]) == {"full_name", "patron_status"}
    assert first["related"]["user"]["type"] == "user"


def test_json_is_one_streamed_array(cli: Run, big: Sandbox, tmp_path: Path) -> None:
    target = export(
        cli,
        tmp_path,
        "json",
        "--fields",
        "full_name",
        "--include",
        "currently_entitled_tiers",
        "--fields",
        "tier=title",
    )
    records = json.loads(target.read_text(encoding="utf-8"))
    assert isinstance(records, list) and len(records) == MEMBERS
    assert len({record["id"] for record in records}) == MEMBERS
    with_tiers = [r for r in records if r["related"]["currently_entitled_tiers"]]
    assert with_tiers and all(
        "title" in t["attributes"] for r in with_tiers for t in r["related"]["currently_entitled_tiers"]
    )


def test_no_includes(cli: Run, big: Sandbox, tmp_path: Path) -> None:
    target = export(cli, tmp_path, "csv", "--include", "", "--fields", "email")
    with target.open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header == ["id", "email"]


def test_progress_bar_learns_the_total(cli: Run, big: Sandbox, tmp_path: Path) -> None:
    result = cli("members", "export", "--output", str(tmp_path / "m.csv"))
    assert result.exit_code == 0
    assert f"{MEMBERS}/{MEMBERS}" in result.stderr  # rich's final frame: done of total


@pytest.mark.parametrize(("fmt", "empty"), [("json", "[]\n"), ("jsonl", ""), ("csv", None)])
def test_a_campaign_without_members(cli: Run, tmp_path: Path, fmt: str, empty: str | None) -> None:
    result = cli("--sandbox", "--sandbox-members", "0", "members", "export", "--format", fmt, "--no-progress")
    assert result.exit_code == 0, result.output
    if empty is None:
        assert result.stdout.splitlines()[0].startswith("id,")
        assert len(result.stdout.splitlines()) == 1
    else:
        assert result.stdout == empty


def test_export_pages_are_as_large_as_patreon_allows(cli: Run, big: Sandbox, tmp_path: Path) -> None:
    """2,345 members in three requests (pages of 1000), not 118 pages of Patreon's default 20."""
    before = big.stats.by_route.get("list_campaign_members", 0)
    export(cli, tmp_path, "jsonl")
    assert big.stats.by_route["list_campaign_members"] - before == 3
