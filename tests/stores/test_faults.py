"""Issue 10 item 12: fault injection for every store, counting tokens lost over many refreshes.

The cycles a sync store and its async twin share run under the `mode` fixture (tests/modes.py).

Every cycle refreshes for real against the sandbox, whose refresh tokens are single use
[PD _oauth.md], with a fault armed at random: a server that applies a PUT and then times out or
answers 5xx, refuses it, answers garbage or too slowly; a full disk or an fsync error at each
write boundary (through the FileStore seam); a binding or callback that fails before or after
applying; a redis-server restarted mid-refresh, with and without persistence; a writer killed
with SIGKILL mid-write. After each cycle the fault is cleared and the store used is read once
(which reconciles a pending token); a token is lost when the backend then does not hold the
newest token the sandbox issued, or when a refresh fails because the store held a spent one.
Every kind must lose 0.
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from patreon_auth.errors import RefreshError, TokenStoreError
from patreon_auth.oauth import AsyncOAuthClient, OAuthClient
from patreon_auth.stores import (
    AsyncFileStore,
    AsyncHTTPStore,
    AsyncKVStore,
    CallbackStore,
    FileStore,
    HTTPStore,
    KVStore,
    MemoryStore,
    RedisStore,
    StaleTokenError,
    TokenNotSavedError,
)
from patreon_auth.stores._sync.backed import BackedStore
from patreon_auth.stores._sync.sql_engines import SQLiteEngine
from patreon_auth.stores.sql import SQLStore
from patreon_auth.token import Token
from patreon_sandbox import Sandbox
from tests.fleet.sql_faults import MODES as SQL_FAULT_MODES
from tests.fleet.sql_faults import FaultyEngine
from tests.modes import ModeDriver

from ._faults import FaultyFileSystem
from ._helpers import count_of, counter_token, free_port
from ._proxy import ReplyDroppingProxy
from .conftest import TokenServer, serving

Heal = Callable[[], None]
Fault = Callable[[], Heal]
HTTP = (HTTPStore, AsyncHTTPStore)
FILE = (FileStore, AsyncFileStore)
KV = (KVStore, AsyncKVStore)
SYNC = ModeDriver()  # the scenarios that exist for the sync stores only


def _nothing() -> None:
    pass


def no_fault() -> Heal:
    return _nothing


@attrs.define
class Tally:
    cycles: int = 0
    failed_writes: int = 0  # refreshes whose put raised TokenNotSavedError (token kept)
    failed_reads: int = 0  # cycles where nothing was refreshed because the store could not be read
    lost: int = 0


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=13, members=3, rate_limits=None) as world:
        yield world


def oauth_for(sandbox: Sandbox, mode: ModeDriver = SYNC) -> Any:
    """The token endpoint client of the mode's flavour; call it through `mode.run(...)`."""
    return mode.new(
        (OAuthClient, AsyncOAuthClient),
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        base_url=sandbox.base_url,
        transport=mode.pick(sandbox.transport(), sandbox.async_transport()),
    )


def refresh(store: Any, oauth: Any, between: Callable[[], None] = _nothing, mode: ModeDriver = SYNC) -> Token:
    """Lock, re-read, refresh, put; `store` is a sync store or one behind the mode's driver."""
    with store.refresh_lock():
        current = store.get()
        assert current is not None
        new: Token = mode.run(oauth.refresh(current))
        between()  # e.g. restart Redis after Patreon spent the old refresh token
        store.put(new)
    return new


def run_cycles(
    sandbox: Sandbox,
    make_store: Callable[[], Any],
    faults: list[Fault],
    *,
    cycles: int,
    seed: int,
    between: Callable[[random.Random], Callable[[], None]] | None = None,
    mode: ModeDriver = SYNC,
    check_store: Callable[[], Any] | None = None,
) -> Tally:
    """`make_store` gives a sync store, or one of the mode's flavour behind its driver;
    `check_store` (default `make_store`) the store that checks, after each healed cycle, that the
    backend holds the newest token: a patient one where the workers' timeouts are made short so
    that stalls bite, so a loaded machine's slow answer is not counted as a lost token."""
    checker = check_store or make_store
    rng = random.Random(seed)
    oauth = oauth_for(sandbox, mode)
    stores = [make_store() for _ in range(3)]  # three workers sharing one backend
    stores[0].replace(sandbox.creator_token())
    newest = stores[0].get()
    tally = Tally()
    for _ in range(cycles):
        tally.cycles += 1
        store = rng.choice(stores)
        heal = rng.choice(faults)()
        failed = True
        try:
            newest = refresh(store, oauth, between(rng) if between else _nothing, mode)
            failed = False
        except TokenNotSavedError:
            tally.failed_writes += 1
            newest = store.last_token
        except StaleTokenError:
            tally.lost += 1  # our refreshed token was discarded
        except RefreshError:
            tally.lost += 1  # the store handed out a spent refresh token
            break
        except TokenStoreError:
            tally.failed_reads += 1
        finally:
            heal()
        if failed and rng.random() < 0.5:
            # Another worker refreshes before the failed one looks again: it must find the newest
            # token (in the backend, or in the rescue file), and the failed worker must then not
            # write its older token back over the result.
            other = rng.choice([candidate for candidate in stores if candidate is not store])
            try:
                newest = refresh(other, oauth, mode=mode)
            except RefreshError:
                tally.lost += 1
                break
        store.get()  # reconciles a pending token under the lock
        if checker().get() != newest:
            tally.lost += 1
    # And the next refresh, by any worker, succeeds from what the backend holds.
    final = refresh(checker(), oauth, mode=mode)
    if checker().get() != final:
        tally.lost += 1
    return tally


# --- HTTP ------------------------------------------------------------------------------------------

# Short, so that a stalled or slow answer (twice this) times out within the test; long enough
# that a loopback connect on a loaded 2-core machine does not (0.2 s once did, in a full run).
HTTP_TIMEOUT = 0.5


def http_faults(server: TokenServer) -> list[Fault]:
    def set_for_one_cycle(**values: Any) -> Fault:
        def arm() -> Heal:
            for name, value in values.items():
                setattr(server, name, value)

            def heal() -> None:
                server.apply_then_stall, server.apply_then_status = 0.0, None
                server.put_status = server.get_status = server.get_body = None
                server.delay = 0.0

            return heal

        return arm

    return [
        no_fault,
        set_for_one_cycle(apply_then_stall=2 * HTTP_TIMEOUT),  # applied, then timed out
        set_for_one_cycle(apply_then_status=500),  # applied, then 5xx
        set_for_one_cycle(put_status=503),  # refused with 5xx
        set_for_one_cycle(get_body=b"<html>502 Bad Gateway</html>"),  # garbage
        set_for_one_cycle(get_status=500),
        set_for_one_cycle(delay=2 * HTTP_TIMEOUT),  # slow: everything times out
    ]


@pytest.mark.parametrize("etags", [True, False], ids=["etag", "read-back"])
def test_http_store_loses_no_token(mode: ModeDriver, sandbox: Sandbox, etags: bool, tmp_path: Path) -> None:
    rescue = tmp_path / "http.rescue"  # what a short-lived worker would configure
    with serving(TokenServer(etags=etags)) as server:
        tally = run_cycles(
            sandbox,
            lambda: mode.store(HTTP, server.url, timeout=HTTP_TIMEOUT, rescue_path=rescue),
            http_faults(server),
            cycles=24,
            seed=1,
            mode=mode,
            check_store=lambda: mode.store(HTTP, server.url, timeout=10.0, rescue_path=rescue),
        )
    assert tally.failed_writes > 0 and tally.failed_reads > 0  # the faults did bite
    assert tally.lost == 0, tally


# --- files: full disk and fsync errors through the seam ----------------------------------------


def test_file_store_loses_no_token(mode: ModeDriver, sandbox: Sandbox, tmp_path: Path) -> None:
    fs = FaultyFileSystem()
    path = tmp_path / "token.json"

    def fault(boundary: str, code: int) -> Fault:
        def arm() -> Heal:
            fs.arm(boundary, code, target=path)
            return fs.disarm

        return arm

    faults = [no_fault, fault("create", errno.ENOSPC), fault("write", errno.ENOSPC)]
    faults += [fault("fsync", errno.EIO), fault("replace", errno.ENOSPC), fault("fsync_dir", errno.EIO)]
    tally = run_cycles(
        sandbox, lambda: mode.store(FILE, path, filesystem=fs), faults, cycles=40, seed=2, mode=mode
    )
    assert tally.failed_writes > 5
    assert tally.lost == 0, tally
    assert sorted(p.name for p in tmp_path.iterdir()) == ["token.json", "token.json.lock"]


def test_disk_full_everywhere_keeps_the_token_in_memory(sandbox: Sandbox, tmp_path: Path) -> None:
    fs = FaultyFileSystem()
    path = tmp_path / "token.json"
    store = FileStore(path, filesystem=fs)
    store.replace(sandbox.creator_token())
    fs.arm("write", errno.ENOSPC, times=None)  # the token file and every rescue file
    with pytest.raises(TokenNotSavedError, match="in memory only") as info:
        refresh(store, oauth_for(sandbox))
    assert info.value.rescue_path is None
    kept = store.last_token
    assert store.get() == kept  # still the newest, still usable
    fs.disarm()
    assert store.get() == kept and FileStore(path).get() == kept


# --- key-value bindings and callbacks ----------------------------------------------------------


class FlakyKV:
    """A get/put binding that can fail before applying, after applying, or answer garbage."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.mode = ""

    def get(self, key: str) -> str | None:
        if self.mode == "garbage":
            return "{not json"
        if self.mode == "read-error":
            raise ConnectionError("reset")
        return self.values.get(key)

    def put(self, key: str, value: str) -> None:
        if self.mode == "refuse":
            raise ConnectionError("refused")
        self.values[key] = value
        if self.mode == "apply-then-fail":
            raise TimeoutError("applied, then the answer was lost")


def mode_faults(target: Any) -> list[Fault]:
    def mode(name: str) -> Fault:
        def arm() -> Heal:
            target.mode = name

            def heal() -> None:
                target.mode = ""

            return heal

        return arm

    return [no_fault, mode("refuse"), mode("apply-then-fail"), mode("garbage"), mode("read-error")]


def test_kv_store_loses_no_token(mode: ModeDriver, sandbox: Sandbox, tmp_path: Path) -> None:
    kv = FlakyKV()
    rescue = tmp_path / "kv.rescue"
    tally = run_cycles(
        sandbox,
        lambda: mode.store(KV, kv, "token", rescue_path=rescue),
        mode_faults(kv),
        cycles=40,
        seed=3,
        mode=mode,
    )
    assert tally.failed_writes > 0 and tally.failed_reads > 0
    assert tally.lost == 0, tally


class FlakyTable:
    """The application's own storage behind CallbackStore, failing like FlakyKV."""

    def __init__(self) -> None:
        self.kv = FlakyKV()

    @property
    def mode(self) -> str:
        return self.kv.mode

    @mode.setter
    def mode(self, value: str) -> None:
        self.kv.mode = value

    def load(self) -> Token | None:
        raw = self.kv.get("row")
        return None if raw is None else Token.from_dict(json.loads(raw))

    def save(self, token: Token) -> None:
        self.kv.put("row", json.dumps(token.to_dict()))


def test_callback_store_loses_no_token(sandbox: Sandbox, tmp_path: Path) -> None:
    table = FlakyTable()
    lock = threading.RLock()  # shared by the three workers, as the docs ask
    rescue = tmp_path / "callback.rescue"

    def make() -> CallbackStore:
        return CallbackStore(get=table.load, put=table.save, lock=lock, rescue_path=rescue)

    tally = run_cycles(sandbox, make, mode_faults(table), cycles=40, seed=4)
    assert tally.failed_writes > 0 and tally.failed_reads > 0
    assert tally.lost == 0, tally


def test_memory_store_loses_no_token_under_concurrent_refreshes(sandbox: Sandbox) -> None:
    # Memory cannot fail; what can go wrong is two threads refreshing one token.
    store = MemoryStore(sandbox.creator_token())
    oauth = oauth_for(sandbox)
    errors: list[BaseException] = []

    def worker() -> None:
        for _ in range(5):
            try:
                refresh(store, oauth)
            except BaseException as exc:
                errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sandbox.stats.refresh_requests == 30
    refresh(store, oauth)


# --- Redis: a real redis-server restarted mid-refresh --------------------------------------------


class RedisProcess:
    """A dedicated redis-server that can be killed and restarted on the same port."""

    def __init__(self, directory: Path, *, persistent: bool) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed")
        self.binary = binary
        self.port = free_port()
        self.directory = directory
        self.persistent = persistent
        self.process: subprocess.Popen[bytes] | None = None
        self.restarts = 0

    def start(self) -> None:
        persistence = (
            ["--appendonly", "yes", "--appendfsync", "always"] if self.persistent else ["--appendonly", "no"]
        )
        command = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        self.process = subprocess.Popen(
            [*command, "--dir", str(self.directory), *persistence],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.01)
        raise RuntimeError("redis-server did not start")

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()  # SIGKILL: no chance to save anything beyond the AOF
            self.process.wait()
            self.process = None

    def restart(self) -> None:
        self.kill()
        self.start()
        self.restarts += 1


@pytest.fixture(params=[True, False], ids=["aof", "no-persistence"])
def redis_process(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RedisProcess]:
    server = RedisProcess(tmp_path, persistent=request.param)
    server.start()
    try:
        yield server
    finally:
        server.kill()


def test_redis_store_loses_no_token_across_restarts_mid_refresh(
    sandbox: Sandbox, redis_process: RedisProcess, tmp_path: Path
) -> None:
    import redis

    def make() -> RedisStore:
        client = redis.Redis(host="127.0.0.1", port=redis_process.port, socket_timeout=2)
        return RedisStore(
            client, "patreon:token", lock_ttl=2, lock_timeout=6, rescue_path=tmp_path / "r.rescue"
        )

    def between(rng: random.Random) -> Callable[[], None]:
        # Half the refreshes: Redis dies and comes back after Patreon spent the old token.
        return redis_process.restart if rng.random() < 0.5 else _nothing

    tally = run_cycles(sandbox, make, [no_fault], cycles=12, seed=5, between=between)
    assert redis_process.restarts >= 3
    assert tally.lost == 0, tally


@pytest.mark.parametrize("retries", [0, 3], ids=["no-retry", "redis-py-retries"])
def test_redis_store_loses_no_token_when_replies_are_lost(
    sandbox: Sandbox, redis_port: int, retries: int
) -> None:
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    proxy = ReplyDroppingProxy(redis_port)
    redis.Redis(host="127.0.0.1", port=redis_port).delete("patreon:lost-replies", "patreon:lost-replies:lock")

    def make() -> RedisStore:
        client = redis.Redis(host="127.0.0.1", port=proxy.port, retry=Retry(NoBackoff(), retries))
        return RedisStore(client, "patreon:lost-replies", lock_ttl=2, lock_timeout=6)

    def drop(marker: bytes) -> Fault:
        def arm() -> Heal:
            proxy.drop_reply_to(marker)
            return lambda: proxy.drop_reply_to(None)

        return arm

    # EVALSHA: the compare-and-set applied, its reply lost. GET: a read lost.
    try:
        tally = run_cycles(sandbox, make, [no_fault, drop(b"EVALSHA"), drop(b"GET")], cycles=24, seed=8)
    finally:
        proxy.close()
    assert proxy.dropped > 5
    if not retries:
        assert tally.failed_writes > 0  # unknown outcomes, reconciled by reading back
    assert tally.lost == 0, tally


# --- kill -9 mid-write (forked writer processes) -----------------------------------------------


def _kill_mid_write(
    make_store: Callable[[], Any], rounds: int, seed: int, after_kill: Callable[[], None] = _nothing
) -> tuple[int, int]:
    """Fork a writer that rewrites the token in a loop, SIGKILL it at a random moment, check.

    Returns (tokens lost, writes confirmed); the child reports each confirmed write on a pipe.
    """
    rng = random.Random(seed)
    lost = confirmed_total = 0
    for _ in range(rounds):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            os.close(read_end)
            try:
                store = make_store()
                with store.refresh_lock():
                    count = count_of(store.get())
                    os.write(write_end, b"locked\n")
                    while True:
                        count += 1
                        store.put(counter_token(count))
                        os.write(write_end, f"{count}\n".encode())
            finally:
                os._exit(1)
        os.close(write_end)
        started = b""
        while not started.startswith(b"locked\n"):  # the kill must land while it writes
            chunk = os.read(read_end, 7 - len(started))
            assert chunk, "the writer died before taking the lock"
            started += chunk
        time.sleep(rng.uniform(0.002, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        after_kill()
        with os.fdopen(read_end) as reports:
            lines = reports.read().split()
        confirmed = int(lines[-1]) if lines else None
        confirmed_total += len(lines)
        store = make_store()
        with store.refresh_lock():  # the next holder; a FileStore removes orphaned temp files here
            found = count_of(store.get())
        if confirmed is not None and found < confirmed:
            lost += 1  # a write that returned is gone
    return lost, confirmed_total


def test_file_store_kill_9_mid_write(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    FileStore(path).put(counter_token(0))
    orphans: list[int] = []

    def count_orphans() -> None:
        orphans.append(sum(1 for p in tmp_path.iterdir() if p.name.endswith(".tmp")))

    lost, writes = _kill_mid_write(lambda: FileStore(path), rounds=60, seed=6, after_kill=count_orphans)
    assert writes > 0
    assert sum(orphans) > 0  # some kills landed mid-write and left a temp file holding a token
    assert lost == 0
    # No temp file (each held a live token) survives the next lock holder.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["token.json", "token.json.lock"]


def test_redis_store_kill_9_mid_write(redis_port: int) -> None:
    import redis

    key = f"kill9-{os.getpid()}"

    def make() -> RedisStore:
        return RedisStore(redis.Redis(host="127.0.0.1", port=redis_port), key, lock_ttl=0.2, lock_timeout=5)

    make().put(counter_token(0))
    lost, writes = _kill_mid_write(make, rounds=15, seed=7)
    assert writes > 15
    assert lost == 0


# --- SQL ----------------------------------------------------------------------------------------


def sql_faults(engine: FaultyEngine) -> list[Fault]:
    def arm(mode: str) -> Fault:
        def set_mode() -> Heal:
            engine.mode = mode

            def heal() -> None:
                engine.mode = "ok"

            return heal

        return set_mode

    return [arm(mode) for mode in SQL_FAULT_MODES]


def test_sql_store_loses_no_token(sandbox: Sandbox, tmp_path: Path) -> None:
    engine = FaultyEngine(SQLiteEngine(str(tmp_path / "tokens.db"), "patreon_tokens", 5.0))
    rescue = tmp_path / "sql.rescue"
    tally = run_cycles(
        sandbox,
        lambda: SQLStore(engine, key="creator", lock_timeout=5.0, rescue_path=rescue),
        sql_faults(engine),
        cycles=40,
        seed=6,
    )
    assert tally.failed_writes > 0 and tally.failed_reads > 0
    assert tally.lost == 0, tally


def test_backed_store_types_are_what_the_suite_covers() -> None:
    # Every persistent store shares the engine this suite drives; a new one must join the suite.
    covered = {FileStore, HTTPStore, KVStore, CallbackStore, RedisStore, SQLStore}
    assert {
        cls for cls in BackedStore.__subclasses__() if cls.__module__.startswith("patreon_auth")
    } <= covered
