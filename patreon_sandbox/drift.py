"""Drift on purpose: the sandbox can serve documents that differ from the spec, one kind at a time.

Made for testing `patreon spec check` (and anything else that watches for a changed API): each
kind changes every GET answer the same way, and the answer carries an `x-sandbox-drift` header
naming the kinds, so the test suite's own spec check leaves these answers alone.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterable
from typing import Any

from patreon_sandbox.schema import attributes_of

DRIFT_HEADER = "x-sandbox-drift"
KINDS = (
    "unknown-attribute",  # an attribute the spec does not list
    "unknown-type",  # a resource of an undescribed type in included[]
    "unknown-relationship",  # a relationship the spec does not list
    "unknown-enum-value",  # a new value in an enum attribute
    "type-mismatch",  # an integer attribute sent as a string
    "nullability",  # a never-null attribute sent as null
    "never-seen",  # a documented attribute left out of every answer
    "linkage",  # an included resource sent twice (JSON:API allows one per type and id)
)
NEW_ATTRIBUTE = "sandbox_drift_attribute"
NEW_TYPE = "sandbox-drift-type"
NEW_RELATIONSHIP = "sandbox_drift_link"
NEW_ENUM_VALUE = "sandbox_drift_value"


class Drift:
    """`sandbox.drift`: `enable("type-mismatch")`, `disable(...)`, `clear()`; the handler calls `apply`."""

    def __init__(self, kinds: Iterable[str] = ()) -> None:
        self._kinds: set[str] = set()
        self._lock = threading.Lock()
        for kind in kinds:
            self.enable(kind)

    def enable(self, kind: str) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown drift kind {kind!r}; known: {', '.join(KINDS)}")
        with self._lock:
            self._kinds.add(kind)

    def disable(self, kind: str) -> None:
        with self._lock:
            self._kinds.discard(kind)

    def clear(self) -> None:
        with self._lock:
            self._kinds.clear()

    @property
    def kinds(self) -> frozenset[str]:
        with self._lock:
            return frozenset(self._kinds)

    def apply(self, document: dict[str, Any]) -> bool:
        """Change a GET answer in place by every enabled kind; True when anything was enabled."""
        kinds = self.kinds
        if not kinds:
            return False
        data = document.get("data")
        primary = [item for item in (data if isinstance(data, list) else [data]) if isinstance(item, dict)]
        everything = primary + [item for item in document.get("included") or [] if isinstance(item, dict)]
        for resource in primary:
            if "unknown-attribute" in kinds:
                resource.setdefault("attributes", {})[NEW_ATTRIBUTE] = "added"
            if "unknown-relationship" in kinds:
                resource.setdefault("relationships", {})[NEW_RELATIONSHIP] = {"data": None}
        for resource in everything:
            _change_attributes(resource, kinds)
        if "unknown-type" in kinds:
            document.setdefault("included", []).append({"type": NEW_TYPE, "id": "1", "attributes": {}})
        included = document.get("included")
        if "linkage" in kinds and isinstance(included, list) and included and isinstance(included[0], dict):
            included.append(copy.deepcopy(included[0]))
        return True


def _change_attributes(resource: dict[str, Any], kinds: frozenset[str]) -> None:
    attributes = resource.get("attributes")
    if not isinstance(attributes, dict) or not attributes:
        return
    known = attributes_of(str(resource.get("type")))
    present = [name for name in sorted(attributes) if name in known]
    if "never-seen" in kinds and present:
        del attributes[present.pop()]  # the same attribute of this type, in every answer
    if "type-mismatch" in kinds:
        for name in present:
            value = attributes[name]
            if (
                known[name]["json_type"] == "integer"
                and isinstance(value, int)
                and not isinstance(value, bool)
            ):
                attributes[name] = str(value)
                break
    if "nullability" in kinds:
        for name in present:
            if (
                known[name]["json_type"] == "string"
                and not known[name]["nullable"]
                and attributes[name] is not None
            ):
                attributes[name] = None
                break
    if "unknown-enum-value" in kinds:
        for name in present:
            if known[name]["enum"] and isinstance(attributes[name], str):
                attributes[name] = NEW_ENUM_VALUE
                break
