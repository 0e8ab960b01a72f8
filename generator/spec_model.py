"""Read the spec into the few facts the emitters need (types, attributes, relationships, endpoints).

The spec's conventions are documented at the top of spec/patreon-v2.yaml: resource schemas carry
``type: {const: ...}``, relationships carry ``x-patreon-target``, operations carry
``x-patreon-resource`` / ``x-patreon-collection`` and their scopes under ``security``.
"""

from __future__ import annotations

import copy
import keyword
import re
from dataclasses import dataclass, field
from typing import Any

Spec = dict[str, Any]

REF_PREFIX = "#/components/schemas/"


def pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", name) if part)


def snake(name: str) -> str:
    """`pledge-event` -> `pledge_event`, `WebhookCreateRequest` -> `webhook_create_request`."""
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"[^0-9a-zA-Z]+", "_", name).strip("_").lower()


@dataclass(frozen=True)
class Attribute:
    name: str
    json_type: str  # string | integer | number | boolean | object | array
    format: str | None
    nullable: bool
    enum_name: str | None  # component name of the (open) enum, if any
    enum_values: tuple[str, ...] | None
    items: str | None  # JSON type of array items
    deprecated: bool
    description: str
    secret: bool = False  # `x-patreon-secret`: a credential, masked in repr


@dataclass(frozen=True)
class Relationship:
    name: str
    target: str
    many: bool


@dataclass
class ResourceType:
    type_name: str  # JSON:API type string, e.g. "pledge-event"
    class_name: str  # "PledgeEvent"
    attributes: list[Attribute] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    description: str = ""


@dataclass(frozen=True)
class BodyField:
    name: str
    location: str  # "attribute" | "relationship"
    required: bool
    json_type: str
    items: str | None
    format: str | None
    enum_name: str | None
    target: str | None  # for relationships: the target type


@dataclass
class Endpoint:
    operation_id: str
    method: str
    path: str
    tag: str
    verb: str  # get | list | create | update | delete: the first word of the operationId
    method_name: str  # the Python method on the tag's namespace (see `method_name`)
    resource: str | None
    collection: bool
    path_params: list[str]
    includes: list[str]
    include_enum: str | None
    fields_types: list[str]
    scopes: list[str]
    include_scopes: dict[str, str]  # include path -> scope, from x-patreon-scope-rules
    field_scopes: dict[str, dict[str, str]]  # type -> attribute -> scope, from x-patreon-scope-rules
    advisory_includes: list[str]  # include paths Patreon answers without their scope, leaving data out
    page_max: int | None
    page_max_with: dict[str, int]
    page_default: int | None
    early_access: bool
    body_type: str | None  # JSON:API type in the request body
    body_fields: list[BodyField]
    body_schema: str | None  # component name of the request body
    summary: str

    @property
    def reads(self) -> bool:
        """A GET: the method takes include/fields/paging, not a body."""
        return self.method == "GET"

    @property
    def paging_names(self) -> tuple[str, ...]:
        """The paging twins of a collection's method (`list` -> `pages`, `iterate`), else none."""
        if not (self.collection and self.reads):
            return ()
        rest = self.method_name[len("list") :]
        return ("pages" + rest, "iterate" + rest)

    @property
    def python_names(self) -> tuple[str, ...]:
        """Every name this operation puts on its namespace."""
        return (self.method_name, *self.paging_names)


def resolve(spec: Spec, node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        parts = ref.lstrip("#/").split("/")
        target: Any = spec
        for part in parts:
            target = target[part]
        node = target
    return node


def ref_name(node: Any) -> str | None:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith(REF_PREFIX):
        return str(node["$ref"][len(REF_PREFIX) :])
    return None


def _types_of(schema: dict[str, Any]) -> tuple[list[str], bool]:
    raw = schema.get("type")
    types = [raw] if isinstance(raw, str) else list(raw or [])
    nullable = "null" in types
    return [t for t in types if t != "null"], nullable


def parse_attribute(spec: Spec, name: str, schema: dict[str, Any]) -> Attribute:
    nullable = False
    enum_name: str | None = None
    enum_values: tuple[str, ...] | None = None
    base = schema
    variants = schema.get("anyOf") or schema.get("oneOf")
    if variants:
        non_null = []
        for variant in variants:
            if resolve(spec, variant).get("type") == "null":
                nullable = True
            else:
                non_null.append(variant)
        for variant in non_null:
            if ref_name(variant) is not None and "enum" in resolve(spec, variant):
                enum_name = ref_name(variant)
                enum_values = tuple(str(v) for v in resolve(spec, variant)["enum"] if v is not None)
        base = resolve(spec, non_null[0]) if non_null else {}
    else:
        base = resolve(spec, schema)
        if "enum" in base and ref_name(schema):
            enum_name = ref_name(schema)
            enum_values = tuple(str(v) for v in base["enum"] if v is not None)
    types, is_null = _types_of(base)
    nullable = nullable or is_null or bool(schema.get("nullable"))
    json_type = types[0] if types else "any"
    items = None
    if json_type == "array":
        item_schema = resolve(spec, base.get("items") or {})
        item_types, _ = _types_of(item_schema)
        items = item_types[0] if item_types else "any"
    return Attribute(
        name=name,
        json_type=json_type,
        format=base.get("format"),
        nullable=nullable,
        enum_name=enum_name,
        enum_values=enum_values,
        items=items,
        deprecated=bool(schema.get("deprecated") or base.get("deprecated")),
        description=" ".join(str(schema.get("description") or base.get("description") or "").split()),
        secret=bool(schema.get("x-patreon-secret")),
    )


def resource_types(spec: Spec) -> dict[str, ResourceType]:
    """Every component schema whose ``type`` property is a const is a JSON:API resource type."""
    found: dict[str, ResourceType] = {}
    schemas = spec["components"]["schemas"]
    # The resource types are exactly the variants of `included` (GenericResource, with no const, aside).
    included = schemas["IncludedResource"]
    variants = [ref_name(v) for v in included.get("anyOf") or included["oneOf"]]
    for schema_name in variants:
        assert schema_name is not None
        schema = schemas[schema_name]
        props = schema.get("properties") or {}
        type_prop = props.get("type") or {}
        if "const" not in type_prop:
            continue
        type_name = str(type_prop["const"])
        resource = ResourceType(
            type_name=type_name,
            class_name=schema_name,
            description=" ".join(str(schema.get("description") or "").split()),
        )
        attributes = resolve(spec, props.get("attributes") or {})
        for attr_name, attr_schema in (attributes.get("properties") or {}).items():
            resource.attributes.append(parse_attribute(spec, attr_name, attr_schema))
        relationships = resolve(spec, props.get("relationships") or {})
        for rel_name, rel_schema in (relationships.get("properties") or {}).items():
            target = rel_schema.get("x-patreon-target")
            if target is None:
                continue
            many = (ref_name(rel_schema) or "").startswith("ToMany")
            resource.relationships.append(Relationship(rel_name, str(target), many))
        found[type_name] = resource
    return dict(sorted(found.items()))


def _body_fields(spec: Spec, operation: dict[str, Any]) -> tuple[str | None, list[BodyField], str | None]:
    body = operation.get("requestBody")
    if not body:
        return None, [], None
    content = resolve(spec, body)["content"]
    media = content.get("application/json") or next(iter(content.values()))
    schema_name = ref_name(media["schema"])
    root = resolve(spec, media["schema"])
    data = resolve(spec, root["properties"]["data"])
    data_props = data.get("properties") or {}
    body_type = (data_props.get("type") or {}).get("const")
    fields: list[BodyField] = []
    for location, key in (("attribute", "attributes"), ("relationship", "relationships")):
        if key not in data_props:
            continue
        section = resolve(spec, data_props[key])
        required = set(section.get("required") or ())
        for name, prop in (section.get("properties") or {}).items():
            if location == "relationship":
                linkage = resolve(spec, resolve(spec, prop)["properties"]["data"])
                target = (resolve(spec, linkage["properties"]["type"])).get("const")
                fields.append(BodyField(name, location, name in required, "string", None, None, None, target))
                continue
            attribute = parse_attribute(spec, name, prop)
            fields.append(
                BodyField(
                    name,
                    location,
                    name in required,
                    attribute.json_type,
                    attribute.items,
                    attribute.format,
                    attribute.enum_name or _item_enum(spec, prop),
                    None,
                )
            )
    return body_type, fields, schema_name


def _item_enum(spec: Spec, prop: dict[str, Any]) -> str | None:
    items = resolve(spec, prop).get("items")
    if isinstance(items, dict) and ref_name(items) and "enum" in resolve(spec, items):
        return ref_name(items)
    return None


def endpoints(spec: Spec) -> list[Endpoint]:
    found: list[Endpoint] = []
    for path, path_item in spec["paths"].items():
        for method, operation in path_item.items():
            if method not in {"get", "post", "patch", "put", "delete"}:
                continue
            if "x-patreon-resource" not in operation:
                continue  # the OAuth token endpoint is driven by patreon_auth, not a resource client
            params = [
                resolve(spec, p)
                for p in (path_item.get("parameters") or []) + operation.get("parameters", [])
            ]
            path_params = [p["name"] for p in params if p["in"] == "path"]
            includes: list[str] = []
            include_enum = None
            fields_types: list[str] = []
            page_max = None
            page_max_with: dict[str, int] = {}
            for param in params:
                name = param["name"]
                schema = param.get("schema") or {}
                if name == "include":
                    item_ref = schema.get("items") or {}
                    include_enum = ref_name(item_ref)
                    includes = [str(v) for v in resolve(spec, item_ref)["enum"]]
                elif name.startswith("fields["):
                    fields_types.append(name[len("fields[") : -1])
                elif name == "page[count]":
                    page_max = schema.get("maximum")
                    page_max_with = dict(
                        param.get("x-patreon-maximum-with") or schema.get("x-patreon-maximum-with") or {}
                    )
            scopes: list[str] = []
            for requirement in operation.get("security") or []:
                for scheme_scopes in requirement.values():
                    scopes.extend(scheme_scopes)
            body_type, body_fields, body_schema = _body_fields(spec, operation)
            include_scopes, field_scopes, advisory = _scope_rules(operation)
            operation_id = str(operation["operationId"])
            collection = bool(operation.get("x-patreon-collection"))
            found.append(
                Endpoint(
                    operation_id=operation_id,
                    method=method.upper(),
                    path=path,
                    tag=str((operation.get("tags") or ["default"])[0]),
                    verb=operation_id.split("_")[0],
                    method_name=method_name(operation, collection=collection and method == "get"),
                    resource=operation.get("x-patreon-resource"),
                    collection=collection,
                    path_params=path_params,
                    includes=includes,
                    include_enum=include_enum,
                    fields_types=fields_types,
                    scopes=scopes,
                    include_scopes=include_scopes,
                    field_scopes=field_scopes,
                    advisory_includes=advisory,
                    page_max=page_max,
                    page_max_with=page_max_with,
                    page_default=operation.get("x-patreon-page-default"),
                    early_access=bool(operation.get("x-patreon-early-access")),
                    body_type=body_type,
                    body_fields=body_fields,
                    body_schema=body_schema,
                    summary=" ".join(str(operation.get("summary") or "").split()),
                )
            )
    return found


def _scope_rules(
    operation: dict[str, Any],
) -> tuple[dict[str, str], dict[str, dict[str, str]], list[str]]:
    """The per-endpoint scope rules: ``{include: path, scope}`` or ``{field: type.attribute, scope}``.

    A rule marked ``advisory`` names a scope Patreon answers without (leaving that data out).
    """
    includes: dict[str, str] = {}
    fields: dict[str, dict[str, str]] = {}
    advisory: list[str] = []
    for rule in operation.get("x-patreon-scope-rules") or []:
        if "include" in rule:
            includes[str(rule["include"])] = str(rule["scope"])
            if rule.get("advisory"):
                advisory.append(str(rule["include"]))
        else:
            type_name, _, attribute = str(rule["field"]).partition(".")
            fields.setdefault(type_name, {})[attribute] = str(rule["scope"])
    return includes, fields, advisory


def webhook_triggers(spec: Spec) -> dict[str, str]:
    """Trigger -> JSON:API type of the payload's ``data``, from the spec's top-level ``webhooks``."""
    triggers: dict[str, str] = {}
    for trigger, item in (spec.get("webhooks") or {}).items():
        operation = item.get("post") or {}
        content = resolve(spec, operation.get("requestBody") or {}).get("content") or {}
        media: dict[str, Any] = content.get("application/json") or next(iter(content.values()), {})
        root = resolve(spec, media.get("schema") or {})
        data = resolve(spec, (root.get("properties") or {}).get("data") or {})
        data_type = ((data.get("properties") or {}).get("type") or {}).get("const")
        triggers[str(trigger)] = str(data_type)
    return dict(sorted(triggers.items()))


def scopes(spec: Spec) -> dict[str, str]:
    flows = spec["components"]["securitySchemes"]["oauth2"]["flows"]
    flow = next(iter(flows.values()))
    return {str(k): " ".join(str(v).split()) for k, v in flow["scopes"].items()}


# --- Python names: how an operation becomes a method, and the check that two never meet ---------

METHOD_EXTENSION = "x-patreon-method"
# Names the client and every namespace already use for themselves (generated client.py.jinja,
# endpoint_init.py.jinja): a tag or method spelled like one would shadow it.
CLIENT_NAMES = frozenset({"options", "with_options", "http_client", "close", "aclose"})
NAMESPACE_NAMES = frozenset({"_sender"})

NAMING_RULE = (
    "Naming rule (docs/regenerate.md, 'How operations are named'): an operation becomes the method "
    "`client.<tag>.<name>`, where <tag> is its first tag in snake case and <name> is the first word of "
    "its operationId (list_campaign_members -> list, get_member -> get) unless the operation sets "
    f"`{METHOD_EXTENSION}: <name>`. A paged GET (x-patreon-collection) also gets `pages<rest>` and "
    "`iterate<rest>`, where its name is `list<rest>` (list -> pages, iterate; list_benefits -> "
    "pages_benefits, iterate_benefits). To choose another name, set "
    f"`{METHOD_EXTENSION}` on one of the operations (a paged GET's name must start with `list`) "
    "or move it to another tag."
)


class NamingError(Exception):
    """Two operations (or a tag and a client attribute) would get the same Python name."""


def method_name(operation: dict[str, Any], *, collection: bool) -> str:
    """The Python method an operation becomes on its tag's namespace (`NAMING_RULE`)."""
    operation_id = str(operation["operationId"])
    chosen = operation.get(METHOD_EXTENSION)
    name = str(chosen) if chosen is not None else operation_id.split("_")[0]
    if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_") or name != name.lower():
        raise NamingError(
            f"{operation_id}: {name!r} is not a usable method name (lower-case snake case).\n{NAMING_RULE}"
        )
    if collection and not (name == "list" or name.startswith("list_")):
        raise NamingError(
            f"{operation_id}: a paged GET's method name must be `list` or `list_<x>`, not {name!r}.\n{NAMING_RULE}"
        )
    return name


def check_names(found: list[Endpoint]) -> None:
    """Fail when two operations of one tag, or a tag and a client attribute, share a Python name.

    The message names both operations, the name, and the rule; every clash is listed at once.
    """
    problems: list[str] = []
    namespaces: dict[str, str] = {}
    owners: dict[tuple[str, str], str] = {}
    for endpoint in found:
        namespace = snake(endpoint.tag)
        if namespace in CLIENT_NAMES:
            problems.append(
                f"tag {endpoint.tag!r} ({endpoint.operation_id}) would become `client.{namespace}`, "
                "which the client already uses for itself"
            )
        earlier_tag = namespaces.setdefault(namespace, endpoint.tag)
        if earlier_tag != endpoint.tag:
            problems.append(f"tags {earlier_tag!r} and {endpoint.tag!r} both become `client.{namespace}`")
        for name in endpoint.python_names:
            if name in NAMESPACE_NAMES:
                problems.append(f"{endpoint.operation_id}: `{name}` is the namespace's own attribute")
            owner = owners.setdefault((namespace, name), endpoint.operation_id)
            if owner != endpoint.operation_id:
                problems.append(
                    f"{owner} and {endpoint.operation_id} would both be `client.{namespace}.{name}` "
                    f"(tag {endpoint.tag!r})"
                )
    if problems:
        listed = "\n".join(f"  - {problem}" for problem in dict.fromkeys(problems))
        raise NamingError(f"two operations would get the same Python name:\n{listed}\n{NAMING_RULE}")


# --- Names derived from the spec, never listed beside it ----------------------------------------

FIELDS_OF = "x-patreon-fields-of"


def with_field_names(spec: Spec) -> Spec:
    """A copy of the spec in which each `<Class>Field` schema lists its type's attribute names.

    The spec marks such a schema `x-patreon-fields-of: <type>` and lists nothing: the names are the
    attributes schema's properties, so an attribute added there is a `fields` name everywhere (the
    Literal, the builders' name check, the sandbox) with no second list to keep in step.
    """
    derived = copy.deepcopy(spec)
    types = resource_types(derived)
    schemas = derived["components"]["schemas"]
    for name, schema in schemas.items():
        of = schema.get(FIELDS_OF)
        if of is None:
            continue
        if "enum" in schema:
            raise NamingError(
                f"{name} lists attribute names by hand; {FIELDS_OF} lists them from the attributes"
            )
        if of not in types:
            raise NamingError(f"{name}: {FIELDS_OF} names {of!r}, which is not a resource type of the spec")
        if name != types[of].class_name + "Field":
            raise NamingError(f"{name}: the field names of {of!r} are named {types[of].class_name}Field")
        schema["enum"] = [attribute.name for attribute in types[of].attributes]
    for parameter in _parameters(derived):
        wire = str(parameter.get("name", ""))
        if not wire.startswith("fields["):
            continue
        type_name = wire[len("fields[") : -1]
        items = ref_name((parameter.get("schema") or {}).get("items"))
        if items is None or schemas.get(items, {}).get(FIELDS_OF) != type_name:
            raise NamingError(
                f"the parameter {wire} must list items of a schema marked `{FIELDS_OF}: {type_name}`, not {items!r}"
            )
    return derived


def _parameters(spec: Spec) -> list[dict[str, Any]]:
    """Every parameter the operations use, resolved."""
    found: list[dict[str, Any]] = []
    for path_item in spec["paths"].values():
        for method, operation in path_item.items():
            if method in {"get", "post", "patch", "put", "delete"}:
                found.extend(resolve(spec, p) for p in operation.get("parameters") or [])
    return found
