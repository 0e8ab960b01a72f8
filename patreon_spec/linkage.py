"""What a JSON Schema check of one document cannot see: how its resources link to each other.

The spec's schemas validate each resource on its own, so four kinds of wrong document pass them:
a known resource type in `included[]` that the operation's include tree never reaches (a webhook
in a members page), a linkage whose `type` is not its relationship's target (a member's `address`
pointing at a campaign), and the two JSON:API rules on compound documents: one resource object per
type and id, and full linkage, every included resource reached from a relationship ("Compound
Documents", https://jsonapi.org/format/1.0/#document-compound-documents).

The rules come from the generated schema table (each operation's include paths, each
relationship's `x-patreon-target`), so they follow the spec. Unknown types stay tolerated, as
the spec's catch-all allows: only types the spec describes are held to an include tree and to
full linkage. Each
problem is named by JSON path, the rule and types; never an id or a value.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from patreon_generated.schema import ENDPOINTS, RESOURCE_TYPES

RULES = {
    "included-type": "a described type in included[] that the operation's include paths never reach",
    "linkage-type": "a relationship's linkage of another type than the relationship's target",
    "duplicate": "the same type and id twice in one document",
    "unlinked": "an included resource no relationship in the document links to",
}


@dataclass(frozen=True)
class LinkageProblem:
    """One broken link: where (JSON path, indexes kept), which rule, what was expected and seen (types)."""

    path: tuple[str | int, ...]
    rule: str
    expected: str
    seen: str


@functools.cache
def _canonical() -> dict[str, str]:
    """Type -> the name its resource goes by: two types that describe one resource are one.

    `client` and `oauth-client` carry the same attributes and relationships ([PAT] calls it client,
    [WP] oauth-client), so a linkage to either matches a resource of either.
    """
    names: dict[str, str] = {}
    for type_name in sorted(RESOURCE_TYPES):
        info = RESOURCE_TYPES[type_name]
        same = next(
            (
                first
                for first in names.values()
                if RESOURCE_TYPES[first]["attributes"] == info["attributes"]
                and RESOURCE_TYPES[first]["relationships"] == info["relationships"]
            ),
            type_name,
        )
        names[type_name] = same
    return names


def _canon(type_name: str) -> str:
    return _canonical().get(type_name, type_name)


@functools.cache
def reachable_types(operation: str) -> frozenset[str]:
    """The described types an operation's include paths reach (its own type aside), as canonical names."""
    info = ENDPOINTS[operation]
    reached: set[str] = set()
    for path in info["includes"]:
        type_name = info["resource_type"]
        for step in path.split("."):
            relationship = RESOURCE_TYPES.get(type_name or "", {"relationships": {}})["relationships"].get(
                step
            )
            if relationship is None:
                break
            type_name = relationship["target"]
            reached.add(_canon(type_name))
    return frozenset(reached)


def _resources(document: Mapping[str, Any]) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
    data = document.get("data")
    if isinstance(data, dict):
        yield ("data",), data
    elif isinstance(data, list):
        for index, item in enumerate(data):
            if isinstance(item, dict):
                yield ("data", index), item
    included = document.get("included")
    for index, item in enumerate(included if isinstance(included, list) else []):
        if isinstance(item, dict):
            yield ("included", index), item


def _key(resource: Mapping[str, Any]) -> tuple[str, str] | None:
    type_name, resource_id = resource.get("type"), resource.get("id")
    if isinstance(type_name, str) and isinstance(resource_id, str):
        return _canon(type_name), resource_id
    return None


def _linkages(
    where: tuple[str | int, ...], resource: Mapping[str, Any]
) -> Iterator[tuple[tuple[str | int, ...], str, Mapping[str, Any]]]:
    """(path of the identifier, relationship name, resource identifier) for every linkage it holds."""
    relationships = resource.get("relationships")
    for name, relationship in relationships.items() if isinstance(relationships, dict) else ():
        data = relationship.get("data") if isinstance(relationship, dict) else None
        base = (*where, "relationships", name, "data")
        if isinstance(data, dict):
            yield base, name, data
        elif isinstance(data, list):
            for index, item in enumerate(data):
                if isinstance(item, dict):
                    yield (*base, index), name, item


def check(operation: str | None, document: Any) -> list[LinkageProblem]:
    """Every linkage problem of one answer of `operation` (None: an answer of no known operation)."""
    if not isinstance(document, dict):
        return []
    problems: list[LinkageProblem] = []
    seen: dict[tuple[str, str], tuple[str | int, ...]] = {}
    linked: set[tuple[str, str]] = set()
    reachable = reachable_types(operation) if operation in ENDPOINTS else None
    for where, resource in _resources(document):
        type_name = resource.get("type")
        key = _key(resource)
        if key is not None:
            if key in seen:
                problems.append(
                    LinkageProblem((*where, "id"), "duplicate", "one resource per type and id", key[0])
                )
            seen.setdefault(key, where)
        known = RESOURCE_TYPES.get(type_name) if isinstance(type_name, str) else None
        if known is None:
            continue  # a type the spec does not describe: tolerated (and reported as unknown-type by drift)
        if where[0] == "included" and reachable is not None and _canon(str(type_name)) not in reachable:
            expected = "one of " + ", ".join(sorted(reachable)) if reachable else "no included resources"
            problems.append(LinkageProblem((*where, "type"), "included-type", expected, str(type_name)))
        for path, name, identifier in _linkages(where, resource):
            target_key = _key(identifier)
            if target_key is not None:
                linked.add(target_key)
            relationship = known["relationships"].get(name)
            seen_type = identifier.get("type")
            if relationship is None or not isinstance(seen_type, str):
                continue  # an unknown relationship or a malformed identifier: the schema check's finding
            if _canon(seen_type) != _canon(relationship["target"]):
                problems.append(
                    LinkageProblem((*path, "type"), "linkage-type", relationship["target"], seen_type)
                )
    for key, where in seen.items():
        if where[0] == "included" and key not in linked and key[0] in RESOURCE_TYPES:
            problems.append(LinkageProblem(where, "unlinked", "linked from a relationship", key[0]))
    return problems


def describe(problem: LinkageProblem) -> str:
    """A one-line explanation without values: the path, the rule, and the types."""
    path = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in problem.path).lstrip(".")
    return f"{path}: {RULES[problem.rule]} (expected {problem.expected}; seen {problem.seen})"
