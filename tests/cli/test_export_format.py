"""`members export --output NAME.json` writes JSON: the extension picks the format, a contradiction is refused."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from .conftest import Run

MEMBERS = "7"


def _export(cli: Run, *argv: str) -> tuple[int, str]:
    result = cli("--sandbox", "--sandbox-members", MEMBERS, "members", "export", "--no-progress", *argv)
    return result.exit_code, result.stderr


def test_json_extension_writes_a_json_array(cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "members.json"
    code, stderr = _export(cli, "--output", str(target))
    assert code == 0, stderr
    records = json.loads(target.read_text(encoding="utf-8"))
    assert isinstance(records, list) and len(records) == int(MEMBERS)
    assert all(record["id"] for record in records)


@pytest.mark.parametrize("name", ["members.jsonl", "members.NDJSON"])
def test_jsonl_extensions_write_json_lines(cli: Run, tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    code, stderr = _export(cli, "--output", str(target))
    assert code == 0, stderr
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] and len(lines) == int(MEMBERS)


@pytest.mark.parametrize("name", ["members.csv", "members.txt", "members"])
def test_csv_for_csv_and_for_names_that_say_nothing(cli: Run, tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    code, stderr = _export(cli, "--output", str(target))
    assert code == 0, stderr
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == int(MEMBERS) and rows[0]["id"]


def test_a_format_that_contradicts_the_extension_is_refused_before_anything_is_written(
    cli: Run, tmp_path: Path
) -> None:
    target = tmp_path / "members.json"
    code, stderr = _export(cli, "--format", "csv", "--output", str(target))
    assert code == 2
    assert stderr.splitlines()[0] == f"error: --format csv but --output {target} names json"
    assert list(tmp_path.iterdir()) == []  # no file, no .part file


def test_an_explicit_format_that_agrees_and_stdout_default(cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "members.json"
    assert _export(cli, "--format", "json", "--output", str(target))[0] == 0
    assert len(json.loads(target.read_text(encoding="utf-8"))) == int(MEMBERS)
    result = cli("--sandbox", "--sandbox-members", MEMBERS, "members", "export", "--no-progress")
    assert result.exit_code == 0 and result.stdout.startswith("id,")
