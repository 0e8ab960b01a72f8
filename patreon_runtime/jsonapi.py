"""JSON:API documents read lazily: resources wrap the parsed dicts and decode on access.

Why lazy: decoding every attribute of a 1000-member page into model objects costs several times
``json.loads`` itself (design/reference/openapi-python-client.md §6). Here a resource is one small object
over its dict; attributes are read (and type-checked) when asked for, and ``related`` uses one
``(type, id)`` index built the first time it is needed, so reading a page is linear in its size.

Why the hot paths are written out flat (no helper calls per item): a 10,000-member page is read
about 40 times per member, so each Python call saved per read is a measurable share of the total
(bench/decode.py); error messages (`data[12]`) are formatted only when something is wrong.

Why it must stay mypyc-compatible: the binary wheel compiles this module (setup.py), which makes
each of those reads native code. It is plain typed Python all the same, run interpreted by the
pure wheel and the checkout; `make test-compiled` runs the suite on the compiled build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar, Final, Generic, Literal, TypeVar

from . import errors, safe_json

# How resources are made on the hot paths. Interpreted, `new(cls)` plus slot assignments beats
# `cls(raw, linker)`: it skips a Python `__init__` frame per resource, a visible share of reading a
# 10,000-member page. Compiled (mypyc: setup.py lists this module), a resource is a native object
# whose type refuses `object.__new__`, and its constructor is the fast path. `NATIVE` says which
# this module is: compiled, its `__file__` names the extension module, not a .py (tests/conftest.py
# tells the two builds apart the same way).
new = object.__new__
NATIVE: Final = not __file__.endswith((".py", ".pyc"))


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


def not_requested(
    view: AttributesView, name: str, scopes: tuple[str, ...] = (), where: str = ""
) -> errors.NotRequestedError:
    """The error for reading attribute ``name`` that the response left out (called on that path only).

    Patreon sends only the attributes `fields[TYPE]` names [PD _oauth_v2.md], so the fix is the
    `fields=` argument that asks for it. ``scopes`` (with ``where``: which scope on which
    operations) are the scopes without which Patreon leaves it out even when asked
    (`x-patreon-scope-rules` in the spec, passed in by the generated property).
    """
    import json

    owner = view.owner
    fix = "fields=" + json.dumps({owner: [name]})
    message = (
        f"{owner}.{name} is not in this response: Patreon sends only the attributes that `fields` "
        f"names; add {fix} to the call (an attribute Patreon sends as null reads as None)"
    )
    if scopes:
        from .scope_advice import PORTAL_URL

        message += (
            f"; Patreon also leaves {owner}.{name} out when the token lacks {where}: authorize again "
            "asking for that scope (`authorization_url(scopes=...)`), or, for your own campaign, use "
            f"the creator access token from the developer portal ({PORTAL_URL}), which has every scope"
        )
    return errors.NotRequestedError(
        message, resource_type=owner, name=name, kind="attribute", fix=fix, scopes=scopes
    )


def relationship_not_requested(resource: Resource, name: str) -> errors.NotRequestedError:
    """The error for a relationship the resource does not carry: `include` did not name it."""
    import json

    owner = resource.resource_type or str(resource._raw.get("type"))
    fix = "include=" + json.dumps([name])
    return errors.NotRequestedError(
        f"this {owner}'s {name!r} relationship is not in this response: Patreon sends only the "
        f"relationships that `include` names; add {fix} to the call (for a {owner} that came in "
        f'`included`, the dotted path to it, e.g. "<parent>.{name}"); if `include` named it, the '
        "token lacks the scope that include needs (Patreon then answers without it, as for "
        "`memberships.campaign` without `campaigns` on /identity). A relationship Patreon sends "
        "empty reads as None or []",
        resource_type=owner,
        name=name,
        kind="relationship",
        fix=fix,
    )


def absent_relationship(resource: Resource, name: str) -> AttributeError:
    """A relationship the resource does not carry: a misspelling if the spec does not know it, else not requested."""
    known = resource.relationship_names
    if known is not None and name not in known:
        return unknown_relationship(resource, name)
    return relationship_not_requested(resource, name)


class AttributesView:
    """The attributes of one resource; typed properties on subclasses, ``[name]`` for any key.

    A typed property of a key the response lacks raises NotRequestedError (`fields` did not ask
    for it: Patreon leaves unrequested attributes out), one Patreon sent as null reads as None;
    ``get(name)`` keeps returning a default for both.

    A misspelled attribute raises AttributeError (slots: there is no instance dict to fall back
    on), and the interpreter's report names the closest property ("Did you mean: 'full_name'?").
    No ``__getattr__`` adds that to the message: defining one makes every property read go
    through a slower lookup path (about 1.5x per read, measured), and pages are read per attribute.
    """

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

    def to_dict(self) -> Mapping[str, Any]:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return dict(self._raw)

    def __reduce__(self) -> tuple[Any, ...]:
        # copy, deepcopy and pickle rebuild a view from its dict through the constructor. Without
        # this the interpreted build copied the slots and the compiled one (a native type that
        # refuses `object.__new__`) raised TypeError: a cache that pickles pages broke on one build.
        return (type(self), (self._raw,))

    def __repr__(self) -> str:
        # Bounded and escaped, secrets masked (patreon_runtime.display says what is shown and why).
        from .display import attributes_repr

        return attributes_repr(type(self).__name__, self._raw, self.secret_attributes)


def unknown_relationship(resource: Resource, name: str) -> AttributeError:
    """A relationship name neither the spec nor the resource has: a typo, named with close ones."""
    from .names import closest

    known = resource.relationship_names or frozenset()
    suggestions = closest(name, known)
    hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    return AttributeError(
        f"{resource.resource_type or resource.type!r} has no relationship {name!r}{hint}",
        name=name,
        obj=resource,
    )


class Resource:
    """One JSON:API resource object: ``type``, ``id``, typed ``attributes``, raw ``relationships``."""

    # No cache filled on first use: a 10,000-member page read once would otherwise keep 10,000
    # more long-lived objects, and a second full garbage collection pass with them
    # (bench/decode.py). `_view` is None, then False after one `attributes` read; only a second
    # read keeps the view (a tier that every member of a page points at).
    __slots__ = ("_linker", "_raw", "_view")
    resource_type: ClassVar[str] = ""
    attributes_class: ClassVar[type[AttributesView]] = AttributesView
    # The relationships the spec lists for the type (None: a type the spec does not know, unchecked).
    relationship_names: ClassVar[frozenset[str] | None] = None

    def __init__(self, raw: dict[str, Any], linker: Linker | None = None) -> None:
        self._raw = raw
        # The index of the document it came from, so `member.related("user")` works on items
        # from `iterate` after their page is gone.
        self._linker = linker
        self._view: AttributesView | Literal[False] | None = None

    @property
    def id(self) -> str:
        value: str = self._raw["id"]
        return value

    @property
    def type(self) -> str:
        value: str = self._raw["type"]
        return value

    @property
    def raw(self) -> Mapping[str, Any]:
        """The resource object as parsed from JSON, unknown keys included."""
        return self._raw

    @property
    def relationships(self) -> dict[str, Any]:
        value = self._raw.get("relationships")
        return value if isinstance(value, dict) else {}

    def related_raw(self, name: str) -> Resource | list[Resource] | None:
        """What relationship ``name`` points at, resolved in this resource's document.

        NotRequestedError when the resource carries no such relationship (`include` did not name
        it); None or [] when Patreon sent it empty.
        """
        relationships = self.relationships
        if name not in relationships:  # not in `include` (or not a relationship of this type at all)
            raise absent_relationship(self, name)
        linker = self._linker
        if linker is None:
            relationship = relationships.get(name)
            many = isinstance(relationship, dict) and isinstance(relationship.get("data"), list)
            return [] if many else None
        return linker.related_raw(self, name)

    def to_plain(self, depth: int = 2) -> Mapping[str, Any]:
        """This resource as plain nested dicts, related resources in place (see `patreon_runtime.plain`)."""
        from .plain import plain_resource

        linker = self._linker
        return plain_resource(self._raw, linker.plain_lookup() if linker is not None else _no_lookup, depth)

    def _attributes_view(self) -> AttributesView:
        raw = self._raw.get("attributes")
        return self.attributes_class(raw if type(raw) is dict else {})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Resource):
            return NotImplemented
        return self._raw.get("type") == other._raw.get("type") and self._raw.get("id") == other._raw.get("id")

    def __hash__(self) -> int:
        return hash((self._raw.get("type"), self._raw.get("id")))

    def __reduce__(self) -> tuple[Any, ...]:
        # With its linker (and through it the document's body), so `related` still resolves after
        # a copy or a round trip through pickle; see AttributesView.__reduce__ for why it is spelled out.
        return (type(self), (self._raw, self._linker))

    def __repr__(self) -> str:
        """``Member(id='1', full_name='Ann', ...)``: the attributes the response holds, bounded, secrets masked."""
        from .display import resource_repr

        secret = self.attributes_class.secret_attributes
        return resource_repr(type(self).__name__, self._raw, secret, bool(self.resource_type))


class GenericResource(Resource):
    """A resource of a type this version of the spec does not know; kept, never fatal."""

    __slots__ = ()

    @property
    def attributes(self) -> AttributesView:
        return self._attributes_view()


def _no_lookup(type_name: str, resource_id: str) -> None:
    return None  # a resource built outside any document: every linkage stays a stub


def _check_resource(item: object, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise errors.ResponseValidationError(
            f"{where} should be a resource object, got {type(item).__name__}"
        )
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


# Resources already wrapped, by type then id. Nested dicts, not `(type, id)` tuple keys: a tuple
# per entry is one more long-lived object per resource, and the cyclic garbage collector walks
# every long-lived object on each full pass (bench/decode.py, 10,000 members).
Cache = dict[str, dict[str, "Resource"]]
Index = dict[str, dict[str, dict[str, Any]]]
_NO_RESOURCES: dict[str, dict[str, Any]] = {}  # the default of a type with no resources (never written)
_ABSENT: Any = object()  # `related` found no `data` to read


def index_included(body: dict[str, Any]) -> Index:
    """``included`` as type -> id -> resource object, checked inline (the bad item named on error)."""
    index: Index = {}
    included = body.get("included") or ()
    by_id: dict[str, dict[str, Any]] = {}
    last_type: object = None  # `included` comes grouped by type: one lookup per run of a type
    for item in included:
        try:  # only an object has string keys; a list or a string raises TypeError
            type_name = item["type"]
            resource_id = item["id"]
        except (KeyError, TypeError):
            type_name = resource_id = None
        if type_name.__class__ is str and resource_id.__class__ is str:
            if type_name != last_type:
                by_id = index.setdefault(type_name, {})
                last_type = type_name
            by_id[resource_id] = item
            continue
        for n, bad in enumerate(included):  # the error path: name the first bad item
            _check_resource(bad, f"included[{n}]")
    return index


class Linker:
    """Resolves relationship linkage inside one document: a type -> id index over its raw dicts.

    It holds raw dicts only, never wrapped resources, so resources that point at it (for
    ``member.related``) form no reference cycle: a finished page is freed at once, not at the next
    cyclic garbage collection. The index of ``included`` is built on the first lookup; primary
    ``data`` is indexed only if a linkage points at something ``included`` does not hold.
    """

    __slots__ = ("_body", "_by_key", "_classes", "_data_by_key", "_plain_lookup")

    def __init__(self, body: dict[str, Any], classes: Mapping[str, type[Resource]]) -> None:
        self._body = body
        self._classes = classes
        self._by_key: Index | None = None
        self._data_by_key: Index | None = None
        self._plain_lookup: Callable[[str, str], dict[str, Any] | None] | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # The index and the lookup are rebuilt on first use; the classes go as a plain dict of
        # class references (pickle stores a class by its importable name).
        return (Linker, (self._body, dict(self._classes)))

    def plain_lookup(self) -> Callable[[str, str], dict[str, Any] | None]:
        """The (type, id) -> raw dict finder `to_plain` nests with, built once per document."""
        lookup = self._plain_lookup
        if lookup is None:
            from .plain import document_lookup

            lookup = self._plain_lookup = document_lookup(self._body)
        return lookup

    def wrap(self, item: object, where: str) -> Resource:
        raw = _check_resource(item, where)
        return self._classes.get(raw["type"], GenericResource)(raw, self)

    def wrap_all(self, items: list[Any], where: str) -> list[Resource]:
        """``[wrap(item) for item in items]``, checked inline; the failing index is found only on error."""
        classes = self._classes.get
        wrapped: list[Resource] = []
        append = wrapped.append
        last_type: object = None  # a page holds one type: its class is looked up once
        cls: type[Resource] = GenericResource
        native = NATIVE
        for item in items:
            try:  # only an object has string keys; a list or a string raises TypeError
                type_name = item["type"]
                resource_id = item["id"]
            except (KeyError, TypeError):
                type_name = resource_id = None
            if type_name.__class__ is str and resource_id.__class__ is str:
                if type_name != last_type:
                    cls = classes(type_name, GenericResource)
                    last_type = type_name
                if native:
                    append(cls(item, self))
                    continue
                resource = new(cls)
                resource._raw = item
                resource._linker = self
                resource._view = None
                append(resource)
                continue
            for n, bad in enumerate(items):  # the error path: name the first bad item
                _check_resource(bad, f"{where}[{n}]")
        return wrapped

    def _index(self) -> Index:
        return index_included(self._body)

    def _data_index(self) -> Index:
        index: Index = {}
        data = self._body.get("data")
        for item in data if isinstance(data, list) else (data,):
            if isinstance(item, dict) and type(item.get("type")) is str and type(item.get("id")) is str:
                index.setdefault(item["type"], {})[item["id"]] = item
        return index

    def lookup(self, type_name: object, resource_id: object, cache: Cache | None = None) -> Resource | None:
        if type(type_name) is not str or type(resource_id) is not str:
            return None  # callers raise on malformed linkage first (_linkage_key); this stays total
        if cache is not None:
            cached = cache.get(type_name)
            if cached is not None and resource_id in cached:
                return cached[resource_id]
        index = self._by_key
        if index is None:
            index = self._by_key = self._index()
        raw = index.get(type_name, _NO_RESOURCES).get(resource_id)
        if raw is None:
            data_index = self._data_by_key
            if data_index is None:
                data_index = self._data_by_key = self._data_index()
            raw = data_index.get(type_name, _NO_RESOURCES).get(resource_id)
            if raw is None:
                return None
        cls = self._classes.get(type_name, GenericResource)  # checked when indexed
        if NATIVE:
            found = cls(raw, self)
        else:
            found = new(cls)
            found._raw = raw
            found._linker = self
            found._view = None
        if cache is not None:
            by_id = cache.get(type_name)
            if by_id is None:
                by_id = cache[type_name] = {}
            by_id[resource_id] = found
        return found

    def related_raw(
        self, resource: Resource, name: str, cache: Cache | None = None
    ) -> Resource | list[Resource] | None:
        """The resource(s) a relationship of ``resource`` points at, for any relationship name.

        A relationship the resource does not carry was not requested (``include``): that raises
        NotRequestedError. One without ``data`` (links only), ``"data": null``, or linkage to a
        resource that is not in ``included`` all read as empty (None, or left out of a list) rather
        than failing. ``cache`` (owned by the document, never by the linker, so no cycle) reuses
        resources already wrapped.
        """
        relationships = resource.relationships
        if name not in relationships:
            raise absent_relationship(resource, name)
        relationship = relationships.get(name)
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
    raise _bad_linkage(resource, name)


def _bad_linkage(resource: Resource, name: str) -> errors.ResponseValidationError:
    return errors.ResponseValidationError(
        f"relationship {name!r} of {resource.raw.get('type')!r} {resource.raw.get('id')!r} "
        "has linkage without string 'type' and 'id'"
    )


class DocumentBase:
    """What single and collection documents share: ``included``, ``meta``, ``links``, the linker."""

    # No `__weakref__`: `weakref.ref(document)` raises TypeError on both builds (compiled ones are
    # made to refuse too: patreon_runtime.native_layout says why and how).
    __slots__ = ("_body", "_cache", "_included", "_linker", "_resolved")
    resource_classes: ClassVar[Mapping[str, type[Resource]]] = {}

    def __init__(self, body: dict[str, Any]) -> None:
        self._body = body
        self._included: list[Resource] | None = None
        self._linker = Linker(body, self.resource_classes)
        self._cache: Cache = {}  # resources `related` wrapped from primary data, reused while the document lives
        # `included` by type and id: each entry a raw dict until `related` first returns it, then the
        # wrapped resource, so a page is indexed once and every relationship read is two lookups.
        # The document owns it (never the linker that resources point at), so no reference cycle.
        self._resolved: dict[str, dict[str, Any]] | None = None
        included = body.get("included")
        if included is not None and not isinstance(included, list):
            raise errors.ResponseValidationError("'included' should be a list")

    def _wrap(self, item: object, where: str) -> Resource:
        return self._linker.wrap(item, where)

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from the parsed body by its own class, so a copy or an unpickled page decodes
        # and resolves `related` as the original did (see AttributesView.__reduce__).
        return (type(self), (self._body,))

    @property
    def raw(self) -> Mapping[str, Any]:
        """The whole document as parsed from JSON."""
        return self._body

    @property
    def included(self) -> list[Resource]:
        value = self._included
        if value is None:
            value = self._included = self._linker.wrap_all(self._body.get("included") or [], "included")
        return value

    @property
    def meta(self) -> dict[str, Any]:
        value = self._body.get("meta")
        return value if isinstance(value, dict) else {}

    @property
    def links(self) -> dict[str, Any]:
        value = self._body.get("links")
        return value if isinstance(value, dict) else {}

    def to_plain(self, depth: int = 2) -> Any:
        """`data` as plain nested dicts (a list for a page), related resources in place of linkage."""
        from .plain import plain_resource

        lookup = self._linker.plain_lookup()
        data: Any = self._body["data"]  # checked when the document was built
        if isinstance(data, list):
            return [plain_resource(item, lookup, depth) for item in data]
        return plain_resource(data, lookup, depth)

    def _secret_attributes(self) -> dict[str, frozenset[str]]:
        return {name: cls.attributes_class.secret_attributes for name, cls in self.resource_classes.items()}

    def __str__(self) -> str:
        """A short table for ``print(doc)``: what ``data`` holds, a few rows, ``included`` by type, the cursor."""
        from .display import document_summary

        cursor = self.next_cursor if isinstance(self, CollectionDocumentBase) else None
        total = self.total if isinstance(self, CollectionDocumentBase) else None
        collection = isinstance(self._body.get("data"), list)
        return document_summary(self._body, collection, cursor, total, self._secret_attributes())

    def related_raw(self, resource: Resource, name: str) -> Resource | list[Resource] | None:
        """The resource(s) a relationship points at, for any relationship name (no static typing).

        Same answers as ``Linker.related_raw``, written out flat because a page reads it for every
        member (bench/decode.py): a well-formed read is subscripts and one call, the linkage
        resolved and, the first time, wrapped inline. A missing key or a value of the wrong kind
        leaves the fast path (KeyError or TypeError, caught) for the checked one; only a resource
        outside ``included`` goes to the linker.
        """
        try:
            data: Any = resource._raw["relationships"][name]["data"]
        except (KeyError, TypeError):  # no such relationship, no `data` (links only), or not objects
            data = _ABSENT
        if data.__class__ is dict:  # to-one
            try:
                type_name = data["type"]
                resource_id = data["id"]
            except KeyError:
                type_name = resource_id = None
            if type_name.__class__ is not str or resource_id.__class__ is not str:
                raise _bad_linkage(resource, name)
            resolved = self._resolved
            if resolved is None:
                resolved = self._resolved = index_included(self._body)
            try:
                target: Any = resolved[type_name][resource_id]
            except KeyError:  # not included: primary data, or nothing (read as absent)
                target = None
            if target is None:
                return self._linker.lookup(type_name, resource_id, self._cache)
            if target.__class__ is dict:  # first read: wrap it, and keep the wrapper for next time
                raw = target
                linker = self._linker
                cls = linker._classes.get(type_name, GenericResource)  # checked when indexed
                if NATIVE:
                    target = cls(raw, linker)
                else:
                    target = new(cls)
                    target._raw = raw
                    target._linker = linker
                    target._view = None
                resolved[type_name][resource_id] = target
            return target  # type: ignore[no-any-return]  # a Resource: wrapped just above or earlier
        if data.__class__ is not list:
            if data is _ABSENT:  # checked outside the `except`, so the error carries no KeyError context
                relationships = resource._raw.get("relationships")
                if relationships.__class__ is not dict or name not in relationships:
                    raise absent_relationship(resource, name)  # not in `include`, or misspelled
            return None  # no linkage (links only) or `"data": null`
        resolved = self._resolved
        if resolved is None:
            resolved = self._resolved = index_included(self._body)
        found: list[Resource] = []
        for linkage in data:  # to-many: the same steps per linkage
            if linkage.__class__ is not dict:
                continue  # not a resource identifier: skipped
            try:
                type_name = linkage["type"]
                resource_id = linkage["id"]
            except KeyError:
                type_name = resource_id = None
            if type_name.__class__ is not str or resource_id.__class__ is not str:
                raise _bad_linkage(resource, name)
            try:
                target = resolved[type_name][resource_id]
            except KeyError:
                target = None
            if target is None:
                target = self._linker.lookup(type_name, resource_id, self._cache)
                if target is None:
                    continue
            elif target.__class__ is dict:
                raw = target
                linker = self._linker
                cls = linker._classes.get(type_name, GenericResource)
                if NATIVE:
                    target = cls(raw, linker)
                else:
                    target = new(cls)
                    target._raw = raw
                    target._linker = linker
                    target._view = None
                resolved[type_name][resource_id] = target
            found.append(target)
        return found


R = TypeVar("R", bound=Resource)


class SingleDocumentBase(DocumentBase, Generic[R]):
    """A single-resource document: ``data`` is one resource (the generated ``Document`` adds typed ``related``)."""

    __slots__ = ("_data",)

    def __init__(self, body: dict[str, Any]) -> None:
        super().__init__(body)
        self._data: R = self._wrap(body.get("data"), "data")  # type: ignore[assignment]

    @property
    def data(self) -> R:
        return self._data

    def __repr__(self) -> str:
        from .display import document_repr

        return document_repr(type(self).__name__, self._body, None, False, repr(self._data))


class CollectionDocumentBase(DocumentBase, Generic[R]):
    """A page of a collection: ``data`` is a list; ``next_cursor`` continues it."""

    __slots__ = ("_data",)

    def __init__(self, body: dict[str, Any]) -> None:
        super().__init__(body)
        items = body.get("data")
        if not isinstance(items, list):
            raise errors.ResponseValidationError("a collection's 'data' should be a list")
        self._data: list[R] = self._linker.wrap_all(items, "data")  # type: ignore[assignment]

    @property
    def data(self) -> list[R]:
        return self._data

    @property
    def next_cursor(self) -> str | None:
        """`meta.pagination.cursors.next` [PD members sample], else `page[cursor]` in `links.next` [PY]."""
        pagination = self.meta.get("pagination")
        if isinstance(pagination, dict):
            cursors = pagination.get("cursors")
            if isinstance(cursors, dict) and isinstance(cursors.get("next"), str) and cursors["next"]:
                return str(cursors["next"])
        next_link = self.links.get("next")
        if isinstance(next_link, str) and next_link:
            return _cursor_from_link(next_link)
        return None

    @property
    def total(self) -> int | None:
        """`meta.pagination.total`, when Patreon sends it."""
        pagination = self.meta.get("pagination")
        total = pagination.get("total") if isinstance(pagination, dict) else None
        return total if type(total) is int else None

    def __repr__(self) -> str:
        from .display import document_repr

        return document_repr(type(self).__name__, self._body, self.next_cursor, True)


if NATIVE:
    from .native_layout import as_interpreted

    as_interpreted(SingleDocumentBase, CollectionDocumentBase)


def _cursor_from_link(link: str) -> str | None:
    from urllib.parse import parse_qs, urlsplit

    try:
        values = parse_qs(urlsplit(link).query).get("page[cursor]")
    except ValueError:  # not a URL (an unbalanced '[' in the host): no cursor in it
        return None
    return values[0] if values else None
