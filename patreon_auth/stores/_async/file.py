"""AsyncFileStore: the token in a local JSON file, written atomically, mode 0600, with a cross-process lock.

The async twin is the source: generator/unasync.py writes the sync one (FileStore) from it. See
patreon_auth/stores/file.py for how the file is written and locked, and why.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from pathlib import Path

from patreon_auth.stores._async.backed import AsyncBackedStore
from patreon_auth.stores._backed import Snapshot
from patreon_auth.stores._concurrency import AsyncOps
from patreon_auth.stores._file_core import (
    _describe,
    _open_lock_file,
    _read_token_file,
    _rescue_files,
    _unlock,
    _write_token_file,
    take_flock_polling,
)
from patreon_auth.stores._rescue import DEFAULT_RESCUE, RescuePath
from patreon_auth.stores.filesystem import FileSystem, remove_orphaned_temps
from patreon_auth.token import Token


class AsyncFileStore(AsyncBackedStore):
    """Keeps the token in a 0600 JSON file written atomically; refreshes locked across processes.

    ``filesystem`` is the seam for fault injection (see ``stores.filesystem``); ``rescue_path``
    is where a token that cannot be written is kept (None: memory only). The async store polls
    the lock without blocking and does file I/O in worker threads, so the event loop keeps running.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        rescue_path: RescuePath = DEFAULT_RESCUE,
        filesystem: FileSystem | None = None,
    ) -> None:
        self.path = Path(path)
        self._fs = filesystem if filesystem is not None else FileSystem()
        super().__init__(rescue=_rescue_files(self.path, rescue_path, self._fs))
        self._where = _describe(self.path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        # Taken before the flock: on NFS Linux emulates flock with per-process POSIX record locks.
        self._local_lock = AsyncOps.lock()

    # fsync can take milliseconds to seconds on a busy disk: keep it off the event loop. A write
    # cancelled mid-way still finishes in its thread, and the rename keeps it atomic.
    async def _read(self) -> Snapshot:
        return await AsyncOps.run(_read_token_file, self._fs, self.path)

    async def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        return await AsyncOps.run(_write_token_file, self._fs, self.path, token, expected)

    @contextlib.asynccontextmanager
    async def _lock(self) -> AsyncIterator[None]:
        async with self._local_lock:
            fd = _open_lock_file(self.lock_path)
            await take_flock_polling(fd, self.lock_path)
            try:
                # Every writer holds this lock while its temp file exists: any we find is orphaned.
                await AsyncOps.run(remove_orphaned_temps, self._fs, self.path)
                yield
            finally:
                _unlock(fd)

    def __repr__(self) -> str:
        return f"AsyncFileStore(path={str(self.path)!r})"


__all__ = ["AsyncFileStore"]
