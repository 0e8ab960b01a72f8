"""CallbackStore: tokens loaded and saved by the application's own functions.

The refresh lock is in-process only (a ``threading.Lock`` / ``asyncio.Lock``) unless a lock is
supplied: if several processes or hosts share the storage behind the callbacks, pass a lock that
spans them (a file lock, a Redis lock...), or two of them may spend the same single-use refresh
token [PD _oauth.md].

Compare-and-set: pass ``compare_and_set=`` (``(expected, new) -> bool``, True when written) to
make writes atomic in your storage, e.g. a SQL ``UPDATE ... WHERE refresh_token = ?`` that
reports its row count. Without it, every write happens under the refresh lock, calls ``get``,
and calls ``put`` only if ``get`` still answers the token this store last read or wrote (or
None); that is atomic among the writers your ``lock`` spans, so give a lock that spans them all.
"""

from __future__ import annotations

from patreon_auth.stores._async.callback import AsyncCallbackStore
from patreon_auth.stores._callback_core import AsyncLock, SyncLock
from patreon_auth.stores._sync.callback import CallbackStore

__all__ = ["AsyncCallbackStore", "AsyncLock", "CallbackStore", "SyncLock"]
