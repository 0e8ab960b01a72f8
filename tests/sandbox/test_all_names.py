"""`include="all"` / `fields="all"`: every include and attribute the spec lists, in one word."""

from __future__ import annotations

from typing import Any

from patreon_generated.api.members import list_campaign_members
from patreon_sandbox import Sandbox

from .conftest import creator_client


def test_all_includes_and_fields_come_back_from_the_sandbox(sandbox: Sandbox) -> None:
    client = creator_client(sandbox)
    page = client.members.list(sandbox.campaign_id, include="all", fields="all", count=1000)
    assert page.data
    member = page.data[0]
    assert set(member.attributes.to_dict()) <= set(list_campaign_members.FIELDS["member"])
    assert member.attributes.full_name is not None
    assert {r.type for r in page.included} >= {"user", "campaign", "tier"}
    # pledge_history is among "all", so count=1000 goes as 500 (checked on the request below);
    # every member still comes back over the pages.
    everyone = list(client.members.iterate(sandbox.campaign_id, include="all", fields="all", count=1000))
    assert len({m.id for m in everyone}) == 300


def test_all_expands_to_the_spec_lists_and_caps_the_page() -> None:
    operation = list_campaign_members.build("c1", include="all", fields="all", count=1000)
    assert operation.params is not None
    assert operation.params["include"] == ",".join(list_campaign_members.INCLUDES)
    assert operation.params["fields[member]"] == ",".join(list_campaign_members.FIELDS["member"])
    assert operation.params["page[count]"] == 500
    plain = list_campaign_members.build("c1", include=["user"], count=1000)
    assert plain.params is not None and plain.params["page[count]"] == 1000


def test_all_for_one_type_only() -> None:
    untyped: Any = {"member": "all", "user": ["full_name"]}  # per-type "all" is checked at run time only
    operation = list_campaign_members.build("c1", fields=untyped)
    assert operation.params == {
        "fields[member]": ",".join(list_campaign_members.FIELDS["member"]),
        "fields[user]": "full_name",
    }
