"""FileStore: the token in a local JSON file, written atomically, mode 0600, with a cross-process lock.

Writes go through ``filesystem.write_private_file``: a temp file created 0600 (``O_EXCL``) in the
same directory, fsynced, ``os.replace``d over the token file, then the directory is fsynced. A
crash or SIGKILL at any point leaves the old token or the new one, never a torn file (rename is
atomic within one filesystem, POSIX rename(2)); a writer killed before its rename leaves a temp
file, which the next holder of the lock deletes (it holds a live token).

The refresh lock is ``flock`` on a sidecar ``<path>.lock`` file, so one process on this host
refreshes at a time; the kernel drops the lock when its holder dies. The sidecar is never deleted:
unlinking a lock file lets a waiter lock an orphaned inode while a newcomer locks a new one.
A ``threading.Lock`` is taken first because on NFS Linux emulates flock with POSIX record locks,
which are per process and so would not exclude this process's own threads.

Compare-and-set without a version in the file (it stays plain ``Token.to_dict()`` JSON, which
other tools read): every write happens under the flock, which every FileStore writer of this path
takes, and re-reads the file first; it writes only if the bytes are the ones this store last read
or wrote (or there is no file). Under the lock nobody else can write between that read and the
rename, so the check and the write are one step for every FileStore on the host.

A token that cannot be written (full disk, read-only directory) goes to the rescue file
``<path>.rescue`` (0600), or, if that cannot be written either, to
``$XDG_STATE_HOME/patreonkit/rescue/`` (default ``~/.local/state``); the error names it, and the
next FileStore on this path picks it up (``stores.base``, contract points 5 and 6).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Final

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import (
    AsyncBackedStore,
    BackedStore,
    CorruptRecordError,
    Snapshot,
    decode_token,
    encode_token,
    same_token,
)
from patreon_auth.stores._rescue import RESCUE_SUFFIX, RescueFiles, fallback_rescue_path
from patreon_auth.stores.base import StaleTokenError
from patreon_auth.stores.filesystem import (
    PRIVATE_MODE,
    FileSystem,
    WriteOutcomeUnknownError,
    remove_orphaned_temps,
    write_private_file,
)
from patreon_auth.token import Token

_FILE_MODE = PRIVATE_MODE
# Poll interval bounds for the async lock: short enough that a freed lock is taken within ~50 ms.
_POLL_MIN = 0.002
_POLL_MAX = 0.05


class _DefaultRescue:
    def __repr__(self) -> str:
        return "DEFAULT_RESCUE"


DEFAULT_RESCUE: Final = _DefaultRescue()
"""``rescue_path`` default: ``<path>.rescue``, falling back to the user's state directory."""

RescuePath = str | os.PathLike[str] | _DefaultRescue | None


def _rescue_files(path: Path, rescue_path: RescuePath, fs: FileSystem) -> RescueFiles | None:
    if rescue_path is None:
        return None
    if isinstance(rescue_path, _DefaultRescue):
        fallback = fallback_rescue_path(path)
        beside = path.with_name(path.name + RESCUE_SUFFIX)
        return RescueFiles([beside] if fallback is None else [beside, fallback], fs)
    return RescueFiles([Path(rescue_path)], fs)


def _describe(path: Path) -> str:
    return f"token file {str(path)!r}"


def _content_version(data: bytes) -> bytes:
    """The version of a file's content: its digest, so no error or snapshot keeps the tokens."""
    return hashlib.sha256(data).digest()


def _read_token_file(fs: FileSystem, path: Path) -> Snapshot:
    try:
        data = fs.read(path)
    except OSError as exc:
        raise TokenStoreError(f"cannot read {_describe(path)} ({type(exc).__name__})") from exc
    if data is None:
        return Snapshot(None)
    # A corrupt file is an error, never None: None would start a new login and hide a lost token.
    problem: str | None = None
    try:
        token = decode_token(data, source=f"{_describe(path)} (fix or delete it)")
    except TokenStoreError as exc:
        problem = str(exc)
    if problem is not None:  # raised outside the except block: no context chain to the content
        raise CorruptRecordError(problem, version=_content_version(data))
    return Snapshot(token, _content_version(data))


def _write_token_file(fs: FileSystem, path: Path, token: Token, expected: Snapshot) -> Snapshot:
    """Compare-and-set; the caller holds the flock every FileStore writer of ``path`` takes."""
    current = _read_token_file_raw(fs, path)
    if current is not None:
        if expected.version is not None:
            matches = _content_version(current) == expected.version
        else:
            try:
                matches = same_token(decode_token(current, source=_describe(path)), expected.token)
            except TokenStoreError:
                matches = False
        if not matches:
            raise StaleTokenError(
                f"{_describe(path)} holds another token than this store expected; not overwritten"
            )
    data = encode_token(token).encode()
    try:
        write_private_file(fs, path, data)
    except WriteOutcomeUnknownError as exc:
        # The rename happened, so readers may already see the new token; a power cut may undo it.
        raise TokenStoreError(
            f"wrote {_describe(path)} but could not make it durable ({type(exc).__name__}: errno {exc.errno})"
        ) from exc
    except OSError as exc:
        raise TokenStoreError(
            f"cannot write {_describe(path)} ({type(exc).__name__}: {os.strerror(exc.errno) if exc.errno else exc})"
        ) from exc
    return Snapshot(token, _content_version(data))


def _read_token_file_raw(fs: FileSystem, path: Path) -> bytes | None:
    try:
        return fs.read(path)
    except OSError as exc:
        raise TokenStoreError(f"cannot read {_describe(path)} ({type(exc).__name__})") from exc


def _open_lock_file(lock_path: Path) -> int:
    try:
        lock_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        return os.open(lock_path, os.O_RDWR | os.O_CREAT, _FILE_MODE)
    except OSError as exc:
        raise TokenStoreError(f"cannot open lock file {str(lock_path)!r} ({type(exc).__name__})") from exc


def _try_lock(fd: int, *, blocking: bool) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            # LK_LOCK retries for 10 s then raises; LK_NBLCK fails at once. Either way: not yet.
            msvcrt.locking(fd, msvcrt.LK_LOCK if blocking else msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX if blocking else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    # Closing the descriptor also releases the lock; unlocking first makes the intent explicit.
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


class FileStore(BackedStore):
    """Keeps the token in a 0600 JSON file written atomically; refreshes locked across processes.

    ``filesystem`` is the seam for fault injection (see ``stores.filesystem``); ``rescue_path``
    is where a token that cannot be written is kept (None: memory only).
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
        self._thread_lock = threading.Lock()

    def _read(self) -> Snapshot:
        return _read_token_file(self._fs, self.path)

    def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        return _write_token_file(self._fs, self.path, token, expected)

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        with self._thread_lock:
            fd = _open_lock_file(self.lock_path)
            try:
                # On Windows a blocking lock gives up after 10 s (msvcrt docs); keep waiting.
                while not _try_lock(fd, blocking=True):
                    pass
            except OSError as exc:
                os.close(fd)
                raise TokenStoreError(f"cannot lock {str(self.lock_path)!r} ({type(exc).__name__})") from exc
            try:
                # Every writer holds this lock while its temp file exists: any we find is orphaned.
                remove_orphaned_temps(self._fs, self.path)
                yield
            finally:
                _unlock(fd)

    def __repr__(self) -> str:
        return f"FileStore(path={str(self.path)!r})"


class AsyncFileStore(AsyncBackedStore):
    """Async twin of FileStore: the lock is polled without blocking, so the event loop keeps running."""

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
        self._task_lock = asyncio.Lock()

    # fsync can take milliseconds to seconds on a busy disk: keep it off the event loop. A write
    # cancelled mid-way still finishes in its thread, and the rename keeps it atomic.
    async def _read(self) -> Snapshot:
        return await asyncio.to_thread(_read_token_file, self._fs, self.path)

    async def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        return await asyncio.to_thread(_write_token_file, self._fs, self.path, token, expected)

    @contextlib.asynccontextmanager
    async def _lock(self) -> AsyncIterator[None]:
        async with self._task_lock:
            fd = _open_lock_file(self.lock_path)
            try:
                # Poll with LOCK_NB instead of a blocking flock in a worker thread: a cancelled
                # waiter must not leave a thread behind that later takes the lock and never frees it.
                delay = _POLL_MIN
                while not _try_lock(fd, blocking=False):
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, _POLL_MAX)
            except BaseException as exc:
                os.close(fd)
                if isinstance(exc, OSError):
                    raise TokenStoreError(
                        f"cannot lock {str(self.lock_path)!r} ({type(exc).__name__})"
                    ) from exc
                raise
            try:
                await asyncio.to_thread(remove_orphaned_temps, self._fs, self.path)
                yield
            finally:
                _unlock(fd)

    def __repr__(self) -> str:
        return f"AsyncFileStore(path={str(self.path)!r})"
