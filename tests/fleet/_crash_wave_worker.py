"""One worker of a "Log in with Patreon" site while its PostgreSQL crashes and restarts.

Run as `python -m tests.fleet._crash_wave_worker JOB.json`. Threads call /identity as the job's
users, round after round until the job's deadline, the way docs/fleet.md shows: a new
``db.for_user(id)`` store and client per request, no ``rescue_path`` (or, with ``"stores":
"long-lived"``, one store per user kept for the whole run). The sandbox's tokens live
shorter than the client's refresh leeway, so every call refreshes: each round is a refresh wave.
Prints one JSON line counting what the callers saw, by error type.
"""

from __future__ import annotations

import collections
import json
import sys
import threading
import time
from typing import Any

from patreon_auth import PatreonUserClient, RefreshError
from patreon_auth.stores import PostgresStore, TokenNotSavedError, TokenStoreError


def main(path: str) -> None:
    with open(path) as file:
        job: dict[str, Any] = json.load(file)
    db = PostgresStore(job["conninfo"], table=job["table"], lock_timeout=5)
    users = PatreonUserClient(
        client_id=job["client_id"],
        client_secret=job["client_secret"],
        redirect_uri=job["redirect_uri"],
        base_url=job["base_url"],
    )
    ids: list[str] = list(job["user_ids"])
    deadline = time.monotonic() + job["seconds"]
    seen: collections.Counter[str] = collections.Counter()
    samples: list[str] = []
    guard = threading.Lock()

    # "per-request": a new store per call (docs/fleet.md); "long-lived": one per user, kept.
    kept = {user_id: db.for_user(user_id) for user_id in ids} if job["stores"] == "long-lived" else None

    def work(offset: int) -> None:
        index = offset
        while time.monotonic() < deadline:
            user_id = ids[index % len(ids)]
            index += job["threads"]
            try:
                store = kept[user_id] if kept is not None else db.for_user(user_id)
                me = users.create_instance(store=store).identity.get()
                outcome = "ok" if me.data.id == user_id else "wrong user"
            except RefreshError as exc:  # "log in again": what must never happen here
                outcome = "RefreshError"
                with guard:
                    samples.append(str(exc)[:200])
            except TokenNotSavedError:
                outcome = "TokenNotSavedError"  # the token is kept: a rescue file on this host
            except TokenStoreError:
                outcome = "TokenStoreError"  # the database is down: nothing was spent
            except Exception as exc:
                outcome = type(exc).__name__
                with guard:
                    samples.append(f"{type(exc).__name__}: {str(exc)[:200]}")
            with guard:
                seen[outcome] += 1
            if outcome != "ok":
                time.sleep(0.02)  # a caller backing off while the database is away

    threads = [threading.Thread(target=work, args=(offset,)) for offset in range(job["threads"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    users.close()
    db.close()
    print(json.dumps({"seen": dict(seen), "samples": samples[:10]}))


if __name__ == "__main__":
    main(sys.argv[1])
