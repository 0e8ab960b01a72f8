"""OAuth for Patreon: pure functions that build and parse the messages, thin sync/async drivers.

The building and parsing below does no I/O, so the sync and async drivers share every rule and
tests can check each rule without a server (design/reference/style.md, githubkit's I/O-free OAuth).
"""

from __future__ import annotations

from patreon_auth._async.oauth_driver import AsyncOAuthClient
from patreon_auth._oauth_core import (
    AUTHORIZE_PATH,
    TOKEN_PATH,
    AuthorizationRequest,
    TokenRequest,
    _OAuthClientBase,
    build_authorization_request,
    build_code_exchange,
    build_refresh,
    parse_callback,
    parse_token_response,
)
from patreon_auth._sync.oauth_driver import OAuthClient
from patreon_runtime.sender import DEFAULT_BASE_URL, DEFAULT_TIMEOUT

__all__ = [
    "AUTHORIZE_PATH",
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "TOKEN_PATH",
    "AsyncOAuthClient",
    "AuthorizationRequest",
    "OAuthClient",
    "TokenRequest",
    "_OAuthClientBase",
    "build_authorization_request",
    "build_code_exchange",
    "build_refresh",
    "parse_callback",
    "parse_token_response",
]
