"""From a served sandbox to the docs' variables in one step, and `sandbox serve` failing in one line.

Real processes throughout: `patreon sandbox serve` as a newcomer runs it, and docs/quickstart.md's
Python blocks run in a fresh interpreter that knows nothing but the variables `--env-file` wrote.
"""

from __future__ import annotations

import os
import shlex
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from patreon_sandbox.env import ENV_NAMES, dotenv_text, export_text
from tests.docs.blocks import REPO_ROOT, blocks_of

PATREON = [sys.executable, "-m", "patreon_cli"]
QUICKSTART = REPO_ROOT / "docs" / "quickstart.md"


def _clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PATREON_")}
    return {**env, "PATREON_CONFIG_DIR": str(tmp_path / "config"), **extra}


def _read_dotenv(path: Path) -> dict[str, str]:
    pairs = [line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {name: value for name, value in pairs}


@pytest.fixture
def served_with_env_file(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """`patreon sandbox serve --port 0 --env-file .env` in its own process; yields (.env, ready line)."""
    env_file = tmp_path / ".env"
    process = subprocess.Popen(
        [*PATREON, "sandbox", "serve", "--port", "0", "--members", "30", "--env-file", str(env_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_clean_env(tmp_path),
    )
    try:
        assert process.stdout is not None and process.stderr is not None
        line = process.stdout.readline()
        assert line, process.stderr.read()
        yield env_file, line
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
        if process.stderr is not None:
            process.stderr.close()


def test_env_file_is_written_before_the_ready_line(served_with_env_file: tuple[Path, str]) -> None:
    env_file, line = served_with_env_file
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    values = _read_dotenv(env_file)
    assert tuple(values) == ENV_NAMES
    assert values["PATREON_BASE_URL"] in line and values["PATREON_CLIENT_SECRET"] in line
    # The token works against that server, as the docs' examples will use it.
    answer = httpx.get(
        values["PATREON_BASE_URL"] + "/api/oauth2/v2/identity",
        headers={"Authorization": f"Bearer {values['PATREON_ACCESS_TOKEN']}", "User-Agent": "test"},
    )
    assert answer.status_code == 200, answer.text


def test_the_quickstart_runs_end_to_end_on_the_env_file_alone(
    served_with_env_file: tuple[Path, str], tmp_path: Path
) -> None:
    """The page's Python blocks, pasted into one file, unchanged, with only `.env` sourced."""
    env_file, _ = served_with_env_file
    code = "".join(block.code for block in blocks_of(QUICKSTART) if block.runs)
    script = tmp_path / "work" / "my_first_calls.py"
    script.parent.mkdir()
    script.write_text(code, encoding="utf-8")
    # What `set -a; . ./.env; set +a` does, done by a real shell.
    done = subprocess.run(
        [
            "sh",
            "-c",
            f"set -a; . {shlex.quote(str(env_file))}; set +a; exec {shlex.quote(sys.executable)} "
            f"{shlex.quote(script.name)}",
        ],
        cwd=script.parent,
        env=_clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert "creator:" in done.stdout and "members in all" in done.stdout
    assert "ful_name -> (" in done.stdout  # the misspelling block ran and was caught


def test_sandbox_env_prints_export_lines_with_a_fresh_token(
    served_with_env_file: tuple[Path, str], tmp_path: Path
) -> None:
    env_file, _ = served_with_env_file
    from_file = _read_dotenv(env_file)
    url = from_file["PATREON_BASE_URL"]
    done = subprocess.run(
        [*PATREON, "sandbox", "env", "--url", url],
        env=_clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    # A real shell evaluates the lines, as `eval "$(patreon sandbox env)"` would.
    shown = subprocess.run(
        [
            "sh",
            "-c",
            done.stdout + 'printf "%s\\n" "$PATREON_BASE_URL" "$PATREON_CLIENT_ID" "$PATREON_ACCESS_TOKEN"',
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert shown[:2] == [url, from_file["PATREON_CLIENT_ID"]]
    assert shown[2] != from_file["PATREON_ACCESS_TOKEN"]  # a new creator token
    answer = httpx.get(
        url + "/api/oauth2/v2/identity", headers={"Authorization": f"Bearer {shown[2]}", "User-Agent": "t"}
    )
    assert answer.status_code == 200

    # PATREON_BASE_URL on loopback is where it looks when --url is not given; --env-file writes dotenv.
    written = tmp_path / "again.env"
    done = subprocess.run(
        [*PATREON, "sandbox", "env", "--env-file", str(written)],
        env=_clean_env(tmp_path, PATREON_BASE_URL=url),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert _read_dotenv(written)["PATREON_CLIENT_SECRET"] == from_file["PATREON_CLIENT_SECRET"]
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_sandbox_env_without_a_sandbox_is_one_error_line(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on: bound, never listening
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
        done = subprocess.run(
            [*PATREON, "sandbox", "env", "--url", url],
            env=_clean_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 8
    assert done.stderr.startswith(f"error: no sandbox at {url}")
    assert "Traceback" not in done.stderr and "patreon sandbox serve" in done.stderr


def test_a_busy_port_is_one_error_line_and_exit_code_1(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = subprocess.run(
            [*PATREON, "sandbox", "serve", "--port", str(port)],
            env=_clean_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stdout == ""  # no ready line: nothing is served
    lines = done.stderr.splitlines()
    assert lines[0] == f"error: port {port} on 127.0.0.1 is already in use (another sandbox still running?)"
    assert lines[1].startswith("hint: ") and "--port 0" in lines[1]
    assert len(lines) == 2, done.stderr


@pytest.mark.parametrize(
    "entry", [PATREON, [sys.executable, "-m", "patreon_sandbox"]], ids=["patreon", "module"]
)
def test_without_uvicorn_nothing_is_printed_but_which_extra_to_install(
    entry: list[str], tmp_path: Path
) -> None:
    # An import blocker first on sys.path: `import uvicorn` fails as it does without the extra.
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "uvicorn.py").write_text("raise ImportError(\"No module named 'uvicorn'\")\n")
    env_file = tmp_path / ".env"
    done = subprocess.run(
        [*entry, "serve", "--port", "0", "--env-file", str(env_file)]
        if entry[-1] == "patreon_sandbox"
        else [*entry, "sandbox", "serve", "--port", "0", "--env-file", str(env_file)],
        env=_clean_env(tmp_path, PYTHONPATH=str(blocker)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout == ""  # the ready line (client secret, token) was never printed
    assert not env_file.exists()
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        "error: serving the sandbox needs uvicorn, which is not installed",
        "hint: pip install 'patreonkit[sandbox]'  (the `sandbox` extra installs uvicorn)",
    ]


def test_dotenv_and_export_text_quote_what_they_must() -> None:
    env = {"PATREON_BASE_URL": "http://127.0.0.1:8765", "PATREON_CLIENT_ID": "a-b_c"}
    assert dotenv_text(env) == "PATREON_BASE_URL=http://127.0.0.1:8765\nPATREON_CLIENT_ID=a-b_c\n"
    assert export_text({"X": "it's $HOME"}) == "export X='it'\"'\"'s $HOME'\n"
    with pytest.raises(ValueError, match="quoting"):
        dotenv_text({"X": "two words"})
