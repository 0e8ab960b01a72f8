"""A process that rewrites one SQL token row in a loop until it is killed (SIGKILL, mid-write).

Run as `python -m tests.fleet._sql_writer_worker KIND TARGET TABLE`. Each round takes the row's
refresh lock, reads the counter token, writes the next one and releases the lock (COMMIT); only
then does it print the count it wrote: an acknowledged write, which no kill may undo.
"""

from __future__ import annotations

import sys

from patreon_auth.stores import PostgresStore, SQLiteStore
from patreon_auth.token import Token


def main(kind: str, target: str, table: str) -> None:
    factory = SQLiteStore if kind == "sqlite" else PostgresStore
    store = factory(target, table=table, lock_timeout=10).for_user("writer")
    while True:
        with store.refresh_lock():
            current = store.get()
            count = int(current.access_token.removeprefix("count-")) if current is not None else 0
            store.put(Token(access_token=f"count-{count + 1}", refresh_token=f"refresh-{count + 1}"))
        print(count + 1, flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
