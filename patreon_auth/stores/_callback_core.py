"""What CallbackStore and AsyncCallbackStore share: the lock types, names, the staleness check."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import Snapshot, same_token
from patreon_auth.stores._rescue import RescueFiles
from patreon_auth.stores.base import StaleTokenError
from patreon_auth.token import Token

SyncLock = contextlib.AbstractContextManager[Any] | Callable[[], contextlib.AbstractContextManager[Any]]
# What the callbacks may be: the async store also takes async functions.
SyncGet = Callable[[], Token | None]
AsyncGet = Callable[[], Token | Awaitable[Token | None] | None]
SyncCompareAndSet = Callable[[Token | None, Token], bool]
AsyncCompareAndSet = Callable[[Token | None, Token], bool | Awaitable[bool]]
AsyncLock = (
    contextlib.AbstractAsyncContextManager[Any] | Callable[[], contextlib.AbstractAsyncContextManager[Any]]
)


def _callback_name(func: object) -> str:
    return getattr(func, "__qualname__", None) or type(func).__name__


_STALE = "the token storage holds another token than this store expected; not overwritten"


def _check_current(current: Token | None, expected: Snapshot) -> None:
    if current is not None and not same_token(current, expected.token):
        raise StaleTokenError(_STALE)


def _loaded_token(result: object, get: object) -> Token | None:
    """What the get callback returned, if it is a Token or None; anything else is a typed error
    naming what was expected, raised before the auth flow touches it (a dict would otherwise fail
    deep inside as an AttributeError). The message names the type only: the value may be a secret."""
    if result is None or isinstance(result, Token):
        return result
    hint = " (Token.from_dict(...) turns a stored dict into one)" if isinstance(result, dict) else ""
    raise TokenStoreError(
        f"the get callback {_callback_name(get)} returned a {type(result).__name__}; "
        f"it must return a Token or None{hint}"
    )


def _rescue(rescue_path: str | os.PathLike[str] | None) -> RescueFiles | None:
    return RescueFiles([Path(rescue_path)]) if rescue_path is not None else None
