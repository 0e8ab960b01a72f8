"""One worker process of a fleet: threads making API calls through one shared rate limiter.

Run as `python -m tests.fleet._call_worker JOB.json`; the job names the sandbox, the Redis port
and host, the limits (or none: no limiter), optionally the lease horizon, and one token and call
count per thread. Prints one JSON line: calls that succeeded, errors seen, and how many calls the
limiter made wait.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Any

from patreon_auth import PatreonCreatorClient, RateLimits, RedisRateLimiter, Token
from patreon_auth.redis_limiter import DEFAULT_LEASE_HORIZON


def limits_from(job: dict[str, Any]) -> RateLimits:
    config = job["limits"]
    return RateLimits(
        per_client=tuple(config["per_client"]) if config.get("per_client") else None,
        per_token=tuple(config["per_token"]) if config.get("per_token") else None,
        margin=config.get("margin", RateLimits().margin),
    )


def main(path: str) -> None:
    with open(path) as file:
        job: dict[str, Any] = json.load(file)
    limiter = None
    if job["limits"] is not None:
        import redis

        limiter = RedisRateLimiter(
            redis.Redis(host=job["redis_host"], port=job["redis_port"]),
            limits_from(job),
            lease_horizon=job.get("lease_horizon", DEFAULT_LEASE_HORIZON),
        )
    ok: list[int] = []
    errors: list[str] = []
    threads: list[tuple[Token, int]] = [(Token.from_dict(t), n) for t, n in job["threads"]]
    barrier = threading.Barrier(len(threads))

    def work(token: Token, calls: int) -> None:
        client = PatreonCreatorClient(
            client_id=job["client_id"],
            client_secret=job["client_secret"],
            token=token,
            base_url=job["base_url"],
            max_retries=job.get("max_retries", 2),
            rate_limiter=limiter,
        )
        barrier.wait()
        with client:
            for _ in range(calls):
                try:
                    client.identity.get()
                    ok.append(1)
                except Exception as exc:
                    errors.append(f"{type(exc).__name__}: {exc}")

    workers = [threading.Thread(target=work, args=pair) for pair in threads]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(json.dumps({"ok": len(ok), "failed": len(errors), "errors": errors[:20]}))


if __name__ == "__main__":
    main(sys.argv[1])
