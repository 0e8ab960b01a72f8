"""The hand-maintained spec is valid OpenAPI 3.1 and covers the whole v2 surface."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from openapi_spec_validator import validate

from patreon_generated.schema import ENDPOINTS, RESOURCE_TYPES, SCOPES, WEBHOOK_TRIGGERS

SPEC = Path(__file__).resolve().parents[2] / "spec" / "patreon-v2.yaml"


def _resolved(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """A `$ref` to `#/components/...` followed to what it names."""
    while "$ref" in node:
        target: Any = spec
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def load() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SPEC.read_text())
    return spec


def test_spec_is_valid_openapi_3_1() -> None:
    spec = load()
    assert spec["openapi"] == "3.1.0"
    validate(spec)


def test_every_resource_type_of_the_reference_is_described() -> None:
    # design/reference/patreon-api-v2.md §3
    expected = {
        "address", "benefit", "campaign", "client", "deliverable", "goal", "live", "live-access-rule",
        "media", "member", "oauth-client", "pledge-event", "post", "tier", "user", "webhook",
    }  # fmt: skip
    assert set(RESOURCE_TYPES) == expected


def test_every_endpoint_of_the_reference_is_described() -> None:
    routes = {(info["method"], info["path"]) for info in ENDPOINTS.values()}
    v2 = "/api/oauth2/v2"
    assert routes == {
        ("GET", f"{v2}/identity"),
        ("GET", f"{v2}/campaigns"),
        ("GET", f"{v2}/campaigns/{{campaign_id}}"),
        ("GET", f"{v2}/campaigns/{{campaign_id}}/members"),
        ("GET", f"{v2}/members/{{member_id}}"),
        ("GET", f"{v2}/campaigns/{{campaign_id}}/posts"),
        ("GET", f"{v2}/posts/{{post_id}}"),
        ("GET", f"{v2}/webhooks"),
        ("POST", f"{v2}/webhooks"),
        ("PATCH", f"{v2}/webhooks/{{webhook_id}}"),
        ("DELETE", f"{v2}/webhooks/{{webhook_id}}"),
        ("POST", f"{v2}/lives"),
        ("GET", f"{v2}/lives/{{live_id}}"),
        ("PATCH", f"{v2}/lives/{{live_id}}"),
        ("DELETE", f"{v2}/lives/{{live_id}}"),
    }
    assert "/api/oauth2/token" in load()["paths"]
    assert all(info["early_access"] for info in ENDPOINTS.values() if "/lives" in info["path"])


def test_members_page_limits_and_scopes() -> None:
    members = ENDPOINTS["list_campaign_members"]
    assert members["page_max"] == 1000
    assert members["page_max_with"] == {"pledge_history": 500}  # [PD]
    assert members["scopes"] == ("campaigns.members",)
    assert members["include_scopes"]["address"] == "campaigns.members.address"
    # Field scopes are per endpoint [PD _endpoints_v2.md; PAT rest/v2/oauth2/scopes.ts].
    assert members["field_scopes"] == {
        "member": {"email": "campaigns.members[email]"},
        "user": {"email": "campaigns.members[email]"},
    }
    identity = ENDPOINTS["get_identity"]
    # member.email needs campaigns.members[email] on /identity too ([PD _resources_v2.md] Member table).
    assert identity["field_scopes"] == {
        "user": {"email": "identity[email]"},
        "member": {"email": "campaigns.members[email]"},
    }
    assert identity["include_scopes"] == {"campaign": "campaigns", "memberships.campaign": "campaigns"}
    assert {"identity", "identity[email]", "campaigns.members.address", "w:campaigns.webhook"} <= set(SCOPES)


def test_enums_are_open_and_webhook_triggers_are_complete() -> None:
    assert RESOURCE_TYPES["member"]["attributes"]["patron_status"]["enum"] == (
        "active_patron",
        "declined_patron",
        "former_patron",
    )
    assert set(WEBHOOK_TRIGGERS) == {
        "members:create", "members:update", "members:delete",
        "members:pledge:create", "members:pledge:update", "members:pledge:delete",
        "posts:publish", "posts:update", "posts:delete",
        "pledges:create", "pledges:update", "pledges:delete",
    }  # fmt: skip
    # The legacy v1 triggers carry a v1 pledge, typed apart from v2 resources [PD _webhooks.md].
    assert {WEBHOOK_TRIGGERS[t] for t in ("pledges:create", "pledges:update", "pledges:delete")} == {"pledge"}
    member_schema = load()["components"]["schemas"]["MemberAttributes"]["properties"]["patron_status"]
    assert {"type": "string"} in member_schema["anyOf"]  # open: values Patreon adds later still parse


def test_links_and_meta_are_never_required() -> None:
    schemas = load()["components"]["schemas"]
    for name, schema in schemas.items():
        if name.endswith("Document"):
            assert set(schema.get("required", [])) <= {"data", "errors"}, name


SOURCE_KEYS = {"PD", "PD-hist", "PAT", "PY", "WP", "PHP", "GO", "KG", "NET", "AE"}


def test_every_bracketed_tag_is_a_source_key_or_a_listed_assumption() -> None:
    import re

    text = SPEC.read_text()
    assumptions = load()["info"]["x-patreon-assumptions"]
    used = set(re.findall(r"\[A:([a-z0-9-]+)\]", text))
    assert used == set(assumptions), "assumptions used and listed differ"
    # A tag opens with a source key: [PD _oauth.md], [PAT] ..., [GO]; fields[...] and page[...] are names.
    tags = {
        match.split()[0].rstrip(";,") for match in re.findall(r"(?<![a-z])\[([A-Z][A-Za-z-]*[^\]]*)\]", text)
    }
    assert {t for t in tags if not t.startswith("A:")} - SOURCE_KEYS == set()


def test_every_scope_rule_cites_its_source() -> None:
    for path_item in load()["paths"].values():
        for operation in path_item.values():
            for rule in operation.get("x-patreon-scope-rules", []):
                assert rule["source"].startswith("["), rule
                assert ("include" in rule) != ("field" in rule), rule


def test_the_coverage_page_is_generated_from_this_spec() -> None:
    from patreon_spec.coverage import render, sources

    # The checkout's page (not one beside an installed patreon_spec: the compiled test run).
    page = Path(__file__).resolve().parents[2] / "docs" / "spec-coverage.md"
    assert page.read_text(encoding="utf-8") == render(load()), "run `make generate`"
    assert sources("x [PD _oauth.md] y (patreon-php#89) [A:page-default-20] fields[user]") == [
        "PD",
        "A:page-default-20",
        "patreon-php#89",
    ]


def test_every_operation_documents_user_agent_and_every_api_answer_the_headers() -> None:
    spec = load()
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            refs = [p.get("$ref") for p in operation.get("parameters", [])]
            assert "#/components/parameters/UserAgent" in refs, (method, path)
            if path.startswith("/api/oauth2/v2/"):
                too_many = _resolved(spec, operation["responses"]["429"])
                assert "Retry-After" in too_many["headers"], (method, path)
                ok = next(r for code, r in operation["responses"].items() if code in {"200", "201", "204"})
                assert "x-patreon-uuid" in ok["headers"], (method, path)


def test_the_four_list_endpoints_take_sort() -> None:
    spec = load()
    lists = [op for op, info in ENDPOINTS.items() if info["collection"]]
    assert sorted(lists) == [
        "list_campaign_members",
        "list_campaign_posts",
        "list_campaigns",
        "list_webhooks",
    ]
    for item in spec["paths"].values():
        for operation in item.values():
            refs = [p.get("$ref") for p in operation.get("parameters", [])]
            has_sort = "#/components/parameters/Sort" in refs
            assert has_sort == (operation["operationId"] in lists), operation["operationId"]


def test_the_catch_all_excludes_exactly_the_described_types() -> None:
    generic = load()["components"]["schemas"]["GenericResource"]["properties"]["type"]
    assert set(generic["not"]["enum"]) == set(RESOURCE_TYPES)
