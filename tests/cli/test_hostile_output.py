"""The CLI where output goes wrong: the webhook secret file, --output, a full stdout, SIGTERM.

Each case was a traceback or a lost/exposed secret on the code this suite was written against:
a --secret-file in a missing directory raised after the webhook existed (its secret then
nowhere), a 0644 file kept its mode, --output naming a directory ran the whole export and died on
the rename, a full stdout was a traceback, and SIGTERM left `.part` files of members' PII behind.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from patreon_auth import Token
from patreon_auth.stores import FileStore
from patreon_cli import failures
from patreon_sandbox import Sandbox, handler

from .conftest import Run

PATREON = [sys.executable, "-m", "patreon_cli"]
STOP_AT = Path(__file__).with_name("stop_at.py")  # `patreon` that signals itself at a named moment
URI = "https://example.com/patreon/webhook"


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """An empty directory for what a command writes (tmp_path also holds the config dir)."""
    path = tmp_path / "out"
    path.mkdir()
    return path


def webhook_ids(cli: Run) -> list[str]:
    listed = cli("--json", "webhooks", "list")
    assert listed.exit_code == 0, listed.output
    return [webhook["id"] for webhook in json.loads(listed.stdout)]


def no_traceback(output: str) -> None:
    assert "Traceback" not in output, output


# --- webhooks create --secret-file -----------------------------------------------------------


def test_secret_file_in_a_missing_directory_fails_before_the_webhook_exists(
    cli: Run, served: Sandbox, logged_in: Token, out_dir: Path
) -> None:
    target = out_dir / "no-such-dir" / "secret"
    result = cli("webhooks", "create", "--uri", URI, "--secret-file", str(target))
    assert result.exit_code == failures.OUTPUT, result.output
    assert "cannot write the secret file" in result.stderr and "No such file or directory" in result.stderr
    assert served.webhooks == [] and webhook_ids(cli) == []
    no_traceback(result.output)


def test_secret_file_that_is_a_directory_fails_before_the_webhook_exists(
    cli: Run, served: Sandbox, logged_in: Token, out_dir: Path
) -> None:
    result = cli("webhooks", "create", "--uri", URI, "--secret-file", str(out_dir))
    assert result.exit_code == failures.OUTPUT and "is a directory" in result.stderr
    assert served.webhooks == []


def test_secret_file_replaces_a_readable_file_with_a_0600_one(
    cli: Run, served: Sandbox, logged_in: Token, out_dir: Path
) -> None:
    target = out_dir / "secret"
    target.write_text("old contents\n")
    os.chmod(target, 0o644)
    old_inode = os.stat(target).st_ino
    result = cli("--json", "webhooks", "create", "--uri", URI, "--secret-file", str(target))
    assert result.exit_code == 0, result.output
    [webhook] = json.loads(result.stdout)
    secret = served.webhook(webhook["id"]).attributes["secret"]
    assert target.read_text() == secret + "\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    # A new file renamed into place: the secret was never written into the world-readable one.
    assert os.stat(target).st_ino != old_inode
    assert sorted(path.name for path in out_dir.iterdir()) == ["secret"]  # no temp file left
    assert secret not in result.output


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_secret_that_cannot_be_written_takes_its_webhook_with_it(
    cli: Run,
    served: Sandbox,
    logged_in: Token,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: BaseException,
) -> None:
    """The write fails after Patreon made the webhook: it is deleted again, not left without a secret."""

    def failing_replace(source: str, target: object) -> None:
        raise failure

    monkeypatch.setattr(os, "replace", failing_replace)  # the rename of the secret file
    result = cli("webhooks", "create", "--uri", URI, "--secret-file", str(out_dir / "secret"))
    expected = failures.OUTPUT if isinstance(failure, OSError) else failures.INTERRUPTED
    assert result.exit_code == expected, result.output
    assert "deleted webhook" in result.stderr and "again" in result.stderr
    assert served.webhooks == []
    assert list(out_dir.iterdir()) == []  # neither the secret nor its temp file
    no_traceback(result.output)


def test_an_empty_secret_from_patreon_is_not_kept(
    cli: Run, served: Sandbox, logged_in: Token, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the webhook secret generator is swapped: the sandbox issues tokens with the real one.
    monkeypatch.setattr(handler, "secrets", types.SimpleNamespace(token_urlsafe=lambda n: ""))
    target = out_dir / "secret"
    result = cli("webhooks", "create", "--uri", URI, "--secret-file", str(target))
    assert result.exit_code == failures.BAD_RESPONSE, result.output
    assert "without a usable secret" in result.stderr
    assert served.webhooks == [] and not target.exists()


# --- members export --output -----------------------------------------------------------------


def test_output_naming_a_directory_is_a_clear_error(
    cli: Run, served: Sandbox, logged_in: Token, out_dir: Path
) -> None:
    result = cli("members", "export", "--no-progress", "--output", str(out_dir))
    assert result.exit_code == failures.OUTPUT, result.output
    assert "is a directory" in result.stderr
    assert list(out_dir.iterdir()) == []


def test_output_in_a_missing_directory_is_a_clear_error(
    cli: Run, served: Sandbox, logged_in: Token, out_dir: Path
) -> None:
    result = cli("members", "export", "--no-progress", "--output", str(out_dir / "gone" / "m.csv"))
    assert result.exit_code == failures.OUTPUT
    assert "No such file or directory" in result.stderr


# --- real processes --------------------------------------------------------------------------


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PATREON_")}
    return {**env, **extra}


def test_a_full_stdout_is_an_output_error_not_a_traceback(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [*PATREON, "--sandbox", "members", "export", "--no-progress"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(PATREON_CONFIG_DIR=str(tmp_path)),
            timeout=120,
        )
    assert done.returncode == failures.OUTPUT, done.stderr
    assert "cannot write the export to stdout: No space left on device" in done.stderr
    no_traceback(done.stderr)


def _small_file_limit() -> None:
    # A file-size limit makes the disk "full" for this process only: writes past it fail with EFBIG.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


def test_a_full_disk_under_output_leaves_no_part_file(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    done = subprocess.run(
        [*PATREON, "--sandbox", "members", "export", "--no-progress", "--output", str(out_dir / "m.csv")],
        capture_output=True,
        text=True,
        env=_env(PATREON_CONFIG_DIR=str(tmp_path / "config")),
        timeout=120,
        preexec_fn=_small_file_limit,
    )
    assert done.returncode == failures.OUTPUT, done.stderr
    assert "cannot write" in done.stderr and "File too large" in done.stderr
    assert list(out_dir.iterdir()) == []
    no_traceback(done.stderr)


@pytest.fixture
def slow_export(tmp_path: Path) -> Iterator[tuple[list[str], dict[str, str], Path]]:
    """An export whose second page takes seconds: long enough to be stopped mid-way."""
    with Sandbox(seed=9, members=1500, rate_limits=None) as sandbox, sandbox.serve_in_thread() as base_url:
        sandbox.faults.add("members", delay=5.0, after=1)
        config_dir = tmp_path / "config"
        FileStore(config_dir / "token.json").put(sandbox.creator_token())
        env = _env(
            PATREON_CONFIG_DIR=str(config_dir),
            PATREON_BASE_URL=base_url,
            PATREON_CLIENT_ID=sandbox.client_id,
            PATREON_CLIENT_SECRET=sandbox.client_secret,
        )
        out_dir = tmp_path / "out"
        out_dir.mkdir()
        argv = [*PATREON, "members", "export", "--campaign", sandbox.campaign_id, "--no-progress"]
        yield [*argv, "--output", str(out_dir / "members.csv")], env, out_dir


def _interruptible() -> None:
    """Ctrl-C as in a terminal: a test run started in the background (`cmd &`, as CI may start
    it) inherits SIGINT ignored, and Python then never turns SIGINT into KeyboardInterrupt
    (Python docs, `signal`: "if the parent process has not changed it")."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize(
    ("signum", "exit_code", "message"),
    [
        (signal.SIGTERM, failures.TERMINATED, "error: terminated"),
        (signal.SIGINT, failures.INTERRUPTED, "error: interrupted"),
    ],
    ids=["SIGTERM", "SIGINT"],
)
def test_a_stopped_export_leaves_no_part_file(
    slow_export: tuple[list[str], dict[str, str], Path], signum: int, exit_code: int, message: str
) -> None:
    argv, env, out_dir = slow_export
    process = subprocess.Popen(
        argv,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_interruptible,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(out_dir.glob(".members.csv.*.part")):  # wait for the export to be under way
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the export never started"
            time.sleep(0.02)
        process.send_signal(signum)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == exit_code, err
    assert message in err
    assert list(out_dir.iterdir()) == []  # no .part file with members' names and emails
    no_traceback(err)


# Moments of an export's life, each reached exactly (tests/cli/stop_at.py). On the code this was
# written against, a stop during the command's imports escaped as a KeyboardInterrupt traceback
# (exit status -2) or killed the process outright on SIGTERM (-15): the handlers were installed
# only once every module was imported. And a stop just after the `.part` file's open() returned,
# before its cleanup was armed (tempfile.mkstemp, then `try`), left the file behind.
STOP_POINTS = [
    "import:httpx",  # among the first of the command's few hundred imports
    "import:patreon_cli.commands.members",  # the last of them, before parsing
    "created:.part",  # the part file exists; nothing written to it yet
    "import:patreon_generated.api.members",  # a lazy import, with the part file open
    "audit:socket.connect",  # the first request
]


@pytest.mark.parametrize("point", STOP_POINTS)
@pytest.mark.parametrize(
    ("signum", "exit_code", "message"),
    [
        (signal.SIGTERM, failures.TERMINATED, "error: terminated"),
        (signal.SIGINT, failures.INTERRUPTED, "error: interrupted"),
    ],
    ids=["SIGTERM", "SIGINT"],
)
def test_a_stop_at_any_moment_ends_with_its_exit_code_and_no_part_file(
    slow_export: tuple[list[str], dict[str, str], Path],
    point: str,
    signum: signal.Signals,
    exit_code: int,
    message: str,
) -> None:
    argv, env, out_dir = slow_export
    command = [sys.executable, str(STOP_AT), point, signum.name, *argv[len(PATREON) :]]
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=60, preexec_fn=_interruptible
    )
    assert f"stop-at: {signum.name} at {point}" in done.stderr  # the moment was reached
    assert done.returncode == exit_code, done.stderr
    assert done.stderr.endswith(message + "\n"), done.stderr
    assert list(out_dir.iterdir()) == []
    no_traceback(done.stderr)
