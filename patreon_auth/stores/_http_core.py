"""What HTTPStore and AsyncHTTPStore share: URL masking, response reading, conditional writes."""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping

import httpx

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import (
    REDACTED,
    Snapshot,
    decode_token_data,
    is_json,
    parse_json,
    same_token,
)
from patreon_auth.stores.base import StaleTokenError
from patreon_auth.token import Token

DEFAULT_TIMEOUT = 10.0
_JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}


def _safe_url(url: str) -> str:
    """The URL without user:password and query, which may carry credentials."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _masked_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return dict.fromkeys(headers, REDACTED)


# A token record is a few hundred bytes; a megabyte bounds what a broken or hostile token server
# can make this process hold (a gzip body inflating to gigabytes is refused while it is read).
MAX_RESPONSE_BYTES = 1024 * 1024


def _read_response(response: httpx.Response, *, where: str) -> Snapshot:
    if response.status_code == 404:
        return Snapshot(None)
    if response.status_code != 200:
        raise TokenStoreError(f"{where} answered HTTP {response.status_code}")
    data = parse_json(response.content)
    if not is_json(data):
        raise TokenStoreError(f"{where} answered with a body that is not JSON")
    token = decode_token_data(data, source=f"{where} response")
    return Snapshot(token, _strong_etag(response))


def _strong_etag(response: httpx.Response) -> str | None:
    """The response's ETag if it is strong: If-Match compares strongly, so a weak one never matches
    (RFC 9110 section 13.1.1) and the store falls back to reading back instead."""
    etag = response.headers.get("ETag")
    return None if etag is None or etag.startswith("W/") else etag


def _conditions(expected: Snapshot) -> dict[str, str]:
    """The precondition headers that make a PUT a compare-and-set on the server (RFC 9110 13.1)."""
    if expected.version is not None:
        return {"If-Match": str(expected.version)}
    if expected.token is None:
        return {"If-None-Match": "*"}
    return {}


def _check_fresh_read(current: Snapshot, expected: Snapshot, *, where: str) -> Snapshot:
    """Without an ETag to send, compare what the server holds now with what this store expects."""
    if current.token is not None and not same_token(current.token, expected.token):
        raise StaleTokenError(
            f"{where}: the server holds another token than this store expected; not overwritten"
        )
    return current


def _put_result(response: httpx.Response, token: Token, *, where: str) -> Snapshot | None:
    """The new snapshot, None for a 412 (precondition failed), or a TokenStoreError."""
    if response.status_code == 412:
        return None
    if not response.is_success:
        # A 5xx may come after the server applied the PUT: the engine reads back before retrying.
        raise TokenStoreError(f"{where} answered HTTP {response.status_code}; the token may not be stored")
    return Snapshot(token, _strong_etag(response))
