"""The engine every persistent store shares: compare-and-set writes, pending tokens, reconciliation.

A refreshed Patreon token is the only copy of a single-use refresh token [PD _oauth.md]. This
module implements the write contract documented in ``stores.base`` once, for every backend: a
backend supplies ``_read`` (the token and an opaque version), ``_write`` (an atomic conditional
write) and ``_lock`` (the refresh lock); this class decides what may be written over what, keeps
a token whose write failed, and reconciles it under the refresh lock by reading back and
comparing (never replaying it blind).
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import json
import logging
import threading
import weakref
from collections.abc import AsyncIterator, Hashable, Iterator
from pathlib import Path
from typing import Any, Literal

import attrs

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._rescue import RescueFiles, RescueRecord, fingerprint
from patreon_auth.stores.base import StaleTokenError, TokenNotSavedError
from patreon_auth.token import Token
from patreon_runtime.safe_json import loads as safe_json_loads

REDACTED = "<redacted>"

logger = logging.getLogger("patreon.stores")

__all__ = [
    "REDACTED",
    "AsyncBackedStore",
    "BackedStore",
    "CorruptRecordError",
    "Snapshot",
    "StaleTokenError",
    "decode_token",
    "decode_token_data",
    "encode_token",
    "same_token",
]


def encode_token(token: Token) -> str:
    """The JSON text every store writes: exactly ``Token.to_dict()``."""
    return json.dumps(token.to_dict(), sort_keys=True, separators=(",", ":"))


def decode_token_data(data: Any, *, source: str) -> Token:
    """Turn parsed JSON into a Token, or raise a TokenStoreError that never quotes the content."""
    if not isinstance(data, dict):
        raise TokenStoreError(f"{source} does not hold a token JSON object")
    try:
        return Token.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        # The message names the problem's kind only: the content may be a live secret.
        raise TokenStoreError(f"{source} holds a malformed token ({type(exc).__name__})") from None


_NOT_JSON = object()


def parse_json(text: str | bytes) -> Any:
    """``json.loads``, or ``_NOT_JSON`` when the text is not JSON; never an exception to chain.

    A caller that raised inside ``except JSONDecodeError`` would leave the error in its own
    ``__context__``, and the JSONDecodeError keeps the whole document (the tokens) in ``.doc``.
    """
    try:
        return safe_json_loads(text)  # bounded nesting: only ValueError, never RecursionError
    except ValueError:
        return _NOT_JSON


def is_json(value: Any) -> bool:
    return value is not _NOT_JSON


def decode_token(text: str | bytes, *, source: str) -> Token:
    """Parse stored JSON text into a Token; corrupt content is an error, never a silent None."""
    data = parse_json(text)
    if not is_json(data):
        raise TokenStoreError(f"{source} does not hold valid token JSON")
    return decode_token_data(data, source=source)


def same_token(a: Token | None, b: Token | None) -> bool:
    """The same grant: equal secrets (expiry and scope may be re-encoded by another writer)."""
    if a is None or b is None:
        return a is b
    return a.access_token == b.access_token and a.refresh_token == b.refresh_token


@attrs.frozen
class Snapshot:
    """What the backend held when read: the token (None: nothing) and the backend's version of it.

    ``version`` is whatever the backend's conditional write checks (a Redis record version, an
    HTTP ETag, the file's bytes); None when the backend has none to offer for this read.
    """

    token: Token | None
    version: Hashable | None = None


EMPTY = Snapshot(None)


class CorruptRecordError(TokenStoreError):
    """The backend holds something that is not a token; ``version`` lets ``replace()`` overwrite it."""

    def __init__(self, message: str, *, version: Hashable) -> None:
        super().__init__(message)
        self.version = version


Verdict = Literal["confirmed", "write", "superseded"]


class _Ledger:
    """What this store object knows beyond the backend: the pending token and what it may replace."""

    def __init__(self) -> None:
        self.seen: Snapshot | None = None  # the last read or successful write; None: never read
        self.pending: Token | None = None
        self.replaces: str | None = None  # fingerprint of the token pending replaced; None: nothing
        self.replaces_anything = False  # a replace() that could not even read the backend
        self.unconfirmed: set[str] = set()  # our earlier pending tokens whose writes may have happened
        self.rescue_path: Path | None = None

    @property
    def expected(self) -> Snapshot:
        return self.seen if self.seen is not None else EMPTY

    def classify(self, snapshot: Snapshot) -> Verdict:
        """Contract point 5: what the backend's content means for the pending token."""
        assert self.pending is not None
        if snapshot.token is None:
            return "write"
        found = fingerprint(snapshot.token)
        if found == fingerprint(self.pending):
            return "confirmed"
        if self.replaces_anything or found == self.replaces or found in self.unconfirmed:
            return "write"
        return "superseded"

    def hold(self, token: Token, base: Token | None, *, replaces_anything: bool = False) -> None:
        """Keep ``token`` as pending after a write that may or may not have happened."""
        if self.pending is not None:
            if not same_token(self.pending, token):
                # The earlier pending token's write may have happened; the backend may still hold
                # what the first one replaced, so ``replaces`` stays.
                self.unconfirmed.add(fingerprint(self.pending))
        else:
            self.replaces = fingerprint(base) if base is not None else None
            self.replaces_anything = replaces_anything
            self.unconfirmed = set()
        self.pending = token

    def chain(self) -> set[str]:
        """Fingerprints of every token this ledger tracks: pending, unconfirmed, replaced."""
        found = set(self.unconfirmed)
        if self.pending is not None:
            found.add(fingerprint(self.pending))
        if self.replaces is not None:
            found.add(self.replaces)
        return found

    def clear(self) -> None:
        self.pending = None
        self.replaces = None
        self.replaces_anything = False
        self.unconfirmed = set()
        self.rescue_path = None

    def record(self) -> RescueRecord:
        assert self.pending is not None
        return RescueRecord(self.pending, self.replaces, frozenset(self.unconfirmed))

    def adopt(self, record: RescueRecord, path: Path) -> None:
        """Merge a rescue file (ours or another process's) into this ledger."""
        theirs = fingerprint(record.token)
        if self.pending is None:
            self.pending = record.token
            self.replaces = record.replaces
            self.replaces_anything = False
            self.unconfirmed = set(record.unconfirmed)
            self.rescue_path = path
            return
        ours = fingerprint(self.pending)
        if theirs == ours:
            self.unconfirmed |= record.unconfirmed
            self.rescue_path = path
        elif ours in record.unconfirmed or ours == record.replaces:
            # The rescued token was refreshed from ours: it is the newer one.
            self.unconfirmed |= record.unconfirmed | {ours}
            self.pending = record.token
            self.rescue_path = path
        elif theirs not in self.unconfirmed and theirs != self.replaces:
            logger.warning(
                "the token rescue file %s holds a token unrelated to this process's pending one; "
                "keeping both (the file stays)",
                path,
            )


def _stale_seed_message(where: str) -> str:
    return (
        f"{where} already holds a token this store has not read; put() does not overwrite a token "
        "it has not seen (read it with get(), or call replace() if yours is newer: a new login or "
        "a token from the portal)"
    )


class _OwnedLock:
    """Who holds a store's refresh lock through this object, so it can be re-entered and so that
    writes outside it take it (one lock order: refresh lock, then the object's state lock)."""

    def __init__(self) -> None:
        self.owner: object | None = None


_SHARED_LOCKS: weakref.WeakValueDictionary[Hashable, Any] = weakref.WeakValueDictionary()
_SHARED_GUARD = threading.Lock()


def shared_thread_lock(key: Hashable) -> threading.Lock:
    """One in-process lock per credential, so two store objects on one backend exclude each other."""
    with _SHARED_GUARD:
        lock: threading.Lock | None = _SHARED_LOCKS.get(key)
        if lock is None:
            lock = threading.Lock()
            _SHARED_LOCKS[key] = lock
        return lock


_SHARED_ASYNC_LOCKS: weakref.WeakValueDictionary[Hashable, asyncio.Lock] = weakref.WeakValueDictionary()


def shared_async_lock(key: Hashable) -> asyncio.Lock:
    """Async twin of shared_thread_lock (an asyncio.Lock binds to the loop that first waits on it)."""
    with _SHARED_GUARD:
        lock = _SHARED_ASYNC_LOCKS.get(key)
        if lock is None:
            lock = asyncio.Lock()
            _SHARED_ASYNC_LOCKS[key] = lock
        return lock


# Stores holding a token they could not write, so the last chance at exit is not missed.
_UNSAVED: weakref.WeakSet[_EngineBase] = weakref.WeakSet()


@atexit.register
def _last_chance() -> None:
    """At interpreter exit, try once more to write pending tokens; say loudly which are lost."""
    for store in list(_UNSAVED):
        if isinstance(store, BackedStore):
            with contextlib.suppress(Exception):
                store.get()  # reconciles under the lock; a no-op if the backend is still down
        if store.pending_token is not None and store._ledger.rescue_path is None:
            logger.critical(
                "%s: a refreshed token was never saved and exits with this process; the creator "
                "must log in again (give the store a rescue_path to keep such tokens on disk)",
                store._where,
            )


class _EngineBase:
    """What the sync and async engines share: the ledger, messages, the rescue decision."""

    _where = "the token store"

    def __init__(self, *, rescue: RescueFiles | None = None) -> None:
        self._ledger = _Ledger()
        self._rescue = rescue
        self._held = _OwnedLock()

    @property
    def last_token(self) -> Token | None:
        """The newest token this store knows in this process: a pending one, or the last read or written."""
        ledger = self._ledger
        if ledger.pending is not None:
            return ledger.pending
        return ledger.seen.token if ledger.seen is not None else None

    @property
    def pending_token(self) -> Token | None:
        """A token whose write failed or is unconfirmed, kept until reconciliation settles it."""
        return self._ledger.pending

    @property
    def rescue_paths(self) -> list[Path]:
        """Where this store writes a token it could not save (empty: memory only)."""
        return list(self._rescue.paths) if self._rescue is not None else []

    def _not_saved(self, exc: TokenStoreError) -> TokenNotSavedError:
        path = self._ledger.rescue_path
        if path is not None:
            where = (
                f"the new token is kept in memory and in the rescue file {str(path)!r} (mode 0600); "
                "the next get() or refresh through this store writes it back, and if this process "
                "exits, the next one using this store picks the file up (do not delete it)"
            )
        else:
            where = (
                "the new token is kept in memory only (store.last_token): this process holds its only "
                "copy until a write succeeds"
            )
            if self._rescue is not None:
                where += "; no rescue file could be written either"
        return TokenNotSavedError(f"{exc}; {where}", rescue_path=path)

    def _note_superseded(self) -> None:
        logger.warning(
            "%s holds a newer token than the one this process could not confirm writing; using it",
            self._where,
        )

    # Store writes are logged by where they went (a path, a key, a URL without credentials) and
    # how they ended; the token itself never appears.
    def _log_written(self, how: str) -> None:
        logger.info("%s: token written (%s)", self._where, how)

    def _log_refused(self, how: str) -> None:
        logger.info("%s: %s refused, the store holds a token this store did not expect", self._where, how)

    def _log_not_saved(self, exc: TokenStoreError) -> None:
        logger.warning(
            "%s: token write failed (%s); the token is kept and written again later",
            self._where,
            type(exc).__name__,
        )

    def _verdict(self, snapshot: Snapshot) -> Verdict:
        return self._ledger.classify(snapshot)


class BackedStore(_EngineBase):
    """Sync engine. Subclasses implement ``_read``, ``_write`` and ``_lock``."""

    def __init__(self, *, rescue: RescueFiles | None = None) -> None:
        super().__init__(rescue=rescue)
        # Serialises this object's ledger; always taken after the refresh lock, never before.
        self._state = threading.RLock()

    # --- the backend: subclasses ---------------------------------------------------------------

    def _read(self) -> Snapshot:
        raise NotImplementedError

    def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        """Atomically write ``token`` if the backend holds ``expected`` (by version, or token if no
        version) or holds nothing; return the new snapshot. Raise StaleTokenError (nothing written)
        when it holds something else, TokenStoreError when the write failed or its outcome is unknown.
        """
        raise NotImplementedError

    def _lock(self) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

    # --- the lock ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def refresh_lock(self) -> Iterator[None]:
        """The store's refresh lock; reentrant for the thread that holds it through this object."""
        me = threading.get_ident()
        if self._held.owner == me:
            yield
            return
        with self._lock():
            self._held.owner = me
            try:
                yield
            finally:
                self._held.owner = None

    # --- reading ---------------------------------------------------------------------------------

    def get(self) -> Token | None:
        if self._ledger.pending is not None or self._rescue_exists():
            try:
                with self.refresh_lock(), self._state:
                    self._pick_up_rescue()
                    if self._ledger.pending is not None:
                        return self._reconcile()
            except TokenStoreError:
                pending = self._ledger.pending
                if pending is not None:
                    return pending  # the backend is unavailable: ours is the newest token we know
                raise
        with self._state:
            snapshot = self._read()
            self._ledger.seen = snapshot
            return snapshot.token

    def _rescue_exists(self) -> bool:
        rescue = self._rescue
        return rescue is not None and any(path.exists() for path in rescue.paths)

    def _pick_up_rescue(self) -> None:
        if self._rescue is None:
            return
        found = self._rescue.read()
        if found is not None:
            path, record = found
            self._ledger.adopt(record, path)

    def _reconcile(self) -> Token | None:
        """Under the refresh lock: read back, compare, and write the pending token only if due."""
        ledger = self._ledger
        pending = ledger.pending
        assert pending is not None
        snapshot = self._read()
        verdict = self._verdict(snapshot)
        if verdict == "write":
            try:
                ledger.seen = self._write(pending, snapshot)
            except StaleTokenError:
                return pending  # moved between our read and write: the next reconcile looks again
            except TokenStoreError as exc:
                self._save_rescue()
                logger.warning("%s: the pending token is still not written (%s)", self._where, exc)
                return pending
            self._settle()
            return pending
        if verdict == "superseded":
            self._note_superseded()
        ledger.seen = snapshot
        self._settle()
        return snapshot.token

    def _settle(self) -> None:
        """The pending token is written, or superseded: forget it and its rescue file."""
        ledger = self._ledger
        covered = ledger.chain()
        ledger.clear()
        _UNSAVED.discard(self)
        if self._rescue is not None:
            found = self._rescue.read()
            if found is not None and fingerprint(found[1].token) in covered:
                self._rescue.delete(found[0])

    def _save_rescue(self) -> None:
        if self._rescue is not None and self._ledger.pending is not None:
            self._ledger.rescue_path = self._rescue.write(self._ledger.record())

    def _keep(
        self, token: Token, base: Token | None, exc: TokenStoreError, *, anything: bool = False
    ) -> None:
        self._log_not_saved(exc)
        self._ledger.hold(token, base, replaces_anything=anything)
        _UNSAVED.add(self)
        self._save_rescue()
        raise self._not_saved(exc) from exc

    # --- writing ---------------------------------------------------------------------------------

    def put(self, token: Token) -> None:
        """Compare-and-set (contract point 2); a failed write keeps the token (point 5)."""
        base = self._ledger.expected.token
        try:
            with self.refresh_lock(), self._state:
                self._pick_up_rescue()
                ledger = self._ledger
                base = ledger.expected.token
                if ledger.pending is None:
                    expected = ledger.expected
                else:
                    # Our earlier token may or may not be in the backend: look before writing.
                    expected = self._read()
                    if self._verdict(expected) == "superseded":
                        ledger.seen = expected
                        self._settle()
                        raise StaleTokenError(
                            f"{self._where} holds a newer token than this process's; not overwritten"
                        )
                self._write_settled(token, expected, "put")
        except StaleTokenError as exc:
            self._log_refused("put")
            if self._ledger.seen is None or self._ledger.seen.token is None:
                raise StaleTokenError(_stale_seed_message(self._where)) from exc
            raise
        except TokenNotSavedError:
            raise
        except TokenStoreError as exc:
            self._keep(token, base, exc)

    def _write_settled(self, token: Token, expected: Snapshot, how: str = "put") -> None:
        try:
            snapshot = self._write(token, expected)
        except StaleTokenError:
            # A client library that retried our write after losing its reply (redis-py does)
            # finds its own first attempt: the backend holds our token, which is success.
            found = self._read()
            if not same_token(found.token, token):
                raise
            snapshot = found
        except TokenStoreError as exc:
            self._keep(token, expected.token, exc)
        if self._ledger.pending is not None:
            self._settle()
        self._ledger.seen = snapshot
        self._log_written(how)

    def replace(self, token: Token) -> None:
        """Write ``token`` over whatever the backend holds (contract point 3)."""
        try:
            with self.refresh_lock(), self._state:
                self._pick_up_rescue()
                try:
                    snapshot = self._read()
                except CorruptRecordError as exc:
                    snapshot = Snapshot(None, exc.version)  # a new login may overwrite garbage
                if self._ledger.pending is not None:
                    self._settle()  # the replacement supersedes our pending token
                self._write_settled(token, snapshot, "replace")
        except StaleTokenError as exc:
            self._log_refused("replace")
            # Only a writer ignoring the refresh lock can move the backend between our read and write.
            raise StaleTokenError(f"{self._where} changed during replace(); try again") from exc
        except TokenNotSavedError:
            raise
        except TokenStoreError as exc:
            self._keep(token, None, exc, anything=True)

    def compare_and_set(self, expected: Token | None, new: Token) -> None:
        """Write ``new`` only if the backend holds ``expected`` (contract point 4)."""
        try:
            with self.refresh_lock(), self._state:
                self._pick_up_rescue()
                snapshot = self._read()
                if not same_token(snapshot.token, expected):
                    self._ledger.seen = snapshot
                    raise StaleTokenError(f"{self._where} does not hold the expected token; not overwritten")
                if self._ledger.pending is not None:
                    self._settle()
                self._write_settled(new, snapshot, "compare_and_set")
        except StaleTokenError:
            self._log_refused("compare_and_set")
            raise
        except TokenNotSavedError:
            raise
        except TokenStoreError as exc:
            self._keep(new, expected, exc)


class AsyncBackedStore(_EngineBase):
    """Async twin of BackedStore. Subclasses implement ``_read``, ``_write`` and ``_lock``."""

    def __init__(self, *, rescue: RescueFiles | None = None) -> None:
        super().__init__(rescue=rescue)
        self._state = asyncio.Lock()

    async def _read(self) -> Snapshot:
        raise NotImplementedError

    async def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        raise NotImplementedError

    def _lock(self) -> contextlib.AbstractAsyncContextManager[None]:
        raise NotImplementedError

    @contextlib.asynccontextmanager
    async def refresh_lock(self) -> AsyncIterator[None]:
        """The store's refresh lock; reentrant for the task that holds it through this object."""
        me = asyncio.current_task()
        if me is not None and self._held.owner is me:
            yield
            return
        async with self._lock():
            self._held.owner = me
            try:
                yield
            finally:
                self._held.owner = None

    async def get(self) -> Token | None:
        if self._ledger.pending is not None or await self._rescue_exists():
            try:
                async with self.refresh_lock(), self._state:
                    await self._pick_up_rescue()
                    if self._ledger.pending is not None:
                        return await self._reconcile()
            except TokenStoreError:
                pending = self._ledger.pending
                if pending is not None:
                    return pending
                raise
        async with self._state:
            snapshot = await self._read()
            self._ledger.seen = snapshot
            return snapshot.token

    async def _rescue_exists(self) -> bool:
        rescue = self._rescue
        if rescue is None:
            return False
        return await asyncio.to_thread(lambda: any(path.exists() for path in rescue.paths))

    async def _pick_up_rescue(self) -> None:
        if self._rescue is None:
            return
        found = await asyncio.to_thread(self._rescue.read)
        if found is not None:
            path, record = found
            self._ledger.adopt(record, path)

    async def _reconcile(self) -> Token | None:
        ledger = self._ledger
        pending = ledger.pending
        assert pending is not None
        snapshot = await self._read()
        verdict = self._verdict(snapshot)
        if verdict == "write":
            try:
                ledger.seen = await self._write(pending, snapshot)
            except StaleTokenError:
                return pending
            except TokenStoreError as exc:
                await self._save_rescue()
                logger.warning("%s: the pending token is still not written (%s)", self._where, exc)
                return pending
            await self._settle()
            return pending
        if verdict == "superseded":
            self._note_superseded()
        ledger.seen = snapshot
        await self._settle()
        return snapshot.token

    async def _settle(self) -> None:
        ledger = self._ledger
        covered = ledger.chain()
        ledger.clear()
        _UNSAVED.discard(self)
        rescue = self._rescue
        if rescue is not None:
            found = await asyncio.to_thread(rescue.read)
            if found is not None and fingerprint(found[1].token) in covered:
                await asyncio.to_thread(rescue.delete, found[0])

    async def _save_rescue(self) -> None:
        rescue = self._rescue
        if rescue is not None and self._ledger.pending is not None:
            self._ledger.rescue_path = await asyncio.to_thread(rescue.write, self._ledger.record())

    async def _keep(
        self, token: Token, base: Token | None, exc: TokenStoreError, *, anything: bool = False
    ) -> None:
        self._log_not_saved(exc)
        self._ledger.hold(token, base, replaces_anything=anything)
        _UNSAVED.add(self)
        await self._save_rescue()
        raise self._not_saved(exc) from exc

    async def put(self, token: Token) -> None:
        base = self._ledger.expected.token
        try:
            async with self.refresh_lock(), self._state:
                await self._pick_up_rescue()
                ledger = self._ledger
                base = ledger.expected.token
                if ledger.pending is None:
                    expected = ledger.expected
                else:
                    expected = await self._read()
                    if self._verdict(expected) == "superseded":
                        ledger.seen = expected
                        await self._settle()
                        raise StaleTokenError(
                            f"{self._where} holds a newer token than this process's; not overwritten"
                        )
                await self._write_settled(token, expected, "put")
        except StaleTokenError as exc:
            self._log_refused("put")
            if self._ledger.seen is None or self._ledger.seen.token is None:
                raise StaleTokenError(_stale_seed_message(self._where)) from exc
            raise
        except TokenNotSavedError:
            raise
        except TokenStoreError as exc:
            await self._keep(token, base, exc)

    async def _write_settled(self, token: Token, expected: Snapshot, how: str = "put") -> None:
        try:
            snapshot = await self._write(token, expected)
        except StaleTokenError:
            found = await self._read()
            if not same_token(found.token, token):
                raise
            snapshot = found
        except TokenStoreError as exc:
            await self._keep(token, expected.token, exc)
        if self._ledger.pending is not None:
            await self._settle()
        self._ledger.seen = snapshot
        self._log_written(how)

    async def replace(self, token: Token) -> None:
        try:
            async with self.refresh_lock(), self._state:
                await self._pick_up_rescue()
                try:
                    snapshot = await self._read()
                except CorruptRecordError as exc:
                    snapshot = Snapshot(None, exc.version)
                if self._ledger.pending is not None:
                    await self._settle()
                await self._write_settled(token, snapshot, "replace")
        except StaleTokenError as exc:
            self._log_refused("replace")
            raise StaleTokenError(f"{self._where} changed during replace(); try again") from exc
        except TokenNotSavedError:
            raise
        except TokenStoreError as exc:
            await self._keep(token, None, exc, anything=True)

    async def compare_and_set(self, expected: Token | None, new: Token) -> None:
        try:
            async with self.refresh_lock(), self._state:
                await self._pick_up_rescue()
                snapshot = await self._read()
                if not same_token(snapshot.token, expected):
                    self._ledger.seen = snapshot
                    raise StaleTokenError(f"{self._where} does not hold the expected token; not overwritten")
                if self._ledger.pending is not None:
                    await self._settle()
                await self._write_settled(new, snapshot, "compare_and_set")
        except StaleTokenError:
            self._log_refused("compare_and_set")
            raise
        except TokenNotSavedError:
            raise
        except TokenStoreError as exc:
            await self._keep(new, expected, exc)
