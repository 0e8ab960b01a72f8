"""A worker process for tests/stores/test_unclaimed_rescue.py: a refresh whose token no store takes.

Run as `python -m tests.stores._unclaimed_worker JOB.json`. The job names a store without a rescue
file of its own (``callback``, ``kv`` or ``http``) whose writes always fail, holding an expired
token; one /identity call on the served sandbox refreshes it, the write fails, and the process
exits normally. Its last stdout line is a JSON report of fingerprints, never a token; logging goes
to stderr at DEBUG so the test can check that no log line holds a token.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

from patreon_auth import PatreonCreatorClient
from patreon_auth.stores import CallbackStore, HTTPStore, KVStore, TokenNotSavedError
from patreon_auth.stores._backed import encode_token
from patreon_auth.stores._rescue import fingerprint
from patreon_auth.token import Token


class BackendDown(Exception):
    """What a storage backend that cannot be written raises."""


class UnwritableKV:
    """A put/get key-value binding that reads the seeded token and refuses every write."""

    def __init__(self, seeded: Token) -> None:
        self.value = encode_token(seeded)

    def get(self, key: str, /) -> str:
        return self.value

    def put(self, key: str, value: str, /) -> None:
        raise BackendDown("the key-value service is down")


def store_for(job: dict[str, Any], seeded: Token) -> CallbackStore | KVStore | HTTPStore:
    kind = job["kind"]
    if kind == "callback":

        def put(token: Token) -> None:
            raise BackendDown("the database is down")

        return CallbackStore(lambda: seeded, put)
    if kind == "kv":
        return KVStore(UnwritableKV(seeded), "creator")
    assert kind == "http"
    return HTTPStore(job["url"], timeout=5)  # the loopback server holds the seeded token, answers PUT 500


def main(job: dict[str, Any]) -> dict[str, Any]:
    seeded = Token.from_dict(job["token"])
    store = store_for(job, seeded)
    report: dict[str, Any] = {"rescue_paths": [str(path) for path in store.rescue_paths]}
    with PatreonCreatorClient(
        client_id=job["client_id"], client_secret=job["client_secret"], store=store, base_url=job["base_url"]
    ) as patreon:
        try:
            patreon.identity.get()
            report["not_saved"] = False
        except TokenNotSavedError:
            report["not_saved"] = True
    pending = store.pending_token
    report["pending"] = fingerprint(pending) if pending is not None else None
    return report


if __name__ == "__main__":
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, format="%(levelname)s %(name)s %(message)s")
    with open(sys.argv[1], encoding="utf-8") as job_file:
        print(json.dumps(main(json.load(job_file))), flush=True)
