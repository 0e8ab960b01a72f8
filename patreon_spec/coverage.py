"""The coverage table: what each attribute of each type rests on, generated from the spec.

`python -m patreon_spec.coverage` writes docs/spec-coverage.md (`make generate` and `make
spec-report` run it); with `--check` it fails when the committed page differs from what the spec
gives (`make check-generated`). Per type, each attribute with its JSON type, nullability, the scopes it needs
on which endpoints, and the source tags its description cites (or, when it cites none, the
tags of its type, marked "type"). Facts no source states carry an [A:name] tag, listed at the end.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from patreon_spec.source import load_spec, spec_path

PAGE = Path(__file__).resolve().parents[1] / "docs" / "spec-coverage.md"
REF = "#/components/schemas/"
# A source tag opens with a key of info.description ([PD _oauth.md], [PAT], [A:name]); other
# references name a repository and an issue or pull request (patreon-php#89, PR #66).
_TAG = re.compile(r"(?<![a-z])\[((?:PD-hist|PD|PAT|PY|WP|PHP|GO|KG|NET|AE|A:)[^\]]*)\]")
_ISSUE = re.compile(r"\b((?:[\w.-]+#\d+)|(?:PR #\d+))")


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        node = spec["components"]["schemas"][node["$ref"][len(REF) :]]
    return node


def sources(text: str) -> list[str]:
    """The source tags and issue references a description cites, in order, each once."""
    found = [match.split()[0].rstrip(";,") for match in _TAG.findall(text)]
    found += _ISSUE.findall(text)
    return list(dict.fromkeys(found))


def _json_type(spec: dict[str, Any], schema: dict[str, Any]) -> tuple[str, bool]:
    """`(type text, nullable)`, e.g. ("string (date-time)", True) or ("PatronStatus | string", True)."""
    variants = schema.get("anyOf")
    if variants:
        names: list[str] = []
        nullable = False
        for variant in variants:
            if variant.get("type") == "null":
                nullable = True
            elif "$ref" in variant:
                names.append(variant["$ref"][len(REF) :])
            else:
                names.append(str(variant.get("type")))
        return " | ".join(names), nullable
    raw = schema.get("type")
    kinds = [raw] if isinstance(raw, str) else list(raw or [])
    nullable = "null" in kinds
    base = "/".join(k for k in kinds if k != "null") or "any"
    if base == "array":
        item = _resolve(spec, schema.get("items") or {})
        base = f"array of {item.get('type', 'any')}"
    if schema.get("format"):
        base += f" ({schema['format']})"
    return base, nullable


def _resource_schemas(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    schemas = spec["components"]["schemas"]
    for variant in schemas["IncludedResource"]["anyOf"]:
        schema = _resolve(spec, variant)
        type_prop = (schema.get("properties") or {}).get("type") or {}
        if "const" in type_prop:
            yield str(type_prop["const"]), schema


def _scope_rules(spec: dict[str, Any]) -> dict[tuple[str, str], list[str]]:
    """(type, attribute) -> "scope on operation" texts, from every endpoint's scope rules."""
    found: dict[tuple[str, str], list[str]] = {}
    for path_item in spec["paths"].values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            for rule in operation.get("x-patreon-scope-rules") or []:
                if "field" in rule:
                    type_name, _, attribute = str(rule["field"]).partition(".")
                    text = f"`{rule['scope']}` on {operation['operationId']}"
                    found.setdefault((type_name, attribute), []).append(text)
    return found


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render(spec: dict[str, Any]) -> str:
    scopes = _scope_rules(spec)
    lines = [
        "# Spec coverage: what each fact rests on",
        "",
        "<!-- Generated from spec/patreon-v2.yaml by `make generate` (patreon_spec.coverage); do not edit. -->",
        "",
        "Per resource type, each attribute with its JSON type, whether it can be null, the scopes it needs on",
        "which endpoints, and the sources its description cites. Source keys are listed in",
        "[the spec](../spec/patreon-v2.yaml) (`info.description`); *type* means the attribute cites nothing itself",
        "and rests on its type's sources; `[A:name]` marks an assumption (listed at the end). To check the spec",
        "against your own account, run `patreon spec check` ([the command](cli.md)).",
        "",
    ]
    totals = {"attributes": 0, "own": 0, "assumed": 0}
    for type_name, schema in sorted(_resource_schemas(spec)):
        type_sources = sources(str(schema.get("description") or ""))
        attributes = _resolve(spec, (schema.get("properties") or {}).get("attributes") or {})
        relationships = _resolve(spec, (schema.get("properties") or {}).get("relationships") or {})
        lines += [f"## {type_name}", "", f"Type sources: {', '.join(type_sources) or 'none'}.", ""]
        lines += ["| attribute | JSON type | null | scopes | sources |", "|---|---|---|---|---|"]
        for name, prop in (attributes.get("properties") or {}).items():
            kind, nullable = _json_type(spec, prop)
            own = sources(str(prop.get("description") or ""))
            totals["attributes"] += 1
            totals["own"] += bool(own)
            totals["assumed"] += any(tag.startswith("A:") for tag in own)
            cited = ", ".join(own) if own else "type"
            if prop.get("deprecated"):
                cited += " (deprecated)"
            needs = "; ".join(scopes.get((type_name, name), [])) or "-"
            lines.append(
                f"| {name} | {_cell(kind)} | {'yes' if nullable else ''} | {_cell(needs)} | {_cell(cited)} |"
            )
        rels = [
            f"{rel} → {prop.get('x-patreon-target')}"
            + (" (many)" if str(prop.get("$ref", "")).endswith("ToManyRelationship") else "")
            for rel, prop in (relationships.get("properties") or {}).items()
        ]
        lines += ["", f"Relationships: {', '.join(rels) or 'none'}.", ""]
    lines += ["## Scope rules per endpoint", "", "| operation | rule | scope | source |", "|---|---|---|---|"]
    for path_item in spec["paths"].values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            for rule in operation.get("x-patreon-scope-rules") or []:
                what = f"include {rule['include']}" if "include" in rule else f"fields {rule['field']}"
                if rule.get("advisory"):
                    what += " (advisory)"
                source = " ".join(str(rule["source"]).split())
                lines.append(f"| {operation['operationId']} | {what} | `{rule['scope']}` | {_cell(source)} |")
    lines += [
        "",
        "## Assumptions",
        "",
        "Facts no source states; each is tagged `[A:name]` where the spec uses it.",
        "",
    ]
    for name, text in spec["info"]["x-patreon-assumptions"].items():
        lines.append(f"- **{name}**: {' '.join(str(text).split())}")
    lines += [
        "",
        f"{totals['attributes']} attributes; {totals['own']} cite a source of their own, the rest rest on their "
        f"type's; {totals['assumed']} are marked as assumptions.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m patreon_spec.coverage", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the committed page is out of date")
    parser.add_argument("--output", type=Path, default=PAGE)
    parser.add_argument("--spec", help="the spec file (default: the repository's)")
    args = parser.parse_args(argv)
    text = render(load_spec(spec_path(args.spec)))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run `make generate`", file=sys.stderr)
            return 1
        print(f"{args.output} matches the spec")
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
