"""One member as a CSV row or a JSON record, its related resources resolved from the same page."""

from __future__ import annotations

import json
from typing import Any

from patreon_cli.export.selection import Selection
from patreon_runtime.errors import NotRequestedError
from patreon_runtime.jsonapi import DocumentBase, Resource

# Several related values (tiers) share one CSV cell; a semicolon survives spreadsheets' comma splitting.
MANY_SEPARATOR = "; "


def csv_header(selection: Selection) -> list[str]:
    header = ["id", *selection.member_fields]
    for relation in selection.related:
        header.append(f"{relation.name}.id")
        header += [f"{relation.name}.{name}" for name in relation.fields]
    return header


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _attributes(resource: Resource) -> dict[str, Any]:
    raw = resource.raw.get("attributes")
    return raw if isinstance(raw, dict) else {}


def _related(page: DocumentBase, member: Resource, name: str) -> list[Resource]:
    try:
        found = page.related_raw(member, name)
    except NotRequestedError:  # asked for, yet this member came without it
        return []  # an empty cell, not a failed export
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


def csv_row(page: DocumentBase, member: Resource, selection: Selection) -> list[str]:
    attributes = _attributes(member)
    row = [member.id, *(_cell(attributes.get(name)) for name in selection.member_fields)]
    for relation in selection.related:
        targets = _related(page, member, relation.name)
        row.append(MANY_SEPARATOR.join(target.id for target in targets))
        for name in relation.fields:
            row.append(MANY_SEPARATOR.join(_cell(_attributes(target).get(name)) for target in targets))
    return row


def _resource_record(resource: Resource) -> dict[str, Any]:
    return {"type": resource.type, "id": resource.id, "attributes": _attributes(resource)}


def json_record(page: DocumentBase, member: Resource, selection: Selection) -> dict[str, Any]:
    """The member's attributes exactly as Patreon sent them, with its related resources inlined."""
    related: dict[str, Any] = {}
    for relation in selection.related:
        targets = [_resource_record(target) for target in _related(page, member, relation.name)]
        related[relation.name] = targets if relation.many else (targets[0] if targets else None)
    record = _resource_record(member)
    if selection.related:
        record["related"] = related
    return record
