"""The member mirror (issue 19): resync against export, resync memory, apply rate, duplicate cost.

1. ``MemberMirror.resync`` of 10,000 members from a sandbox served by another process, against
   ``patreon members export`` of the same members to a CSV file; each run in a fresh process,
   alternated, the median of the per-pair ratios printed (target <= 1.2x).
2. Peak RSS of a resync of 100,000 members against one of 10,000, each in its own process into a
   new SQLite file, changes streamed to ``on_change`` (``keep_changes=False``) (target <= 1.1x).
3. ``apply`` of verified deliveries on SQLite (durable commits), per second (target >= 500/s).
4. A duplicate delivery refused with 2,000 and with 102,000 digests stored: O(1) means the same
   cost at both sizes (ratio near 1.0).
Ratios are printed, never asserted.

``python -m bench.members --baseline DIR`` also times, in the same run and alternated with the
others, the resync of an earlier ``patreon_members`` kept in DIR (e.g. ``git archive <commit>
patreon_members | tar -x -C DIR``), so a change is judged before/after on one machine state.
``--only resync`` runs part 1 alone; ``--only apply`` parts 3 and 4.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.export_memory import REPO_ROOT, measure, served_sandbox

RESYNC_MEMBERS = 10_000
RESYNC_TARGET = 1.2
MEMORY_SIZES = (10_000, 100_000)
FLAT = 1.10
APPLY_TARGET = 500.0
CHILD = "child"
# Set in a resync process: a directory holding another patreon_members, imported instead.
BASELINE_ENV = "BENCH_MEMBERS_BASELINE"


def _peak_rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("/proc/self/status has no VmHWM line")


def _resync_child(server: dict[str, Any], database: str) -> dict[str, Any]:
    """In the measuring process: resync the served campaign into ``database``; time and peak memory."""
    baseline = os.environ.get(BASELINE_ENV)
    if baseline:
        sys.path.insert(0, baseline)
    # Loaded before the clock starts, as bench/export_memory.py loads the export's modules.
    import patreon_generated.api.members.list_campaign_members
    import patreon_generated.documents  # noqa: F401
    import patreon_members._sync.mirror  # noqa: F401
    from patreon_auth import PatreonCreatorClient, Token
    from patreon_members import MemberMirror

    count = 0

    def counted(change: object) -> None:
        nonlocal count
        count += 1

    token = Token.from_dict(server["creator_token"])
    with (
        PatreonCreatorClient(
            client_id=server["client_id"],
            client_secret=server["client_secret"],
            token=token,
            base_url=server["base_url"],
        ) as client,
        MemberMirror(database, on_change=counted) as mirror,
    ):
        started = time.perf_counter()
        report = mirror.resync(client, server["campaign_id"], keep_changes=False)
        seconds = time.perf_counter() - started
    source = str(Path(sys.modules[MemberMirror.__module__].__file__ or "").parent.parent)
    return {
        "seconds": seconds,
        "members": report.members,
        "changes": count,
        "peak": _peak_rss_mib(),
        "source": source,
    }


def resync_once(server: dict[str, Any], baseline: str | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as workdir:
        database = str(Path(workdir) / "members.db")
        env = {k: v for k, v in os.environ.items() if k != BASELINE_ENV}
        if baseline is not None:
            env[BASELINE_ENV] = baseline
        done = subprocess.run(
            [sys.executable, "-m", "bench.members", CHILD, json.dumps(server), database],
            capture_output=True,
            text=True,
            check=False,
            cwd=REPO_ROOT,
            env=env,
        )
        if done.returncode != 0:
            raise RuntimeError(f"resync process failed: {done.stderr[-2000:]}")
        report: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    if baseline is not None and not report["source"].startswith(os.path.abspath(baseline)):
        raise RuntimeError(f"the baseline resync imported {report['source']}, not {baseline}")
    return report


def resync_against_export(rounds: int = 3, baseline: str | None = None) -> list[str]:
    """Each round runs the export, this resync (and the baseline's) in a rotated order; the median
    of the per-round ratios to that round's export is printed for each."""
    names = ["export", "resync", *(["baseline"] if baseline else [])]
    seconds: dict[str, list[float]] = {name: [] for name in names}
    ratios: dict[str, list[float]] = {name: [] for name in names[1:]}
    with served_sandbox(RESYNC_MEMBERS) as server:
        for n in range(rounds):
            steps = names[n % len(names) :] + names[: n % len(names)]
            took: dict[str, float] = {}
            for step in steps:
                if step == "export":
                    took[step] = measure(server, RESYNC_MEMBERS, "csv").seconds
                else:
                    report = resync_once(server, baseline if step == "baseline" else None)
                    assert report["members"] == report["changes"] == RESYNC_MEMBERS
                    took[step] = report["seconds"]
            for name in names:
                seconds[name].append(took[name])
            for name in ratios:
                ratios[name].append(took[name] / took["export"])
    ratio = statistics.median(ratios["resync"])
    verdict = "ok" if ratio <= RESYNC_TARGET else "OVER TARGET"
    lines = [
        f"members resync: {RESYNC_MEMBERS:,} members from a sandbox served by another process, "
        f"each run in a fresh process, median of {rounds}",
        f"  patreon members export (CSV file)  {statistics.median(seconds['export']):6.2f} s",
        f"  MemberMirror.resync (new SQLite)   {statistics.median(seconds['resync']):6.2f} s",
    ]
    if baseline:
        lines.append(f"  baseline resync ({baseline})  {statistics.median(seconds['baseline']):6.2f} s")
        lines.append(f"  baseline ratio {statistics.median(ratios['baseline']):4.2f}x the export")
    lines.append(f"  ratio {ratio:4.2f}x the export (target <= {RESYNC_TARGET}x) {verdict}")
    return lines


def resync_memory(sizes: Sequence[int] = MEMORY_SIZES) -> list[str]:
    lines = ["members resync memory: peak RSS of the resync process, changes streamed to on_change"]
    peaks: list[tuple[int, float]] = []
    for members in sizes:
        with served_sandbox(members) as server:
            report = resync_once(server)
        peaks.append((members, report["peak"]))
        lines.append(f"  {members:>7} members {report['seconds']:6.1f} s  peak RSS {report['peak']:6.1f} MiB")
    (small, small_peak), (large, large_peak) = peaks[0], peaks[-1]
    ratio = large_peak / small_peak
    verdict = "ok" if ratio <= FLAT else "NOT FLAT"
    lines.append(f"  {large // small}x the members -> {ratio:.2f}x the peak (target <= {FLAT}x) {verdict}")
    return lines


def _events(count: int) -> tuple[Any, list[Any]]:
    """A resynced mirror's sandbox and ``count`` verified deliveries, each a newer charge of a member."""
    from patreon_auth import PatreonCreatorClient
    from patreon_auth.webhooks import sign, verify_and_parse
    from patreon_members import member_fields, member_include
    from patreon_sandbox import Sandbox

    sandbox = Sandbox(seed=3, members=count, rate_limits=None)
    client = PatreonCreatorClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token=sandbox.creator_token(),
        transport=sandbox.transport(),
        base_url=sandbox.base_url,
    )
    events = []
    for page in client.members.pages(sandbox.campaign_id, include=member_include(), fields=member_fields()):
        for member in page.data:
            data: dict[str, Any] = copy.deepcopy(dict(member.raw))
            linked = {
                (link["type"], link["id"])
                for relationship in data["relationships"].values()
                for link in _linkage(relationship)
            }
            included = [item for item in page.raw.get("included", []) if (item["type"], item["id"]) in linked]
            body: dict[str, Any] = {"data": data, "included": copy.deepcopy(included)}
            body["data"]["attributes"]["last_charge_date"] = "2030-01-01T00:00:00+00:00"
            raw = json.dumps(body).encode()
            headers = {"X-Patreon-Event": "members:update", "X-Patreon-Signature": sign("bench", raw)}
            events.append(verify_and_parse(headers, raw, "bench"))
    return (sandbox, client), events


def _linkage(relationship: dict[str, Any]) -> list[dict[str, str]]:
    data = relationship.get("data")
    if isinstance(data, list):
        return data
    return [data] if isinstance(data, dict) else []


def _refusal_seconds(mirror: Any, sample: list[Any]) -> float:
    """Seconds per duplicate delivery refused, over ``sample`` (each applied before)."""
    started = time.perf_counter()
    assert all(mirror.apply(event) is None for event in sample)
    return (time.perf_counter() - started) / len(sample)


def apply_rate(count: int = 2000, duplicate_rounds: int = 5) -> list[str]:
    import shutil
    import sqlite3

    from patreon_members import MemberMirror

    (sandbox, client), events = _events(count)
    with tempfile.TemporaryDirectory() as workdir:
        database = Path(workdir) / "members.db"
        with MemberMirror(database) as mirror:
            mirror.resync(client, sandbox.campaign_id, keep_changes=False)
            started = time.perf_counter()
            applied = [mirror.apply(event) for event in events]
            seconds = time.perf_counter() - started
            assert all(result is not None for result in applied)
            rate = len(events) / seconds
        # Duplicates: the same 1,000 deliveries again, against this mirror (2,000 digests) and a
        # copy of it holding 100,000 more. Both WALs are checkpointed first, so the two differ in
        # their digests only (an unmerged WAL of 100,000 rows would slow every read of the copy),
        # and the two are measured in alternating rounds, so a machine's drift falls on both.
        with sqlite3.connect(database) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        larger = Path(workdir) / "larger.db"
        shutil.copyfile(database, larger)
        with sqlite3.connect(larger) as conn:
            conn.executemany(
                "INSERT INTO patreon_members_deliveries (digest, member_id, received_at) VALUES (?, ?, ?)",
                ((f"filler-{n:08d}", "x", "2030-01-01") for n in range(100_000)),
            )
        with sqlite3.connect(larger) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        sample = events[:1000]
        small_rounds: list[float] = []
        large_rounds: list[float] = []
        with MemberMirror(database) as small_mirror, MemberMirror(larger) as large_mirror:
            for _ in range(duplicate_rounds):
                small_rounds.append(_refusal_seconds(small_mirror, sample))
                large_rounds.append(_refusal_seconds(large_mirror, sample))
        small = statistics.median(small_rounds)
        large = statistics.median(large_rounds)
    client.close()
    verdict = "ok" if rate >= APPLY_TARGET else "UNDER TARGET"
    return [
        f"members apply: {count:,} verified deliveries on SQLite (WAL, synchronous=FULL), one process",
        f"  {rate:8.0f} deliveries/s  ({seconds / count * 1000:.2f} ms each; target >= {APPLY_TARGET:.0f}/s) {verdict}",
        f"  duplicate refused: {small * 1e6:6.0f} us with {count:,} digests, {large * 1e6:6.0f} us with "
        f"{count + 100_000:,} (median of {duplicate_rounds} alternating rounds): {large / small:.2f}x "
        "(O(1): near 1.0x)",
    ]


def run(baseline: str | None = None, only: str | None = None, rounds: int = 3) -> list[str]:
    if only == "resync":
        return resync_against_export(rounds, baseline)
    if only == "apply":
        return apply_rate()
    return [*resync_against_export(rounds, baseline), "", *resync_memory(), "", *apply_rate()]


def _options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.members")
    parser.add_argument("--baseline", metavar="DIR", help="a directory holding an earlier patreon_members")
    parser.add_argument("--only", choices=["resync", "apply"], help="run part 1 (or parts 3 and 4) alone")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of part 1 (default 3)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    if sys.argv[1:2] == [CHILD]:
        print(json.dumps(_resync_child(json.loads(sys.argv[2]), sys.argv[3])))
        sys.exit(0)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    options = _options(sys.argv[1:])
    baseline_dir = os.path.abspath(options.baseline) if options.baseline else None
    for text in run(baseline_dir, options.only, options.rounds):
        print(text, flush=True)
