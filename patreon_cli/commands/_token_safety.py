"""What `patreon token refresh` does so that a refreshed token is never dropped.

A Patreon refresh token is single use [PD _oauth.md]: once the refresh answers, the new token is
the only copy of the login. So, before spending it, the command checks that the token file's
directory, or else one of its rescue files' directories, takes a write as large as the token file
(a full disk, a quota, `ulimit -f 0` fail here, and nothing is spent); and if the write still fails after the refresh with no rescue file
written either, the new token is shown once on the controlling terminal (/dev/tty: never stdout,
stderr or a log, which may be files others read), in the form `patreon login --creator-token`
takes back.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from patreon_auth import Token
from patreon_auth.stores.filesystem import make_private_dirs
from patreon_cli.failures import STORE, CLIError

# More than any token file: the probe must fail wherever writing the token file would.
_PROBE_EXTRA = 1024


def check_writable(places: Sequence[Path], current: Token) -> None:
    """Raise CLIError (exit 10) unless one of ``places`` (the token file, then its rescue files)
    has a directory that takes a file the token's size: where the new token could be kept."""
    # The size of what a store writes (Token.to_dict() as compact JSON), and some room.
    size = len(json.dumps(current.to_dict(), sort_keys=True, separators=(",", ":"))) + _PROBE_EXTRA
    failures: list[str] = []
    for place in places:
        try:
            _probe(place, size)
            return
        except OSError as exc:
            failures.append(f"{str(place.parent)!r} ({exc.strerror or type(exc).__name__})")
    raise CLIError(
        f"cannot write in {', nor in '.join(failures)}; the token was not refreshed, "
        "its refresh token is still good",
        STORE,
        hint="fix what stops writes there (disk space, quota, `ulimit -f`, permissions), then run it again",
    )


def _probe(place: Path, size: int) -> None:
    directory = place.parent
    probe = directory / f".{place.name}.probe-{secrets.token_hex(6)}"
    make_private_dirs(directory)
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            written = 0
            while written < size:
                written += os.write(fd, b"\0" * (size - written))
            os.fsync(fd)
        finally:
            os.close(fd)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(probe)


def terminal() -> TextIO | None:
    """The controlling terminal, for writing; None without one (cron, CI, a daemon)."""
    try:
        return open("/dev/tty", "w", encoding="utf-8")  # closed by the caller
    except OSError:
        return None


def show_on_terminal(token: Token) -> bool:
    """Show ``token`` on the controlling terminal only, restorable; False when there is none."""
    tty = terminal()
    if tty is None:
        return False
    with tty:
        tty.write(
            "\npatreon: the refreshed token could not be written anywhere, and its old refresh token is "
            "spent.\nThis is the only copy. Once writes work again, run `patreon login --creator-token` "
            "and paste these two lines when asked (access token, then refresh token):\n\n"
            f"{token.access_token}\n{token.refresh_token or ''}\n\n"
        )
        tty.flush()
    return True
