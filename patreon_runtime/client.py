"""The generated clients' behaviour, written once: `PatreonBase` / `AsyncPatreonBase` (construction,
`with_options`, `http_client`, closing) and `Namespace` / `AsyncNamespace` (request to document,
paging). The async halves are the source (`_async/client.py`); generator/unasync.py writes the
sync halves (`_sync/client.py`). The generated `Patreon`, `AsyncPatreon` and per-tag resource
classes subclass these and only declare names, signatures and docstrings.
"""

from __future__ import annotations

from ._async.client import AsyncNamespace, AsyncPatreonBase
from ._sync.client import Namespace, PatreonBase

__all__ = ["AsyncNamespace", "AsyncPatreonBase", "Namespace", "PatreonBase"]
