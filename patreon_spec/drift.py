"""Compare live answers with the spec and describe the drift without quoting any value.

Input: the HTTP exchanges of a check run. Output: findings, each a kind, the operation, a JSON
path with list indexes folded to `[*]` (and the resource type, e.g. `included[*](tier)`), what the
spec says and the JSON type that came back, and how often. Two checks run on every answer:

- the spec's validator (`patreon_spec.conformance`, the one the test suite runs on the sandbox):
  JSON types, nullability, shapes;
- a walk of every resource against the schema table: types, attributes, relationships and enum
  values the spec does not know, which the validator accepts on purpose (open enums, extra
  attributes) so that clients never break on them;
- how the resources link (patreon_spec.linkage), reported as kind `linkage`.

Across all answers it also counts, per type, how often each requested attribute came back and
how often it was null; documented attributes that were asked for and never came back are listed.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx

from patreon_generated.schema import ENDPOINTS, RESOURCE_TYPES
from patreon_spec.conformance import Mismatch, json_type, linkage_problems, mismatches

# Enum values are Patreon's vocabulary (patron_status, last_charge_status...), not member data, so
# an unknown one is named; anything that does not look like a vocabulary word is not shown.
_VOCABULARY = re.compile(r"^[A-Za-z][A-Za-z0-9_ :.-]{0,39}$")
NOT_SHOWN = "(not shown)"

KINDS = {
    "type-mismatch": "a value of another JSON type than the spec says",
    "nullability": "null where the spec says the attribute is never null",
    "shape": "a document that breaks the spec in another way",
    "unknown-type": "a resource type the spec does not describe",
    "unknown-attribute": "an attribute the spec does not list for its type",
    "unknown-relationship": "a relationship the spec does not list for its type",
    "unknown-enum-value": "an enum value the spec does not list",
    "linkage": "resources that link wrongly: a type the include paths never reach, a linkage of "
    "another type than its relationship's target, a duplicate, an included resource nothing links to",
    "never-seen": "a documented attribute that was asked for and never came back",
}
FAILING_KINDS = frozenset(KINDS) - {"never-seen"}


@dataclass(frozen=True, order=True)
class Finding:
    """One kind of drift at one place; `detail` names types (and enum words), never a value."""

    kind: str
    operation: str
    path: str
    detail: str


@dataclass
class AttributeCount:
    """How often an attribute was asked for, came back, and came back null."""

    requested: int = 0
    present: int = 0
    null: int = 0


@dataclass
class Call:
    """One HTTP call of the run: what it was and what came back (status and counts only)."""

    operation: str
    method: str
    status: int
    resources: int = 0


@dataclass
class DriftReport:
    """Everything a run found: findings with counts, the calls made, attribute coverage."""

    calls: list[Call] = field(default_factory=list)
    findings: Counter[Finding] = field(default_factory=Counter)
    coverage: dict[str, dict[str, AttributeCount]] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)  # operation -> why it was not called

    @property
    def drift(self) -> list[tuple[Finding, int]]:
        return sorted((f, n) for f, n in self.findings.items() if f.kind in FAILING_KINDS)

    @property
    def unseen(self) -> list[Finding]:
        return sorted(f for f in self.findings if f.kind == "never-seen")

    def has_drift(self, *, unseen_counts: bool = False) -> bool:
        return bool(self.drift) or (unseen_counts and bool(self.unseen))


def _operation_of(request: httpx.Request) -> str | None:
    from patreon_generated.routing import match

    found = match(request.method, request.url.path)
    return found[0] if isinstance(found, tuple) else None


def _requested_fields(request: httpx.Request) -> dict[str, list[str]]:
    wanted: dict[str, list[str]] = {}
    for key, value in parse_qsl(request.url.query.decode()):
        if key.startswith("fields[") and key.endswith("]"):
            wanted[key[7:-1]] = [name for name in value.split(",") if name]
    return wanted


def _json_path(body: Any, path: Iterable[str | int]) -> str:
    """`included[*](tier).attributes.amount_cents`: indexes folded, the resource type named."""
    text = ""
    node = body
    parts = list(path)
    for position, part in enumerate(parts):
        if isinstance(part, int):
            text += "[*]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            resource_type = node.get("type") if isinstance(node, dict) else None
            if position <= 1 and isinstance(resource_type, str) and _VOCABULARY.match(resource_type):
                text += f"({resource_type})"
        else:
            text += ("." if text else "") + str(part)
            node = node.get(part) if isinstance(node, dict) else None
            resource_type = node.get("type") if position == 0 and isinstance(node, dict) else None
            if part == "data" and isinstance(resource_type, str) and _VOCABULARY.match(resource_type):
                text += f"({resource_type})"
    return text or "(document)"


def _classify(mismatch: Mismatch) -> str:
    if mismatch.seen == "null" and mismatch.keyword in {"type", "anyOf", "oneOf"}:
        return "nullability"
    if mismatch.keyword == "not" and mismatch.path and mismatch.path[-1] == "type":
        return "shape"
    if mismatch.keyword in {"type", "anyOf", "oneOf"}:
        return "type-mismatch"
    return "shape"


def _resources(body: Mapping[str, Any]) -> Iterable[tuple[str, dict[str, Any]]]:
    data = body.get("data")
    items = data if isinstance(data, list) else [data]
    for item in items:
        if isinstance(item, dict):
            yield ("data[*]" if isinstance(data, list) else "data"), item
    for item in body.get("included") or []:
        if isinstance(item, dict):
            yield "included[*]", item


def _word(value: Any) -> str:
    return value if isinstance(value, str) and _VOCABULARY.match(value) else NOT_SHOWN


class DriftCheck:
    """Feed it exchanges (`add`), then read `report`."""

    def __init__(self, spec: Path | None = None) -> None:
        self.report = DriftReport()
        self.spec = spec
        self._requested_types: set[str] = set()

    def skip(self, operation: str, why: str) -> None:
        self.report.skipped[operation] = why

    def add(self, request: httpx.Request, response: httpx.Response) -> None:
        operation = _operation_of(request) or request.url.path
        call = Call(operation, request.method, response.status_code)
        self.report.calls.append(call)
        if not response.is_success or response.status_code == 204:
            return
        findings = self.report.findings
        try:
            body = json.loads(response.content)
        except ValueError:
            findings[Finding("shape", operation, "(document)", "not JSON")] += 1
            return
        for mismatch in mismatches(request, response, self.spec):
            detail = f"spec: {mismatch.expected}; seen: {mismatch.seen}"
            findings[Finding(_classify(mismatch), operation, _json_path(body, mismatch.path), detail)] += 1
        for broken in linkage_problems(request, response):
            detail = f"{broken.rule}: spec: {broken.expected}; seen: {_word(broken.seen)}"
            findings[Finding("linkage", operation, _json_path(body, broken.path), detail)] += 1
        if not isinstance(body, dict):
            return
        requested = _requested_fields(request)
        self._requested_types.update(requested)
        for place, resource in _resources(body):
            call.resources += 1
            self._walk(operation, place, resource, requested)

    def _walk(
        self, operation: str, place: str, resource: dict[str, Any], requested: Mapping[str, list[str]]
    ) -> None:
        findings = self.report.findings
        type_name = resource.get("type")
        if not isinstance(type_name, str):
            return  # the validator reports a missing or non-string type
        info = RESOURCE_TYPES.get(type_name)
        where = f"{place}({_word(type_name)})"
        if info is None:
            findings[Finding("unknown-type", operation, where, f"type {_word(type_name)}")] += 1
            return
        attributes = resource.get("attributes")
        attributes = attributes if isinstance(attributes, dict) else {}
        for name, value in attributes.items():
            known = info["attributes"].get(name)
            path = f"{where}.attributes.{_word(name)}"
            if known is None:
                findings[Finding("unknown-attribute", operation, path, f"seen: {json_type(value)}")] += 1
            elif known["enum"] and isinstance(value, str) and value not in known["enum"]:
                findings[Finding("unknown-enum-value", operation, path, f"value {_word(value)}")] += 1
        relationships = resource.get("relationships")
        for name in relationships if isinstance(relationships, dict) else {}:
            if name not in info["relationships"]:
                findings[
                    Finding("unknown-relationship", operation, f"{where}.relationships.{_word(name)}", "")
                ] += 1
        counts = self.report.coverage.setdefault(type_name, {})
        for name in requested.get(type_name, []):
            if name not in info["attributes"]:
                continue
            count = counts.setdefault(name, AttributeCount())
            count.requested += 1
            if name in attributes:
                count.present += 1
                count.null += attributes[name] is None

    def finish(self) -> DriftReport:
        """Add the documented attributes that were asked for and never came back."""
        for type_name, counts in sorted(self.report.coverage.items()):
            for name, count in sorted(counts.items()):
                if count.requested and not count.present:
                    finding = Finding("never-seen", "*", f"{type_name}.attributes.{name}", "")
                    self.report.findings[finding] = count.requested
        for type_name in sorted(self._requested_types - set(self.report.coverage)):
            if type_name in RESOURCE_TYPES:
                finding = Finding("never-seen", "*", type_name, "no resource of this type came back")
                self.report.findings[finding] = 1
        return self.report


def readable_operations() -> list[str]:
    """The GET operations of the spec, in the table's order."""
    return [op for op, info in ENDPOINTS.items() if info["method"] == "GET"]
