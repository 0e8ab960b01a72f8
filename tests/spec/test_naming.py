"""Two operations that would share a Python name fail the build, naming both and the rule.

The issue's case: a paged GET `campaigns/{campaign_id}/benefits` under the `campaigns` tag used to
take over `client.campaigns.list`, `pages` and `iterate` without a word.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import spec_model
from generator.build import operations

from .maintainer import generate, load, with_campaign_benefits


def test_a_second_list_under_one_tag_fails_the_build_naming_both_and_the_rule(tmp_path: Path) -> None:
    spec = with_campaign_benefits(load())
    with pytest.raises(SystemExit) as failed:
        generate(spec, tmp_path)
    message = str(failed.value.code)
    assert "list_campaigns and list_campaign_benefits would both be `client.campaigns.list`" in message
    # The paging twins clash too, and every clash is listed at once.
    assert "`client.campaigns.pages`" in message and "`client.campaigns.iterate`" in message
    assert "first word of its operationId" in message and "x-patreon-method" in message
    assert not (tmp_path / "patreon_generated").exists()  # refused before anything is written


def test_x_patreon_method_chooses_another_name_and_keeps_the_old_methods(tmp_path: Path) -> None:
    spec = with_campaign_benefits(load(), method="list_benefits")
    names = {e.operation_id: e.python_names for e in operations(spec)}
    assert names["list_campaign_benefits"] == ("list_benefits", "pages_benefits", "iterate_benefits")
    assert names["list_campaigns"] == ("list", "pages", "iterate")
    package = generate(spec, tmp_path)
    namespace = (package / "api" / "campaigns" / "__init__.py").read_text()
    assert "def list_benefits(" in namespace and "def pages_benefits(" in namespace
    assert "-> CollectionDocument[Campaign]:" in namespace  # `list` still lists campaigns
    assert "-> CollectionDocument[Benefit]:" in namespace
    # Each twin follows its own list (the formatter may break the line after the parenthesis).
    assert re.search(r"return self\._iterate\(\s*self\.pages_benefits\(", namespace)


def test_a_paged_method_name_must_start_with_list() -> None:
    spec = with_campaign_benefits(load(), method="benefits")
    with pytest.raises(SystemExit, match=r"list_campaign_benefits: a paged GET's method name must be `list`"):
        operations(spec)


def test_a_tag_that_would_shadow_a_client_attribute_is_refused() -> None:
    spec = with_campaign_benefits(load(), tag="options")
    with pytest.raises(
        SystemExit, match=r"tag 'options' \(list_campaign_benefits\) would become `client.options`"
    ):
        operations(spec)


def test_the_committed_spec_names_every_method_by_the_rule() -> None:
    found = operations(load())
    assert {(e.tag, e.method_name) for e in found} >= {("members", "list"), ("webhooks", "delete")}
    assert all(e.method_name == e.operation_id.split("_")[0] for e in found)
    spec_model.check_names(found)  # no clash today


def test_an_endpoint_under_a_new_tag_gets_its_own_namespace(tmp_path: Path) -> None:
    package = generate(with_campaign_benefits(load(), tag="benefits"), tmp_path)
    client = (package / "client.py").read_text()
    assert "def benefits(self) -> BenefitsResource:" in client
    assert "def benefits(self) -> AsyncBenefitsResource:" in client
    namespace = (package / "api" / "benefits" / "__init__.py").read_text()
    assert "class BenefitsResource(Namespace):" in namespace and "def list(" in namespace
    assert '"namespace": "benefits"' in (package / "schema.py").read_text()
