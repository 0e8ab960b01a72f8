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

    It is list_campaigns' operation with a path parameter and another resource type, so it is a
    complete operation the generator can render; `method` sets `x-patreon-method`.
    """
    changed = copy.deepcopy(spec)
    operation = copy.deepcopy(changed["paths"][f"{V2}/campaigns"]["get"])
    operation["operationId"] = "list_campaign_benefits"
    operation["tags"] = [tag]
    operation["summary"] = "List a campaign's benefits"
    operation["x-patreon-resource"] = "benefit"
    operation["parameters"].insert(
        1, {"name": "campaign_id", "in": "path", "required": True, "schema": {"type": "string"}}
    )
    if method is not None:
        operation["x-patreon-method"] = method
    if tag not in {t["name"] for t in changed["tags"]}:
        changed["tags"].append({"name": tag, "description": "A new tag (tests/spec/maintainer.py)."})
    changed["paths"][f"{V2}/campaigns/{{campaign_id}}/benefits"] = {"get": operation}
    return changed


def generate(spec: dict[str, Any], tmp_path: Path) -> Path:
    """Run the build on `spec` (written next to the output); the generated package's folder."""
    spec_file = tmp_path / "patreon-v2.yaml"
    spec_file.write_text(yaml.safe_dump(spec, sort_keys=False))
    target = tmp_path / "patreon_generated"
    build(target, spec_file)
    return target
