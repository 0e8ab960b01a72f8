"""`patreon sandbox serve --allow-host NAME`: the served sandbox answers a request for NAME too.

The sandbox answers only loopback Host names and the address it listens on (a DNS rebinding
guard, patreon_sandbox.server); `python -m patreon_sandbox serve --allow-host NAME` lets a LAN
name or a container's host alias through. `patreon sandbox serve` did not take the option, so the
same sandbox served through the `patreon` command could not be reached by such a name at all.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from patreon_cli.commands.sandbox import allowed_host, sandbox_argv
from patreon_cli.parser import build_parser

from .conftest import Run

PATREON = [sys.executable, "-m", "patreon_cli"]


@contextmanager
def served(tmp_path: Path, *options: str) -> Iterator[str]:
    """`patreon sandbox serve --port 0 OPTIONS` in its own process; yields its base URL."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PATREON_")}
    process = subprocess.Popen(
        [*PATREON, "sandbox", "serve", "--port", "0", "--members", "3", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**env, "PATREON_CONFIG_DIR": str(tmp_path / "config")},
    )
    try:
        assert process.stdout is not None and process.stderr is not None
        line = process.stdout.readline()
        assert line, process.stderr.read()
        yield str(json.loads(line)["base_url"])
    finally:
        process.terminate()
        process.wait(timeout=10)


def info_status(base_url: str, host: str) -> int:
    """GET /_sandbox/info on the served address, with the Host header a browser would send for `host`."""
    port = urlsplit(base_url).port
    return httpx.get(f"{base_url}/_sandbox/info", headers={"Host": f"{host}:{port}"}, timeout=10).status_code


def test_a_name_is_refused_without_allow_host(tmp_path: Path) -> None:
    with served(tmp_path) as base_url:
        assert info_status(base_url, "sandbox.lan") == 403
        assert info_status(base_url, "127.0.0.1") == 200  # the guard, not the server, said no


def test_allow_host_lets_that_name_through_and_no_other(tmp_path: Path) -> None:
    with served(tmp_path, "--allow-host", "Sandbox.LAN.", "--allow-host", "box.internal") as base_url:
        assert info_status(base_url, "sandbox.lan") == 200
        assert info_status(base_url, "box.internal") == 200
        assert info_status(base_url, "rebound.example") == 403


def test_allow_host_is_passed_on_repeated_and_normalised() -> None:
    args = build_parser().parse_args(
        ["sandbox", "serve", "--allow-host", "Sandbox.LAN.", "--allow-host", "[FD00::1]"]
    )
    argv = sandbox_argv(args)
    assert argv == ["serve", "--allow-host", "sandbox.lan", "--allow-host", "fd00::1"]
    assert "--allow-host" not in sandbox_argv(build_parser().parse_args(["sandbox", "serve"]))


@pytest.mark.parametrize(
    "value", ["http://sandbox.lan", "sandbox.lan:8765", "sandbox.lan/path", "", "two words", "a..b"]
)
def test_what_is_not_a_host_name_is_a_usage_error(cli: Run, value: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="is not a host name"):
        allowed_host(value)
    result = cli("sandbox", "serve", "--allow-host", value)
    assert result.exit_code == 2
    assert "--allow-host" in result.stderr and "is not a host name" in result.stderr
