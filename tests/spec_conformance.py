"""Check HTTP exchanges against spec/patreon-v2.yaml with openapi-core (response validation).

Used by the fidelity test and by the suite-wide check in tests/conftest.py, which validates every
answer the sandbox gives while the tests run.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

SPEC = Path(__file__).resolve().parents[1] / "spec" / "patreon-v2.yaml"
ORIGIN = "https://www.patreon.com"  # the spec's server: requests are matched against it


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


def load_spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SPEC.read_text())
    return spec


@functools.cache
def openapi() -> OpenAPI:
    return OpenAPI.from_dict(load_spec())


def is_checkable(request: httpx.Request, response: httpx.Response) -> bool:
    """JSON answers on the spec's paths; injected faults (HTML pages, cut-off JSON) are not checked.

    The spec describes HTML error pages in prose only ([KG]); a truncated body is a fault the
    sandbox injects on purpose. Every path of the spec is under `/api/`; the sandbox's own
    `/_sandbox/*`, the browser-facing `/oauth2/authorize` page and what a browser asks for
    on its own (`/favicon.ico`) are not part of the API.
    """
    path = request.url.path
    if not path.startswith("/api/"):
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


def problem(request: httpx.Request, response: httpx.Response) -> str | None:
    """Why the response does not match the spec, or None when it does."""
    try:
        openapi().validate_response(SpecRequest(request), SpecResponse(response))
    except Exception as exc:
        errors = getattr(exc.__cause__, "schema_errors", ()) or (exc.__cause__ or exc,)
        shown = "; ".join(str(getattr(e, "message", e))[:300] for e in errors)
        return f"{request.method} {request.url.path} -> {response.status_code}: {type(exc).__name__}: {shown}"
    return None
