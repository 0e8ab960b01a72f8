"""Export every member of a 10,000-member sandbox served on loopback: the library against raw httpx.

Library: `PatreonCreatorClient.members.iterate` (auth, retries, pagination, typed reads).
Raw: a hand-written loop of httpx + json.loads over the same pages producing the same rows
(id, name, status, email, tier titles). Target (issue 4): at most 1.25x the raw loop.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from bench.timing import best_of
from patreon_auth import PatreonCreatorClient
from patreon_generated import Patreon
from patreon_sandbox import Sandbox

MEMBERS = 10_000
TARGET = 1.25
INCLUDE = "user,currently_entitled_tiers"
FIELDS = {"member": "full_name,patron_status,email", "tier": "title"}
Row = tuple[str, str | None, str | None, str | None, tuple[str, ...]]


def export_with_library(client: Patreon, campaign_id: str) -> list[Row]:
    rows: list[Row] = []
    for member in client.members.iterate(
        campaign_id,
        include=["user", "currently_entitled_tiers"],
        fields={"member": ["full_name", "patron_status", "email"], "tier": ["title"]},
        count=1000,
    ):
        attributes = member.attributes
        tiers = tuple(t.attributes.title or "" for t in member.related("currently_entitled_tiers"))
        rows.append((member.id, attributes.full_name, attributes.patron_status, attributes.email, tiers))
    return rows


def export_raw(http: httpx.Client, campaign_id: str, access_token: str) -> list[Row]:
    rows: list[Row] = []
    params: dict[str, Any] = {"include": INCLUDE, "page[count]": 1000}
    params.update({f"fields[{kind}]": names for kind, names in FIELDS.items()})
    headers = {"Authorization": f"Bearer {access_token}", "User-Agent": "bench-raw"}
    cursor = None
    while True:
        query = dict(params, **({"page[cursor]": cursor} if cursor else {}))
        response = http.get(f"/api/oauth2/v2/campaigns/{campaign_id}/members", params=query, headers=headers)
        response.raise_for_status()
        body = json.loads(response.content)
        index = {(item["type"], item["id"]): item for item in body.get("included", ())}
        for member in body["data"]:
            attributes = member["attributes"]
            linkage = member["relationships"]["currently_entitled_tiers"]["data"]
            tiers = tuple(index[(t["type"], t["id"])]["attributes"].get("title") or "" for t in linkage)
            rows.append(
                (
                    member["id"],
                    attributes.get("full_name"),
                    attributes.get("patron_status"),
                    attributes.get("email"),
                    tiers,
                )
            )
        cursor = ((body.get("meta") or {}).get("pagination") or {}).get("cursors", {}).get("next")
        if not cursor:
            return rows


def run(rounds: int = 5) -> list[str]:
    with Sandbox(seed=1, members=MEMBERS, rate_limits=None) as sandbox, sandbox.serve_in_thread() as base_url:
        token = sandbox.creator_token()
        client = PatreonCreatorClient(
            client_id=sandbox.client_id, client_secret=sandbox.client_secret, token=token, base_url=base_url
        )
        # The generated client with a fixed token: no refresh layer, to show what auth itself costs.
        static = Patreon(token=token.access_token, base_url=base_url)
        http = httpx.Client(base_url=base_url, timeout=60)
        campaign_id = sandbox.campaign_id
        library_rows = export_with_library(client, campaign_id)
        raw_rows = export_raw(http, campaign_id, token.access_token)
        assert library_rows == raw_rows and len(raw_rows) == MEMBERS, "both must export the same rows"
        best = best_of(
            {
                "library": lambda: export_with_library(client, campaign_id),
                "static": lambda: export_with_library(static, campaign_id),
                "raw": lambda: export_raw(http, campaign_id, token.access_token),
            },
            rounds,
        )
        client.close()
        static.close()
        http.close()
    ratio = best["library"] / best["raw"]
    verdict = "ok" if ratio <= TARGET else "OVER TARGET"
    return [
        f"export: {MEMBERS:,} members from a sandbox on loopback, pages of 1000, best of {rounds}",
        f"  PatreonCreatorClient.members  {best['library'] * 1000:8.1f} ms",
        f"  Patreon(token=...) (no auth)  {best['static'] * 1000:8.1f} ms",
        f"  raw httpx + json.loads loop   {best['raw'] * 1000:8.1f} ms",
        f"  ratio {ratio:4.2f}x the raw loop (target <= {TARGET}x) {verdict}",
        f"  refreshing auth + store vs a fixed token: {best['library'] / best['static']:4.2f}x",
    ]


if __name__ == "__main__":
    print("\n".join(run()))
