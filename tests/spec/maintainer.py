"""A maintainer's edits to a copy of the spec, generated into a temporary folder (never the checkout).

Each helper returns a modified copy of spec/patreon-v2.yaml as plain data; `generate` runs the
real build (`generator.build.build`, what `make generate` runs) on it.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from generator.build import SPEC, build

V2 = "/api/oauth2/v2"


def load() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SPEC.read_bytes())
    return spec


def with_member_attribute(spec: dict[str, Any], name: str) -> dict[str, Any]:
    """A new member attribute, added where the workflow in docs/regenerate.md says: the attributes schema."""
    changed = copy.deepcopy(spec)
    attributes = changed["components"]["schemas"]["MemberAttributes"]["properties"]
    attributes[name] = {
        "type": ["boolean", "null"],
        "description": "A test attribute (tests/spec/maintainer.py).",
    }
    return changed


def with_campaign_benefits(
    spec: dict[str, Any], *, method: str | None = None, tag: str = "campaigns"
) -> dict[str, Any]:
    """The issue's example: a paged GET `campaigns/{campaign_id}/benefits`, by default under `campaigns`.

    It is list_campaigns' operation with a path parameter and another resource type, edited as the
    new-endpoint checklist in docs/regenerate.md says: its own include enum (benefit's relationships),
    its own `fields[TYPE]` parameters and a `BenefitCollectionDocument` answer. `method` sets
    `x-patreon-method`.
    """
    changed = copy.deepcopy(spec)
    schemas = changed["components"]["schemas"]
    operation = copy.deepcopy(changed["paths"][f"{V2}/campaigns"]["get"])
    operation["operationId"] = "list_campaign_benefits"
    operation["tags"] = [tag]
    operation["summary"] = "List a campaign's benefits"
    operation["x-patreon-resource"] = "benefit"
    fields = [f"#/components/parameters/Fields{name}" for name in ("Benefit", "Campaign", "Tier")]
    parameters = [p for p in operation["parameters"] if "Fields" not in p.get("$ref", "")]
    for parameter in parameters:
        if parameter.get("name") == "include":
            parameter["description"] = "Benefit relationships (tests/spec/maintainer.py)."
            parameter["schema"]["items"]["$ref"] = "#/components/schemas/ListCampaignBenefitsInclude"
    parameters[2:2] = [{"$ref": ref} for ref in fields]
    parameters.insert(
        1, {"name": "campaign_id", "in": "path", "required": True, "schema": {"type": "string"}}
    )
    operation["parameters"] = parameters
    schemas["ListCampaignBenefitsInclude"] = {
        "type": "string",
        "description": "Include paths accepted by ListCampaignBenefits (tests/spec/maintainer.py).",
        "enum": ["campaign", "tiers"],
    }
    document = copy.deepcopy(schemas["CampaignCollectionDocument"])
    document["description"] = "A page of benefit resources (tests/spec/maintainer.py)."
    document["properties"]["data"]["items"]["$ref"] = "#/components/schemas/Benefit"
    schemas["BenefitCollectionDocument"] = document
    answer = operation["responses"]["200"]
    answer["content"]["application/json"]["schema"]["$ref"] = "#/components/schemas/BenefitCollectionDocument"
    if method is not None:
        operation["x-patreon-method"] = method
    if tag not in {t["name"] for t in changed["tags"]}:
        changed["tags"].append({"name": tag, "description": "A new tag (tests/spec/maintainer.py)."})
    changed["paths"][f"{V2}/campaigns/{{campaign_id}}/benefits"] = {"get": operation}
    return changed


def with_founders_tag(spec: dict[str, Any]) -> dict[str, Any]:
    """A paged GET under a tag the spec does not have yet: `campaigns/{campaign_id}/founders`, tag `founders`.

    It answers members (list_campaign_members' operation, with its own include enum), so
    `client.founders.list(...)` takes `fields={"member": [...]}` like `client.members.list`.
    """
    changed = copy.deepcopy(spec)
    schemas = changed["components"]["schemas"]
    operation = copy.deepcopy(changed["paths"][f"{V2}/campaigns/{{campaign_id}}/members"]["get"])
    operation["operationId"] = "list_campaign_founders"
    operation["tags"] = ["founders"]
    operation["summary"] = "List a campaign's founding members"
    for parameter in operation["parameters"]:
        if parameter.get("name") == "include":
            parameter["schema"]["items"]["$ref"] = "#/components/schemas/ListCampaignFoundersInclude"
    include = copy.deepcopy(schemas["ListCampaignMembersInclude"])
    include["description"] = "Include paths accepted by ListCampaignFounders (tests/spec/maintainer.py)."
    schemas["ListCampaignFoundersInclude"] = include
    changed["tags"].append({"name": "founders", "description": "A new tag (tests/spec/maintainer.py)."})
    changed["paths"][f"{V2}/campaigns/{{campaign_id}}/founders"] = {"get": operation}
    return changed


def generate(spec: dict[str, Any], tmp_path: Path) -> Path:
    """Run the build on `spec` (written next to the output); the generated package's folder."""
    spec_file = tmp_path / "patreon-v2.yaml"
    spec_file.write_text(yaml.safe_dump(spec, sort_keys=False))
    target = tmp_path / "patreon_generated"
    build(target, spec_file)
    return target
