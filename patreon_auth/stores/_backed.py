"""What the store engine's twins share: token encoding, snapshots, the ledger, the shared locks.

A refreshed Patreon token is the only copy of a single-use refresh token [PD _oauth.md]. The
write contract documented in ``stores.base`` is implemented once, for every backend, by the store
engine: ``AsyncBackedStore`` in ``patreon_auth/stores/_async/backed.py``, from which
generator/unasync.py writes the sync ``BackedStore``. This module holds what is not a twin: how a
token is encoded and decoded, what a read saw (``Snapshot``), what a store object knows beyond
its backend (the ledger of pending tokens and what they may replace), the engine's messages and
the in-process locks shared per credential.
"""

from __future__ import annotations

import atexit
import contextlib
import inspect
import json
import logging
import threading
import weakref
from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._rescue import (
    RESCUE_SUFFIX,
    RescueFiles,
    RescueRecord,
    default_fallback_dir,
    fingerprint,
)
from patreon_auth.stores.base import StaleTokenError, TokenNotSavedError
from patreon_auth.stores.filesystem import has_temps
from patreon_auth.token import Token
from patreon_runtime.safe_json import loads as safe_json_loads

if TYPE_CHECKING:
    import asyncio  # at run time only where async code runs: a sync process never loads it

REDACTED = "<redacted>"

logger = logging.getLogger("patreon.stores")

__all__ = [
    "REDACTED",
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
    """Async twin of shared_thread_lock, one per event loop: an asyncio.Lock binds to the loop that
    first waits on it. Call it from a coroutine (a running loop)."""
    import asyncio

    key = (key, asyncio.get_running_loop())
    with _SHARED_GUARD:
        lock = _SHARED_ASYNC_LOCKS.get(key)
        if lock is None:
            lock = asyncio.Lock()
            _SHARED_ASYNC_LOCKS[key] = lock
        return lock


# Stores holding a token they could not write, so the last chance at exit is not missed. Strong
# references: a store that went out of scope (a client built inside a function that returned)
# still holds the only copy of a refreshed token; a weak set let it vanish without a word. A store
# leaves the set when its token is settled (written, superseded or rescued elsewhere).
_UNSAVED: set[_EngineBase] = set()

UNCLAIMED_PREFIX = "unclaimed-"


def write_unclaimed(store: _EngineBase) -> Path | None:
    """Put a pending token no store took into ``<default rescue dir>/unclaimed-<fingerprint>.rescue``.

    The last resort for a store without a rescue file of its own (or whose rescue file could not
    be written): one mechanism for every store, so no backend can drop a refreshed token at exit.
    The file is a rescue file (``RescueRecord``: the token and the fingerprint of the one it
    replaced); passing it as ``rescue_path=`` to the store writes the token back. The name holds
    a fingerprint, never the token. None when there is no pending token or no file could be written.
    """
    if store.pending_token is None:
        return None
    directory = default_fallback_dir()
    if directory is None:
        return None
    path = directory / f"{UNCLAIMED_PREFIX}{fingerprint(store.pending_token)}{RESCUE_SUFFIX}"
    return RescueFiles([path]).write(store._ledger.record())


@atexit.register
def _last_chance() -> None:
    """At interpreter exit, try once more to write pending tokens; keep what still fails on disk."""
    for store in list(_UNSAVED):
        # A sync store can reconcile once more; an async one has no event loop left to run on.
        if not inspect.iscoroutinefunction(store.get):
            with contextlib.suppress(Exception):
                store.get()  # reconciles under the lock; a no-op if the backend is still down
        if store.pending_token is None or store._ledger.rescue_path is not None:
            continue
        try:
            unclaimed = write_unclaimed(store)
        except Exception as exc:  # the exit path must reach the CRITICAL line whatever happens
            logger.debug("writing the unclaimed token rescue file failed (%s)", type(exc).__name__)
            unclaimed = None
        if unclaimed is not None:
            logger.critical(
                "%s: a refreshed token was never saved; it is kept in the unclaimed rescue file %s "
                "(mode 0600). Restore it by passing that path as rescue_path= to this store (its "
                "next get() writes the token back and deletes the file), or load it with "
                'Token.from_dict(json.load(file)["token"]) and store.replace(token). Do not delete '
                "it: it holds the only copy of the creator's refresh token",
                store._where,
                unclaimed,
            )
        else:
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

    def get(self) -> object:
        """The engines' get (a coroutine function in the async one), named here for _last_chance."""
        raise NotImplementedError

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

    def _rescue_exists(self) -> bool:
        rescue = self._rescue
        return rescue is not None and any(path.exists() for path in rescue.paths)

    # Files a writer puts its token in before writing the backend (SQL stores: ``_write_ahead``).
    # Only the refresh lock's holder looks at them: their writer held that lock, so for anyone
    # else holding it now, that writer is gone without having committed, or committed and was
    # killed before deleting the file; readers outside the lock would wait for a live writer.
    _ahead: RescueFiles | None = None

    def _ahead_exists(self, me: object | None) -> bool:
        ahead = self._ahead
        if ahead is None or me is None or self._held.owner != me:
            return False
        # A temp file alone is a writer killed before its rename: the pick-up removes it (each
        # holds a token), so it counts as something to look at.
        return any(path.exists() or has_temps(ahead.fs, path) for path in ahead.paths)

    def _rescue_sources(self) -> list[RescueFiles]:
        """Where, under the refresh lock, a pending token may be waiting for this store."""
        return [files for files in (self._rescue, self._ahead) if files is not None]
