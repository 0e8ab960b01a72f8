"""The first request of a process loads only what it runs.

A fresh interpreter lists a campaign's members through `Patreon` and reads them; another does the
same request with raw httpx and `json.loads`. Every module the first loads beyond the second must
be one the typed path actually runs: the client, the members namespace, the one request builder
it calls, documents, resources and the runtime pieces a successful request goes through. No other
tag's code, no other builder, no Literals, raw TypedDicts or schema table, no asyncio.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from patreon_runtime.jsonapi import NATIVE

ROOT = Path(__file__).resolve().parents[2]

PAGE = {
    "data": [
        {
            "type": "member",
            "id": "m1",
            "attributes": {"full_name": "Ada", "last_charge_date": "2024-01-02T03:04:05+00:00"},
            "relationships": {"user": {"data": {"type": "user", "id": "u1"}}},
        }
    ],
    "included": [{"type": "user", "id": "u1", "attributes": {"full_name": "Ada L"}}],
}

SETUP = f"""
import json, sys
import httpx
body = json.dumps({PAGE!r}).encode()
transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
before = set(sys.modules)
"""

TYPED = """
from patreon_generated import Patreon
client = Patreon(token="t", transport=transport)
doc = client.members.list("1", include=["user"], count=10)
member = doc.data[0]
assert member.attributes.full_name == "Ada" and member.attributes.last_charge_date is not None
assert doc.related(member, "user").attributes.full_name == "Ada L"
"""

RAW = """
http = httpx.Client(transport=transport, base_url="https://www.patreon.com")
page = json.loads(http.get("/api/oauth2/v2/campaigns/1/members", params={"include": "user"}).content)
index = {(item["type"], item["id"]): item for item in page["included"]}
assert index[("user", "u1")]["attributes"]["full_name"] == "Ada L"
"""

REPORT = "\nprint(json.dumps(sorted(set(sys.modules) - before)))\n"

EXPECTED = {
    "patreon_generated",
    "patreon_generated._provenance",
    "patreon_generated.api",
    "patreon_generated.api.members",
    "patreon_generated.api.members.list_campaign_members",
    "patreon_generated.client",
    "patreon_generated.documents",
    "patreon_generated.resources",
    "patreon_runtime",
    # The sender twins: the async one is the source the sync one is generated from, and the public
    # `sender` module re-exports both (generator/unasync.py).
    "patreon_runtime._async",
    # What every client does, written once as async (the sync half by generator/unasync.py);
    # the generated client and its namespaces are declarations over these base classes.
    "patreon_runtime.client",
    "patreon_runtime._async.client",
    "patreon_runtime._sync.client",
    "patreon_runtime._async.sender",
    "patreon_runtime._send_steps",
    "patreon_runtime.body_limit",  # the body is read with a cap on its decoded size
    "patreon_runtime._sync",
    "patreon_runtime._sync.sender",
    "patreon_runtime.error_mapping",  # the client's error caps (ErrorCaps) are built with it
    "patreon_runtime.errors",
    "patreon_runtime.jsonapi",
    "patreon_runtime.names",  # the builder checks include and fields names
    "patreon_runtime.operation",
    "patreon_runtime.path_ids",  # the builder checks campaign_id
    "patreon_runtime.rate_limit",  # the client decides its rate limiter (none over a mock transport)
    "patreon_runtime.rate_limited_auth",
    "patreon_runtime.safe_json",  # the body is parsed with a nesting limit
    "patreon_runtime.rate_gate",
    "patreon_runtime.retry_policy",
    "patreon_runtime.sender",
    "patreon_runtime.static_auth",
    "patreon_runtime.version",
}
# The compiled build's three modules share one native library (setup.py, group "patreonkit").
if NATIVE:
    EXPECTED.add("patreonkit__mypyc")
    # Compiled documents refuse weak references as interpreted ones do (issue 21): on 3.11 that
    # takes one write through ctypes (patreon_runtime.native_layout says why).
    EXPECTED.add("patreon_runtime.native_layout")
    if sys.version_info < (3, 12):
        EXPECTED |= {"ctypes", "ctypes._endian", "_ctypes"}


def loaded(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", SETUP + code + REPORT], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return set(json.loads(result.stdout))


def without_attrs(modules: set[str]) -> set[str]:
    """attrs is the runtime's other dependency (the client options are an attrs class): it runs."""
    return {name for name in modules if name.split(".")[0] not in {"attr", "attrs"}}


def test_first_request_loads_only_what_it_runs() -> None:
    extra = loaded(TYPED) - loaded(RAW)
    assert without_attrs(extra) == EXPECTED


def test_the_check_sees_an_unused_module() -> None:
    # The same comparison fails when the typed path pulls in something it does not run.
    extra = loaded(TYPED + "import patreon_generated.literals\n") - loaded(RAW)
    assert without_attrs(extra) - EXPECTED == {"patreon_generated.literals", "patreon_generated.raw"}


CREATOR = """
from patreon_auth import PatreonCreatorClient, Token
from patreon_auth.stores import MemoryStore
token = Token(access_token="a", refresh_token="r", scope="identity campaigns campaigns.members")
client = PatreonCreatorClient(client_id="id", client_secret="s", store=MemoryStore(token), transport=transport)
doc = client.members.list("1", include=["user"], count=10)
assert doc.data[0].attributes.full_name == "Ada"
"""


def test_a_sync_creator_client_loads_no_async_code_and_no_other_store() -> None:
    # The stores load on first use (patreon_auth.stores is lazy) and the sync twins reach asyncio
    # only inside their async halves' functions, so a sync process with a memory store loads
    # neither asyncio nor SQLite, subprocess or another store's engine.
    extra = loaded(CREATOR) - loaded(RAW)
    assert {"patreon_auth.stores.memory", "patreon_auth._sync.auth_flow"} <= extra
    unused = {
        "asyncio",
        "sqlite3",
        "subprocess",
        "patreon_auth.stores.file",
        "patreon_auth.stores.redis",
        "patreon_auth.stores.sql",
        "patreon_auth.stores.http",
    }
    assert extra & unused == set()


def test_importing_patreon_auth_loads_no_rate_limiter_and_no_attrs() -> None:
    # `import patreon_auth` reaches the error classes, not what building a client runs (the rate
    # limiter, the retry policy, attrs): ClientIdRequiredError once pulled all three in through
    # patreon_auth.errors, and bench.imports went from 1.0x to 1.2x `import httpx`.
    extra = loaded("import patreon_auth\n")
    assert "patreon_auth.errors" in extra
    not_run = {
        "patreon_runtime.rate_limit",
        "patreon_runtime.rate_limited_auth",
        "patreon_runtime.retry_policy",
    }
    assert extra & not_run == set()
    assert {name for name in extra if name.split(".")[0] in {"attr", "attrs"}} == set()
