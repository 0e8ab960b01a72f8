"""Run fleet worker processes side by side and collect their one-line JSON reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.stores._helpers import REPO_ROOT


def run_all(
    module: str, jobs: list[dict[str, Any]], tmp_path: Path, *, timeout: float = 240
) -> list[dict[str, Any]]:
    """Start one `python -m module JOB.json` per job at once; wait for all; parse their reports."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), os.environ.get("PYTHONPATH", "")])}
    processes = []
    for index, job in enumerate(jobs):
        path = tmp_path / f"job-{module.rsplit('.', 1)[-1]}-{index}.json"
        path.write_text(json.dumps(job))
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", module, str(path)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                cwd=REPO_ROOT,
            )
        )
    reports = []
    for process in processes:
        out, err = process.communicate(timeout=timeout)
        assert process.returncode == 0, f"worker failed ({process.returncode}): {err[-3000:]}"
        reports.append(json.loads(out.strip().splitlines()[-1]))
    return reports


def split(total: int, parts: int) -> list[int]:
    """`total` as `parts` near-equal whole numbers."""
    return [total // parts + (1 if index < total % parts else 0) for index in range(parts)]
