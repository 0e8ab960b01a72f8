"""HTTPStore: tokens kept by an external server that answers GET and PUT on one URL.

Protocol: ``GET url`` answers 200 with ``Token.to_dict()`` JSON, or 404 when there is no token
yet; ``PUT url`` with the same JSON stores it (any 2xx). Failures raise TokenStoreError whose
message names the method, the URL (without credentials or query) and the status or error kind,
never a token or a header value.

Compare-and-set (``stores.base``, contract point 2) uses HTTP conditional requests (RFC 9110
section 13.1): when GET answers an ``ETag``, PUT carries ``If-Match`` with it (``If-None-Match: *``
when GET answered 404), and a server that supports them answers 412 if the token changed, which
is atomic across every process and host. A server without ETags gets a read-back instead: the
store GETs, compares the token with the one it last read or wrote, and PUTs only if they match.
That check and the PUT are one step only among the writers this store's refresh lock excludes,
which is in-process; so either serve ETags or let one process write (or have the server
serialise refreshes), as before.

A PUT that fails after it was sent (a timeout, a dropped connection, a 5xx) may have been applied:
the token is kept and reconciled by reading it back (contract point 5), never PUT again blind.
"""

from __future__ import annotations

from patreon_auth.stores._async.http import AsyncHTTPStore
from patreon_auth.stores._http_core import DEFAULT_TIMEOUT
from patreon_auth.stores._sync.http import HTTPStore

__all__ = ["DEFAULT_TIMEOUT", "AsyncHTTPStore", "HTTPStore"]
