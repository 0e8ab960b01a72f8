"""The token store protocol, and the write contract every store keeps (and a new store must keep).

Patreon refresh tokens are single use [PD _oauth.md]: two refreshers of one credential burn it,
and a store that ends up holding a spent refresh token locks the creator out until they log in
again by hand. So the lock that serialises re-read + refresh + put belongs to the store (the
credential), not to a client object that frameworks create per request (authlib issue #673, see
design/reference/style.md), and every write is a compare-and-set.

The contract, kept by every store in this package (see docs/stores.md for the user's view):

1. ``refresh_lock()`` excludes every refresher of the credential that the store is meant to be
   shared by (threads, processes on a host, hosts). It is reentrant for the thread (or task)
   holding it through the same store object.
2. ``put(token)`` is a compare-and-set: it writes only if the backend still holds the token this
   store object last read or wrote, or holds nothing. Otherwise it raises ``StaleTokenError`` and
   writes nothing. A store object that has read nothing yet expects an empty backend, so seeding
   a key that already holds a token raises ``StaleTokenError`` instead of overwriting a token
   it has never seen (the classic bug: every worker re-seeds a stale token from its environment
   at start-up). The check and the write are one atomic step: a version or ETag checked by the
   backend (Redis, HTTP with ETags, a SQL ``UPDATE ... WHERE version = ?``), or a read-back and
   compare under the refresh lock when the backend has no conditional write (files, KV
   bindings, callbacks; each store's docstring says why that is enough).
3. ``replace(token)`` writes over whatever the backend holds: for a token that is newer by
   construction (a fresh login, a token pasted from the developer portal). It is still a
   compare-and-set against a fresh read, so it never tears a concurrent write.
4. ``compare_and_set(expected, new)`` is the explicit form: write ``new`` only if the backend
   holds ``expected`` (``None``: holds nothing).
5. A write that fails is never assumed not to have happened: an HTTP PUT that timed out may have
   been applied, an fsync error may follow a rename that others already see. The token is kept
   ("pending": ``get()`` answers it, ``last_token`` shows it) and reconciled, never replayed
   blind: under the refresh lock the store reads the backend back and compares. If the backend
   holds the pending token, it is confirmed. If it holds the token the pending one replaced, an
   earlier unconfirmed token of ours, or nothing, the pending token is written (compare-and-set).
   If it holds anything else, someone stored a newer token: they could only have refreshed from
   ours (the token ours replaced is spent), or replaced it by hand, so theirs wins and ours is
   dropped (logged at WARNING).
6. A store given a ``rescue_path`` (FileStore has one by default) also writes a pending token to
   that 0600 file, named in the error, so that a short-lived process that exits right after a
   failed write does not take the only copy with it. The next store opened on the same backend
   and rescue path picks the file up, reconciles it as in 5, and deletes it.

A new backend (a SQL store, say) gets 2, 4, 5 and 6 by subclassing ``BackedStore`` /
``AsyncBackedStore`` (``patreon_auth.stores._sync.backed`` / ``patreon_auth.stores._async.backed``;
write the async one, generator/unasync.py writes the sync one) and implementing ``_read`` (the token and
an opaque version), ``_write`` (an atomic conditional write that raises ``StaleTokenError`` when
the version moved) and ``_lock`` (the refresh lock).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Protocol, runtime_checkable

from patreon_auth.errors import TokenStoreError
from patreon_auth.token import Token


class StaleTokenError(TokenStoreError):
    """A write was refused because the backend holds a token other than the one this store expected.

    Nothing was written. Read the store again (``get()``) to use the token it holds; if yours is
    newer by construction (a new login, a token from the portal), ``replace()`` it.

    Seeding is the common case: a new store object that has read nothing expects an empty
    backend, so ``put(token)`` onto a key, file or URL that already holds a token raises this
    rather than overwrite a token it has never seen (it may have been refreshed since your copy
    was made, and your copy's refresh token is then spent). The remedy depends on which is newer:

    - the stored one (every worker seeding from the same environment at start-up): catch this
      and carry on; ``get()`` returns the stored token;
    - yours (you just logged in, or pasted a fresh token from the developer portal): call
      ``store.replace(token)``, which writes over whatever is there.

    docs/stores.md ("Seeding a store that may already hold a token") shows both.
    """


class TokenNotSavedError(TokenStoreError):
    """A write failed, or its outcome is unknown; the token is kept, never dropped (contract point 5).

    ``rescue_path`` names the 0600 file holding it when the store has one (None: memory only,
    then ``store.last_token`` is the only copy). The message says the same and how to recover.
    """

    def __init__(self, message: str, *, rescue_path: Path | None = None) -> None:
        super().__init__(message)
        self.rescue_path = rescue_path


@runtime_checkable
class TokenStore(Protocol):
    """Sync store: ``get`` the current token (None if none yet), ``put`` a new one, lock refreshes."""

    def get(self) -> Token | None: ...

    def put(self, token: Token) -> None:
        """Compare-and-set: write only over the token last read or written here, or an empty backend."""
        ...

    def refresh_lock(self) -> contextlib.AbstractContextManager[None]:
        """Held around re-read + refresh + put, so one refresh happens per expiry."""
        ...


@runtime_checkable
class AsyncTokenStore(Protocol):
    """Async twin of TokenStore."""

    async def get(self) -> Token | None: ...

    async def put(self, token: Token) -> None: ...

    def refresh_lock(self) -> contextlib.AbstractAsyncContextManager[None]: ...


@runtime_checkable
class CompareAndSetStore(TokenStore, Protocol):
    """A TokenStore with the explicit writes of the contract above; every built-in store is one."""

    def replace(self, token: Token) -> None:
        """Write ``token`` over whatever the store holds (a new login, a token from the portal)."""
        ...

    def compare_and_set(self, expected: Token | None, new: Token) -> None:
        """Write ``new`` only if the store holds ``expected`` (None: nothing); else StaleTokenError."""
        ...


@runtime_checkable
class AsyncCompareAndSetStore(AsyncTokenStore, Protocol):
    """Async twin of CompareAndSetStore."""

    async def replace(self, token: Token) -> None: ...

    async def compare_and_set(self, expected: Token | None, new: Token) -> None: ...
