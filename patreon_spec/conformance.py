"""Check HTTP exchanges against spec/patreon-v2.yaml: openapi-core's response validation, then how
the resources link (patreon_spec.linkage: included types per operation, linkage types, JSON:API
integrity), which schemas alone cannot see.

The test suite runs this on every answer the sandbox gives (tests/conftest.py); `patreon spec
check` runs it on live answers. `problem()` explains a mismatch for a developer (it may quote
values); `mismatches()` describes it by JSON path and JSON type only, for reports about real
accounts where values are personal data.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from patreon_spec import linkage
from patreon_spec.linkage import LinkageProblem
from patreon_spec.source import load_spec, spec_path

ORIGIN = "https://www.patreon.com"  # the spec's server: requests are matched against it
DRIFT_HEADER = "x-sandbox-drift"  # the sandbox marks answers it changed on purpose (patreon_sandbox.drift)


class SpecRequest:
    """An httpx.Request as openapi-core reads it, moved onto the spec's origin."""

    def __init__(self, request: httpx.Request) -> None:
        self._url = urlsplit(str(request.url))
        self._request = request
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qs(self._url.query)),
            header=Headers(dict(request.headers)),
            cookie=ImmutableMultiDict(),
        )

    @property
    def host_url(self) -> str:
        return ORIGIN

    @property
    def path(self) -> str:
        return self._url.path

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self._request.content or None

    @property
    def content_type(self) -> str:
        return str(self._request.headers.get("content-type", "")).lower()


class SpecResponse:
    """An httpx.Response as openapi-core reads it."""

    def __init__(self, response: httpx.Response) -> None:
        self._response = response

    @property
    def status_code(self) -> int:
        return self._response.status_code

    @property
    def content_type(self) -> str:
        return str(self._response.headers.get("content-type", "")).lower()

    @property
    def headers(self) -> Headers:
        return Headers(dict(self._response.headers))

    @property
    def data(self) -> bytes | None:
        return self._response.content or None


@functools.cache
def _openapi(path: Path) -> OpenAPI:
    return OpenAPI.from_dict(load_spec(path))


def openapi(path: Path | None = None) -> OpenAPI:
    return _openapi(path or spec_path())


def is_checkable(request: httpx.Request, response: httpx.Response) -> bool:
    """JSON answers on the spec's paths; injected faults (HTML pages, cut-off JSON, drift) are not checked.

    The spec describes HTML error pages in prose only ([KG]); a truncated body or a drifted
    document is a fault the sandbox injects on purpose. Every path of the spec is under `/api/`;
    the sandbox's own `/_sandbox/*`, the browser-facing `/oauth2/authorize` page and what a
    browser asks for on its own (`/favicon.ico`) are not part of the API.
    """
    if not request.url.path.startswith("/api/"):
        return False
    if DRIFT_HEADER in response.headers:
        return False
    if response.status_code == 204:
        return True
    if "json" not in response.headers.get("content-type", ""):
        return False
    try:
        json.loads(response.content)
    except ValueError:
        return False
    return True


def _errors(request: httpx.Request, response: httpx.Response, path: Path | None) -> list[Any] | None:
    """The jsonschema errors (or the exception itself) for an exchange; None when it conforms."""
    try:
        openapi(path).validate_response(SpecRequest(request), SpecResponse(response))
    except Exception as exc:
        return list(getattr(exc.__cause__, "schema_errors", ()) or (exc.__cause__ or exc,))
    return None


def linkage_problems(request: httpx.Request, response: httpx.Response) -> list[LinkageProblem]:
    """How a successful answer's resources link wrongly (patreon_spec.linkage); empty when they don't."""
    if not response.is_success or response.status_code == 204:
        return []
    try:
        document = json.loads(response.content)
    except ValueError:
        return []
    from patreon_generated.routing import match

    found = match(request.method, request.url.path)
    return linkage.check(found[0] if isinstance(found, tuple) else None, document)


def problem(request: httpx.Request, response: httpx.Response) -> str | None:
    """Why the response does not match the spec (values quoted), or None when it does.

    Two checks: the spec's schemas (openapi-core) and how the resources link (patreon_spec.linkage).
    """
    errors = _errors(request, response, None)
    shown = [str(getattr(e, "message", e))[:300] for e in errors or ()]
    shown += [linkage.describe(found) for found in linkage_problems(request, response)]
    if not shown:
        return None
    return f"{request.method} {request.url.path} -> {response.status_code}: {'; '.join(shown)}"


@dataclass(frozen=True)
class Mismatch:
    """One place where an answer breaks the spec, named without its value.

    `path` is the JSON path in the body (list indexes kept, so callers can look up the resource
    type there); `expected` is what the spec allows, `seen` the JSON type that came back.
    """

    path: tuple[str | int, ...]
    keyword: str  # the JSON Schema keyword that failed: type, required, const, not, anyOf, ...
    expected: str
    seen: str


def json_type(value: Any) -> str:
    """The JSON type name of a decoded value: null, boolean, integer, number, string, array, object."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _describe(schema: Any) -> str:
    """A schema as a short type expression: integer, string|null, PatronStatus|string."""
    if isinstance(schema, list):
        return "|".join(_describe(part) for part in schema)
    if not isinstance(schema, dict):
        return "?"
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "const" in schema:
        return "const"
    kind = schema.get("type")
    if isinstance(kind, list):
        return "|".join(str(k) for k in kind)
    if kind:
        return str(kind)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return _describe(schema[key])
    return "?"


def _is_type_tag_error(error: Any) -> bool:
    """An error on a resource's `type` member: the branch is for another resource type."""
    relative = list(error.relative_path)
    return bool(relative) and relative[-1] == "type" and error.validator in {"const", "not"}


def _flatten(error: Any) -> Iterable[Any]:
    """The errors that say what is wrong: inside anyOf, those of the branch for this resource type."""
    if error.validator in {"anyOf", "oneOf"} and error.context:
        branches: dict[int, list[Any]] = {}
        for sub in error.context:
            branches.setdefault(int(sub.schema_path[0]), []).append(sub)
        fitting = [errs for errs in branches.values() if not any(_is_type_tag_error(e) for e in errs)]
        # One branch is for this type (a resource in included[]): report what is wrong inside it.
        if len(fitting) == 1 and len(branches) > 1 and any(e.relative_path for e in fitting[0]):
            for sub in fitting[0]:
                yield from _flatten(sub)
            return
    yield error


def _expected(error: Any) -> str:
    """What the failed keyword allows, from the schema (never from the answer)."""
    keyword = error.validator
    if keyword == "type":
        value = error.validator_value
        return "|".join(value) if isinstance(value, list) else str(value)
    if keyword in {"anyOf", "oneOf"}:
        return _describe(error.validator_value)
    if keyword == "required":
        return "present: " + ", ".join(str(name) for name in error.validator_value)
    if keyword == "not":
        return "a type this spec does not describe"
    return f"{keyword} {_describe(error.schema)}"


def mismatches(request: httpx.Request, response: httpx.Response, spec: Path | None = None) -> list[Mismatch]:
    """Every way the answer breaks the spec, by JSON path and JSON type; empty when it conforms."""
    errors = _errors(request, response, spec)
    if errors is None:
        return []
    found: list[Mismatch] = []
    for error in errors:
        if not hasattr(error, "validator"):
            # Not a schema error (no matching operation or status, undecodable body): say which.
            found.append(Mismatch((), "response", "a documented answer", type(error).__name__))
            continue
        for leaf in _flatten(error):
            path: Sequence[str | int] = tuple(leaf.absolute_path)
            found.append(
                Mismatch(tuple(path), str(leaf.validator), _expected(leaf), json_type(leaf.instance))
            )
    return found
