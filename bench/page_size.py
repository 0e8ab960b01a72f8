"""`iterate()` over 2,500 members: the spec's largest page (the default now) against Patreon's 20.

Side by side on the in-process sandbox with rate limits off, so the ratio is the cost of the
requests alone. On Patreon the small pages cost far more: 126 requests are past the 100 per
minute a token may make [PD _rate_limits.md], so the old default also waited out a 429 (60 s on
the sandbox with its default limits; tests/sandbox/test_default_page_size.py counts the requests).
"""

from __future__ import annotations

from collections.abc import Iterator

from bench.timing import paired
from patreon_generated import Patreon
from patreon_sandbox import Sandbox

MEMBERS = 2500
ROUNDS = 7


def run() -> Iterator[str]:
    with Sandbox(seed=11, members=MEMBERS, rate_limits=None) as sandbox:
        client = Patreon(
            token=sandbox.creator_token().access_token,
            transport=sandbox.transport(),
            base_url=sandbox.base_url,
        )

        def walk(count: int | None) -> int:
            before = sandbox.stats.api_requests
            walked = sum(
                1 for member in client.members.iterate(sandbox.campaign_id, count=count) if member.id
            )
            assert walked == MEMBERS
            return sandbox.stats.api_requests - before

        largest, small = walk(None), walk(20)
        result = paired(lambda: walk(None), lambda: walk(20), ROUNDS)
        yield f"iterate() over {MEMBERS} members: {largest} requests by default, {small} with count=20"
        yield (
            f"  time, default / count=20: {result.ratio:.2f} "
            f"({result.ours * 1000:.0f} ms against {result.floor * 1000:.0f} ms, median of {ROUNDS} pairs)"
        )
