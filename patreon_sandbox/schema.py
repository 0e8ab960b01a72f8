"""The generated schema table as the sandbox reads it: types, attributes, endpoints, routes.

Everything the sandbox serves is driven by ``patreon_generated.schema`` so that an attribute
added to the spec shows up here without hand work.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from patreon_generated.routing import match
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
    """One API operation the sandbox answers (matched by `patreon_generated.routing`)."""

    operation_id: str
    method: str
    group: str  # "members", "campaigns", ... : what fault rules name


def _group_of(path: str) -> str:
    literal = [part for part in path.split("/") if part and not part.startswith("{")]
    return literal[-1]


ROUTES: tuple[Route, ...] = tuple(
    Route(operation_id, info["method"], _group_of(info["path"])) for operation_id, info in ENDPOINTS.items()
)
_BY_OPERATION = {route.operation_id: route for route in ROUTES}


def match_route(method: str, path: str) -> tuple[Route, dict[str, str]] | bool | None:
    """The route and its path parameters; False when the path exists but not for this method."""
    found = match(method, path)
    if isinstance(found, tuple):
        return _BY_OPERATION[found[0]], found[1]
    return found
