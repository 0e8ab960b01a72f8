"""Run only by tests/test_quick_mode.py: a test that starts a program named like a server."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def test_starts_a_program_named_redis_server(tmp_path: Path) -> None:
    fake = tmp_path / "redis-server"  # not a server: a script that exits at once
    fake.write_text("#!/bin/sh\nexit 0\n")
    os.chmod(fake, 0o755)
    assert subprocess.run([str(fake)], check=False).returncode == 0
