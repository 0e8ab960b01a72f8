"""FileStore: the token in a local JSON file, written atomically, mode 0600, with a cross-process lock.

Writes go to a temp file in the same directory, are fsynced, then ``os.replace``d over the token
file and the directory is fsynced: a crash or SIGKILL at any point leaves the old token or the new
one, never a torn file (rename is atomic within one filesystem, POSIX rename(2)).

The refresh lock is ``flock`` on a sidecar ``<path>.lock`` file, so one process on this host
refreshes at a time; the kernel drops the lock when its holder dies. The sidecar is never deleted:
unlinking a lock file lets a waiter lock an orphaned inode while a newcomer locks a new one.
A ``threading.Lock`` is taken first because on NFS Linux emulates flock with POSIX record locks,
which are per process and so would not exclude this process's own threads.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import tempfile
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import AsyncBackedStore, BackedStore, decode_token, encode_token
from patreon_auth.token import Token

_FILE_MODE = 0o600
# Poll interval bounds for the async lock: short enough that a freed lock is taken within ~50 ms.
_POLL_MIN = 0.002
_POLL_MAX = 0.05


def _read_token_file(path: Path) -> Token | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise TokenStoreError(f"cannot read token file {str(path)!r} ({type(exc).__name__})") from exc
    # A corrupt file is an error, never None: None would start a new login and hide a lost token.
    return decode_token(data, source=f"token file {str(path)!r} (fix or delete it)")


def _fsync_dir(directory: Path) -> None:
    if sys.platform == "win32":
        return  # directories cannot be opened for fsync on Windows; NTFS journals the rename
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_token_file(path: Path, token: Token) -> None:
    directory = path.parent
    tmp_name: str | None = None
    try:
        # Only the owner may list a directory we create for tokens.
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        # mkstemp creates the file with mode 0600, so the token is never readable by others.
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(encode_token(token).encode())
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, _FILE_MODE)
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(directory)
    except OSError as exc:
        raise TokenStoreError(f"cannot write token file {str(path)!r} ({type(exc).__name__})") from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


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
    """Keeps the token in a 0600 JSON file written atomically; refreshes locked across processes."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._thread_lock = threading.Lock()

    def _load(self) -> Token | None:
        return _read_token_file(self.path)

    def _save(self, token: Token) -> None:
        _write_token_file(self.path, token)

    @contextlib.contextmanager
    def refresh_lock(self) -> Iterator[None]:
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
                yield
            finally:
                _unlock(fd)

    def __repr__(self) -> str:
        return f"FileStore(path={str(self.path)!r})"


class AsyncFileStore(AsyncBackedStore):
    """Async twin of FileStore: the lock is polled without blocking, so the event loop keeps running."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._task_lock = asyncio.Lock()

    # fsync can take milliseconds to seconds on a busy disk: keep it off the event loop. A write
    # cancelled mid-way still finishes in its thread, and the rename keeps it atomic.
    async def _load(self) -> Token | None:
        return await asyncio.to_thread(_read_token_file, self.path)

    async def _save(self, token: Token) -> None:
        await asyncio.to_thread(_write_token_file, self.path, token)

    @contextlib.asynccontextmanager
    async def refresh_lock(self) -> AsyncIterator[None]:
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
                yield
            finally:
                _unlock(fd)

    def __repr__(self) -> str:
        return f"AsyncFileStore(path={str(self.path)!r})"
