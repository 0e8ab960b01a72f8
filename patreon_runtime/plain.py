"""Documents and resources as plain nested dicts: related resources in place of their linkage.

What a template, a JSON file or a dataframe wants: `{"type", "id", "attributes", "relationships"}`
where each relationship holds the related resource's own plain dict (a list for to-many, None for
`"data": null`). A linkage to a resource the document does not hold, or back to a resource already
being expanded above it, stays a `{"type", "id"}` stub; below `depth` levels every linkage is a
stub. So the output is finite and bounded (items x relationships^depth) even where Patreon's
graph has cycles (tier -> benefits -> tiers).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .jsonapi import Index, index_included

DEFAULT_DEPTH = 2  # Patreon's longest include paths have two steps (`memberships.campaign`)

Lookup = Callable[[str, str], "dict[str, Any] | None"]


def document_lookup(body: dict[str, Any]) -> Lookup:
    """Finds a resource by type and id among a document's `included`, then its primary `data`."""
    index: Index = index_included(body)
    data = body.get("data")
    for item in data if isinstance(data, list) else (data,):
        if isinstance(item, dict) and type(item.get("type")) is str and type(item.get("id")) is str:
            index.setdefault(item["type"], {}).setdefault(item["id"], item)

    def lookup(type_name: str, resource_id: str) -> dict[str, Any] | None:
        return index.get(type_name, {}).get(resource_id)

    return lookup


def plain_resource(raw: dict[str, Any], lookup: Lookup, depth: int = DEFAULT_DEPTH) -> dict[str, Any]:
    """One resource object as a plain dict, its relationships nested up to ``depth`` levels."""
    return _plain(raw, lookup, depth, frozenset())


def _plain(
    raw: dict[str, Any], lookup: Lookup, depth: int, above: frozenset[tuple[str, str]]
) -> dict[str, Any]:
    key = (raw["type"], raw["id"])
    out: dict[str, Any] = {"type": key[0], "id": key[1]}
    attributes = raw.get("attributes")
    if isinstance(attributes, dict):
        out["attributes"] = dict(attributes)  # a copy: editing the output never edits the document
    relationships = raw.get("relationships")
    if not isinstance(relationships, dict):
        return out
    nested: dict[str, Any] = {}
    path = above | {key}
    for name, relationship in relationships.items():
        if not isinstance(relationship, dict) or "data" not in relationship:
            continue  # links only: nothing to nest
        data = relationship["data"]
        if data is None:
            nested[name] = None
        elif isinstance(data, list):
            nested[name] = [_linked(item, lookup, depth, path) for item in data if _is_linkage(item)]
        elif _is_linkage(data):
            nested[name] = _linked(data, lookup, depth, path)
    out["relationships"] = nested
    return out


def _is_linkage(value: object) -> bool:
    return isinstance(value, dict) and type(value.get("type")) is str and type(value.get("id")) is str


def _linked(
    linkage: dict[str, Any], lookup: Lookup, depth: int, above: frozenset[tuple[str, str]]
) -> dict[str, Any]:
    stub = {"type": linkage["type"], "id": linkage["id"]}
    if depth <= 0 or (stub["type"], stub["id"]) in above:
        return stub
    target = lookup(stub["type"], stub["id"])
    if target is None:
        return stub  # not included: the linkage is all the document says
    return _plain(target, lookup, depth - 1, above)


__all__ = ["DEFAULT_DEPTH", "document_lookup", "plain_resource"]
