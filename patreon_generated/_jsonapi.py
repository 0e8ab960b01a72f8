# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""JSON:API documents read lazily: resources wrap the parsed dicts and decode on access.

Why lazy: decoding every attribute of a 1000-member page into model objects costs several times
``json.loads`` itself (reference/openapi-python-client.md §6). Here a resource is one small object
over its dict; attributes are read (and type-checked) when asked for, and ``related`` uses one
``(type, id)`` index built the first time it is needed, so reading a page is linear in its size.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from . import errors, safe_json


def bad_value(owner: str, name: str, value: object, expected: str) -> errors.ResponseValidationError:
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return errors.ResponseValidationError(f"{owner}.{name} should be {expected}, got {shown}")


def parse_datetime(value: object, owner: str, name: str) -> dt.datetime | None:
    """ISO-8601 with or without microseconds, 'Z' or an offset [PD samples; GO fixtures]."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            pass
    raise bad_value(owner, name, value, "an ISO-8601 date-time")


class AttributesView:
    """The attributes of one resource; typed properties on subclasses, ``[name]`` for any key."""

    __slots__ = ("_raw",)
    owner: ClassVar[str] = "resource"
    # Credentials among the attributes (`x-patreon-secret` in the spec): masked in repr.
    secret_attributes: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, raw: dict[str, Any]) -> None:
        self._raw = raw

    def __getitem__(self, name: str) -> Any:
        return self._raw[name]

    def __contains__(self, name: object) -> bool:
        return name in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def get(self, name: str, default: Any = None) -> Any:
        return self._raw.get(name, default)

    def to_dict(self) -> dict[str, Any]:
        """The attributes exactly as Patreon sent them, unknown ones included."""
        return dict(self._raw)

    def __repr__(self) -> str:
        secret = self.secret_attributes
        shown = {k: "<redacted>" if k in secret and v is not None else v for k, v in self._raw.items()}
        return f"{type(self).__name__}({shown!r})"


class Resource:
    """One JSON:API resource object: ``type``, ``id``, typed ``attributes``, raw ``relationships``."""

    __slots__ = ("_attributes", "_linker", "_raw")
    resource_type: ClassVar[str] = ""
    attributes_class: ClassVar[type[AttributesView]] = AttributesView

    def __init__(self, raw: dict[str, Any], linker: Linker | None = None) -> None:
        self._raw = raw
        self._attributes: AttributesView | None = None
        # The index of the document it came from, so `member.related("user")` works on items
        # from `iterate` after their page is gone.
        self._linker = linker

    @property
    def id(self) -> str:
        value: str = self._raw["id"]
        return value

    @property
    def type(self) -> str:
        value: str = self._raw["type"]
        return value

    @property
    def raw(self) -> dict[str, Any]:
        """The resource object as parsed from JSON, unknown keys included."""
        return self._raw

    @property
    def relationships(self) -> dict[str, Any]:
        value = self._raw.get("relationships")
        return value if isinstance(value, dict) else {}

    def related_raw(self, name: str) -> Resource | list[Resource] | None:
        """What relationship ``name`` points at, resolved in this resource's document."""
        linker = self._linker
        if linker is None:
            relationship = self.relationships.get(name)
            many = isinstance(relationship, dict) and isinstance(relationship.get("data"), list)
            return [] if many else None
        return linker.related_raw(self, name)

    def _attributes_view(self) -> AttributesView:
        view = self._attributes
        if view is None:
            raw = self._raw.get("attributes")
            view = self._attributes = self.attributes_class(raw if isinstance(raw, dict) else {})
        return view

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Resource):
            return NotImplemented
        return self._raw.get("type") == other._raw.get("type") and self._raw.get("id") == other._raw.get("id")

    def __hash__(self) -> int:
        return hash((self._raw.get("type"), self._raw.get("id")))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={self._raw.get('id')!r})"


class GenericResource(Resource):
    """A resource of a type this version of the spec does not know; kept, never fatal."""

    __slots__ = ()

    @property
    def attributes(self) -> AttributesView:
        return self._attributes_view()


def _check_resource(item: object, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise errors.ResponseValidationError(f"{where} should be a resource object, got {type(item).__name__}")
    if not isinstance(item.get("type"), str) or not isinstance(item.get("id"), str):
        raise errors.ResponseValidationError(f"{where} needs string 'type' and 'id'")
    return item


def decode_body(content: bytes, status_code: int) -> dict[str, Any]:
    """Parse a success body, or raise ResponseValidationError (HTML, truncated JSON, not an object)."""
    try:
        body = safe_json.loads(content)
    except ValueError as exc:
        excerpt = content[:120].decode("utf-8", errors="replace")
        # The parser's own message may quote the body; the depth error's never does.
        reason = str(exc) if isinstance(exc, safe_json.JSONTooDeepError) else exc.__class__.__name__
        raise errors.ResponseValidationError(
            f"response body is not JSON ({reason})",
            status_code=status_code,
            body_excerpt=excerpt,
        ) from None
    if not isinstance(body, dict) or "data" not in body:
        raise errors.ResponseValidationError(
            "response body is not a JSON:API document (no top-level 'data')", status_code=status_code
        )
    return body


Cache = dict[tuple[object, object], "Resource"]


class Linker:
    """Resolves relationship linkage inside one document: a ``(type, id)`` index over its raw dicts.

    It holds raw dicts only, never wrapped resources, so resources that point at it (for
    ``member.related``) form no reference cycle: a finished page is freed at once, not at the next
    cyclic garbage collection. The index is built on the first lookup; each lookup wraps anew.
    """

    __slots__ = ("_body", "_by_key", "_classes")

    def __init__(self, body: dict[str, Any], classes: Mapping[str, type[Resource]]) -> None:
        self._body = body
        self._classes = classes
        self._by_key: dict[tuple[object, object], dict[str, Any]] | None = None

    def wrap(self, item: object, where: str) -> Resource:
        raw = _check_resource(item, where)
        return self._classes.get(raw["type"], GenericResource)(raw, self)

    def _index(self) -> dict[tuple[object, object], dict[str, Any]]:
        index: dict[tuple[object, object], dict[str, Any]] = {}
        for n, item in enumerate(self._body.get("included") or ()):
            raw = _check_resource(item, f"included[{n}]")
            index[(raw["type"], raw["id"])] = raw
        data = self._body.get("data")
        for item in data if isinstance(data, list) else (data,):
            if isinstance(item, dict) and isinstance(item.get("type"), str) and isinstance(item.get("id"), str):
                index[(item["type"], item["id"])] = item
        return index

    def lookup(self, type_name: object, resource_id: object, cache: Cache | None = None) -> Resource | None:
        key = (type_name, resource_id)
        if cache is not None:
            cached = cache.get(key)
            if cached is not None:
                return cached
        index = self._by_key
        if index is None:
            index = self._by_key = self._index()
        raw = index.get(key)
        if raw is None:
            return None
        found = self._classes.get(raw["type"], GenericResource)(raw, self)  # checked when indexed
        if cache is not None:
            cache[key] = found
        return found

    def related_raw(
        self, resource: Resource, name: str, cache: Cache | None = None
    ) -> Resource | list[Resource] | None:
        """The resource(s) a relationship of ``resource`` points at, for any relationship name.

        A relationship without ``data`` (links only), ``"data": null``, or linkage to a resource
        that is not in ``included`` all read as absent rather than failing. ``cache`` (owned by
        the document, never by the linker, so no cycle) reuses resources already wrapped.
        """
        relationship = resource.relationships.get(name)
        data = relationship.get("data") if isinstance(relationship, dict) else None
        if isinstance(data, list):
            found = []
            for linkage in data:
                if isinstance(linkage, dict):
                    target = self.lookup(*_linkage_key(linkage, resource, name), cache)
                    if target is not None:
                        found.append(target)
            return found
        if isinstance(data, dict):
            return self.lookup(*_linkage_key(data, resource, name), cache)
        return None


def _linkage_key(linkage: dict[str, Any], resource: Resource, name: str) -> tuple[str, str]:
    """The ``(type, id)`` a resource identifier names; both must be strings [JSON:API 1.0, "Resource Identifier Objects"]."""
    type_name = linkage.get("type")
    resource_id = linkage.get("id")
    if isinstance(type_name, str) and isinstance(resource_id, str):
        return type_name, resource_id
    raise errors.ResponseValidationError(
        f"relationship {name!r} of {resource.raw.get('type')!r} {resource.raw.get('id')!r} "
        "has linkage without string 'type' and 'id'"
    )


class DocumentBase:
    """What single and collection documents share: ``included``, ``meta``, ``links``, the linker."""

    __slots__ = ("__weakref__", "_body", "_cache", "_included", "_linker")
    resource_classes: ClassVar[Mapping[str, type[Resource]]] = {}

    def __init__(self, body: dict[str, Any]) -> None:
        self._body = body
        self._included: list[Resource] | None = None
        self._linker = Linker(body, self.resource_classes)
        self._cache: Cache = {}  # resources `related` already wrapped, reused while the document lives
        included = body.get("included")
        if included is not None and not isinstance(included, list):
            raise errors.ResponseValidationError("'included' should be a list")

    def _wrap(self, item: object, where: str) -> Resource:
        return self._linker.wrap(item, where)

    @property
    def raw(self) -> dict[str, Any]:
        """The whole document as parsed from JSON."""
        return self._body

    @property
    def included(self) -> list[Resource]:
        value = self._included
        if value is None:
            wrap = self._linker.wrap
            value = self._included = [
                wrap(item, f"included[{n}]") for n, item in enumerate(self._body.get("included") or ())
            ]
        return value

    @property
    def meta(self) -> dict[str, Any]:
        value = self._body.get("meta")
        return value if isinstance(value, dict) else {}

    @property
    def links(self) -> dict[str, Any]:
        value = self._body.get("links")
        return value if isinstance(value, dict) else {}

    def related_raw(self, resource: Resource, name: str) -> Resource | list[Resource] | None:
        """The resource(s) a relationship points at, for any relationship name (no static typing)."""
        return self._linker.related_raw(resource, name, self._cache)
