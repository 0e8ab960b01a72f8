"""One worker process of a "Log in with Patreon" site: threads calling the API as many users.

Run as `python -m tests.fleet._user_refresh_worker JOB.json`. Every user's token in the SQL
store has expired; each thread takes users from a shared queue and calls /identity as that user
through PatreonUserClient.create_instance(store=db.for_user(id)), which refreshes and saves
through the store. Prints one JSON line: calls that returned the right user, and errors.
"""

from __future__ import annotations

import json
import queue
import random
import sys
import threading
from typing import Any

from patreon_auth import PatreonUserClient
from patreon_auth.stores import PostgresStore, SQLiteStore, SQLStore


def database(job: dict[str, Any]) -> SQLStore:
    if job["kind"] == "sqlite":
        return SQLiteStore(job["target"], table=job["table"])
    return PostgresStore(job["target"], table=job["table"])


def main(path: str) -> None:
    with open(path) as file:
        job: dict[str, Any] = json.load(file)
    db = database(job)
    users = PatreonUserClient(
        client_id=job["client_id"],
        client_secret=job["client_secret"],
        redirect_uri=job["redirect_uri"],
        base_url=job["base_url"],
    )
    ids: list[str] = list(job["user_ids"])
    random.Random(job["seed"]).shuffle(ids)
    todo: queue.SimpleQueue[str] = queue.SimpleQueue()
    for user_id in ids:
        todo.put(user_id)
    ok: list[str] = []
    errors: list[str] = []
    barrier = threading.Barrier(job["threads"])

    def work() -> None:
        barrier.wait()
        while True:
            try:
                user_id = todo.get_nowait()
            except queue.Empty:
                return
            try:
                me = users.create_instance(store=db.for_user(user_id)).identity.get()
                if me.data.id == user_id:
                    ok.append(user_id)
                else:
                    errors.append(f"asked as {user_id}, answered as {me.data.id}")
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=work) for _ in range(job["threads"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    users.close()
    db.close()
    print(json.dumps({"ok": len(ok), "errors": errors[:20], "failed": len(errors)}))


if __name__ == "__main__":
    main(sys.argv[1])
