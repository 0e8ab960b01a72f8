"""The six kinds of wrong document from the issue fail the suite's check and `patreon spec check`.

Each starts from a real members page of the sandbox (which passes both) and breaks one link: a
valid webhook or post in `included` (the members include paths never reach them), a tier linkage
typed `user`, an address linkage typed `campaign`, the same resource twice, an included resource
nothing links to. Every one is valid per resource, so the schemas alone let it through.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from patreon_sandbox import Sandbox
from patreon_spec.conformance import mismatches, problem
from patreon_spec.drift import DriftCheck
from patreon_spec.linkage import check, reachable_types

Document = dict[str, Any]


@pytest.fixture(scope="module")
def members_page() -> Iterator[tuple[httpx.Request, Document, Document, Document]]:
    """A members page with everything included, and a valid webhook and post from the same sandbox."""
    with Sandbox(seed=5, members=4, rate_limits=None) as sandbox:
        headers = {
            "Authorization": f"Bearer {sandbox.creator_token().access_token}",
            "User-Agent": "patreonkit-tests",
        }
        with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url, headers=headers) as http:
            campaign = sandbox.campaign_id
            http.post(
                "/api/oauth2/v2/webhooks",
                json={
                    "data": {
                        "type": "webhook",
                        "attributes": {"triggers": ["members:create"], "uri": "https://hooks.example.test/p"},
                        "relationships": {"campaign": {"data": {"type": "campaign", "id": campaign}}},
                    }
                },
            ).raise_for_status()
            webhook = http.get("/api/oauth2/v2/webhooks", params={"fields[webhook]": "uri"}).json()["data"][0]
            post = http.get(
                f"/api/oauth2/v2/campaigns/{campaign}/posts", params={"fields[post]": "title"}
            ).json()
            response = http.get(
                f"/api/oauth2/v2/campaigns/{campaign}/members",
                params={
                    "include": "address,campaign,currently_entitled_tiers,user",
                    "fields[member]": "full_name",
                    "fields[tier]": "title",
                },
            )
            yield response.request, response.json(), webhook, post["data"][0]


def _answer(request: httpx.Request, document: Document) -> httpx.Response:
    return httpx.Response(
        200, headers={"content-type": "application/json"}, content=json.dumps(document).encode()
    )


def _first_linked(document: Document, relationship: str) -> dict[str, Any]:
    for member in document["data"]:
        data = member["relationships"][relationship]["data"]
        if data:
            return data[0] if isinstance(data, list) else data  # type: ignore[no-any-return]
    raise AssertionError(f"no member with {relationship}")


def _with_webhook(document: Document, webhook: Document, post: Document) -> None:
    document["included"].append(webhook)


def _with_post(document: Document, webhook: Document, post: Document) -> None:
    document["included"].append(post)


def _tier_typed_user(document: Document, webhook: Document, post: Document) -> None:
    _first_linked(document, "currently_entitled_tiers")["type"] = "user"


def _address_typed_campaign(document: Document, webhook: Document, post: Document) -> None:
    _first_linked(document, "address")["type"] = "campaign"


def _duplicate(document: Document, webhook: Document, post: Document) -> None:
    document["included"].append(copy.deepcopy(document["included"][0]))


def _unlinked(document: Document, webhook: Document, post: Document) -> None:
    user = next(item for item in document["included"] if item["type"] == "user")
    document["included"].append({**copy.deepcopy(user), "id": "unlinked-user"})


BREAKS: dict[str, tuple[Callable[[Document, Document, Document], None], str]] = {
    "webhook-in-members": (_with_webhook, "included-type"),
    "post-in-members": (_with_post, "included-type"),
    "tiers-to-user": (_tier_typed_user, "linkage-type"),
    "address-to-campaign": (_address_typed_campaign, "linkage-type"),
    "duplicate": (_duplicate, "duplicate"),
    "unlinked": (_unlinked, "unlinked"),
}


def test_the_sandbox_page_passes_both_checks(
    members_page: tuple[httpx.Request, Document, Document, Document],
) -> None:
    request, document, _, _ = members_page
    assert {item["type"] for item in document["included"]} >= {"address", "campaign", "tier", "user"}
    assert problem(request, _answer(request, document)) is None
    drift = DriftCheck()
    drift.add(request, _answer(request, document))
    assert not drift.finish().drift


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_each_wrong_document_is_caught(
    members_page: tuple[httpx.Request, Document, Document, Document], name: str
) -> None:
    request, original, webhook, post = members_page
    document = copy.deepcopy(original)
    breaks, rule = BREAKS[name]
    breaks(document, webhook, post)
    response = _answer(request, document)
    # The schemas alone let it through...
    assert mismatches(request, response) == []
    # ...the linkage pass does not: in the suite's check and as drift of kind `linkage`.
    found = problem(request, response)
    assert found is not None and rule in {p.rule for p in check("list_campaign_members", document)}, found
    drift = DriftCheck()
    drift.add(request, response)
    findings = drift.finish().drift
    assert {finding.kind for finding, _ in findings} == {"linkage"}
    # (A retyped linkage also leaves the resource it pointed at unlinked: both are reported.)
    assert rule in {finding.detail.split(":")[0] for finding, _ in findings}, findings


def test_no_id_or_value_is_named(members_page: tuple[httpx.Request, Document, Document, Document]) -> None:
    request, original, webhook, post = members_page
    document = copy.deepcopy(original)
    _unlinked(document, webhook, post)
    _address_typed_campaign(document, webhook, post)
    drift = DriftCheck()
    drift.add(request, _answer(request, document))
    text = repr(drift.finish().findings)
    ids = {item["id"] for item in document["included"]} | {item["id"] for item in document["data"]}
    assert not [value for value in ids if value in text]


def test_unknown_types_stay_tolerated_and_reachability_follows_the_include_tree() -> None:
    page = {
        "data": [
            {
                "type": "member",
                "id": "m",
                "relationships": {"campaign_installation": {"data": {"type": "x", "id": "1"}}},
            }
        ],
        "included": [{"type": "campaign-installation", "id": "2"}],
    }
    assert check("list_campaign_members", page) == []
    assert reachable_types("list_campaign_members") == {"address", "campaign", "tier", "user", "pledge-event"}
    assert reachable_types("get_identity") == {"member", "campaign", "tier"}
    assert reachable_types("list_webhooks") == {"campaign", "client"}
