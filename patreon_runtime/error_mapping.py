"""Turn an HTTP error response into the typed exception, whatever its body is."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

import attrs
import httpx

from . import errors, safe_json
from .retry_policy import retry_after_seconds

_BY_STATUS: dict[int, type[errors.APIStatusError]] = {
    400: errors.BadRequestError,
    401: errors.AuthenticationError,
    403: errors.PermissionDeniedError,
    404: errors.NotFoundError,
    429: errors.RateLimitError,
}

# Patreon answers with a request id in this header; Patreon's WP plugin logs it [WP].
REQUEST_ID_HEADER = "x-patreon-uuid"


@attrs.frozen(kw_only=True)
class ErrorCaps:
    """How much of an error response an exception keeps (client options ``max_error_excerpt`` and
    ``max_error_body``): a hostile or broken server must not make every error hold megabytes."""

    excerpt_chars: int = 200  # `body_excerpt`, and the summary quoted in the message
    body_bytes: int = 64 * 1024  # the body of `error.response`, and the most parsed for `errors`
    error_objects: int = 20  # JSON:API error objects kept in `errors`


DEFAULT_ERROR_CAPS = ErrorCaps()


def _capped_response(response: httpx.Response, limit: int) -> httpx.Response:
    """The response itself when its body fits; else a copy holding the first ``limit`` bytes."""
    content = response.content
    if len(content) <= limit:
        return response
    # The kept body is decoded text: headers that describe the wire encoding no longer apply.
    # Raw bytes, as received: a value that is not ASCII (`retry-after: \xc2\x80`) is kept as it
    # came instead of failing to encode again.
    headers = [
        (key, value)
        for key, value in response.headers.raw
        if key.lower() not in {b"content-encoding", b"content-length", b"transfer-encoding"}
    ]
    kept = httpx.Response(response.status_code, headers=headers, content=content[:limit])
    with contextlib.suppress(RuntimeError):  # a response built by hand, never sent, has no request
        kept.request = response.request
    return kept


def error_objects(content: bytes) -> list[dict[str, Any]] | None:
    """The JSON:API error objects of a body, or None when the body is not a JSON:API error document."""
    try:
        body = safe_json.loads(content)
    except ValueError:
        return None
    if not isinstance(body, dict) or not isinstance(body.get("errors"), list):
        return None
    return [item for item in body["errors"] if isinstance(item, dict)]


def status_error(
    response: httpx.Response,
    caps: ErrorCaps = DEFAULT_ERROR_CAPS,
    scope_rules: Mapping[str, Any] | None = None,
) -> errors.APIStatusError:
    """The typed error for a non-2xx response; HTML bodies (edge 502s [KG]) are kept as an excerpt.

    ``scope_rules`` (the call's, from its ``Operation``) let a 401 or 403 say which scope is
    missing and how to get it.
    """
    content = response.content
    too_big = len(content) > caps.body_bytes
    objects = None if too_big else error_objects(content)
    status = response.status_code
    summary = ""
    if objects:
        first = objects[0]
        summary = _clip(str(first.get("detail") or first.get("title") or first.get("code_name") or ""), caps)
    excerpt = "" if objects is not None else content[: caps.excerpt_chars].decode("utf-8", errors="replace")
    kind = "non-JSON body" if objects is None and content else ""
    if too_big:
        kind = f"a {len(content)}-byte body, past max_error_body: not parsed"
    message = (
        f"Patreon returned {status}" + (f": {summary}" if summary else "") + (f" ({kind})" if kind else "")
    )
    request_id = response.headers.get(REQUEST_ID_HEADER)
    common: dict[str, Any] = {
        "status_code": status,
        "errors": (objects or [])[: caps.error_objects],
        "request_id": _clip(request_id, caps) if request_id is not None else None,
        "body_excerpt": excerpt,
        "response": _capped_response(response, caps.body_bytes),
    }
    if status == 429:
        return errors.RateLimitError(
            message, retry_after=retry_after_seconds(response.headers, content), **common
        )
    cls = _BY_STATUS.get(status, errors.ServerError if status >= 500 else errors.APIStatusError)
    if status not in (401, 403) or not scope_rules:
        return cls(message, **common)
    needed: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()
    with contextlib.suppress(RuntimeError):  # a response built by hand has no request to explain
        from .scope_advice import advice  # only when explaining a 401 or 403

        needed, named, sentence = advice(status, scope_rules, response.request, objects or [])
        if sentence:
            # A clipped summary keeps its "...": stripping dots there would glue the advice to a
            # half word ("how to supply the c. The token ...").
            head = message if message.endswith(ELLIPSIS) else message.rstrip(".") + "."
            message = f"{head} {sentence[0].upper()}{sentence[1:]}"
    error = cls(message, **common)
    error.needed_scopes, error.missing_scopes = needed, named
    return error


ELLIPSIS = "..."


def _clip(text: str, caps: ErrorCaps) -> str:
    """At most ``excerpt_chars`` characters, cut at a word boundary when there is one, then "..."."""
    if len(text) <= caps.excerpt_chars:
        return text
    cut = text[: caps.excerpt_chars]
    if not text[caps.excerpt_chars].isspace():
        # Back to the last space, unless that would drop most of the text (one long token).
        space = cut.rfind(" ")
        if space > caps.excerpt_chars // 2:
            cut = cut[:space]
    return cut.rstrip(" ,;:") + ELLIPSIS
