"""Sandbox: its own time per 1000-member page, and the 100,000-member world build and export.

Client benchmarks run against the sandbox, so this reports what the sandbox itself costs
(issue 3): the core handler answering a page, with no client and no transport, so the rest of
a client benchmark's time is the client's. Printed, never asserted.
"""

from __future__ import annotations

import time
from urllib.parse import quote, urlencode

from bench.timing import best_of
from patreon_sandbox import Sandbox, SandboxRequest
from patreon_sandbox.schema import attributes_of

MEMBERS = 100_000
ORIGIN = "https://sandbox.patreon.test"


def _page_request(
    sandbox: Sandbox, token: str, *, include: str, count: int, cursor: str | None = None
) -> SandboxRequest:
    params = [
        ("include", include),
        ("fields[member]", ",".join(attributes_of("member"))),
        ("fields[user]", "full_name,email"),
        ("fields[tier]", "title,amount_cents"),
        ("fields[pledge-event]", "type,date,amount_cents"),
        ("page[count]", str(count)),
    ]
    if cursor is not None:
        params.append(("page[cursor]", cursor))
    url = (
        f"{ORIGIN}/api/oauth2/v2/campaigns/{sandbox.campaign_id}/members?{urlencode(params, quote_via=quote)}"
    )
    headers = {"authorization": f"Bearer {token}", "user-agent": "bench"}
    return SandboxRequest("GET", url, headers)


def run() -> list[str]:
    started = time.perf_counter()
    sandbox = Sandbox(seed=1, members=MEMBERS, rate_limits=None)
    build = time.perf_counter() - started
    token = sandbox.creator_token().access_token

    page = _page_request(sandbox, token, include="user,currently_entitled_tiers", count=1000)
    history = _page_request(sandbox, token, include="user,currently_entitled_tiers,pledge_history", count=500)
    bare = SandboxRequest(
        "GET",
        f"{ORIGIN}/api/oauth2/v2/campaigns/{sandbox.campaign_id}/members?page%5Bcount%5D=1000",
        {"authorization": f"Bearer {token}", "user-agent": "bench"},
    )
    sizes = {"page": len(sandbox.handle(page).body), "history": len(sandbox.handle(history).body)}
    best = best_of(
        {
            "page": lambda: sandbox.handle(page),
            "history": lambda: sandbox.handle(history),
            "bare": lambda: sandbox.handle(bare),
        },
        rounds=5,
    )

    # Export: every member of the 100,000 with all attributes, user and tiers, page by page.
    import json

    started = time.perf_counter()
    cursor: str | None = None
    exported = 0
    while True:
        response = sandbox.handle(
            _page_request(sandbox, token, include="user,currently_entitled_tiers", count=1000, cursor=cursor)
        )
        body = json.loads(response.body)
        exported += len(body["data"])
        cursor = body["meta"]["pagination"]["cursors"]["next"]
        if cursor is None:
            break
    export = time.perf_counter() - started

    return [
        "sandbox (core handler only, no client, no transport)",
        f"  world build, {MEMBERS:,} members:                       {build * 1000:8.1f} ms",
        f"  1000-member page, all member fields + user + tiers:  {best['page'] * 1000:8.1f} ms  ({sizes['page'] / 1e6:.2f} MB)",
        f"  500-member page with pledge_history:                 {best['history'] * 1000:8.1f} ms  ({sizes['history'] / 1e6:.2f} MB)",
        f"  1000-member page, no fields, no includes:            {best['bare'] * 1000:8.1f} ms",
        f"  export of all {exported:,} members (100 pages, parsed):   {export:8.2f} s",
    ]


if __name__ == "__main__":
    for line in run():
        print(line)
