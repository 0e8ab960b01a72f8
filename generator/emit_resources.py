"""Emit resources.py (typed lazy resource classes) and documents.py (documents with typed `related`)."""

from __future__ import annotations

from generator.spec_model import Attribute, ResourceType

_PY_TYPES = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "object": "dict[str, Any]",
}
# `type(v) is int` rejects bools (a bool is an int subclass); numbers accept ints too.
_CHECKS = {
    "string": "type(value) is str",
    "integer": "type(value) is int",
    "number": "type(value) is float or type(value) is int",
    "boolean": "type(value) is bool",
    "object": "type(value) is dict",
    "array": "type(value) is list",
    "any": "True",
}
_EXPECTED = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "object": "an object",
    "array": "an array",
    "any": "any value",
}


def _annotation(attribute: Attribute) -> str:
    if attribute.format == "date-time" and attribute.json_type == "string":
        base = "dt.datetime"
    elif attribute.enum_name and attribute.json_type == "string":
        base = f"literals.{attribute.enum_name} | str"
    elif attribute.json_type == "array":
        base = f"list[{_PY_TYPES.get(attribute.items or 'any', 'Any')}]"
    else:
        base = _PY_TYPES.get(attribute.json_type, "Any")
    return f"{base} | None"


def _docstring(attribute: Attribute) -> str:
    parts = [attribute.description or attribute.name.replace("_", " ").capitalize()]
    if attribute.deprecated:
        parts.append("Deprecated.")
    parts.append("None when null or not requested in `fields`.")
    text = " ".join(parts).replace('"""', "'''").replace("\\", "\\\\")
    return f'"""{text}"""'


def _property(owner: str, attribute: Attribute) -> list[str]:
    name = attribute.name
    attr_id = name if name.isidentifier() and name not in {"type", "id"} else name + "_"
    lines = [
        "    @property",
        f"    def {attr_id}(self) -> {_annotation(attribute)}:",
        f"        {_docstring(attribute)}",
        f"        value = self._raw.get({name!r})",
    ]
    if attribute.format == "date-time" and attribute.json_type == "string":
        lines.append(f"        return parse_datetime(value, {owner!r}, {name!r})")
        return lines
    check = _CHECKS.get(attribute.json_type, "True")
    lines += [
        f"        if value is None or {check}:",
        "            return value",
        f"        raise bad_value({owner!r}, {name!r}, value, {_EXPECTED.get(attribute.json_type, 'a value')!r})",
    ]
    return lines


def resources_module(types: dict[str, ResourceType]) -> str:
    out = [
        '"""Typed resource classes, one per JSON:API type; attributes decode lazily on access."""',
        "",
        "from __future__ import annotations",
        "",
        "import datetime as dt",
        "from typing import Any, ClassVar, Final, Literal, overload",
        "",
        "from . import literals",
        "from ._jsonapi import AttributesView, GenericResource, Resource, bad_value, parse_datetime",
        "",
    ]
    for t in types.values():
        out += [
            "",
            f"class {t.class_name}Attributes(AttributesView):",
            f'    """Attributes of a `{t.type_name}`; unknown ones stay readable with `[name]`."""',
            "",
            "    __slots__ = ()",
            f"    owner: ClassVar[str] = {t.type_name!r}",
        ]
        secrets = sorted(a.name for a in t.attributes if a.secret)
        if secrets:
            out.append(f"    secret_attributes: ClassVar[frozenset[str]] = frozenset({secrets!r})")
        for attribute in t.attributes:
            out.append("")
            out += _property(t.type_name, attribute)
        description = (t.description or f"A `{t.type_name}` resource.").replace('"""', "'''")
        out += [
            "",
            "",
            f"class {t.class_name}(Resource):",
            f'    """{description}"""',
            "",
            "    __slots__ = ()",
            f"    resource_type: ClassVar[str] = {t.type_name!r}",
            f"    attributes_class: ClassVar[type[AttributesView]] = {t.class_name}Attributes",
            "",
            "    @property",
            f"    def attributes(self) -> {t.class_name}Attributes:",
            "        return self._attributes_view()  # type: ignore[return-value]",
            "",
        ]
        signatures = []
        for rel in t.relationships:
            target = types.get(rel.target)
            target_class = target.class_name if target else "Resource"
            result = f"list[{target_class}]" if rel.many else f"{target_class} | None"
            signatures.append(f"    def related(self, name: Literal[{rel.name!r}]) -> {result}:")
        doc = '        """What a relationship points at, in the document this resource came from."""'
        if len(signatures) == 1:  # one relationship: a plain typed method (overloads need two)
            out += [
                signatures[0],
                doc,
                "        return self.related_raw(name)  # type: ignore[return-value]",
                "",
            ]
        elif signatures:
            for signature in signatures:
                out += ["    @overload", signature + " ..."]
            out += [
                "    def related(self, name: str) -> Any:",
                doc,
                "        return self.related_raw(name)",
                "",
            ]
    out += [
        "",
        "RESOURCE_CLASSES: Final[dict[str, type[Resource]]] = {",
        *[f"    {t.type_name!r}: {t.class_name}," for t in types.values()],
        "}",
        "",
        "AnyResource = " + " | ".join([t.class_name for t in types.values()] + ["GenericResource"]),
        "",
        "__all__ = [",
        *sorted(
            [f'    "{t.class_name}",' for t in types.values()]
            + [f'    "{t.class_name}Attributes",' for t in types.values()]
            + ['    "AnyResource",', '    "GenericResource",', '    "RESOURCE_CLASSES",', '    "Resource",']
        ),
        "]",
    ]
    return "\n".join(out) + "\n"


def documents_module(types: dict[str, ResourceType]) -> str:
    classes = sorted({t.class_name for t in types.values()})
    out = [
        '"""Documents: `data`, `included`, `meta`, `links`, `next_cursor` and a typed `related`."""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping",
        "from typing import Any, ClassVar, Generic, Literal, TypeVar, overload",
        "",
        "from . import errors",
        "from ._jsonapi import DocumentBase, Resource",
        "from .resources import (",
        *[f"    {name}," for name in classes],
        "    RESOURCE_CLASSES,",
        ")",
        "",
        'R = TypeVar("R", bound=Resource)',
        "",
        "",
        "class _Related(DocumentBase):",
        '    """`related(resource, name)`: typed per relationship (to-one -> X | None, to-many -> list[X])."""',
        "",
        "    __slots__ = ()",
        "    resource_classes: ClassVar[Mapping[str, type[Resource]]] = RESOURCE_CLASSES",
        "",
    ]
    for t in types.values():
        for rel in t.relationships:
            target = types.get(rel.target)
            target_class = target.class_name if target else "Resource"
            result = f"list[{target_class}]" if rel.many else f"{target_class} | None"
            out += [
                "    @overload",
                f"    def related(self, resource: {t.class_name}, name: Literal[{rel.name!r}]) -> {result}: ...",
            ]
    out += [
        "    def related(self, resource: Resource, name: str) -> Any:",
        '        """The resource(s) a relationship of `resource` points at, from this document."""',
        "        return self.related_raw(resource, name)",
        "",
        "",
        "class Document(_Related, Generic[R]):",
        '    """A single-resource document: `data` is one resource."""',
        "",
        '    __slots__ = ("_data",)',
        "",
        "    def __init__(self, body: dict[str, Any]) -> None:",
        "        super().__init__(body)",
        '        self._data: R = self._wrap(body.get("data"), "data")  # type: ignore[assignment]',
        "",
        "    @property",
        "    def data(self) -> R:",
        "        return self._data",
        "",
        "    def __repr__(self) -> str:",
        "        return f\"Document(data={self._data!r}, included={len(self._body.get('included') or ())})\"",
        "",
        "",
        "class CollectionDocument(_Related, Generic[R]):",
        '    """A page of a collection: `data` is a list; `next_cursor` continues it."""',
        "",
        '    __slots__ = ("_data",)',
        "",
        "    def __init__(self, body: dict[str, Any]) -> None:",
        "        super().__init__(body)",
        '        items = body.get("data")',
        "        if not isinstance(items, list):",
        "            raise errors.ResponseValidationError(\"a collection's 'data' should be a list\")",
        "        wrap = self._linker.wrap",
        '        self._data: list[R] = [wrap(item, f"data[{n}]") for n, item in enumerate(items)]  # type: ignore[misc]',
        "",
        "    @property",
        "    def data(self) -> list[R]:",
        "        return self._data",
        "",
        "    @property",
        "    def next_cursor(self) -> str | None:",
        '        """`meta.pagination.cursors.next` [PD members sample], else `page[cursor]` in `links.next` [PY]."""',
        '        pagination = self.meta.get("pagination")',
        "        if isinstance(pagination, dict):",
        '            cursors = pagination.get("cursors")',
        '            if isinstance(cursors, dict) and isinstance(cursors.get("next"), str) and cursors["next"]:',
        '                return str(cursors["next"])',
        '        next_link = self.links.get("next")',
        "        if isinstance(next_link, str) and next_link:",
        "            return _cursor_from_link(next_link)",
        "        return None",
        "",
        "    @property",
        "    def total(self) -> int | None:",
        '        """`meta.pagination.total`, when Patreon sends it."""',
        '        pagination = self.meta.get("pagination")',
        '        total = pagination.get("total") if isinstance(pagination, dict) else None',
        "        return total if type(total) is int else None",
        "",
        "    def __repr__(self) -> str:",
        '        return f"CollectionDocument(data=<{len(self._data)} resources>, next_cursor={self.next_cursor!r})"',
        "",
        "",
        "def _cursor_from_link(link: str) -> str | None:",
        "    from urllib.parse import parse_qs, urlsplit",
        "",
        "    try:",
        '        values = parse_qs(urlsplit(link).query).get("page[cursor]")',
        "    except ValueError:  # not a URL (an unbalanced '[' in the host): no cursor in it",
        "        return None",
        "    return values[0] if values else None",
        "",
        "",
        '__all__ = ["CollectionDocument", "Document"]',
    ]
    return "\n".join(out) + "\n"
