"""JSON:API as Patreon serves it, through the generated client (sync and async twins).

A scenario both clients share runs under the `mode` fixture (tests/modes.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from patreon_generated import Patreon
from patreon_generated.errors import BadRequestError, NotFoundError
from patreon_runtime.names import unchecked
from patreon_sandbox import Sandbox
from tests.modes import ModeDriver

from .conftest import async_creator_client, creator_client


def test_no_attributes_unless_fields_asks(client: Patreon, sandbox: Sandbox) -> None:
    bare = client.members.list(sandbox.campaign_id, count=5)
    assert [m.raw["attributes"] for m in bare.data] == [{}] * 5
    assert all("relationships" not in m.raw for m in bare.data)
    asked = client.members.list(
        sandbox.campaign_id, count=5, fields={"member": ["full_name", "patron_status"]}
    )
    assert [set(m.raw["attributes"]) for m in asked.data] == [{"full_name", "patron_status"}] * 5


def test_includes_nested_deduplicated_and_linked(
    mode: ModeDriver, mode_client: Any, sandbox: Sandbox
) -> None:
    doc = mode.run(
        mode_client.campaigns.get(
            sandbox.campaign_id,
            include=["tiers", "tiers.benefits", "benefits", "creator", "goals"],
            fields={"tier": ["title"], "benefit": ["title"], "user": ["full_name"]},
        )
    )
    keys = [(r.type, r.id) for r in doc.included]
    assert len(keys) == len(set(keys))  # every resource once, though benefits come by two paths
    tiers = doc.related(doc.data, "tiers")
    assert len(tiers) == 5 and all(t.attributes.title for t in tiers)
    assert doc.related(doc.data, "goals") == []  # deprecated, always empty [PD]
    creator = doc.related(doc.data, "creator")
    assert creator is not None and creator.id == sandbox.creator.id
    linked = {b["id"] for t in tiers for b in t.raw["relationships"]["benefits"]["data"] or []}
    assert linked == {r.id for r in doc.included if r.type == "benefit"}
    assert doc.links["self"] == f"{sandbox.base_url}/api/oauth2/v2/campaigns/{sandbox.campaign_id}"
    page = mode.run(
        mode_client.members.list(
            sandbox.campaign_id,
            include=["user", "currently_entitled_tiers"],
            fields={"user": ["full_name"]},
            count=50,
        )
    )
    users = [page.related(m, "user") for m in page.data]
    assert all(u is not None and u.attributes.full_name for u in users)


def test_identity_nested_memberships(sandbox: Sandbox) -> None:
    user = sandbox.users[0]
    token = sandbox.user_token(user, scopes=["identity", "identity.memberships", "campaigns"])
    with creator_client(sandbox, token=token.access_token) as client:
        doc = client.identity.get(
            include=["memberships", "memberships.campaign", "memberships.currently_entitled_tiers"],
            fields={"user": ["full_name"], "member": ["patron_status"], "campaign": ["vanity"]},
        )
    assert doc.data.id == user.id and doc.data.attributes.full_name == user.full_name
    memberships = doc.related(doc.data, "memberships")
    assert len(memberships) == 1
    campaign = doc.related(memberships[0], "campaign")
    assert campaign is not None and campaign.id == sandbox.campaign_id
    assert doc.links["self"].endswith(f"/api/oauth2/v2/user/{user.id}")


def test_member_without_address_has_null_linkage(client: Patreon, sandbox: Sandbox) -> None:
    page = client.members.list(
        sandbox.campaign_id, include=["address"], fields={"address": ["city"]}, count=100
    )
    linkage = [m.raw["relationships"]["address"]["data"] for m in page.data]
    assert None in linkage and any(item is not None for item in linkage)
    with_address = [m for m in page.data if m.raw["relationships"]["address"]["data"] is not None]
    assert all(page.related(m, "address") is not None for m in with_address)


def test_default_page_size_caps_total_and_links(client: Patreon, sandbox: Sandbox) -> None:
    page = client.members.list(sandbox.campaign_id)
    assert len(page.data) == 20  # page_default (patreon-php#89)
    assert page.total == 300
    assert page.links["next"].startswith(f"{sandbox.base_url}/api/oauth2/v2/campaigns/")
    assert "page%5Bcursor%5D=" in page.links["next"]
    assert page.next_cursor == page.raw["meta"]["pagination"]["cursors"]["next"]
    big = Sandbox(seed=1, members=1200, rate_limits=None)
    with creator_client(big) as big_client:
        assert len(big_client.members.list(big.campaign_id, count=5000).data) == 1000
        capped = big_client.members.list(big.campaign_id, count=1000, include=["pledge_history"])
        assert len(capped.data) == 500  # 500 with pledge_history [PD]


def test_last_page_has_no_next(client: Patreon, sandbox: Sandbox) -> None:
    pages = list(client.members.pages(sandbox.campaign_id, count=200))
    assert [len(p.data) for p in pages] == [200, 100]
    assert pages[-1].raw["meta"]["pagination"]["cursors"]["next"] is None
    assert "next" not in pages[-1].links


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"include": "pets"}, "include"),
        ({"fields[member]": "full_name,shoe_size"}, "fields[member]"),
        ({"fields[unicorn]": "name"}, "fields[unicorn]"),
        ({"sort": "-created"}, "sort"),
        ({"page[count]": "0"}, "page[count]"),
        ({"page[cursor]": "not-a-cursor"}, "page[cursor]"),
    ],
)
def test_unknown_include_field_or_parameter_is_a_patreon_400(
    sandbox: Sandbox, params: dict[str, str], parameter: str
) -> None:
    token = sandbox.creator_token().access_token
    with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url) as http:
        response = http.get(
            f"/api/oauth2/v2/campaigns/{sandbox.campaign_id}/members",
            params=params,
            headers={"Authorization": f"Bearer {token}"},
        )
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["status"] == "400" and error["source"] == {"parameter": parameter}
    assert set(error) >= {"code", "code_name", "detail", "id", "status", "title"}
    assert len(error["id"]) == 36


def test_bad_include_through_the_client_raises(client: Patreon, sandbox: Sandbox) -> None:
    with pytest.raises(BadRequestError) as caught:
        # unchecked(): past the client's own check (tests/generated/test_names.py), to the sandbox's 400
        client.members.list(sandbox.campaign_id, include=[unchecked("pets")])
    assert caught.value.status_code == 400 and caught.value.errors[0]["source"]["parameter"] == "include"


def test_unknown_ids_are_404(mode: ModeDriver, mode_client: Any) -> None:
    calls: list[Callable[[], Any]] = [
        lambda: mode_client.members.get("00000000-0000-4000-8000-000000000000"),
        lambda: mode_client.members.get("nope"),
        lambda: mode_client.campaigns.get("1"),
        lambda: mode_client.posts.get("1"),
        lambda: mode_client.members.list("1"),
    ]
    for call in calls:
        with pytest.raises(NotFoundError):
            mode.run(call())


@pytest.mark.parametrize(("count", "fields", "requests"), [(1000, {"member": ["email"]}, 4), (500, None, 6)])
def test_2500_member_world_pages_completely(
    mode: ModeDriver, count: int, fields: dict[str, list[str]] | None, requests: int
) -> None:
    sandbox = Sandbox(seed=7, members=2500)
    with mode.using(mode.new((creator_client, async_creator_client), sandbox)) as client:
        ids = [
            m.id
            for m in mode.collect(client.members.iterate(sandbox.campaign_id, count=count, fields=fields))
        ]
        first = mode.run(client.members.list(sandbox.campaign_id, count=1))
    assert len(ids) == len(set(ids)) == first.total == 2500
    assert sandbox.stats.api_requests == requests


def test_posts_list_and_get(client: Patreon, sandbox: Sandbox) -> None:
    posts = list(client.posts.iterate(sandbox.campaign_id, fields={"post": ["title", "is_public", "tiers"]}))
    assert len(posts) == len(sandbox.world.post_ids)
    one = client.posts.get(posts[0].id, include=["user", "campaign"], fields={"post": ["url"]})
    author = one.related(one.data, "user")
    assert author is not None and author.id == sandbox.creator.id
