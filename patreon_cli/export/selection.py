"""Which member attributes and related resources to export, checked against the spec's schema table.

Checking up front turns a typo (`--fields ful_name`) into a usage error before any request, and
fixes the CSV columns before the first row, which is what lets rows stream.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from patreon_cli.failures import USAGE, CLIError
from patreon_generated.schema import ENDPOINTS, RESOURCE_TYPES
from patreon_runtime.pagination import largest_page

ENDPOINT = ENDPOINTS["list_campaign_members"]
PRIMARY_TYPE = "member"
DEFAULT_INCLUDES = ("currently_entitled_tiers", "user")
# What people usually want next to a member: which tier, at what price.
DEFAULT_RELATED_FIELDS: Mapping[str, tuple[str, ...]] = {"tier": ("title", "amount_cents")}


@attrs.frozen
class Related:
    """One included relationship and the attributes exported for its target type."""

    name: str
    target: str
    many: bool
    fields: tuple[str, ...]


@attrs.frozen
class Selection:
    """Member attributes, then one block of columns per included relationship, in order."""

    member_fields: tuple[str, ...]
    related: tuple[Related, ...]

    @property
    def includes(self) -> list[str]:
        return [relation.name for relation in self.related]

    def api_fields(self) -> dict[str, list[str]]:
        """The `fields[TYPE]` to request: exactly what is exported, so pages stay small."""
        fields: dict[str, list[str]] = {PRIMARY_TYPE: list(self.member_fields)}
        for relation in self.related:
            if relation.fields:
                fields.setdefault(relation.target, [])
                fields[relation.target] += [f for f in relation.fields if f not in fields[relation.target]]
        return fields

    def page_size(self) -> int:
        """The largest page Patreon allows for these includes (1000, or 500 with pledge_history)."""
        # The same rule as members.pages() without count; spelled out so the progress bar knows it.
        return largest_page(ENDPOINT["page_max"], ENDPOINT["page_max_with"], self.includes) or 1000


def _attributes_of(resource_type: str) -> list[str]:
    attributes = RESOURCE_TYPES[resource_type]["attributes"]
    return [name for name, info in attributes.items() if not info["deprecated"]]


def _split(values: Sequence[str]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _parse_fields(values: Sequence[str]) -> dict[str, list[str]]:
    """`a,b` means member attributes; `TYPE=a,b` names another type (`tier=title`)."""
    by_type: dict[str, list[str]] = {}
    for value in values:
        resource_type, sep, names = value.partition("=")
        if not sep:
            resource_type, names = PRIMARY_TYPE, value
        resource_type = resource_type.strip()
        if resource_type not in ENDPOINT["fields"]:
            raise CLIError(
                f"--fields: members export has no resource type {resource_type!r}",
                USAGE,
                hint=f"types: {', '.join(ENDPOINT['fields'])}",
            )
        known = RESOURCE_TYPES[resource_type]["attributes"]
        chosen = by_type.setdefault(resource_type, [])
        for name in _split([names]):
            if name not in known:
                raise CLIError(
                    f"--fields: {resource_type} has no attribute {name!r}",
                    USAGE,
                    hint=f"{resource_type} attributes: {', '.join(known)}",
                )
            if name not in chosen:
                chosen.append(name)
    return by_type


def parse_selection(fields: Sequence[str] | None, include: Sequence[str] | None) -> Selection:
    """Build the selection from repeated `--fields` and `--include` values, with sensible defaults."""
    by_type = _parse_fields(fields or ())
    if include is None:
        includes = list(DEFAULT_INCLUDES)
        for resource_type, names in DEFAULT_RELATED_FIELDS.items():
            by_type.setdefault(resource_type, list(names))
    else:
        includes = list(dict.fromkeys(_split(include)))
    for name in includes:
        if name not in ENDPOINT["includes"]:
            raise CLIError(
                f"--include: members have no relationship {name!r}",
                USAGE,
                hint=f"relationships: {', '.join(ENDPOINT['includes'])}",
            )
    relationships = RESOURCE_TYPES[PRIMARY_TYPE]["relationships"]
    related = tuple(
        Related(
            name=name,
            target=relationships[name]["target"],
            many=relationships[name]["many"],
            fields=tuple(by_type.get(relationships[name]["target"], ())),
        )
        for name in includes
    )
    member_fields = tuple(by_type.get(PRIMARY_TYPE) or _attributes_of(PRIMARY_TYPE))
    return Selection(member_fields=member_fields, related=related)
