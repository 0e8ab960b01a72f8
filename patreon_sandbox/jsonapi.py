"""JSON:API the way Patreon serves it: strict parameters, sparse fieldsets, includes, cursors, errors.

No attributes come back unless ``fields[TYPE]`` names them and no relationships unless
``include`` names them [PD _oauth_v2.md; platform-documentation#36]; nested include paths work
([WP] fetch_user; [KG]); ``included`` holds each resource once.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from patreon_auth.scopes import include_scope
from patreon_sandbox.schema import ENDPOINTS, attributes_of, relationships_of
from patreon_sandbox.world import World

API_PREFIX = "/api/oauth2/v2"
# Where `links.related` and `links.self` point for each type [PD samples]; identity's self link
# is /user/{id}, a route Patreon does not document as callable [PD].
_COLLECTION_PATHS = {
    "campaign": "campaigns",
    "member": "members",
    "post": "posts",
    "webhook": "webhooks",
    "live": "lives",
}

# Patreon's error objects carry a numeric code and a code_name [PD _errors.md; GO; patreon-js#28];
# only Unauthorized = 1 and RequestThrottled = null are attested, the other codes are the sandbox's.
_CODES: dict[str, int | None] = {
    "Unauthorized": 1,
    "ParameterInvalid": 3,
    "ViewForbidden": 4,
    "ResourceMissing": 5,
    "MethodNotAllowed": 6,
    "RequestThrottled": None,
    "InternalServerError": 8,
    "ServiceUnavailable": 9,
    "OperationNotImplemented": 10,  # the sandbox's own: a route of the spec it has no handler for
}
_TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    429: "Too Many Requests",
    500: "Internal Server Error",
    501: "Not Implemented",  # RFC 9110 §15.6.2: the server does not support the functionality
    502: "Bad Gateway",
    503: "Service Unavailable",
}


class ApiError(Exception):
    """An error the API answers with a JSON:API error document."""

    def __init__(
        self,
        status: int,
        code_name: str,
        detail: str,
        *,
        parameter: str | None = None,
        retry_after_seconds: int | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code_name = code_name
        self.detail = detail
        self.parameter = parameter
        self.retry_after_seconds = retry_after_seconds

    def document(self) -> dict[str, Any]:
        """`{"errors": [...]}` with `status` as a string, as Patreon sends it [PD _errors.md]."""
        error: dict[str, Any] = {
            "code": _CODES.get(self.code_name),
            "code_name": self.code_name,
            "code_challenge": None,  # always null [PAT error.ts]
            "detail": self.detail,
            "id": str(uuid.uuid4()),
            "status": str(self.status),
            "title": _TITLES.get(self.status, "Error"),
        }
        if self.parameter is not None:
            error["source"] = {"parameter": self.parameter}
        if self.retry_after_seconds is not None:
            error["retry_after_seconds"] = self.retry_after_seconds
        return {"errors": [error]}


def bad_parameter(parameter: str, detail: str) -> ApiError:
    return ApiError(400, "ParameterInvalid", detail, parameter=parameter)


IncludeTree = dict[str, "IncludeTree"]


@dataclass
class Query:
    """A validated GET query: include tree, fields per type, page size and cursor."""

    include_paths: tuple[str, ...] = ()
    include: IncludeTree = field(default_factory=dict)
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    count: int | None = None
    cursor: int | None = None
    sort: tuple[tuple[str, bool], ...] = ()  # (attribute, descending); accepted, see _sort_keys
    params: list[tuple[str, str]] = field(default_factory=list)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _sort_keys(type_name: str | None, value: str) -> tuple[tuple[str, bool], ...]:
    """`sort=-created,full_name` as (attribute, descending) pairs; unknown attributes are a 400.

    Which attributes v2 sorts by is not documented ([PD _usage.md] covers v1 pledges only), so the
    sandbox accepts any attribute of the listed type and keeps its stable order: a client's
    request is checked, the order it gets is not promised.
    """
    keys: list[tuple[str, bool]] = []
    known = attributes_of(type_name or "")
    for part in _split(value):
        name = part.removeprefix("-")
        if name not in known:
            raise bad_parameter("sort", f"'{name}' is not a sortable attribute here.")
        keys.append((name, part.startswith("-")))
    return tuple(keys)


def parse_query(operation_id: str, params: Sequence[tuple[str, str]], scopes: frozenset[str]) -> Query:
    """Validate a query against the endpoint (400 for anything unknown, 403 for a missing scope)."""
    endpoint = ENDPOINTS[operation_id]
    query = Query(params=list(params))
    seen: set[str] = set()
    allowed_fields = set(endpoint["fields"])
    for name, value in params:
        if name in seen:
            raise bad_parameter(name, f"The parameter '{name}' was given more than once.")
        seen.add(name)
        if name == "include" and endpoint["includes"]:
            paths = _split(value)
            for path in paths:
                if path not in endpoint["includes"]:
                    raise bad_parameter(
                        "include", f"'{path}' is not a valid relationship for include on this endpoint."
                    )
                needed = include_scope(endpoint["include_scopes"], path)
                if needed is not None and needed not in scopes and path not in endpoint["advisory_includes"]:
                    raise ApiError(
                        403,
                        "ViewForbidden",
                        f"Including '{path}' needs the '{needed}' scope.",
                        parameter="include",
                    )
            # An advisory include without its scope is answered without that data [PD identity; WP].
            withheld = {
                path
                for path in paths
                if path in endpoint["advisory_includes"]
                and include_scope(endpoint["include_scopes"], path) not in scopes
            }
            query.include_paths = tuple(dict.fromkeys(path for path in paths if path not in withheld))
        elif name.startswith("fields[") and name.endswith("]") and name[7:-1] in allowed_fields:
            type_name = name[7:-1]
            known = attributes_of(type_name)
            rules = endpoint["field_scopes"].get(type_name, {})
            names = _split(value)
            for attribute in names:
                if attribute not in known:
                    raise bad_parameter(name, f"'{attribute}' is not an attribute of type '{type_name}'.")
                needed = rules.get(attribute)
                if needed is not None and needed not in scopes:
                    raise ApiError(
                        403, "ViewForbidden", f"'{type_name}.{attribute}' needs the '{needed}' scope here.",
                        parameter=name,
                    )  # fmt: skip
            query.fields[type_name] = tuple(dict.fromkeys(names))
        elif name == "page[count]" and endpoint["collection"]:
            if not value.isdigit() or int(value) < 1:
                raise bad_parameter(name, "page[count] must be a positive integer.")
            query.count = int(value)
        elif name == "page[cursor]" and endpoint["collection"]:
            query.cursor = decode_cursor(value)
        elif name == "sort" and endpoint["collection"]:
            query.sort = _sort_keys(endpoint["resource_type"], value)
        else:
            raise bad_parameter(name, f"The parameter '{name}' is not supported on this endpoint.")
    for path in query.include_paths:
        node = query.include
        for part in path.split("."):
            node = node.setdefault(part, {})
    return query


def page_size(operation_id: str, query: Query) -> int:
    """The page size served: the request's, capped at Patreon's maximum (500 with pledge_history) [PD]."""
    endpoint = ENDPOINTS[operation_id]
    size = query.count or endpoint["page_default"] or 20
    caps = [endpoint["page_max"] or size]
    caps += [cap for name, cap in endpoint["page_max_with"].items() if name in query.include]
    return min(size, *caps)


def encode_cursor(key: int) -> str:
    return base64.urlsafe_b64encode(f"sbx:{key}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    prefix, _, key = text.partition(":")
    if prefix != "sbx" or not key.isdigit():
        raise bad_parameter("page[cursor]", "The cursor is not valid.")
    return int(key)


def self_link(origin: str, type_name: str, resource_id: str) -> str:
    return f"{origin}{API_PREFIX}/{_COLLECTION_PATHS.get(type_name, type_name)}/{resource_id}"


class DocumentBuilder:
    """Builds one document: resource objects with the asked-for attributes and includes."""

    def __init__(self, world: World, fields: Mapping[str, Iterable[str]], origin: str) -> None:
        self.world = world
        self.fields = {name: tuple(names) for name, names in fields.items()}
        self.origin = origin
        self.included: dict[tuple[str, str], dict[str, Any]] = {}
        self._primary: set[tuple[str, str]] = set()

    def resource(
        self,
        type_name: str,
        resource_id: str,
        tree: IncludeTree,
        *,
        attributes: Mapping[str, Any] | None = None,
        relationships: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        wanted = self.fields.get(type_name, ())
        if wanted:
            source = attributes if attributes is not None else self.world.attributes(type_name, resource_id)
            shown = {name: source.get(name) for name in wanted}
        else:
            shown = {}  # Patreon sends an empty object, not nothing [GO; platform-documentation#36]
        obj: dict[str, Any] = {"attributes": shown, "id": resource_id, "type": type_name}
        if tree:
            linkage = relationships if relationships is not None else None
            obj["relationships"] = self._relationships(type_name, resource_id, tree, linkage)
        return obj

    def _relationships(
        self, type_name: str, resource_id: str, tree: IncludeTree, given: Mapping[str, Any] | None
    ) -> dict[str, Any]:
        result: dict[str, Any] = {}
        declared = relationships_of(type_name)
        for name, subtree in tree.items():
            target, many = declared[name]
            value = (
                given[name]
                if given is not None and name in given
                else self.world.related(type_name, resource_id, name)
            )
            if many:
                ids = list(value) if isinstance(value, list) else []
                result[name] = {"data": [{"id": item, "type": target} for item in ids]}
                for item in ids:
                    self._include(target, item, subtree)
            elif isinstance(value, str):
                result[name] = {
                    "data": {"id": value, "type": target},
                    "links": {"related": self_link(self.origin, target, value)},
                }
                self._include(target, value, subtree)
            else:
                result[name] = {"data": None}  # an empty to-one, e.g. no address [PD webhook sample, GO]
        return result

    def _include(self, type_name: str, resource_id: str, tree: IncludeTree) -> None:
        key = (type_name, resource_id)
        if key in self._primary or not self.world.exists(type_name, resource_id):
            return
        existing = self.included.get(key)
        if existing is None:
            self.included[key] = {}  # placeholder first: cycles stop here
            self.included[key] = self.resource(type_name, resource_id, tree)
        elif tree:
            # Reached again by another path with more to include: merge, never duplicate.
            extra = self._relationships(type_name, resource_id, tree, None)
            existing.setdefault("relationships", {}).update(extra)

    def mark_primary(self, type_name: str, resource_ids: Iterable[str]) -> None:
        self._primary.update((type_name, item) for item in resource_ids)

    def included_list(self) -> list[dict[str, Any]]:
        return [item for item in self.included.values() if item]


def single_document(
    builder: DocumentBuilder, data: dict[str, Any], self_url: str, *, with_included: bool
) -> dict[str, Any]:
    document: dict[str, Any] = {"data": data}
    if with_included:
        document["included"] = builder.included_list()
    document["links"] = {"self": self_url}
    return document


def collection_document(
    builder: DocumentBuilder,
    data: list[dict[str, Any]],
    *,
    total: int,
    next_cursor: str | None,
    next_url: str | None,
    with_included: bool,
) -> dict[str, Any]:
    document: dict[str, Any] = {"data": data}
    if with_included:
        document["included"] = builder.included_list()
    document["meta"] = {"pagination": {"cursors": {"next": next_cursor}, "total": total}}
    if next_url is not None:
        document["links"] = {"next": next_url}  # absolute, with page[cursor] [PD-hist; GO; KG]
    return document


def next_page_url(origin: str, path: str, params: Sequence[tuple[str, str]], cursor: str) -> str:
    kept = [(name, value) for name, value in params if name != "page[cursor]"]
    kept.append(("page[cursor]", cursor))
    return f"{origin}{path}?{urlencode(kept, quote_via=quote)}"
