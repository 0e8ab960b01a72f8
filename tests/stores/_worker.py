"""A separate process that uses a store: ``count`` increments under the lock, ``hold`` holds it.

Usage: ``_worker.py count file PATH THREADS ITERATIONS`` / ``count redis PORT:KEY THREADS ITERATIONS``
and ``_worker.py hold file PATH`` / ``hold redis PORT:KEY LOCK_TTL``. ``hold`` prints "locked" once
it holds the lock, then rewrites the token in a loop until it is killed.
"""

from __future__ import annotations

import sys
import threading

from patreon_auth.stores import FileStore, RedisStore
from patreon_auth.stores.base import TokenStore
from patreon_auth.token import Token


def _store(kind: str, target: str, lock_ttl: float = 5.0) -> TokenStore:
    if kind == "file":
        return FileStore(target)
    import redis

    port, key = target.split(":", 1)
    return RedisStore(redis.Redis(host="127.0.0.1", port=int(port)), key, lock_ttl=lock_ttl, lock_timeout=20)


def _increment(store: TokenStore, iterations: int) -> None:
    for _ in range(iterations):
        with store.refresh_lock():
            current = store.get()
            assert current is not None
            count = int(current.access_token.removeprefix("count-"))
            store.put(Token(access_token=f"count-{count + 1}", refresh_token=f"refresh-{count + 1}"))


def main(argv: list[str]) -> None:
    mode, kind, target = argv[:3]
    if mode == "count":
        threads, iterations = int(argv[3]), int(argv[4])
        store = _store(kind, target)
        workers = [threading.Thread(target=_increment, args=(store, iterations)) for _ in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        return
    store = _store(kind, target, lock_ttl=float(argv[3]) if len(argv) > 3 else 5.0)
    with store.refresh_lock():
        store.get()  # a versioned store writes only over what it has read
        print("locked", flush=True)
        i = 0
        while True:  # killed by the test, mid-write at some point
            i += 1
            store.put(Token(access_token=f"held-{i}", refresh_token=f"refresh-held-{i}"))


if __name__ == "__main__":
    main(sys.argv[1:])
