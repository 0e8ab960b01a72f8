"""One worker of the fleet benchmark: sequential calls through a shared RedisRateLimiter.

`python -m bench._fleet_worker JOB.json`: prints "ready" once set up, reads "START END" (wall
clock; all workers run on this host) from stdin, calls /identity round-robin over its tokens
from START until END, and prints one JSON line with how many calls it made in that span.
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from typing import Any

import redis

from patreon_auth import PatreonCreatorClient, RateLimits, RedisRateLimiter, Token


def main(path: str) -> None:
    with open(path) as file:
        job: dict[str, Any] = json.load(file)
    limiter = RedisRateLimiter(redis.Redis(host="127.0.0.1", port=job["redis_port"]), RateLimits())
    clients = [
        PatreonCreatorClient(
            client_id=job["client_id"],
            client_secret=job["client_secret"],
            token=Token.from_dict(token),
            base_url=job["base_url"],
            rate_limiter=limiter,
        )
        for token in job["tokens"]
    ]
    clients[0].identity.get()  # connections and the Lua scripts warm before the clock starts
    print("ready", flush=True)
    start, end = (float(value) for value in sys.stdin.readline().split())
    time.sleep(max(0.0, start - time.time()))
    calls = 0
    for client in itertools.cycle(clients):
        client.identity.get()
        if time.time() >= end:
            break
        calls += 1
    for client in clients:
        client.close()
    print(json.dumps({"calls": calls}))


if __name__ == "__main__":
    main(sys.argv[1])
