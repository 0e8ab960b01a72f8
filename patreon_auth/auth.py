"""PatreonAuth and AsyncPatreonAuth: bearer auth that refreshes before expiry and once on a 401,
single-flight per store, the refresh request yielded by the flow onto the API client's own pool.

Split by type: PatreonAuth takes a TokenStore (httpx.Client, Patreon), AsyncPatreonAuth an
AsyncTokenStore (httpx.AsyncClient, AsyncPatreon). The async flow is written once
(`_async/auth_flow.py`) and the sync twin generated from it (`_sync/auth_flow.py`).

Patreon refresh tokens are single use [PD _oauth.md], so a refresh happens under the store's
lock, re-reads the store first (someone else may have refreshed), and stores the new token
before any request uses it (design/DESIGN.md "Behaviour users can count on"; design/reference/style.md rule 6).
"""

from __future__ import annotations

from patreon_auth._async.auth_flow import AsyncPatreonAuth
from patreon_auth._auth_decisions import DEFAULT_LEEWAY, OnRefresh
from patreon_auth._sync.auth_flow import PatreonAuth

__all__ = ["DEFAULT_LEEWAY", "AsyncPatreonAuth", "OnRefresh", "PatreonAuth"]
