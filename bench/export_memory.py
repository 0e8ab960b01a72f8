"""Peak memory of `patreon members export` at 10,000 and 100,000 members: it must stay flat.

Each export runs in its own process against a sandbox served by another process, so the numbers
are the command's alone: peak RSS (its own `VmHWM`), RSS before the export started, and the
tracemalloc peak of Python allocations during the export (a second run, since tracing slows it).
Streaming keeps one page (<= 1000 members) in memory, so 10x the members must not mean 10x memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

SIZES = (10_000, 100_000)
FLAT = 1.10  # issue 9: the 100,000-member export peaks within 10% of the 10,000-member one
FORMATS = ("csv", "json")
CHILD = "child"
REPO_ROOT = Path(__file__).resolve().parents[1]


@attrs.frozen
class Measurement:
    """One export: how many rows, how long, and memory in MiB."""

    members: int
    format: str
    rows: int
    seconds: float
    rss_before_mib: float
    rss_peak_mib: float
    traced_peak_mib: float | None

    def line(self) -> str:
        traced = "-" if self.traced_peak_mib is None else f"{self.traced_peak_mib:6.1f}"
        return (
            f"  {self.members:>7} members {self.format:<5} {self.rows:>7} rows {self.seconds:6.1f} s  "
            f"RSS {self.rss_before_mib:5.1f} -> peak {self.rss_peak_mib:5.1f} MiB  traced peak {traced} MiB"
        )


@contextmanager
def served_sandbox(members: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """`python -m patreon_sandbox serve` in its own process; yields its startup line."""
    command = ["serve", "--port", "0", "--members", str(members), "--seed", str(seed), "--no-rate-limits"]
    process = subprocess.Popen(
        [sys.executable, "-m", "patreon_sandbox", *command],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("the sandbox server did not start")
        yield json.loads(line)
    finally:
        process.terminate()
        process.wait(timeout=30)


def _rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_rss_mib() -> float:
    """This process's own peak RSS: `VmHWM` in /proc/self/status.

    Not getrusage's ru_maxrss: a forked child starts with its parent's maximum (getrusage(2), "the
    maximum resident set size ... of the parent at the time of the fork"), so a big parent would
    hide the child's real peak.
    """
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    raise RuntimeError("/proc/self/status has no VmHWM line")


def _child(server: dict[str, Any], fmt: str, output: str, traced: bool) -> dict[str, Any]:
    """In the measuring process: log in from the startup line, export, report memory."""
    from patreon_auth import Token
    from patreon_auth.stores import FileStore
    from patreon_cli.__main__ import main

    config_dir = tempfile.mkdtemp(prefix="export-memory-")
    os.environ.update(
        PATREON_CONFIG_DIR=config_dir,
        PATREON_BASE_URL=server["base_url"],
        PATREON_CLIENT_ID=server["client_id"],
        PATREON_CLIENT_SECRET=server["client_secret"],
    )
    FileStore(Path(config_dir) / "token.json").put(Token.from_dict(server["creator_token"]))
    argv = ["members", "export", "--campaign", server["campaign_id"], "--format", fmt, "--output", output]
    # Everything the export imports is loaded first, so "before" is the resting size of the command.
    import patreon_cli.commands.members  # noqa: F401
    import patreon_generated.client  # noqa: F401

    before = _rss_mib()
    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    code = main([*argv, "--no-progress"])
    seconds = time.perf_counter() - started
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20 if traced else None
    peak = _peak_rss_mib()
    return {"code": code, "seconds": seconds, "before": before, "peak": peak, "traced": traced_peak}


def _count_rows(path: Path, fmt: str) -> int:
    if fmt == "json":
        return len(json.loads(path.read_bytes()))
    with path.open("rb") as handle:
        return sum(1 for _ in handle) - (1 if fmt == "csv" else 0)


def measure(server: dict[str, Any], members: int, fmt: str, *, traced: bool = False) -> Measurement:
    """Export from a served sandbox in a fresh process and measure it."""
    with tempfile.TemporaryDirectory() as workdir:
        output = Path(workdir) / f"members.{fmt}"
        argv = [json.dumps(server), fmt, str(output), "traced" if traced else "plain"]
        done = subprocess.run(
            [sys.executable, "-m", "bench.export_memory", CHILD, *argv],
            capture_output=True,
            text=True,
            check=False,
            cwd=REPO_ROOT,  # so `-m bench.export_memory` imports wherever the caller runs from
        )
        if done.returncode != 0:
            raise RuntimeError(f"export process failed: {done.stderr[-2000:]}")
        report = json.loads(done.stdout.splitlines()[-1])
        if report["code"] != 0:
            raise RuntimeError(f"export exited {report['code']}: {done.stderr[-2000:]}")
        rows = _count_rows(output, fmt)
    return Measurement(
        members=members,
        format=fmt,
        rows=rows,
        seconds=report["seconds"],
        rss_before_mib=report["before"],
        rss_peak_mib=report["peak"],
        traced_peak_mib=report["traced"],
    )


def run(sizes: Sequence[int] = SIZES, formats: Sequence[str] = FORMATS) -> list[str]:
    lines = ["export memory: `patreon members export` in its own process, sandbox served by another"]
    by_format: dict[str, list[Measurement]] = {fmt: [] for fmt in formats}
    for members in sizes:
        with served_sandbox(members) as server:
            for fmt in formats:
                plain = measure(server, members, fmt)
                traced = measure(server, members, fmt, traced=True)
                result = attrs.evolve(plain, traced_peak_mib=traced.traced_peak_mib)
                by_format[fmt].append(result)
                lines.append(result.line())
    for fmt, results in by_format.items():
        if len(results) >= 2:
            small, large = results[0], results[-1]
            ratio = large.rss_peak_mib / small.rss_peak_mib
            verdict = "ok" if ratio <= FLAT else "NOT FLAT"
            lines.append(
                f"  {fmt}: {large.members // small.members}x the members -> peak RSS "
                f"{large.rss_peak_mib - small.rss_peak_mib:+.1f} MiB ({ratio:.2f}x; target <= {FLAT}x) {verdict},"
                f" traced peak {(large.traced_peak_mib or 0) - (small.traced_peak_mib or 0):+.1f} MiB"
            )
    return lines


def _child_main(argv: Sequence[str]) -> int:
    server_json, fmt, output, mode = argv
    report = _child(json.loads(server_json), fmt, output, traced=mode == "traced")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == [CHILD]:
        sys.exit(_child_main(sys.argv[2:]))
    for text in run():
        print(text, flush=True)
