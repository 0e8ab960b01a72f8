"""A fault-injecting wrapper around a SQL store engine: the seam the fault suite drives SQLStore through.

Each mode fails one kind of step until it is cleared, the way a database does when it restarts,
fills its disk or drops a connection: refusing a write, applying a write and then failing (the
reply lost), failing a COMMIT that did not happen, or one that did, and failing reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from patreon_auth.stores._sql_engines import Row, Statements
from patreon_auth.stores._sync.sql_engines import SyncEngine

MODES = ("ok", "refuse_write", "apply_then_fail", "commit_lost", "commit_then_fail", "reads_fail")


class FaultyEngine:
    """``engine`` with ``mode`` (one of MODES) failing the matching step."""

    def __init__(self, engine: SyncEngine) -> None:
        self.engine = engine
        self.statements: Statements = engine.statements
        self.errors = engine.errors
        self.where = engine.where
        self.database = engine.database
        self.beside = engine.beside
        self.mode = "ok"

    def _fail(self) -> Exception:
        return self.errors[0](f"injected fault: {self.mode}")

    def _is_write(self, sql: str) -> bool:
        return sql in (self.statements.update, self.statements.insert, self.statements.fill)

    def execute(self, sql: str, params: Sequence[Any]) -> tuple[int, Row | None]:
        if self.mode == "reads_fail" and sql == self.statements.select:
            raise self._fail()
        if self._is_write(sql) and self.mode == "refuse_write":
            raise self._fail()
        result = self.engine.execute(sql, params)
        if self._is_write(sql) and self.mode == "apply_then_fail":
            raise self._fail()
        return result

    def begin_lock(self, key: str, timeout: float) -> None:
        self.engine.begin_lock(key, timeout)

    def end_lock(self) -> None:
        if self.mode == "commit_lost":
            self.engine.execute("ROLLBACK", ())
            raise self._fail()
        self.engine.end_lock()
        if self.mode == "commit_then_fail":
            raise self._fail()

    def close(self) -> None:
        self.engine.close()
