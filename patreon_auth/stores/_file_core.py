"""What FileStore and AsyncFileStore share: reading and writing the token file, the flock.

The stores themselves are twins (patreon_auth/stores/_async/file.py, and the sync one generated from
it); patreon_auth/stores/file.py says how the file is written and locked, and why.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import sys
from pathlib import Path

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import CorruptRecordError, Snapshot, decode_token, encode_token, same_token
from patreon_auth.stores._rescue import (
    RESCUE_SUFFIX,
    RescueFiles,
    RescuePath,
    _DefaultRescue,
    fallback_rescue_path,
)
from patreon_auth.stores.base import StaleTokenError
from patreon_auth.stores.filesystem import (
    PRIVATE_MODE,
    FileSystem,
    WriteOutcomeUnknownError,
    make_private_dirs,
    write_private_file,
)
from patreon_auth.token import Token

_FILE_MODE = PRIVATE_MODE
# Poll interval bounds for the async lock: short enough that a freed lock is taken within ~50 ms.
POLL_MIN = 0.002
POLL_MAX = 0.05


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
        make_private_dirs(lock_path.parent)
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


def _cannot_lock(lock_path: Path, exc: OSError) -> TokenStoreError:
    return TokenStoreError(f"cannot lock {str(lock_path)!r} ({type(exc).__name__})")


def take_flock_blocking(fd: int, lock_path: Path) -> None:
    """The sync stores wait in flock itself; on error the descriptor is closed."""
    try:
        # On Windows a blocking lock gives up after 10 s (msvcrt docs); keep waiting.
        while not _try_lock(fd, blocking=True):
            pass
    except BaseException as exc:
        os.close(fd)
        if isinstance(exc, OSError):
            raise _cannot_lock(lock_path, exc) from exc
        raise


async def take_flock_polling(fd: int, lock_path: Path) -> None:
    """The async stores poll with LOCK_NB instead of a blocking flock in a worker thread: a
    cancelled waiter must not leave a thread behind that later takes the lock and never frees it."""
    try:
        delay = POLL_MIN
        while not _try_lock(fd, blocking=False):
            await asyncio.sleep(delay)
            delay = min(delay * 2, POLL_MAX)
    except BaseException as exc:
        os.close(fd)
        if isinstance(exc, OSError):
            raise _cannot_lock(lock_path, exc) from exc
        raise
