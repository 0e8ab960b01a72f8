"""AsyncBackedStore: the engine every persistent store shares (compare-and-set, pending tokens).

The async twin is the source: generator/unasync.py writes the sync one (BackedStore) from it. What
the engine decides is in patreon_auth/stores/_backed.py (the ledger, the messages) and its contract
in patreon_auth/stores/base.py: a backend supplies ``_read`` (the token and an opaque version),
``_write`` (an atomic conditional write) and ``_lock`` (the refresh lock); this class decides what
may be written over what, keeps a token whose write failed, and reconciles it under the refresh
lock by reading back and comparing (never replaying it blind).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import (
    _UNSAVED,
    CorruptRecordError,
    Snapshot,
    _EngineBase,
    _stale_seed_message,
    logger,
    same_token,
)
from patreon_auth.stores._concurrency import AsyncOps
from patreon_auth.stores._rescue import RescueFiles, fingerprint
from patreon_auth.stores.base import StaleTokenError, TokenNotSavedError
from patreon_auth.token import Token


class AsyncBackedStore(_EngineBase):
    """The store engine. Subclasses implement ``_read``, ``_write`` and ``_lock``."""

    def __init__(self, *, rescue: RescueFiles | None = None) -> None:
        super().__init__(rescue=rescue)
        # Serialises this object's ledger; always taken after the refresh lock, never before.
        self._state = AsyncOps.rlock()

    # --- the backend: subclasses ---------------------------------------------------------------

    async def _read(self) -> Snapshot:
        raise NotImplementedError

    async def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        """Atomically write ``token`` if the backend holds ``expected`` (by version, or token if no
        version) or holds nothing; return the new snapshot. Raise StaleTokenError (nothing written)
        when it holds something else, TokenStoreError when the write failed or its outcome is unknown.
        """
        raise NotImplementedError

    def _lock(self) -> contextlib.AbstractAsyncContextManager[None]:
        raise NotImplementedError

    # --- the lock ------------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def refresh_lock(self) -> AsyncIterator[None]:
        """The store's refresh lock; reentrant for the task (thread) holding it through this object."""
        me = AsyncOps.owner()
        if me is not None and self._held.owner == me:
            yield
            return
        async with self._lock():
            self._held.owner = me
            try:
                yield
            finally:
                self._held.owner = None

    # --- reading ---------------------------------------------------------------------------------

    async def get(self) -> Token | None:
        # Looking for a rescue file is a stat() or two, made in place: every SQL store has rescue
        # files to look for, and a trip to a worker thread would cost more than the stat.
        if self._ledger.pending is not None or self._rescue_exists() or self._ahead_exists(AsyncOps.owner()):
            try:
                async with self.refresh_lock(), self._state:
                    await self._pick_up_rescue()
                    if self._ledger.pending is not None:
                        return await self._reconcile()
            except TokenStoreError:
                pending = self._ledger.pending
                if pending is not None:
                    return pending  # the backend is unavailable: ours is the newest token we know
                raise
        async with self._state:
            snapshot = await self._read()
            self._ledger.seen = snapshot
            return snapshot.token

    async def _pick_up_rescue(self) -> None:
        """Under the refresh lock: adopt a rescue file, and a file written ahead by a writer that
        held this lock before us and never committed (it would still hold the lock otherwise)."""
        for files in self._rescue_sources():
            found = await AsyncOps.run(files.read)
            if found is not None:
                path, record = found
                self._ledger.adopt(record, path)

    async def _reconcile(self) -> Token | None:
        """Under the refresh lock: read back, compare, and write the pending token only if due."""
        ledger = self._ledger
        pending = ledger.pending
        assert pending is not None
        snapshot = await self._read()
        verdict = self._verdict(snapshot)
        if verdict == "write":
            try:
                ledger.seen = await self._write(pending, snapshot)
            except StaleTokenError:
                return pending  # moved between our read and write: the next reconcile looks again
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
        """The pending token is written, or superseded: forget it and its rescue file."""
        ledger = self._ledger
        covered = ledger.chain()
        ledger.clear()
        _UNSAVED.discard(self)
        for files in self._rescue_sources():
            found = await AsyncOps.run(files.read)
            if found is not None and fingerprint(found[1].token) in covered:
                await AsyncOps.run(files.delete, found[0])

    async def _save_rescue(self) -> None:
        rescue = self._rescue
        if rescue is not None and self._ledger.pending is not None:
            self._ledger.rescue_path = await AsyncOps.run(rescue.write, self._ledger.record())

    async def _keep(
        self, token: Token, base: Token | None, exc: TokenStoreError, *, anything: bool = False
    ) -> None:
        self._log_not_saved(exc)
        self._ledger.hold(token, base, replaces_anything=anything)
        _UNSAVED.add(self)
        await self._save_rescue()
        raise self._not_saved(exc) from exc

    # --- writing ---------------------------------------------------------------------------------

    async def put(self, token: Token) -> None:
        """Compare-and-set (contract point 2); a failed write keeps the token (point 5)."""
        base = self._ledger.expected.token
        try:
            async with self.refresh_lock(), self._state:
                await self._pick_up_rescue()
                ledger = self._ledger
                base = ledger.expected.token
                if ledger.pending is None:
                    expected = ledger.expected
                else:
                    # Our earlier token may or may not be in the backend: look before writing.
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
            # A client library that retried our write after losing its reply (redis-py does)
            # finds its own first attempt: the backend holds our token, which is success.
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
        """Write ``token`` over whatever the backend holds (contract point 3)."""
        try:
            async with self.refresh_lock(), self._state:
                await self._pick_up_rescue()
                try:
                    snapshot = await self._read()
                except CorruptRecordError as exc:
                    snapshot = Snapshot(None, exc.version)  # a new login may overwrite garbage
                if self._ledger.pending is not None:
                    await self._settle()  # the replacement supersedes our pending token
                await self._write_settled(token, snapshot, "replace")
        except StaleTokenError as exc:
            self._log_refused("replace")
            # Only a writer ignoring the refresh lock can move the backend between our read and write.
            raise StaleTokenError(f"{self._where} changed during replace(); try again") from exc
        except TokenNotSavedError:
            raise
        except TokenStoreError as exc:
            await self._keep(token, None, exc, anything=True)

    async def compare_and_set(self, expected: Token | None, new: Token) -> None:
        """Write ``new`` only if the backend holds ``expected`` (contract point 4)."""
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


__all__ = ["AsyncBackedStore"]
