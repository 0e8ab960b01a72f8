"""Every list of names follows the spec: a test fails when one of them disagrees with it.

The `fields` Literals, the builders' name checks, the include paths, the scope rules and the
routes are all derived from spec/patreon-v2.yaml (through the generated operation table); the
maintainer's case from the issue, a member attribute added to the attributes schema only, is
generated from a copy of the spec and must reach the Literal with no other edit.
"""

from __future__ import annotations

import ast
import importlib
import typing
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.build import derived
from patreon_generated import Patreon, raw
from patreon_generated.routing import match
from patreon_generated.schema import ENDPOINTS, RESOURCE_TYPES
from patreon_sandbox import Sandbox
from patreon_spec import live
from tests.integration.clients import creator

from .maintainer import generate, load, with_member_attribute


def _literal_values(module: ast.Module, alias: str) -> list[str]:
    """The string values of `alias: TypeAlias = Literal[...]` in a generated module's AST."""
    for node in module.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == alias:
            assert isinstance(node.value, ast.Subscript)
            elements = (
                node.value.slice.elts if isinstance(node.value.slice, ast.Tuple) else [node.value.slice]
            )
            return [e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    raise AssertionError(f"no Literal alias {alias}")


def test_a_new_member_attribute_reaches_the_literal_with_no_other_edit(tmp_path: Path) -> None:
    package = generate(with_member_attribute(load(), "is_founding_member"), tmp_path)
    member_field = _literal_values(ast.parse((package / "raw.py").read_text()), "MemberField")
    assert "is_founding_member" in member_field
    # The same name everywhere else the spec's attributes go: the builders' run-time check, the typed
    # property, the schema table the sandbox serves from.
    assert '"is_founding_member"' in (package / "api" / "members" / "list_campaign_members.py").read_text()
    assert "def is_founding_member(self) -> bool | None:" in (package / "resources.py").read_text()
    assert '"is_founding_member": {' in (package / "schema.py").read_text()
    # ... and the committed package does not have it: the copy, not the checkout, was changed.
    assert "is_founding_member" not in typing.get_args(raw.MemberField)


def test_field_names_listed_by_hand_beside_the_attributes_are_refused() -> None:
    spec = load()
    spec["components"]["schemas"]["MemberField"]["enum"] = ["full_name"]
    with pytest.raises(SystemExit, match="MemberField lists attribute names by hand"):
        derived(spec)


def test_a_fields_parameter_must_name_its_types_field_schema() -> None:
    spec = load()
    spec["components"]["parameters"]["FieldsMember"]["schema"]["items"]["$ref"] = (
        "#/components/schemas/UserField"
    )
    with pytest.raises(SystemExit, match=r"fields\[member\] must list items of a schema marked"):
        derived(spec)


def test_each_field_literal_is_its_types_attributes() -> None:
    for type_name, info in RESOURCE_TYPES.items():
        alias = getattr(raw, info["class_name"] + "Field", None)
        if alias is None:
            assert not any(type_name in e["fields"] for e in ENDPOINTS.values()), type_name
            continue
        assert list(typing.get_args(alias)) == list(info["attributes"]), type_name


def _builder(operation: str) -> Any:
    return importlib.import_module(f"patreon_generated.api.{ENDPOINTS[operation]['namespace']}.{operation}")


@pytest.mark.parametrize("operation", sorted(ENDPOINTS))
def test_each_builder_checks_names_against_the_spec(operation: str) -> None:
    info = ENDPOINTS[operation]
    builder = _builder(operation)
    assert info["method"] == builder.METHOD
    assert {
        "scopes": info["scopes"],
        "include_scopes": info["include_scopes"],
        "field_scopes": info["field_scopes"],
    } == builder.SCOPE_RULES
    if info["method"] != "GET":
        return
    assert getattr(builder, "INCLUDES", ()) == info["includes"]
    fields = getattr(builder, "FIELDS", {})
    assert list(fields) == list(info["fields"])
    for type_name, names in fields.items():
        assert list(names) == list(RESOURCE_TYPES[type_name]["attributes"]), (operation, type_name)


@pytest.mark.parametrize("operation", sorted(ENDPOINTS))
def test_each_include_path_follows_relationships_of_the_spec(operation: str) -> None:
    info = ENDPOINTS[operation]
    for path in info["includes"]:
        type_name = info["resource_type"]
        assert type_name is not None
        for step in path.split("."):
            relationship = RESOURCE_TYPES[type_name]["relationships"].get(step)
            assert relationship is not None, f"{operation}: include {path}: {type_name} has no {step}"
            type_name = relationship["target"]
    for include in info["include_scopes"]:
        assert include in info["includes"], (operation, include)
    for type_name, rules in info["field_scopes"].items():
        assert set(rules) <= set(RESOURCE_TYPES[type_name]["attributes"]), (operation, type_name)


@pytest.mark.parametrize("operation", sorted(ENDPOINTS))
def test_each_route_of_the_spec_matches_its_operation(operation: str) -> None:
    info = ENDPOINTS[operation]
    path = info["path"].replace("{", "x-").replace("}", "")
    found = match(info["method"], path)
    assert isinstance(found, tuple) and found[0] == operation, (operation, found)


def test_each_operation_is_the_method_the_table_names() -> None:
    client = Patreon(token="t", transport=httpx.MockTransport(lambda request: httpx.Response(500)))
    for operation, info in ENDPOINTS.items():
        namespace = getattr(client, info["namespace"])
        for name in (info["method_name"], *info["paging_names"]):
            assert callable(getattr(namespace, name)), (operation, name)
        assert bool(info["paging_names"]) == (info["collection"] and info["method"] == "GET"), operation


def test_the_live_check_calls_what_the_operation_table_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without list_campaign_posts in the table, the run neither calls it nor finds a post to get."""
    table = {op: info for op, info in ENDPOINTS.items() if op != "list_campaign_posts"}
    monkeypatch.setattr(live, "ENDPOINTS", table)
    with Sandbox(seed=11, members=6) as sandbox:
        report = live.LiveCheck(creator(sandbox), granted=None, min_interval=0).run()
    called = {call.operation for call in report.calls}
    assert called == {op for op, info in table.items() if info["method"] == "GET"} - {"get_post", "get_live"}
    assert report.skipped["get_post"] == "no post id (posts have no list endpoint; pass --post-id)"
    assert report.skipped["get_live"] == "no live id (lives have no list endpoint; pass --live-id)"


def test_the_live_check_says_why_an_operation_was_not_called() -> None:
    with Sandbox(seed=11, members=6) as sandbox:
        report = live.LiveCheck(creator(sandbox), granted=frozenset({"identity"}), min_interval=0).run()
    assert {call.operation for call in report.calls} == {"get_identity"}
    assert report.skipped["list_campaigns"] == "the token lacks campaigns"
    assert report.skipped["list_campaign_members"] == "no campaign to list it for"
    assert report.skipped["get_campaign"] == "the list it comes from was empty or not called"
    assert report.skipped["list_webhooks"] == "the token lacks w:campaigns.webhook"
