"""Turn an HTTP error response into the typed exception, whatever its body is."""

from __future__ import annotations

import json
from typing import Any

import httpx

from . import errors
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


def error_objects(content: bytes) -> list[dict[str, Any]] | None:
    """The JSON:API error objects of a body, or None when the body is not a JSON:API error document."""
    try:
        body = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(body, dict) or not isinstance(body.get("errors"), list):
        return None
    return [item for item in body["errors"] if isinstance(item, dict)]


def status_error(response: httpx.Response) -> errors.APIStatusError:
    """The typed error for a non-2xx response; HTML bodies (edge 502s [KG]) are kept as an excerpt."""
    content = response.content
    objects = error_objects(content)
    status = response.status_code
    summary = ""
    if objects:
        first = objects[0]
        summary = str(first.get("detail") or first.get("title") or first.get("code_name") or "")
    excerpt = "" if objects is not None else content[:200].decode("utf-8", errors="replace")
    kind = "non-JSON body" if objects is None and content else ""
    message = (
        f"Patreon returned {status}" + (f": {summary}" if summary else "") + (f" ({kind})" if kind else "")
    )
    request_id = response.headers.get(REQUEST_ID_HEADER)
    common: dict[str, Any] = {
        "status_code": status,
        "errors": objects or [],
        "request_id": request_id,
        "body_excerpt": excerpt,
        "response": response,
    }
    if status == 429:
        return errors.RateLimitError(
            message, retry_after=retry_after_seconds(response.headers, content), **common
        )
    cls = _BY_STATUS.get(status, errors.ServerError if status >= 500 else errors.APIStatusError)
    return cls(message, **common)
