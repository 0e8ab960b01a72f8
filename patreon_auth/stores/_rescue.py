"""Rescue files: a token whose write failed, kept in a 0600 file so that exiting does not lose it.

The file holds the pending token and the fingerprints reconciliation needs (contract point 5 in
``stores.base``): the token it replaces and our earlier unconfirmed tokens. Fingerprints are
SHA-256 digests, so a rescue file never holds an older secret, only the newest token.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import attrs

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores.filesystem import FileSystem, WriteOutcomeUnknownError, write_private_file
from patreon_auth.token import Token
from patreon_runtime.safe_json import loads as safe_json_loads

logger = logging.getLogger("patreon.stores")

RESCUE_SUFFIX = ".rescue"
_FORMAT = "patreon-token-rescue/1"


class _DefaultRescue:
    def __repr__(self) -> str:
        return "DEFAULT_RESCUE"


DEFAULT_RESCUE: Final = _DefaultRescue()
"""``rescue_path`` default: a place beside the store when it has one (``<path>.rescue``), and the
user's state directory (``$XDG_STATE_HOME/patreonkit/rescue/``) after it."""

RescuePath = str | os.PathLike[str] | _DefaultRescue | None


def fingerprint(token: Token) -> str:
    """Identifies a token by its secrets without holding them."""
    material = f"{token.access_token}\0{token.refresh_token or ''}".encode()
    return hashlib.sha256(material).hexdigest()[:40]


@attrs.frozen
class RescueRecord:
    """A pending token and what it may be written over."""

    token: Token
    replaces: str | None  # fingerprint of the token the pending one replaced; None: the store was empty
    unconfirmed: frozenset[str] = frozenset()  # our earlier tokens whose writes may have happened

    def to_json(self) -> bytes:
        document = {
            "format": _FORMAT,
            "token": self.token.to_dict(),
            "replaces": self.replaces,
            "unconfirmed": sorted(self.unconfirmed),
        }
        return json.dumps(document, sort_keys=True, separators=(",", ":")).encode()

    @classmethod
    def from_json(cls, data: bytes, *, source: str) -> RescueRecord:
        record = cls._parse(data)
        if record is None:
            # Raised outside any ``except``: a decode error keeps the document (a live token) in its
            # attributes, and not even ``__context__`` may link to it.
            raise TokenStoreError(f"{source} is not a readable token rescue file (fix or delete it)")
        return record

    @classmethod
    def _parse(cls, data: bytes) -> RescueRecord | None:
        try:
            document = safe_json_loads(data)
            if not isinstance(document, dict) or document.get("format") != _FORMAT:
                return None
            replaces = document.get("replaces")
            unconfirmed = document.get("unconfirmed") or []
            if replaces is not None and not isinstance(replaces, str):
                return None
            if not isinstance(unconfirmed, list) or not all(isinstance(item, str) for item in unconfirmed):
                return None
            return cls(Token.from_dict(document["token"]), replaces, frozenset(unconfirmed))
        except (KeyError, TypeError, ValueError):
            return None


def default_fallback_dir() -> Path | None:
    """Where a rescue goes when the place beside the store cannot be written: the user's state dir.

    ``$XDG_STATE_HOME`` if set and absolute (the XDG Base Directory spec ignores relative ones),
    else ``~/.local/state``; None when there is no home directory to speak of.
    """
    configured = os.environ.get("XDG_STATE_HOME", "")
    if os.path.isabs(configured):
        base = Path(configured)
    else:
        try:
            base = Path.home() / ".local" / "state"
        except (RuntimeError, KeyError):
            return None
    return base / "patreonkit" / "rescue"


_SAFE_KEY = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


def key_slug(key: str) -> str:
    """A store key in a file name: as it is when plainly safe (``user-42``), else a digest of it,
    so a key holding ``/`` or ``..`` can never steer a rescue file elsewhere."""
    if _SAFE_KEY.match(key) and key not in (".", ".."):
        return key.replace(":", "-")
    return "key-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def fallback_rescue_path(store_path: Path) -> Path | None:
    """A per-store rescue file name in the fallback dir, derived from the store's absolute path."""
    directory = default_fallback_dir()
    if directory is None:
        return None
    digest = hashlib.sha256(str(store_path.absolute()).encode()).hexdigest()[:16]
    return directory / f"{store_path.name}-{digest}{RESCUE_SUFFIX}"


class RescueFiles:
    """The rescue file candidates of one store, tried in order; the first that can be written wins."""

    def __init__(self, paths: Sequence[Path], fs: FileSystem | None = None) -> None:
        self.paths = list(paths)
        self.fs = fs if fs is not None else FileSystem()

    def read(self) -> tuple[Path, RescueRecord] | None:
        for path in self.paths:
            try:
                data = self.fs.read(path)
            except OSError as exc:
                logger.error("cannot read the token rescue file %s (%s)", path, type(exc).__name__)
                continue
            if data is None:
                continue
            try:
                return path, RescueRecord.from_json(data, source=f"token rescue file {str(path)!r}")
            except TokenStoreError as exc:
                logger.error("%s", exc)
        return None

    def write(self, record: RescueRecord, *, quiet: bool = False) -> Path | None:
        """Write the record to the first candidate that works; None when none could be written.
        ``quiet``: a failure is logged at DEBUG only (a precaution failing is not news)."""
        data = record.to_json()
        for path in self.paths:
            try:
                write_private_file(self.fs, path, data)
            except WriteOutcomeUnknownError:
                return path  # renamed into place, only the directory fsync failed: it is there
            except OSError as exc:
                log = logger.debug if quiet else logger.warning
                log("cannot write the token rescue file %s (%s)", path, type(exc).__name__)
                continue
            # Only one rescue file per store: a stale one elsewhere would be picked up later.
            for other in self.paths:
                if other != path:
                    self.delete(other)
            return path
        return None

    def delete(self, path: Path) -> None:
        try:
            self.fs.unlink(path)
        except OSError as exc:
            logger.warning("cannot delete the token rescue file %s (%s)", path, type(exc).__name__)
