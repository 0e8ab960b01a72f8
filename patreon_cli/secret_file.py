"""A secret written to a file only its owner can read, or not at all: prepared first, renamed last.

`webhooks create --secret-file` must not create a webhook whose secret then has nowhere to go, so
the file's directory is proved writable (a 0600 temp file is created in it) before the webhook
exists. The secret goes into that temp file and is renamed over the target: a 0644 file already at
the path is replaced, not rewritten in place, so the result is 0600 whatever was there, and a
crash never leaves a half-written secret.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from types import TracebackType

from patreon_cli.failures import OUTPUT, CLIError, output_error


class SecretFile:
    """`prepare()` before the secret exists, `commit(secret)` once it does; `with` discards on failure."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.target = Path(path)
        self._tmp: str | None = None

    def prepare(self) -> SecretFile:
        if self.target.is_dir():
            raise CLIError(f"--secret-file {self.target} is a directory: name a file to write", OUTPUT)
        try:
            # mkstemp creates the file 0600 and O_EXCL: never readable by others, even briefly.
            fd, self._tmp = tempfile.mkstemp(
                dir=self.target.parent, prefix=f".{self.target.name}.", suffix=".tmp"
            )
        except OSError as exc:
            raise output_error(f"the secret file in {self.target.parent}", exc) from None
        os.close(fd)
        return self

    def commit(self, secret: str) -> None:
        """Write `secret` and a newline, fsync, and rename over the target (mode 0600)."""
        if self._tmp is None:
            raise RuntimeError("prepare() first")
        try:
            fd = os.open(self._tmp, os.O_WRONLY | os.O_TRUNC)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(secret + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(self._tmp, 0o600)  # mkstemp's mode already; said again for umask-proof clarity
            os.replace(self._tmp, self.target)
        except OSError as exc:
            raise output_error(f"the secret file {self.target}", exc) from None
        self._tmp = None
        with contextlib.suppress(OSError):  # the rename survives a crash once the directory is synced
            dir_fd = os.open(self.target.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    def discard(self) -> None:
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)
            self._tmp = None

    def __enter__(self) -> SecretFile:
        return self.prepare()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.discard()
