"""AsyncSQLStore: one row per token, SQLite by default, PostgreSQL for fleets.

The async twin is the source: generator/unasync.py writes the sync one (SQLStore) from it. See
patreon_auth/stores/sql.py for the table, the lock and the compare-and-set; the engines (sqlite3
and psycopg) are twins too, in patreon_auth/stores/_async/sql_engines.py.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._async.backed import AsyncBackedStore
from patreon_auth.stores._async.sql_engines import AsyncEngine, AsyncPostgresEngine, AsyncSQLiteEngine
from patreon_auth.stores._backed import Snapshot, encode_token, logger
from patreon_auth.stores._concurrency import AsyncOps
from patreon_auth.stores._rescue import DEFAULT_RESCUE, RescueFiles, RescuePath, RescueRecord, fingerprint
from patreon_auth.stores._sql_core import (
    CREATOR_KEY,
    DEFAULT_LOCK_TIMEOUT,
    DEFAULT_TABLE,
    GarbledVersion,
    _Inside,
    _snapshot,
    ahead_files,
    delete_ahead,
    remove_ahead_temps,
    row_version,
    sql_rescue_files,
    user_key,
    user_rescue,
)
from patreon_auth.stores._sql_engines import (
    DEFAULT_POOL_SIZE,  # async only
    check_table_name,
)
from patreon_auth.stores.base import StaleTokenError
from patreon_auth.token import Token


class AsyncSQLStore(AsyncBackedStore):
    """A token row in a SQL database (make one with AsyncSQLiteStore or AsyncPostgresStore)."""

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        key: str,
        lock_timeout: float,
        rescue_path: RescuePath = DEFAULT_RESCUE,
    ) -> None:
        super().__init__(
            rescue=sql_rescue_files(rescue_path, key, database=engine.database, beside=engine.beside)
        )
        self._ahead = ahead_files(self._rescue)
        self._engine = engine
        self.key = key
        self.lock_timeout = lock_timeout
        self._rescue_path = rescue_path
        self._where = f"{engine.where} row {key!r}"
        self._inside = _Inside()

    def for_user(self, user_id: str | int) -> AsyncSQLStore:
        """The store of one user's token, in the same database and table."""
        key = user_key(user_id)
        return AsyncSQLStore(
            self._engine,
            key=key,
            lock_timeout=self.lock_timeout,
            rescue_path=user_rescue(self._rescue_path, key),
        )

    def _fail(self, action: str, exc: Exception) -> TokenStoreError:
        return TokenStoreError(f"{action} {self._where} failed ({type(exc).__name__})")

    async def _read(self) -> Snapshot:
        engine = self._engine
        try:
            _, row = await engine.execute(engine.statements.select, (self.key,))
        except engine.errors as exc:
            raise self._fail("reading", exc) from exc
        return _snapshot(row, where=self._where)

    async def _write_ahead(self, token: Token, base: Token | None) -> None:
        """Put ``token`` in the row's rescue file before writing the row, so that a process killed
        between here and the COMMIT (SIGKILL, the OOM killer) leaves it for the next store of the
        row on this host, which finds the row still holding ``base`` and writes it. Deleted once
        the COMMIT succeeds. Only for a store with no pending token: one already has its file."""
        ahead = self._ahead
        if ahead is None or self._ledger.pending is not None or self._inside.ahead is not None:
            return
        record = RescueRecord(token, fingerprint(base) if base is not None else None)
        path = await AsyncOps.run(ahead.write, record, quiet=True)
        if path is not None:
            self._inside.ahead = (path, fingerprint(token))

    async def _pick_up_rescue(self) -> None:
        ahead = self._ahead
        if ahead is not None and self._inside.ahead is None:
            # Under the row's lock nobody else writes its ahead file: temp files of it are a
            # killed writer's (0600, but each holding a token).
            await AsyncOps.run(remove_ahead_temps, ahead)
        await super()._pick_up_rescue()

    def _rescue_sources(self) -> list[RescueFiles]:
        # Not the file this lock's own write put ahead: it is ours, and in flight.
        sources = super()._rescue_sources()
        return [files for files in sources if files is not self._ahead or self._inside.ahead is None]

    async def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        engine, text, statements = self._engine, encode_token(token), self._engine.statements
        await self._write_ahead(token, expected.token)
        try:
            if isinstance(expected.version, int):
                written, _ = await engine.execute(statements.update, (text, self.key, expected.version))
                version: int | GarbledVersion = expected.version + 1
            elif isinstance(expected.version, GarbledVersion):
                # replace() over a row whose version is garbage: matched on what was read.
                written, _ = await engine.execute(statements.reset, (text, self.key, expected.version.raw))
                version = 1
            else:
                # No row when we read: create it, or fill the empty row a refresh lock left.
                written, _ = await engine.execute(statements.insert, (self.key, text))
                if not written:
                    written, _ = await engine.execute(statements.fill, (text, self.key))
                _, row = await engine.execute(statements.select, (self.key,))
                version = row_version(row[1]) if row is not None else 0
        except engine.errors as exc:
            raise self._fail("writing", exc) from exc
        if not written:
            raise StaleTokenError(f"another token was stored in {self._where}; not overwritten")
        self._inside.written = (token, expected.token)
        return Snapshot(token, version)

    @contextlib.asynccontextmanager
    async def _lock(self) -> AsyncIterator[None]:
        engine = self._engine
        try:
            await engine.begin_lock(self.key, self.lock_timeout)
        except engine.errors as exc:
            raise TokenStoreError(
                f"taking the lock on {self._where} failed or timed out after {self.lock_timeout:g}s "
                f"({type(exc).__name__})"
            ) from exc
        self._inside = _Inside()
        try:
            yield
        except BaseException:
            await self._unlock(failing=True)
            raise
        await self._unlock(failing=False)

    async def _unlock(self, *, failing: bool) -> None:
        """COMMIT. A failed COMMIT undoes a write made inside: its token is kept (TokenNotSavedError).
        Otherwise, when the lock's body already failed, its error is the one the caller sees (the
        COMMIT failed for the same reason, often: the database went away), above all a
        TokenNotSavedError, which says where the only copy of a new token is."""
        engine = self._engine
        inside, self._inside = self._inside, _Inside()
        written = inside.written
        try:
            await engine.end_lock()
        except engine.errors as exc:
            if written is not None:
                # The write inside did not happen after all; its token may be the only copy.
                await self._keep(written[0], written[1], self._fail("committing", exc))
            if not failing:
                raise self._fail("committing", exc) from exc
            logger.warning("%s: committing failed too (%s)", self._where, type(exc).__name__)
        finally:
            # The copy written ahead is done with once the token is committed, refused, or kept in
            # the rescue file proper; only when that file could not be written is it left.
            ledger = self._ledger
            done = ledger.pending is None or ledger.rescue_path is not None
            if inside.ahead is not None and self._ahead is not None and done:
                await AsyncOps.run(delete_ahead, self._ahead, inside.ahead)

    async def aclose(self) -> None:
        """Close this store's database connections (the async store's idle pooled ones), and those
        of every ``for_user`` store made from it."""
        await self._engine.close()

    def __repr__(self) -> str:
        return f"AsyncSQLStore({self._engine.where}, key={self.key!r})"


class AsyncSQLiteStore(AsyncSQLStore):
    """The creator's token (or ``key``'s) in a SQLite file; ``.for_user(id)`` for user tokens.

    A token whose write fails is kept in a 0600 rescue file (``rescue_path``, by default beside
    the database file, else in the user's state directory) and written back by the next store of
    its row in any process of the host; ``rescue_path=None`` keeps it in memory only.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        key: str = CREATOR_KEY,
        table: str = DEFAULT_TABLE,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        rescue_path: RescuePath = DEFAULT_RESCUE,
        pool_size: int = DEFAULT_POOL_SIZE,  # async only
    ) -> None:
        engine = AsyncSQLiteEngine(
            os.fspath(path),
            check_table_name(table),
            lock_timeout,
            pool_size,  # async only
        )
        super().__init__(
            engine,
            key=key,
            lock_timeout=lock_timeout,
            rescue_path=rescue_path,
        )


class AsyncPostgresStore(AsyncSQLStore):
    """The creator's token (or ``key``'s) in PostgreSQL (a libpq connection string or URL).

    A token whose write fails is kept in a 0600 rescue file (``rescue_path``, by default in the
    user's state directory, ``$XDG_STATE_HOME/patreonkit/rescue/``) and written back by the next
    store of its row in any process of the host; ``rescue_path=None`` keeps it in memory only.
    """

    def __init__(
        self,
        conninfo: str,
        *,
        key: str = CREATOR_KEY,
        table: str = DEFAULT_TABLE,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        rescue_path: RescuePath = DEFAULT_RESCUE,
        pool_size: int = DEFAULT_POOL_SIZE,  # async only
    ) -> None:
        engine = AsyncPostgresEngine(
            conninfo,
            check_table_name(table),
            lock_timeout,
            pool_size,  # async only
        )
        super().__init__(
            engine,
            key=key,
            lock_timeout=lock_timeout,
            rescue_path=rescue_path,
        )


__all__ = ["AsyncPostgresStore", "AsyncSQLStore", "AsyncSQLiteStore"]
