"""Token stores: where tokens live between runs, each with the lock its refresh happens under."""

from patreon_auth.stores.base import AsyncTokenStore, TokenStore
from patreon_auth.stores.memory import AsyncMemoryStore, MemoryStore

__all__ = ["AsyncMemoryStore", "AsyncTokenStore", "MemoryStore", "TokenStore"]
