"""The generated schema table as the sandbox reads it: types, attributes, endpoints, routes.

Everything the sandbox serves is driven by ``patreon_generated.schema`` so that an attribute
added to the spec shows up here without hand work.
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


ALL_SCOPES: frozenset[str] = frozenset(SCOPES)


def _build_attributes() -> dict[str, dict[str, AttributeInfo]]:
    table: dict[str, dict[str, AttributeInfo]] = {}
    for type_name, info in RESOURCE_TYPES.items():
        table[type_name] = dict(sorted(info["attributes"].items()))
    return table


def _build_relationships() -> dict[str, dict[str, tuple[str, bool]]]:
    table: dict[str, dict[str, tuple[str, bool]]] = {}
    for type_name, info in RESOURCE_TYPES.items():
        table[type_name] = {name: (rel["target"], rel["many"]) for name, rel in info["relationships"].items()}
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
