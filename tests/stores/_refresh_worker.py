"""One worker process: 8 threads share one creator client whose store holds an expired token.

Run as `python -m tests.stores._refresh_worker BASE_URL CLIENT_ID CLIENT_SECRET KIND TARGET THREADS`;
prints one JSON line: how many calls succeeded and the errors seen.
"""

from __future__ import annotations

import json
import sys
import threading

from patreon_auth import PatreonCreatorClient
from patreon_auth.stores import FileStore, RedisStore, TokenStore


def store_for(kind: str, target: str) -> TokenStore:
    if kind == "file":
        return FileStore(target)
    import redis

    port, key = target.split(":", 1)
    return RedisStore(redis.Redis(host="127.0.0.1", port=int(port)), key, lock_ttl=10.0)


def main(base_url: str, client_id: str, client_secret: str, kind: str, target: str, threads: int) -> None:
    client = PatreonCreatorClient(
        client_id=client_id, client_secret=client_secret, store=store_for(kind, target), base_url=base_url
    )
    ok: list[str] = []
    errors: list[str] = []
    barrier = threading.Barrier(threads)

    def call() -> None:
        barrier.wait()
        try:
            ok.append(client.identity.get().data.id)
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")

    workers = [threading.Thread(target=call) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(json.dumps({"ok": len(ok), "errors": errors}))


if __name__ == "__main__":
    base_url, client_id, client_secret, kind, target, threads = sys.argv[1:7]
    main(base_url, client_id, client_secret, kind, target, int(threads))
