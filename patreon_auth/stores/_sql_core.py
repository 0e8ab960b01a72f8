"""What SQLStore and AsyncSQLStore share: row keys, how a row reads as a snapshot, defaults.

The stores themselves are twins (patreon_auth/stores/_async/sql.py, and the sync one generated from
it); the engines they run on are in _sql_engines.py; patreon_auth/stores/sql.py describes the table.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import attrs

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import CorruptRecordError, Snapshot, decode_token
from patreon_auth.stores._rescue import (
    RESCUE_SUFFIX,
    RescueFiles,
    RescuePath,
    _DefaultRescue,
    default_fallback_dir,
    fingerprint,
)
from patreon_auth.stores._rescue import key_slug as _key_slug
from patreon_auth.stores._sql_engines import Row
from patreon_auth.stores.filesystem import remove_orphaned_temps
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


@attrs.frozen
class GarbledVersion:
    """A ``version`` cell that is not a whole number (SQLite stores whatever it is given: 1.5,
    text, a BLOB). Compare-and-set cannot count on it, so such a row reads as corrupt, before
    any refresh spends its token; ``replace()`` (a new login) may overwrite it, matching ``raw``."""

    raw: Any


def row_version(value: object) -> int | GarbledVersion:
    # bool is an int subclass, but no engine returns one for an INTEGER/BIGINT column.
    return value if type(value) is int else GarbledVersion(value)


def _snapshot(row: Row | None, *, where: str) -> Snapshot:
    """A row as the store engine sees it: no row is Snapshot(None); its version is the row's."""
    if row is None:
        return Snapshot(None)
    raw, version = row[0], row_version(row[1])
    if isinstance(version, GarbledVersion):
        kind = type(version.raw).__name__
        raise CorruptRecordError(
            f"{where} has a version that is not a whole number ({kind}); the row was changed by "
            "something other than this library: fix the row, or replace() it with a new login",
            version=version,
        )
    if raw is None:
        return Snapshot(None, version)
    problem: str | None = None
    if not isinstance(raw, str | bytes):
        problem = f"{where} holds a {type(raw).__name__} where token JSON belongs"
    else:
        try:
            return Snapshot(decode_token(raw, source=where), version)
        except TokenStoreError as exc:
            problem = str(exc)
    # replace() (a new login) may overwrite what is not a token; put() never does. Raised outside
    # the except block: no context chain to the content.
    raise CorruptRecordError(problem, version=version)


class _Inside:
    """The token written inside the current lock and the one it replaced: if the COMMIT fails,
    that write did not happen, and the new token must be kept (contract point 5). And the rescue
    file written ahead of that write, with its token's fingerprint, to delete once it commits."""

    def __init__(self) -> None:
        self.written: tuple[Token, Token | None] | None = None
        self.ahead: tuple[Path, str] | None = None


AHEAD_SUFFIX = ".ahead"


def ahead_files(rescue: RescueFiles | None) -> RescueFiles | None:
    """Where a write puts its token first: beside each rescue file, ``<rescue file>.ahead``."""
    if rescue is None:
        return None
    return RescueFiles([path.with_name(path.name + AHEAD_SUFFIX) for path in rescue.paths], rescue.fs)


def remove_ahead_temps(ahead: RescueFiles) -> None:
    for path in ahead.paths:
        remove_orphaned_temps(ahead.fs, path)


def delete_ahead(rescue: RescueFiles, ahead: tuple[Path, str]) -> None:
    """Delete the rescue file written ahead of a write that committed, if it still holds that
    token (a process whose own write failed outside the lock may have put its token there since)."""
    path, token_fingerprint = ahead
    found = rescue.read()
    if found is not None and found[0] == path and fingerprint(found[1].token) == token_fingerprint:
        rescue.delete(path)


def sql_rescue_files(
    rescue_path: RescuePath, key: str, *, database: str, beside: str | None
) -> RescueFiles | None:
    """Where a row's token goes when its write fails: one file per row, so a user's pending token is
    never picked up by another user's row.

    ``DEFAULT_RESCUE`` (the default) is always somewhere: beside a SQLite file (every process on
    that host opens it there), then the user's state directory, under a name derived from the
    database, table and key (``database``), so every process of this host that opens the same
    row looks in the same place. A path given is used as it is (``for_user`` suffixes it per key,
    see ``user_rescue``); None keeps pending tokens in memory only.
    """
    if rescue_path is None:
        return None
    if not isinstance(rescue_path, _DefaultRescue):
        return RescueFiles([Path(rescue_path)])
    slug = _key_slug(key)
    paths: list[Path] = []
    if beside is not None:
        db = Path(beside)
        paths.append(db.with_name(f"{db.name}.{slug}{RESCUE_SUFFIX}"))
    directory = default_fallback_dir()
    if directory is not None:
        digest = hashlib.sha256(f"{database}\0{key}".encode()).hexdigest()[:16]
        paths.append(directory / f"sql-{slug[:40]}-{digest}{RESCUE_SUFFIX}")
    return RescueFiles(paths) if paths else None


def user_rescue(rescue_path: RescuePath, key: str) -> RescuePath:
    """A ``for_user`` store's rescue setting: a path given is suffixed with the user's key."""
    if rescue_path is None or isinstance(rescue_path, _DefaultRescue):
        return rescue_path
    base = Path(rescue_path)
    return base.with_name(f"{base.name}.{_key_slug(key)}")
