"""The generated schema table as the sandbox reads it: types, attributes, endpoints, routes.

Everything the sandbox serves is driven by ``patreon_generated.schema`` so that an attribute
added to the spec shows up here without hand work. The only hand-written data is
``_MISSING_ATTRIBUTES``: facts the spec has but the current table lost (see its comment); it
only ever adds names the table lacks, so a fixed generator makes it a no-op.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from patreon_generated.schema import ENDPOINTS, RESOURCE_TYPES, SCOPES, WEBHOOK_TRIGGERS, AttributeInfo

__all__ = [
    "ALL_SCOPES",
    "ENDPOINTS",
    "RESOURCE_TYPES",
    "WEBHOOK_TRIGGERS",
    "Route",
    "attributes_of",
    "match_route",
    "relationships_of",
]


def _attr(
    json_type: str, *, fmt: str | None = None, nullable: bool = False, enum: tuple[str, ...] | None = None
) -> AttributeInfo:
    return {
        "json_type": json_type,
        "format": fmt,
        "nullable": nullable,
        "enum": enum,
        "items": "string" if json_type == "array" else None,
        "scope": None,
        "deprecated": False,
    }


# The schema table built from spec 6aa621a keeps, for `webhook` and `live`, the attributes of the
# *request* bodies (WebhookUpdateAttributes, LiveUpdateAttributes) instead of the resources'
# (components.schemas.WebhookAttributes / LiveAttributes), and drops their relationships.
# The spec itself is right ([PD _webhooks_v2.md]: a created webhook carries secret,
# num_consecutive_times_failed and last_attempted_at; [PAT] resources/live.ts), so the sandbox adds
# back only what is missing. Reported as a generator bug.
_MISSING_ATTRIBUTES: dict[str, dict[str, AttributeInfo]] = {
    "webhook": {
        "last_attempted_at": _attr("string", fmt="date-time", nullable=True),
        "num_consecutive_times_failed": _attr("integer"),
        "paused": _attr("boolean"),
        "secret": _attr("string"),
        "triggers": _attr("array"),
        "uri": _attr("string", fmt="uri"),
    },
    "live": {
        "description": _attr("string", nullable=True),
        "rtmp_url": _attr("string", nullable=True),
        "scheduled_for": _attr("string", fmt="date-time", nullable=True),
        "state": _attr("string", enum=("pre_live", "live", "live_ended")),
        "stream_key": _attr("string", nullable=True),
        "title": _attr("string", nullable=True),
    },
}
_MISSING_RELATIONSHIPS: dict[str, dict[str, tuple[str, bool]]] = {
    "webhook": {"campaign": ("campaign", False), "client": ("client", False)},
    "live": {"campaign": ("campaign", False), "live_access_rules": ("live-access-rule", True)},
}

ALL_SCOPES: frozenset[str] = frozenset(SCOPES)


def _build_attributes() -> dict[str, dict[str, AttributeInfo]]:
    table: dict[str, dict[str, AttributeInfo]] = {}
    for type_name, info in RESOURCE_TYPES.items():
        attributes = dict(info["attributes"])
        for name, extra in _MISSING_ATTRIBUTES.get(type_name, {}).items():
            attributes.setdefault(name, extra)
        table[type_name] = dict(sorted(attributes.items()))
    return table


def _build_relationships() -> dict[str, dict[str, tuple[str, bool]]]:
    table: dict[str, dict[str, tuple[str, bool]]] = {}
    for type_name, info in RESOURCE_TYPES.items():
        rels = {name: (rel["target"], rel["many"]) for name, rel in info["relationships"].items()}
        for name, extra in _MISSING_RELATIONSHIPS.get(type_name, {}).items():
            rels.setdefault(name, extra)
        table[type_name] = rels
    return table


_ATTRIBUTES = _build_attributes()
_RELATIONSHIPS = _build_relationships()


def attributes_of(type_name: str) -> Mapping[str, AttributeInfo]:
    """Every attribute of a JSON:API type (empty for an unknown type)."""
    return _ATTRIBUTES.get(type_name, {})


def relationships_of(type_name: str) -> Mapping[str, tuple[str, bool]]:
    """Relationship name -> (target type, is to-many)."""
    return _RELATIONSHIPS.get(type_name, {})


@dataclass(frozen=True)
class Route:
    """One API operation the sandbox answers, matched from ENDPOINTS by method and path."""

    operation_id: str
    method: str
    group: str  # "members", "campaigns", ... : what fault rules name
    pattern: re.Pattern[str]


def _group_of(path: str) -> str:
    literal = [part for part in path.split("/") if part and not part.startswith("{")]
    return literal[-1]


def _compile(path: str) -> re.Pattern[str]:
    regex = re.sub(r"\\\{([a-z_]+)\\\}", r"(?P<\1>[^/]+)", re.escape(path))
    return re.compile(f"^{regex}/?$")


ROUTES: tuple[Route, ...] = tuple(
    Route(operation_id, info["method"], _group_of(info["path"]), _compile(info["path"]))
    for operation_id, info in ENDPOINTS.items()
)


def match_route(method: str, path: str) -> tuple[Route, dict[str, str]] | bool | None:
    """The route and its path parameters; False when the path exists but not for this method."""
    path_known = False
    for route in ROUTES:
        match = route.pattern.match(path)
        if match is None:
            continue
        path_known = True
        if route.method == method:
            return route, match.groupdict()
    return False if path_known else None
