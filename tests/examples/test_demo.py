"""`make demo` (`python -m examples.demo`) on a machine with no Patreon credentials: exit 0, under 60 s."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
BUDGET_SECONDS = 60


def test_demo_runs_end_to_end(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PATREON_")}
    env["TMPDIR"] = str(tmp_path)  # the demo's files land here, not in the real temp dir
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "examples.demo"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUDGET_SECONDS * 2,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stdout + done.stderr
    assert elapsed < BUDGET_SECONDS
    out = done.stdout
    for step in (
        "[sandbox]",
        "[oauth]",
        "[creator]",
        "[export]",
        "[webhook]",
        "[pledge]",
        "[event]",
        "[members]",
        "Summary",
    ):
        assert step in out
    assert "2500 of 2500 members written to" in out
    assert "signature verified" in out and "rejected with 403" in out
    # The mirror holds every member plus the new patron, whose delivery made one "joined" change;
    # the same delivery posted again was answered 200 and changed nothing.
    assert "mirror of 2500 members" in out and "\n[members] joined: paying," in out
    assert "the same delivery sent again: 200, applied once (1 change in all)" in out
    assert "2501 in the mirror; the delivery made 1 change, its repeat none" in out
    where = re.search(r"-> (\S+members\.csv)", out)
    assert where is not None
    csv_path = Path(where.group(1))
    assert csv_path.is_relative_to(tmp_path)
    with csv_path.open(encoding="utf-8") as handle:
        assert sum(1 for _ in handle) == 2501  # header + every member
