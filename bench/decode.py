"""Decode: `client.members.list()` of big pages, read fully, against json.loads + a dict index.

Both sides make the same MockTransport request (same query string), read every member attribute,
and resolve each member's user and tiers. The garbage collector stays on, as users run it; the
result is the median of alternating floor/ours pairs. Target (issue 9): at most 1.6x the floor at
1000 members and 1.5x at 10,000. `make bench` runs it twice: on the interpreted checkout, and on the
binary wheel whose decode path mypyc compiles (setup.py, .ci/bench-compiled); the first line of
each report names the build it measured.
"""

from __future__ import annotations

import inspect
import json
import time
from collections.abc import Callable
from typing import Any

import httpx

from bench.timing import paired
from patreon_generated import Patreon
from patreon_generated.documents import CollectionDocument
from patreon_generated.resources import Member, MemberAttributes
from patreon_generated.schema import RESOURCE_TYPES
from patreon_runtime import safe_json
from patreon_runtime.jsonapi import NATIVE

MEMBER_ATTRIBUTES = list(RESOURCE_TYPES["member"]["attributes"])
# Typed reads: properties when interpreted, getters once mypyc compiles the view (setup.py).
PROPERTIES = [
    name for name in MEMBER_ATTRIBUTES if inspect.isdatadescriptor(getattr(MemberAttributes, name, None))
]
BUILD = "compiled (mypyc)" if NATIVE else "interpreted"
TARGETS = {1000: 1.6, 10_000: 1.5}
INCLUDE = ["user", "currently_entitled_tiers"]


def _value(name: str, n: int) -> Any:
    info = RESOURCE_TYPES["member"]["attributes"][name]
    if info["enum"]:
        return info["enum"][n % len(info["enum"])]
    if info["format"] == "date-time":
        return f"2024-0{1 + n % 9}-1{n % 10}T12:34:56.{n % 999999:06d}+00:00"
    return {
        "string": f"{name} {n}",
        "integer": n * 100,
        "boolean": n % 2 == 0,
        "number": n / 3,
        "object": {"n": n},
        "array": [str(n)],
    }[info["json_type"]]


def members_page(count: int) -> bytes:
    tiers = [
        {"type": "tier", "id": f"t{i}", "attributes": {"title": f"Tier {i}", "amount_cents": 500 * i}}
        for i in range(5)
    ]
    data = []
    users = []
    for n in range(count):
        data.append(
            {
                "type": "member",
                "id": f"00000000-0000-4000-8000-{n:012d}",
                "attributes": {name: _value(name, n) for name in MEMBER_ATTRIBUTES},
                "relationships": {
                    "user": {"data": {"type": "user", "id": str(10_000_000 + n)}},
                    "currently_entitled_tiers": {
                        "data": [
                            {"type": "tier", "id": f"t{n % 5}"},
                            {"type": "tier", "id": f"t{(n + 1) % 5}"},
                        ]
                    },
                    "address": {"data": None},
                },
            }
        )
        users.append(
            {
                "type": "user",
                "id": str(10_000_000 + n),
                "attributes": {"full_name": f"User {n}", "email": f"u{n}@example.test"},
            }
        )
    body = {
        "data": data,
        "included": users + tiers,
        "meta": {"pagination": {"total": count, "cursors": {"next": None}}},
    }
    return json.dumps(body).encode()


def run_typed(client: Patreon) -> int:
    doc = client.members.list("1", include=["user", "currently_entitled_tiers"], count=1000)
    seen = 0
    for member in doc.data:
        attributes = member.attributes
        for name in PROPERTIES:
            if getattr(attributes, name) is not None:
                seen += 1
        user = doc.related(member, "user")
        if user is not None and user.attributes.full_name:
            seen += 1
        for tier in doc.related(member, "currently_entitled_tiers"):
            if tier.attributes.title:
                seen += 1
    return seen


def run_floor(http: httpx.Client) -> int:
    response = http.get(
        "/api/oauth2/v2/campaigns/1/members",
        params={"include": "user,currently_entitled_tiers", "page[count]": 1000},
    )
    body = json.loads(response.content)
    index = {(item["type"], item["id"]): item for item in body["included"]}
    seen = 0
    for member in body["data"]:
        attributes = member["attributes"]
        for name in PROPERTIES:
            if attributes.get(name) is not None:
                seen += 1
        relationships = member["relationships"]
        linkage = relationships["user"]["data"]
        user = index.get((linkage["type"], linkage["id"])) if linkage else None
        if user is not None and user["attributes"].get("full_name"):
            seen += 1
        for linkage in relationships["currently_entitled_tiers"]["data"]:
            tier = index.get((linkage["type"], linkage["id"]))
            if tier is not None and tier["attributes"].get("title"):
                seen += 1
    return seen


def measure(count: int, rounds: int) -> tuple[float, float, float]:
    body = members_page(count)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    transport = httpx.MockTransport(handler)
    client = Patreon(token="t", transport=transport)
    # The same headers as the client's (auth, User-Agent), so both requests are alike on the wire.
    http = httpx.Client(
        transport=transport,
        base_url="https://www.patreon.com",
        headers=dict(client.http_client.headers) | {"Authorization": "Bearer t"},
    )
    assert run_typed(client) == run_floor(http), "both sides must do the same reads"
    result = paired(lambda: run_typed(client), lambda: run_floor(http), rounds)
    return result.ours, result.floor, result.ratio


def _best(setup: Callable[[], Any], step: Callable[[Any], object], rounds: int) -> float:
    """The fastest of ``rounds`` runs of ``step`` on a fresh ``setup()`` each (GC on), in seconds."""
    best = float("inf")
    for _ in range(rounds):
        state = setup()
        started = time.perf_counter()
        step(state)
        best = min(best, time.perf_counter() - started)
    return best


def _read_attributes(doc: CollectionDocument[Member]) -> None:
    for member in doc.data:
        attributes = member.attributes
        for name in PROPERTIES:
            getattr(attributes, name)


def _read_related(doc: CollectionDocument[Member]) -> None:
    for member in doc.data:
        user = doc.related(member, "user")
        if user is not None:
            user.attributes.full_name  # noqa: B018 (the read is what is timed)
        for tier in doc.related(member, "currently_entitled_tiers"):
            tier.attributes.title  # noqa: B018


def _floor_attributes(body: dict[str, Any]) -> None:
    for member in body["data"]:
        attributes = member["attributes"]
        for name in PROPERTIES:
            attributes.get(name)


def _floor_related(body: dict[str, Any]) -> None:
    index = {(item["type"], item["id"]): item for item in body["included"]}
    for member in body["data"]:
        relationships = member["relationships"]
        linkage = relationships["user"]["data"]
        user = index.get((linkage["type"], linkage["id"])) if linkage else None
        if user is not None:
            user["attributes"].get("full_name")
        for linkage in relationships["currently_entitled_tiers"]["data"]:
            tier = index.get((linkage["type"], linkage["id"]))
            if tier is not None:
                tier["attributes"].get("title")


def phases(count: int, rounds: int = 15) -> str:
    """Per member, what each step costs ours and the floor (best of ``rounds``, microseconds).

    The profile behind the ratio: which steps ours adds (the nesting-depth scan, wrapping) and
    which cost more than the floor's dict reads (a Python call per attribute and per relationship).
    """
    body = members_page(count)

    def parsed() -> Any:
        return json.loads(body)

    def document() -> CollectionDocument[Member]:
        return CollectionDocument(json.loads(body))

    ours = {
        "depth scan": _best(lambda: body, safe_json.nesting_depth, rounds),
        "json.loads": _best(lambda: body, json.loads, rounds),
        "wrap": _best(parsed, CollectionDocument, rounds),
        "attributes": _best(document, _read_attributes, rounds),
        "related": _best(document, _read_related, rounds),
    }
    floor = {
        "json.loads": ours["json.loads"],
        "attributes": _best(parsed, _floor_attributes, rounds),
        "related": _best(parsed, _floor_related, rounds),
    }
    per_member = 1e6 / count
    shown = ", ".join(
        f"{name} {cost * per_member:.2f}/{floor.get(name, 0.0) * per_member:.2f}"
        for name, cost in ours.items()
    )
    return f"  {count:>6} members, us per member (ours/floor): {shown}"


def run() -> list[str]:
    lines = [
        f"decode, {BUILD} build: client.members.list() read fully vs json.loads + dict index"
        " (same MockTransport request)"
    ]
    per_member = []
    floor_per_member = []
    for count, rounds in ((1000, 101), (10_000, 41)):
        typed, floor, ratio = measure(count, rounds)
        per_member.append(typed / count)
        floor_per_member.append(floor / count)
        target = TARGETS[count]
        verdict = "ok" if ratio <= target else "OVER TARGET"
        lines.append(
            f"  {count:>6} members: typed {typed * 1000:7.1f} ms, floor {floor * 1000:7.1f} ms (medians),"
            f" ratio {ratio:4.2f}x (median of pairs, GC on; target <= {target}x) {verdict}"
        )
    lines.append("  where the time goes (best run of each step; the request and the loop itself not shown):")
    lines.extend(phases(count, rounds) for count, rounds in ((1000, 15), (10_000, 5)))
    lines.append(
        f"  growth in cost per member from 1000 to 10,000 (1.00 = linear): typed"
        f" {per_member[1] / per_member[0]:4.2f}x, floor {floor_per_member[1] / floor_per_member[0]:4.2f}x"
        " (what both share is json.loads and memory at that size)"
    )
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
