"""FileStore and AsyncFileStore: atomic 0600 writes, corrupt files, and the cross-process flock.

A scenario both flavours share is written once and runs under the `mode` fixture (tests/modes.py)."""

from __future__ import annotations

import asyncio
import errno
import os
import signal
import stat
import threading
import time
from pathlib import Path

import pytest

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores import AsyncFileStore, FileStore, TokenNotSavedError
from patreon_auth.token import Token
from tests.modes import ModeDriver

from ._faults import FaultyFileSystem
from ._helpers import count_of, counter_token, make_token, start_worker

FILE = (FileStore, AsyncFileStore)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_missing_file_is_none_and_round_trip(mode: ModeDriver, tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    store = mode.store(FILE, path)
    assert store.get() is None
    store.put(make_token("a"))
    store.put(make_token("b"))
    assert store.get() == make_token("b")
    assert FileStore(path).get() == make_token("b")
    assert _mode(path) == 0o600
    # No temp file left; the lock sidecar stays (deleting it would break the lock, see file.py).
    assert sorted(p.name for p in tmp_path.iterdir()) == ["token.json", "token.json.lock"]


def test_mode_is_0600_even_with_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        store = FileStore(tmp_path / "token.json")
        store.put(make_token())
        with store.refresh_lock():
            pass
    finally:
        os.umask(old)
    assert _mode(tmp_path / "token.json") == 0o600
    assert _mode(tmp_path / "token.json.lock") == 0o600


def test_missing_directory_is_created_owner_only(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "new" / "token.json")
    with store.refresh_lock():
        store.put(make_token())
    assert _mode(tmp_path / "new") & 0o077 == 0
    assert FileStore(tmp_path / "new" / "token.json").get() == make_token()


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"", "token file"),
        (b"{truncated", "token file"),
        (b'{"refresh_token": "x"}', "token file"),
        (b"[1]", "token file"),
        (b"\xff", "token file"),
        (b'{"access_token": "SECRET-ACCESS", "expires_at": "tomorrow"}', "malformed token"),
    ],
)
def test_corrupt_file_raises_and_is_left_untouched(
    mode: ModeDriver, tmp_path: Path, content: bytes, match: str
) -> None:
    path = tmp_path / "token.json"
    path.write_bytes(content)
    with pytest.raises(TokenStoreError, match=match) as info:
        mode.store(FILE, path).get()
    assert "fix or delete it" in str(info.value)
    assert "SECRET" not in str(info.value)
    assert path.read_bytes() == content


@pytest.mark.parametrize("boundary", ["create", "write", "fsync", "replace"])
def test_failed_write_keeps_the_old_file_and_the_new_token(tmp_path: Path, boundary: str) -> None:
    path = tmp_path / "token.json"
    fs = FaultyFileSystem()
    store = FileStore(path, filesystem=fs)
    store.put(make_token("old"))
    before = path.read_bytes()
    fs.arm(boundary, errno.ENOSPC, target=path)
    with pytest.raises(TokenNotSavedError, match=r"cannot write token file.*No space left") as info:
        store.put(make_token("new"))
    rescue = tmp_path / "token.json.rescue"
    assert info.value.rescue_path == rescue and str(rescue) in str(info.value)
    assert "SECRET" not in str(info.value)
    assert path.read_bytes() == before
    assert _mode(rescue) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "token.json",
        "token.json.lock",
        "token.json.rescue",
    ]
    assert store.get() == make_token("new")  # written back once the disk has room again
    assert FileStore(path).get() == make_token("new")
    assert not rescue.exists()


def test_readers_never_see_a_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    writer_store = FileStore(path)
    writer_store.put(counter_token(0))
    done = threading.Event()

    def write() -> None:
        for i in range(1, 200):
            writer_store.put(counter_token(i))
        done.set()

    thread = threading.Thread(target=write)
    thread.start()
    reader = FileStore(path)
    reads = 0
    while not done.is_set():
        assert reader.get() is not None  # a torn file would raise TokenStoreError
        reads += 1
    thread.join()
    assert reads > 0
    assert count_of(reader.get()) == 199


def test_lock_excludes_threads_and_tasks(mode: ModeDriver, tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    FileStore(path).put(counter_token(0))
    shared = mode.store(FILE, path)

    def increment(index: int) -> None:
        # Half the threads (tasks) share one store, half have their own: both paths must exclude.
        store = shared if index % 2 else mode.store(FILE, path)
        for _ in range(10):
            with store.refresh_lock():
                count = count_of(store.get())
                time.sleep(0)  # invite a race if the lock did not hold
                store.put(counter_token(count + 1))

    mode.in_threads(8, increment)
    assert count_of(FileStore(path).get()) == 80


async def test_async_lock_wait_keeps_the_loop_running(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    FileStore(path).put(counter_token(0))
    # While another thread holds the lock, an async waiter must not block the event loop.
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with FileStore(path).refresh_lock():
            held.set()
            release.wait()

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait()
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while not release.is_set():
            ticks += 1
            await asyncio.sleep(0.01)

    async def wait_for_lock() -> None:
        async with AsyncFileStore(path).refresh_lock():
            pass

    ticker = asyncio.create_task(tick())
    waiter = asyncio.create_task(wait_for_lock())
    await asyncio.sleep(0.2)
    assert not waiter.done()
    release.set()
    await asyncio.wait_for(waiter, 2)
    await ticker
    holder.join()
    assert ticks >= 5


async def test_async_lock_wait_can_be_cancelled(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    with FileStore(path).refresh_lock():
        waiter = asyncio.create_task(_enter_async(path))
        await asyncio.sleep(0.05)
        waiter.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiter
    # The cancelled waiter left nothing behind: the lock is free.
    await asyncio.wait_for(_enter_async(path), 1)


async def _enter_async(path: Path) -> None:
    async with AsyncFileStore(path).refresh_lock():
        pass


def test_lock_excludes_processes(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    FileStore(path).put(counter_token(0))
    workers = [start_worker("count", "file", str(path), "8", "1") for _ in range(4)]
    for worker in workers:
        _, err = worker.communicate(timeout=30)
        assert worker.returncode == 0, err
    assert count_of(FileStore(path).get()) == 32


def test_killed_holder_frees_the_lock_and_leaves_a_whole_token(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    FileStore(path).put(counter_token(0))
    holder = start_worker("hold", "file", str(path))
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        time.sleep(0.1)  # let it rewrite the token many times; the kill lands mid-write
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=5)
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.communicate()
    started = time.monotonic()
    store = FileStore(path)
    with store.refresh_lock():
        waited = time.monotonic() - started
        token = store.get()
    assert waited < 1.0  # the kernel dropped the flock with the process
    assert isinstance(token, Token)
    assert token.access_token == "count-0" or token.access_token.startswith("held-")


def test_repr_shows_only_the_path(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "token.json")
    store.put(make_token())
    assert "SECRET" not in repr(store)
    assert "token.json" in repr(store)
    assert "SECRET" not in repr(AsyncFileStore(tmp_path / "token.json"))


# --- issue 10 item 11: no token left in a temp file, none ever readable by others -----------------


def test_orphaned_temp_files_are_removed_by_the_next_lock_holder(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    FileStore(path).put(make_token())
    orphans = [tmp_path / f".token.json.{i:016x}.tmp" for i in range(3)]  # what a killed writer leaves
    for orphan in orphans:
        orphan.write_text("SECRET-ACCESS-orphan")
    unrelated = [tmp_path / ".other.json.0000.tmp", tmp_path / "token.json.tmp"]
    for other in unrelated:
        other.write_text("not ours")
    (tmp_path / ".token.json.dir.tmp").mkdir()  # not a regular file: not ours to delete
    with FileStore(path).refresh_lock():
        pass
    assert not any(orphan.exists() for orphan in orphans)
    assert all(other.exists() for other in unrelated)
    assert (tmp_path / ".token.json.dir.tmp").is_dir()
    assert FileStore(path).get() == make_token()


class _ModeSpy(FaultyFileSystem):
    """Records the temp file's mode at the moment the token is written into it."""

    def __init__(self) -> None:
        super().__init__()
        self.modes: list[int] = []

    def write(self, fd: int, data: bytes) -> None:
        self.modes.append(stat.S_IMODE(os.fstat(fd).st_mode))
        super().write(fd, data)


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_temp_file_is_0600_before_the_token_is_written(tmp_path: Path, umask: int) -> None:
    spy = _ModeSpy()
    old = os.umask(umask)
    try:
        FileStore(tmp_path / "token.json", filesystem=spy).put(make_token())
    finally:
        os.umask(old)
    assert spy.modes == [0o600]
    assert _mode(tmp_path / "token.json") == 0o600


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_parent_directories_it_creates_are_0700_whatever_the_umask(
    mode: ModeDriver, tmp_path: Path, umask: int
) -> None:
    path = tmp_path / "state" / "patreon" / "tokens" / "token.json"
    tmp_path.chmod(0o755)
    old = os.umask(umask)
    try:
        store = mode.store(FILE, path)
        with store.refresh_lock():  # the lock file's directory is made first
            store.put(make_token("a"))
    finally:
        os.umask(old)
    made = [tmp_path / "state", tmp_path / "state" / "patreon", path.parent]
    assert [oct(_mode(directory)) for directory in made] == [oct(0o700)] * 3
    assert _mode(path) == 0o600 and _mode(tmp_path) == 0o755  # a directory that existed is left alone
