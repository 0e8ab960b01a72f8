"""`to_plain()`: documents and resources as plain nested dicts, ready for JSON."""

from __future__ import annotations

import json

from patreon_generated.documents import CollectionDocument
from patreon_generated.resources import Member
from patreon_sandbox import Sandbox

from .conftest import creator_client


def test_a_page_becomes_plain_json_with_related_resources_in_place(sandbox: Sandbox) -> None:
    client = creator_client(sandbox)
    page = client.members.list(
        sandbox.campaign_id,
        include=["user", "currently_entitled_tiers", "campaign"],
        fields={"member": ["full_name", "patron_status"], "user": ["full_name"], "tier": ["title"]},
        count=50,
    )
    plain = page.to_plain()
    assert json.loads(json.dumps(plain)) == plain  # only JSON types inside
    assert [item["id"] for item in plain] == [m.id for m in page.data]
    entitled = next(m for m in page.data if m.related("currently_entitled_tiers"))
    item = plain[page.data.index(entitled)]
    assert item["type"] == "member"
    assert item.get("attributes", {}).get("full_name") == entitled.attributes.full_name
    relationships = item.get("relationships", {})
    user = relationships.get("user")
    related_user = entitled.related("user")
    assert user is not None and related_user is not None
    assert user.get("attributes", {}).get("full_name") == related_user.attributes.full_name
    assert [
        t.get("attributes", {}).get("title") for t in relationships.get("currently_entitled_tiers", [])
    ] == [t.attributes.title for t in entitled.related("currently_entitled_tiers")]
    campaign = relationships.get("campaign")
    assert campaign is not None and campaign["id"] == sandbox.campaign_id
    # The same member read alone, from the resource, nests the same way.
    assert entitled.to_plain() == item
    # Editing the output never edits the document.
    item.get("attributes", {})["full_name"] = "changed"
    assert entitled.attributes.full_name != "changed"


def test_cycles_and_missing_resources_become_stubs_and_depth_bounds_the_tree() -> None:
    body = {
        "data": [
            {
                "type": "member",
                "id": "m1",
                "attributes": {"full_name": "Ada"},
                "relationships": {
                    "user": {"data": {"type": "user", "id": "u1"}},
                    "address": {"data": None},
                    "campaign": {"data": {"type": "campaign", "id": "not-included"}},
                    "currently_entitled_tiers": {"links": {"related": "https://example.invalid"}},
                },
            }
        ],
        "included": [
            {
                "type": "user",
                "id": "u1",
                "attributes": {"full_name": "Ada L."},
                "relationships": {"memberships": {"data": [{"type": "member", "id": "m1"}]}},
            }
        ],
    }
    page = CollectionDocument[Member](body)
    (member,) = page.to_plain()
    relationships = member.get("relationships", {})
    user = relationships.get("user")
    assert user is not None and user.get("attributes") == {"full_name": "Ada L."}
    assert user.get("relationships", {}).get("memberships") == [
        {"type": "member", "id": "m1"}
    ]  # back up: a stub
    assert relationships.get("address", "missing") is None
    assert relationships.get("campaign") == {"type": "campaign", "id": "not-included"}
    assert "currently_entitled_tiers" not in relationships  # links only
    shallow = page.to_plain(depth=0)[0].get("relationships", {})
    assert shallow.get("user") == {"type": "user", "id": "u1"}
