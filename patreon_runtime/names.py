"""The check of `include` and `fields` names against the spec, before a request is sent.

Patreon answers an unknown `fields[TYPE]` attribute by leaving it out (the value then reads as
None), so a typo would be silent; here every name is checked against the endpoint's known
includes and attributes and a wrong one raises `UnknownNameError` naming the closest known ones.
`"all"` asks for every include or every attribute the spec lists for the endpoint. Names Patreon
added after this spec pass through `unchecked(...)`, which skips the check for what it wraps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .errors import UnknownNameError

ALL = "all"


class UncheckedName(str):
    """A name sent as is: Patreon knows it, this version of the spec does not yet."""

    __slots__ = ()


class UncheckedFields(dict[str, Any]):
    """A whole `fields` mapping sent as is, types and attributes unchecked."""


def unchecked(value: Any) -> Any:
    """Mark a name (or a list of names, or a whole `fields` mapping) as sent without the spec check.

    Typed as Any so a name newer than the spec's Literals type-checks too:
    `fields={"member": ["full_name", unchecked("new_attribute")]}`, `include=[unchecked("new.path")]`,
    `fields=unchecked({"new-type": ["a"]})`.
    """
    if isinstance(value, str):
        return UncheckedName(value)
    if isinstance(value, Mapping):
        return UncheckedFields(value)
    return [UncheckedName(v) for v in value]


def closest(name: str, known: Iterable[str]) -> tuple[str, ...]:
    """Up to three known names that look like ``name`` (difflib's ratio, the stdlib's own suggester)."""
    import difflib  # only on the error path: a request that passes the check never loads it

    return tuple(difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.5))


def unknown(kind: str, name: str, known: Iterable[str], where: str) -> UnknownNameError:
    suggestions = closest(name, known)
    hint = f"did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else "no close match"
    return UnknownNameError(
        f"unknown {kind} {name!r} for {where}: {hint} "
        "(wrap a name the spec does not know yet in patreon_runtime.names.unchecked(...))",
        name=name,
        kind=kind,
        suggestions=suggestions,
    )


def _names(value: object, what: str) -> list[str]:
    """A list of names, or one comma-joined string split; anything else is a typed error."""
    if isinstance(value, UncheckedName):
        return [value]
    if isinstance(value, str):
        return [v for v in value.split(",") if v]
    if isinstance(value, Iterable):
        names = list(value)
        if all(isinstance(v, str) for v in names):
            return names
    raise UnknownNameError(
        f"{what} should be a list of names, got {type(value).__name__}", name=str(value)[:40], kind=what
    )


def included(operation: str, include: object, known: tuple[str, ...]) -> str:
    """The `include` value to send: `"all"` expanded, every other path checked against ``known``."""
    if include == ALL and not isinstance(include, UncheckedName):
        return ",".join(known)
    names = _names(include, "include")
    for name in names:
        if name not in known and not isinstance(name, UncheckedName):
            raise unknown("include path", name, known, operation)
    return ",".join(names)


def fields_params(operation: str, fields: object, known: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """The `fields[TYPE]` parameters to send, in the spec's order, each type and attribute checked.

    `"all"` (for the whole mapping, or for one type) asks for every attribute the spec lists.
    """
    if fields == ALL:
        return {f"fields[{t}]": ",".join(names) for t, names in known.items() if names}
    if not isinstance(fields, Mapping):
        raise UnknownNameError(
            f"fields should be a mapping of type -> attribute names, got {type(fields).__name__}",
            name=str(fields)[:40],
            kind="fields",
        )
    trusted = isinstance(fields, UncheckedFields)
    for type_name in fields:
        if type_name not in known and not trusted and not isinstance(type_name, UncheckedName):
            raise unknown("fields type", str(type_name), known, operation)
    params: dict[str, str] = {}
    for type_name in [*(t for t in known if t in fields), *(t for t in fields if t not in known)]:
        value = fields[type_name]
        attributes = known.get(type_name, ())
        if value == ALL and attributes:
            params[f"fields[{type_name}]"] = ",".join(attributes)
            continue
        names = _names(value, f"fields[{type_name}]")
        if not trusted and not isinstance(type_name, UncheckedName):  # a new type's attributes are new too
            for name in names:
                if name not in attributes and not isinstance(name, UncheckedName):
                    raise unknown(f"{type_name} attribute", name, attributes, operation)
        if names:
            params[f"fields[{type_name}]"] = ",".join(names)
    return params


def capped_count(count: int, include: object, limits: Mapping[str, int]) -> int:
    """`count`, lowered to the page limit of an included path that has one (members: 500 with `pledge_history`).

    Lowered rather than refused: `pages()` and `iterate()` follow cursors, so a smaller page loses
    nothing, and `include="all"` then works with any `count`.
    """
    if not isinstance(include, str):
        return count
    asked = include.split(",")
    for path, limit in limits.items():
        if count > limit and path in asked:
            count = limit
    return count


__all__ = [
    "ALL",
    "UncheckedFields",
    "UncheckedName",
    "capped_count",
    "closest",
    "fields_params",
    "included",
    "unchecked",
]
