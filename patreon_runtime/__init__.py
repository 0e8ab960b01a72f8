"""The hand-written runtime that patreon_generated's code imports (never copied into it).

Modules, one job each: `client` (what every generated client and namespace does: construction,
options, closing, request to document, paging), `sender` (User-Agent, default timeout, retries, typed errors),
`retry_policy`, `rate_gate`, `error_mapping`, `errors`, `jsonapi` (lazy documents and resources),
`pagination`, `operation` (what a generated request builder returns), `routing`, `static_auth`,
`version`, `rate_limit` and `rate_limited_auth` (whose sync half, in `_sync/`, generator/unasync.py
writes from the async one in `_async/`). Importing this package imports none of them: each is
loaded where it is used.
"""

from patreon_runtime.version import LIBRARY_VERSION as __version__

__all__ = ["__version__"]
