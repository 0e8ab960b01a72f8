"""What SQLStore and AsyncSQLStore share: row keys, how a row reads as a snapshot, defaults.

The stores themselves are twins (patreon_auth/_async/sql_store.py, and the sync one generated from
it); the engines they run on are in _sql_engines.py; patreon_auth/stores/sql.py describes the table.
"""

from __future__ import annotations

import os
from pathlib import Path

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import CorruptRecordError, Snapshot, decode_token
from patreon_auth.stores._rescue import RescueFiles
from patreon_auth.stores._sql_engines import Row
from patreon_auth.token import Token

CREATOR_KEY = "creator"
DEFAULT_TABLE = "patreon_tokens"
DEFAULT_LOCK_TIMEOUT = 30.0


def user_key(user_id: str | int) -> str:
    """The row key of a user's token: their Patreon user id."""
    text = str(user_id)
    if not text or text.strip() != text:
        raise ValueError(f"user_id must be a non-empty id without surrounding spaces, got {user_id!r}")
    return f"user:{text}"


def _snapshot(row: Row | None, *, where: str) -> Snapshot:
    """A row as the store engine sees it: no row is Snapshot(None); its version is the row's."""
    if row is None:
        return Snapshot(None)
    raw, version = row[0], int(row[1])
    if raw is None:
        return Snapshot(None, version)
    try:
        return Snapshot(decode_token(raw, source=where), version)
    except TokenStoreError as exc:
        # replace() (a new login) may overwrite what is not a token; put() never does.
        raise CorruptRecordError(str(exc), version=version) from None


class _Inside:
    """The token written inside the current lock and the one it replaced: if the COMMIT fails,
    that write did not happen, and the new token must be kept (contract point 5)."""

    def __init__(self) -> None:
        self.written: tuple[Token, Token | None] | None = None


def _rescue(path: str | os.PathLike[str] | None) -> RescueFiles | None:
    return RescueFiles([Path(path)]) if path is not None else None


def _user_rescue(path: str | os.PathLike[str] | None, key: str) -> str | None:
    # One rescue file per row: a user's pending token must not be picked up by another user's row.
    return f"{os.fspath(path)}.{key.replace(':', '-')}" if path is not None else None
