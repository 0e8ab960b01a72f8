"""A process that refreshes a user's token and is SIGKILLed in the middle of writing it.

Run as `python -m tests.fleet._killed_refresher_worker JOB.json`. It calls /identity as the job's
user through the documented pattern (a `db.for_user(id)` store, no `rescue_path`); the user's
token has expired, so the call refreshes, and the process kills itself (SIGKILL: no cleanup, no
atexit) when the row's UPDATE is about to run ("before") or has run, uncommitted ("after").
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

from patreon_auth import PatreonUserClient
from patreon_auth.stores import PostgresStore, SQLiteStore
from patreon_auth.stores._sql_engines import Row


def main(path: str) -> None:
    with open(path) as file:
        job: dict[str, Any] = json.load(file)
    factory = SQLiteStore if job["kind"] == "sqlite" else PostgresStore
    db = factory(job["target"], table=job["table"])
    engine = db._engine  # the fault is injected at the engine, the store above it is the real one
    execute = engine.execute

    def killed_mid_write(sql: str, params: Sequence[Any]) -> tuple[int, Row | None]:
        if sql == engine.statements.update and job["when"] == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        result = execute(sql, params)
        if sql == engine.statements.update:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    engine.execute = killed_mid_write  # type: ignore[method-assign]
    users = PatreonUserClient(
        client_id=job["client_id"],
        client_secret=job["client_secret"],
        redirect_uri=job["redirect_uri"],
        base_url=job["base_url"],
    )
    users.create_instance(store=db.for_user(job["user_id"])).identity.get()
    print("not killed")


if __name__ == "__main__":
    main(sys.argv[1])
