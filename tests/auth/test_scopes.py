"""Scope rules are per endpoint, each with a source; with check_scopes=True no documented call is refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from patreon_auth import Token
from patreon_auth.errors import MissingScopeError
from patreon_auth.scopes import check_scopes, required_scopes
from patreon_generated.schema import ENDPOINTS, RESOURCE_TYPES
from patreon_sandbox import Sandbox
from patreon_sandbox.handler import SandboxRequest

V2 = "/api/oauth2/v2"


def token(*scopes: str) -> Token:
    return Token(access_token="a", refresh_token="r", scope=frozenset(scopes))


def full_call(operation_id: str) -> tuple[str, str, dict[str, str]]:
    """The operation asked for everything it documents: every include path and every attribute."""
    info = ENDPOINTS[operation_id]
    path = info["path"].replace("{", "").replace("}", "")
    params = {f"fields[{t}]": ",".join(RESOURCE_TYPES[t]["attributes"]) for t in info["fields"]}
    if info["includes"]:
        params["include"] = ",".join(info["includes"])
    return info["method"], path, params


def documented_scopes(operation_id: str) -> set[str]:
    """What the spec says the call needs: the endpoint's scopes and those of its scope rules."""
    info = ENDPOINTS[operation_id]
    rules = set(info["include_scopes"].values())
    rules |= {scope for attrs in info["field_scopes"].values() for scope in attrs.values()}
    return set(info["scopes"]) | rules


def reads() -> Iterator[str]:
    yield from (op for op, info in ENDPOINTS.items() if info["method"] == "GET")


@pytest.mark.parametrize("operation_id", sorted(reads()))
def test_every_documented_call_with_its_documented_scopes_passes(operation_id: str) -> None:
    method, path, params = full_call(operation_id)
    check_scopes(token(*documented_scopes(operation_id)), method, path, params)


def test_user_email_needs_a_different_scope_per_endpoint() -> None:
    email = {"fields[user]": "email", "include": "user"}
    # On the member routes [PAT rest/v2/oauth2/scopes.ts]: campaigns.members[email], not identity[email].
    members = required_scopes("GET", f"{V2}/campaigns/1/members", email)
    assert members == {"campaigns.members", "campaigns.members[email]"}
    check_scopes(token("campaigns.members", "campaigns.members[email]"), "GET", f"{V2}/members/m", email)
    with pytest.raises(MissingScopeError) as missing:
        check_scopes(token("campaigns.members", "identity[email]"), "GET", f"{V2}/members/m", email)
    assert missing.value.missing == {"campaigns.members[email]"}
    # On /identity [PD _endpoints_v2.md]: identity[email].
    assert required_scopes("GET", f"{V2}/identity", {"fields[user]": "email"}) == {
        "identity",
        "identity[email]",
    }


def test_member_email_on_identity_needs_the_member_email_scope() -> None:
    # [PD _resources_v2.md] Member table: email "Requires the campaigns.members[email] scope", on
    # whichever endpoint the member comes from, /identity's memberships included.
    params = {"include": "memberships", "fields[member]": "email,full_name"}
    assert required_scopes("GET", f"{V2}/identity", params) == {"identity", "campaigns.members[email]"}
    with pytest.raises(MissingScopeError) as missing:
        check_scopes(token("identity"), "GET", f"{V2}/identity", params)
    assert missing.value.missing == {"campaigns.members[email]"}
    check_scopes(token("identity", "campaigns.members[email]"), "GET", f"{V2}/identity", params)
    # Without asking for the email, identity alone is enough.
    check_scopes(
        token("identity"), "GET", f"{V2}/identity", {"include": "memberships", "fields[member]": "full_name"}
    )


def test_memberships_campaign_on_identity_is_advisory() -> None:
    params = {"include": "memberships.campaign"}
    # [PD _endpoints_v2.md; PAT]: the memberships' campaigns come with the campaigns scope...
    assert "campaigns" in required_scopes("GET", f"{V2}/identity", params)
    # ...but Patreon answers without it (Patreon's own plugin asks with identity identity[email] [WP]).
    wp_fetch_user = {
        "include": "memberships.currently_entitled_tiers,memberships.campaign",
        "fields[user]": "email,first_name,full_name,image_url,last_name,thumb_url,url,vanity,is_email_verified",
        "fields[member]": "currently_entitled_amount_cents,lifetime_support_cents,campaign_lifetime_support_cents,"
        "last_charge_status,patron_status,last_charge_date,pledge_relationship_start,pledge_cadence",
    }
    check_scopes(token("identity", "identity[email]"), "GET", f"{V2}/identity", wp_fetch_user)
    # The sandbox answers it too, leaving the memberships' campaigns out, as Patreon does [PD; WP].
    with Sandbox(seed=3, members=5) as sandbox:
        patron = next(user for user in sandbox.users if not user.is_creator)
        granted = sandbox.user_token(patron, scopes=["identity", "identity[email]"])
        query = "&".join(f"{k}={v}" for k, v in wp_fetch_user.items())
        answer = sandbox.handle(
            SandboxRequest(
                "GET",
                f"{sandbox.base_url}{V2}/identity?{query}",
                {"authorization": f"Bearer {granted.access_token}", "user-agent": "scope-test"},
            )
        )
        assert answer.status == 200
        assert b'"type":"campaign"' not in answer.body
    # The top-level campaign include is not advisory.
    with pytest.raises(MissingScopeError):
        check_scopes(token("identity"), "GET", f"{V2}/identity", {"include": "campaign"})


# The sample calls of [PD _endpoints_v2.md], with the scopes the docs give them.
PD_SAMPLES = [
    (
        "/identity",
        {"fields[user]": "about,created,email,first_name,full_name,image_url,last_name,social_connections,"
         "thumb_url,url,vanity"},
        ("identity", "identity[email]"),
    ),
    ("/campaigns", {"fields[campaign]": "created_at,creation_name,patron_count,pledge_url,summary"}, ("campaigns",)),
    (
        "/campaigns/{campaign}/members",
        {
            "include": "currently_entitled_tiers,address",
            "fields[member]": "full_name,is_follower,last_charge_date,last_charge_status,lifetime_support_cents,"
            "currently_entitled_amount_cents,patron_status",
            "fields[tier]": "amount_cents,created_at,description,discord_role_ids,edited_at,patron_count,"
            "published,published_at,requires_shipping,title,url",
            "fields[address]": "addressee,city,line_1,line_2,phone_number,postal_code,state",
        },
        ("campaigns.members", "campaigns.members.address"),
    ),
    (
        "/members/{member}",
        {
            "fields[address]": "line_1,line_2,addressee,postal_code,city",
            "fields[member]": "full_name,is_follower,last_charge_date",
            "include": "address,user",
        },
        ("campaigns.members", "campaigns.members.address"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("path", "params", "scopes"), PD_SAMPLES)
def test_documented_sample_calls_pass_the_check_and_the_sandbox(
    path: str, params: dict[str, str], scopes: tuple[str, ...]
) -> None:
    with Sandbox(seed=3, members=5) as sandbox:
        url = V2 + path.format(campaign=sandbox.campaign_id, member=sandbox.member_ids[0])
        granted = sandbox.creator_token(scopes=list(scopes))
        check_scopes(granted, "GET", url, params)
        query = "&".join(f"{k}={v}" for k, v in params.items())
        answer = sandbox.handle(
            SandboxRequest(
                "GET",
                f"{sandbox.base_url}{url}?{query}",
                {"authorization": f"Bearer {granted.access_token}", "user-agent": "scope-test"},
            )
        )
        assert answer.status == 200, answer.body[:300]
