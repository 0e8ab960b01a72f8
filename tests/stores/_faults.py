"""Fault injection through the FileStore seam (``stores.filesystem.FileSystem``), never via ``os``."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

from patreon_auth.stores.filesystem import FileSystem

BOUNDARIES = ("create", "write", "fsync", "replace", "fsync_dir")


class FaultyFileSystem(FileSystem):
    """The real file system, except that an armed boundary raises OSError for matching paths.

    ``arm("write", errno.ENOSPC, target=path)`` makes the next write of a temp file of ``path``
    fail as a full disk would; ``times`` counts how many calls fail (None: until disarmed).
    """

    def __init__(self) -> None:
        self._armed: dict[str, tuple[int, int | None, str | None]] = {}
        self._fd_names: dict[int, str] = {}
        self._guard = threading.Lock()
        self.raised = 0

    def arm(
        self, boundary: str, code: int = errno.ENOSPC, *, times: int | None = 1, target: Path | None = None
    ) -> None:
        assert boundary in BOUNDARIES, boundary
        with self._guard:
            self._armed[boundary] = (code, times, target.name if target is not None else None)

    def disarm(self) -> None:
        with self._guard:
            self._armed.clear()

    def _maybe_fail(self, boundary: str, name: str) -> None:
        with self._guard:
            armed = self._armed.get(boundary)
            if armed is None:
                return
            code, times, target = armed
            # A temp file of token.json is named .token.json.<random>.tmp.
            if target is not None and name != target and not name.startswith(f".{target}."):
                return
            if times is not None:
                if times <= 1:
                    del self._armed[boundary]
                else:
                    self._armed[boundary] = (code, times - 1, target)
            self.raised += 1
        raise OSError(code, os.strerror(code))

    def create_private(self, path: Path) -> int:
        self._maybe_fail("create", path.name)
        fd = super().create_private(path)
        self._fd_names[fd] = path.name
        return fd

    def write(self, fd: int, data: bytes) -> None:
        self._maybe_fail("write", self._fd_names.get(fd, ""))
        super().write(fd, data)

    def fsync(self, fd: int) -> None:
        self._maybe_fail("fsync", self._fd_names.get(fd, ""))
        super().fsync(fd)

    def close(self, fd: int) -> None:
        self._fd_names.pop(fd, None)
        super().close(fd)

    def replace(self, source: Path, target: Path) -> None:
        self._maybe_fail("replace", target.name)
        super().replace(source, target)

    def fsync_dir(self, directory: Path) -> None:
        # Only after the rename: the new file is visible, its durability unknown.
        self._maybe_fail("fsync_dir", "")
        super().fsync_dir(directory)
