"""The file operations behind FileStore and rescue files, one method each, and the atomic write.

``FileSystem`` is a seam: a test (or an application that wants to rehearse a full disk) passes
a subclass whose ``write`` raises ``OSError(errno.ENOSPC)`` or whose ``fsync_dir`` raises
``OSError(errno.EIO)``, and sees exactly what a store does then, without patching ``os``
for the whole process.

The atomic write: a temp file in the same directory, created ``O_EXCL`` with mode 0600 (never
readable by others, not even for an instant, whatever the umask), written, fsynced, renamed over
the target (atomic within one filesystem, POSIX rename(2)), then the directory is fsynced so the
rename survives a power cut. A crash or SIGKILL at any point leaves the old file or the new one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
from pathlib import Path

PRIVATE_MODE = 0o600
TEMP_SUFFIX = ".tmp"


class WriteOutcomeUnknownError(OSError):
    """The new file was renamed into place but not made durable: others may already read it."""


class FileSystem:
    """The real operations. Subclass and override one to inject a fault at that boundary."""

    def read(self, path: Path) -> bytes | None:
        """The file's bytes, or None when it does not exist."""
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None

    def make_private_dir(self, directory: Path) -> None:
        make_private_dirs(directory)

    def create_private(self, path: Path) -> int:
        """Create ``path`` exclusively, mode 0600 from the first instant; never follow a symlink."""
        flags = (
            os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        )
        fd = os.open(path, flags, PRIVATE_MODE)
        try:
            # O_CREAT's mode is masked by the umask but never widened; fchmod pins exactly 0600
            # (and fixes a file system that ignored the mode) before a byte of token is written.
            if hasattr(os, "fchmod"):
                os.fchmod(fd, PRIVATE_MODE)
        except OSError:
            os.close(fd)
            raise
        return fd

    def write(self, fd: int, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]

    def fsync(self, fd: int) -> None:
        os.fsync(fd)

    def close(self, fd: int) -> None:
        os.close(fd)

    def replace(self, source: Path, target: Path) -> None:
        os.replace(source, target)

    def fsync_dir(self, directory: Path) -> None:
        if sys.platform == "win32":
            return  # directories cannot be opened for fsync on Windows; NTFS journals the rename
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def unlink(self, path: Path) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)

    def list_dir(self, directory: Path) -> list[str]:
        try:
            return os.listdir(directory)
        except FileNotFoundError:
            return []


PRIVATE_DIR_MODE = 0o700


def make_private_dirs(directory: Path) -> None:
    """Create ``directory`` and each missing parent 0700: only the owner may list a directory
    made for tokens. ``Path.mkdir(parents=True)`` would give the parents the default mode
    (0777 minus the umask: 0777 under umask 000), not ``mode`` (Python docs, pathlib.Path.mkdir).
    Directories that exist already are left as their owner made them."""
    missing: list[Path] = []
    current = directory
    while not current.is_dir():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            if not path.is_dir():
                raise
            continue  # another process made it meanwhile: theirs, made the same way
        # mkdir's mode is masked by the umask but never widened by it; pin it exactly anyway.
        os.chmod(path, PRIVATE_DIR_MODE)


def temp_prefix(target: Path) -> str:
    """Temp files of ``target`` are ``.<name>.<random>.tmp`` beside it (hidden, easy to find)."""
    return f".{target.name}."


def write_private_file(fs: FileSystem, target: Path, data: bytes) -> None:
    """Atomically replace ``target`` with ``data`` (mode 0600).

    Raises OSError when nothing changed, WriteOutcomeUnknownError when the rename happened but
    the directory fsync failed (readers may see the new file; a power cut may undo it).
    """
    directory = target.parent
    fs.make_private_dir(directory)
    temp = directory / f"{temp_prefix(target)}{secrets.token_hex(8)}{TEMP_SUFFIX}"
    fd = fs.create_private(temp)
    renamed = False
    try:
        try:
            fs.write(fd, data)
            fs.fsync(fd)
        finally:
            fs.close(fd)
        fs.replace(temp, target)
        renamed = True
    finally:
        if not renamed:
            # The temp file holds the token: never leave it behind (its mode is 0600 anyway).
            with contextlib.suppress(OSError):
                fs.unlink(temp)
    try:
        fs.fsync_dir(directory)
    except OSError as exc:
        raise WriteOutcomeUnknownError(
            exc.errno or errno.EIO, f"fsync of the directory failed ({exc})"
        ) from exc


def has_temps(fs: FileSystem, target: Path) -> bool:
    """Whether a temp file of ``target`` exists (a writer's, or one a killed writer left)."""
    prefix = temp_prefix(target)
    try:
        names = fs.list_dir(target.parent)
    except OSError:
        return False
    return any(name.startswith(prefix) and name.endswith(TEMP_SUFFIX) for name in names)


def remove_orphaned_temps(fs: FileSystem, target: Path) -> int:
    """Delete temp files of ``target`` left by writers killed mid-write; returns how many.

    Call it only while holding the lock every writer of ``target`` holds: then no temp file of
    ``target`` can belong to a live writer.
    """
    prefix = temp_prefix(target)
    removed = 0
    for name in fs.list_dir(target.parent):
        if name.startswith(prefix) and name.endswith(TEMP_SUFFIX):
            path = target.parent / name
            with contextlib.suppress(OSError):
                # Only regular files: a directory or symlink with that name is not ours to delete.
                if stat.S_ISREG(os.lstat(path).st_mode):
                    fs.unlink(path)
                    removed += 1
    return removed
