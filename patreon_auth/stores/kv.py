"""KVStore: the token as JSON text under one key of any key-value binding.

Accepted bindings, tried in this order: an object with ``get(key)`` and ``put(key, value)`` (edge
KV namespaces such as Cloudflare Workers KV), one with ``get(key)`` and ``set(key, value)`` (a
Redis client), or a mapping (``dict``, ``shelve``, ``dbm``). Values read back may be ``str`` or
``bytes`` (dbm and Redis without ``decode_responses`` answer bytes). The refresh lock is
in-process only (one lock per binding and key, shared by every KVStore object on them): for
several processes use FileStore, or RedisStore for several hosts.

Compare-and-set: a generic binding has no conditional write, so every write happens under the
refresh lock, re-reads the key, and writes only if it holds the token this store last read or
wrote (or nothing). Within the single process this store is documented for, every writer of the
key holds that lock, so nobody can write between the read and the write.
"""

from __future__ import annotations

from patreon_auth.stores._async.kv import AsyncKVStore
from patreon_auth.stores._kv_core import KVBinding, MappingKV, PutKV, SetKV
from patreon_auth.stores._sync.kv import KVStore

__all__ = ["AsyncKVStore", "KVBinding", "KVStore", "MappingKV", "PutKV", "SetKV"]
