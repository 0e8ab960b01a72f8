"""Emit the plain-data modules: the schema table and the Literal types."""

from __future__ import annotations

import pprint

from generator.spec_model import Endpoint, ResourceType, pascal


def _data(value: object) -> str:
    return pprint.pformat(value, width=100, sort_dicts=False)


def schema_module(
    types: dict[str, ResourceType],
    endpoints: list[Endpoint],
    scopes: dict[str, str],
    triggers: dict[str, str],
) -> str:
    resource_table = {
        t.type_name: {
            "class_name": t.class_name,
            "attributes": {
                a.name: {
                    "json_type": a.json_type,
                    "format": a.format,
                    "nullable": a.nullable,
                    "enum": a.enum_values,
                    "items": a.items,
                    "deprecated": a.deprecated,
                }
                for a in t.attributes
            },
            "relationships": {r.name: {"target": r.target, "many": r.many} for r in t.relationships},
        }
        for t in types.values()
    }
    endpoint_table = {
        e.operation_id: {
            "method": e.method,
            "path": e.path,
            "resource_type": e.resource,
            "collection": e.collection,
            "includes": tuple(e.includes),
            "include_scopes": e.include_scopes,
            "field_scopes": e.field_scopes,
            "advisory_includes": tuple(e.advisory_includes),
            "fields": tuple(e.fields_types),
            "scopes": tuple(e.scopes),
            "page_max": e.page_max,
            "page_max_with": e.page_max_with,
            "page_default": e.page_default,
            "early_access": e.early_access,
        }
        for e in endpoints
    }
    return f'''"""The Patreon v2 API as plain Python data: types, attributes, relationships, endpoints, scopes.

Read by the sandbox (to build and serve a world) and by scope checks; nothing here imports httpx.
"""

from __future__ import annotations

from typing import Final, TypedDict


class AttributeInfo(TypedDict):
    """One attribute: its JSON type, format, nullability, known enum values (scopes are per endpoint)."""

    json_type: str
    format: str | None
    nullable: bool
    enum: tuple[str, ...] | None
    items: str | None
    deprecated: bool


class RelationshipInfo(TypedDict):
    """One relationship: the JSON:API type it points at and whether it is to-many."""

    target: str
    many: bool


class ResourceTypeInfo(TypedDict):
    """One JSON:API resource type."""

    class_name: str
    attributes: dict[str, AttributeInfo]
    relationships: dict[str, RelationshipInfo]


class EndpointInfo(TypedDict):
    """One operation: where it lives, what it returns, includes, fields, scopes, page limits."""

    method: str
    path: str
    resource_type: str | None
    collection: bool
    includes: tuple[str, ...]
    include_scopes: dict[str, str]
    field_scopes: dict[str, dict[str, str]]
    advisory_includes: tuple[str, ...]
    fields: tuple[str, ...]
    scopes: tuple[str, ...]
    page_max: int | None
    page_max_with: dict[str, int]
    page_default: int | None
    early_access: bool


RESOURCE_TYPES: Final[dict[str, ResourceTypeInfo]] = {_data(resource_table)}

ENDPOINTS: Final[dict[str, EndpointInfo]] = {_data(endpoint_table)}

SCOPES: Final[dict[str, str]] = {_data(scopes)}

# Trigger -> JSON:API type of the payload's primary data.
WEBHOOK_TRIGGERS: Final[dict[str, str]] = {_data(triggers)}
'''


def _literal(values: list[str] | tuple[str, ...]) -> str:
    return "Literal[" + ", ".join(repr(v) for v in values) + "]"


def literals_module(
    types: dict[str, ResourceType], endpoints: list[Endpoint], enums: dict[str, list[str]]
) -> str:
    lines = [
        '"""Literal types: attribute names per type, includes and fields per endpoint, enum values."""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Sequence",
        "from typing import Literal, TypeAlias, TypedDict",
        "",
        "# Enums as Patreon documents them. Attributes read them as `X | str`: new values never break.",
    ]
    for name, values in sorted(enums.items()):
        lines.append(f"{name}: TypeAlias = {_literal(values)}")
    lines += ["", "# Attribute names of each resource type (the values of `fields[TYPE]`)."]
    for t in types.values():
        names = [a.name for a in t.attributes]
        if names:
            lines.append(f"{t.class_name}Field: TypeAlias = {_literal(names)}")
    for e in endpoints:
        base = pascal(e.operation_id)
        if e.includes:
            lines += ["", f"{base}Include: TypeAlias = {_literal(e.includes)}"]
        if e.fields_types:
            entries = ", ".join(f"{t!r}: Sequence[{types[t].class_name}Field]" for t in e.fields_types)
            lines += [
                "",
                f'{base}Fields = TypedDict("{base}Fields", {{{entries}}}, total=False)',
                f'"""`fields[TYPE]` for {e.operation_id}: JSON:API type -> attribute names."""',
            ]
    return "\n".join(lines) + "\n"
