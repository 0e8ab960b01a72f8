"""Fleet benchmarks: what share of Patreon's rate budget a fleet sharing Redis achieves, and
what the limiter costs one call.

1. Throughput: 1, 4 and 16 worker processes share one RedisRateLimiter with Patreon's limits
   (100 requests / 2 s per client id [PD _rate_limits.md]) against a served sandbox enforcing
   the same limits; achieved requests per second over the allowed 50. Goal: >= 0.9 with 0 429s.
   The default margin (RateLimits.margin, 8%) caps it at 1 / 1.08 = 0.93 by design.
2. Cost: one /identity call on loopback with a limiter (Patreon's windows, with counts too large
   to ever wait) over the same call without one. Each round times a batch of calls with no limiter, with the local one
   and with Redis, in an order that rotates every round; the result is the median of the
   per-round ratios, so a noisy neighbour on this shared host lands on all three alike. Goal:
   <= 1.05x. The Redis limiter leases slots (see patreon_auth/redis_limiter.py): one Redis round
   trip (0.1-0.5 ms on a busy host, a third of a 0.7 ms loopback call) serves up to 128 calls.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import redis

from patreon_auth import LocalRateLimiter, PatreonCreatorClient, RateLimits, RedisRateLimiter
from patreon_runtime.rate_limit import RateLimiter
from patreon_sandbox import Sandbox

WORKERS = (1, 4, 16)
SECONDS = 8.0
TOKENS_PER_WORKER = 8
ALLOWED_PER_SECOND = 100 / 2.0
THROUGHPUT_GOAL = 0.9
COST_GOAL = 1.05
CALLS_PER_ROUND = 100
COST_ROUNDS = 51
REPO_ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def redis_server() -> Iterator[int]:
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("bench.fleet needs redis-server (apt-get install redis-server)")
    port = _free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        client = redis.Redis(host="127.0.0.1", port=port)
        for _ in range(200):
            with contextlib.suppress(redis.ConnectionError):
                client.ping()
                break
            time.sleep(0.02)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def throughput(workers: int, redis_port: int) -> tuple[float, int]:
    """(achieved / allowed, 429s) for `workers` processes sharing one budget for SECONDS."""
    redis.Redis(host="127.0.0.1", port=redis_port).flushdb()
    with Sandbox(seed=2, members=10) as sandbox, sandbox.serve_in_thread() as base_url:
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
        processes = []
        with tempfile.TemporaryDirectory() as tmp:
            for index in range(workers):
                job = {
                    "base_url": base_url,
                    "client_id": sandbox.client_id,
                    "client_secret": sandbox.client_secret,
                    "redis_port": redis_port,
                    "tokens": [sandbox.creator_token().to_dict() for _ in range(TOKENS_PER_WORKER)],
                }
                path = Path(tmp) / f"job-{index}.json"
                path.write_text(json.dumps(job))
                processes.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "bench._fleet_worker", str(path)],
                        stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE,
                        text=True,
                        env=env,
                        cwd=REPO_ROOT,
                    )
                )
            for process in processes:
                assert process.stdout is not None and process.stdout.readline().strip() == "ready"
            # The warm-up calls spent budget: start once their window has passed.
            start = time.time() + 2.5
            for process in processes:
                assert process.stdin is not None
                process.stdin.write(f"{start} {start + SECONDS}\n")
                process.stdin.flush()
            calls = sum(
                json.loads(p.communicate(timeout=120)[0].strip().splitlines()[-1])["calls"] for p in processes
            )
        return calls / SECONDS / ALLOWED_PER_SECOND, sandbox.stats.rate_limited


def rotating_rounds(contenders: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Seconds of each contender per round; the order rotates each round (no one always goes first)."""
    names = list(contenders)
    times: dict[str, list[float]] = {name: [] for name in names}
    for n in range(rounds):
        for name in names[n % len(names) :] + names[: n % len(names)]:
            started = time.perf_counter()
            contenders[name]()
            times[name].append(time.perf_counter() - started)
    return times


def cost(redis_port: int, rounds: int = COST_ROUNDS) -> dict[str, list[float]]:
    """Seconds per CALLS_PER_ROUND calls, per round: without a limiter, with the local one, with Redis."""
    # Patreon's windows (2 s per client id, 60 s per token) with counts no run comes near: the
    # limiter does all its work (leases, slots, token windows) and never makes a call wait.
    never_waits = RateLimits(per_client=(10**9, 2.0), per_token=(10**9, 60.0))
    with Sandbox(seed=2, members=10, rate_limits=None) as sandbox, sandbox.serve_in_thread() as base_url:
        limiters: dict[str, RateLimiter | None] = {
            "none": None,
            "none again": None,  # a second plain client: how far apart two equal ones land here
            "local": LocalRateLimiter(never_waits),
            "redis": RedisRateLimiter(redis.Redis(host="127.0.0.1", port=redis_port), never_waits),
        }
        clients = {
            name: PatreonCreatorClient(
                client_id=sandbox.client_id,
                client_secret=sandbox.client_secret,
                token=sandbox.creator_token(),
                base_url=base_url,
                rate_limiter=limiter,
            )
            for name, limiter in limiters.items()
        }

        def calls(client: PatreonCreatorClient) -> None:
            for _ in range(CALLS_PER_ROUND):
                client.identity.get()

        for client in clients.values():
            calls(client)  # warm up connections and scripts
        times = rotating_rounds(
            {name: functools.partial(calls, client) for name, client in clients.items()}, rounds
        )
        for client in clients.values():
            client.close()
    return times


def ratio_to_none(times: dict[str, list[float]], name: str) -> float:
    """Median over rounds of (this limiter's batch / the no-limiter batch of the same round)."""
    return statistics.median(ours / none for ours, none in zip(times[name], times["none"], strict=True))


def run() -> list[str]:
    lines = [
        f"fleet: workers sharing one RedisRateLimiter for {SECONDS:g} s, Patreon's limits on the sandbox"
    ]
    with redis_server() as port:
        for workers in WORKERS:
            ratio, limited = throughput(workers, port)
            verdict = "ok" if ratio >= THROUGHPUT_GOAL and limited == 0 else "UNDER GOAL"
            lines.append(
                f"  {workers:2d} workers  {ratio:4.2f} of the allowed {ALLOWED_PER_SECOND:g}/s, {limited} 429s "
                f"(goal >= {THROUGHPUT_GOAL}, 0) {verdict}"
            )
        times = cost(port)
    per_call = {name: statistics.median(seconds) / CALLS_PER_ROUND * 1e6 for name, seconds in times.items()}
    lines.append(
        f"limiter cost: one /identity call on loopback, median of {COST_ROUNDS} rotating rounds of "
        f"{CALLS_PER_ROUND} calls each"
    )
    lines.append(f"  no limiter      {per_call['none']:7.0f} us")
    floor = ratio_to_none(times, "none again")
    lines.append(
        f"  no limiter again{per_call['none again']:7.0f} us  {floor:4.3f}x (the noise floor of this host)"
    )
    for name in ("local", "redis"):
        ratio = ratio_to_none(times, name)
        verdict = "ok" if ratio <= COST_GOAL else "OVER GOAL"
        lines.append(
            f"  {name:<6} limiter  {per_call[name]:7.0f} us  {ratio:4.3f}x (goal <= {COST_GOAL}x) {verdict}"
        )
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
