"""Patreon v2 for Python: OAuth, refreshing auth, token stores, webhooks, creator and user clients.

`import patreon_auth` is cheap: the clients, `Token` (and attrs with it), the stores (and asyncio
with the async ones) and webhook parsing load on first use (bench/imports.py).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from patreon_auth import errors
from patreon_auth.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    EdgeBudgetExceededError,
    MissingScopeError,
    NotFoundError,
    NotRequestedError,
    OAuthError,
    PatreonError,
    PermissionDeniedError,
    RateLimitError,
    RefreshError,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    StateMismatchError,
    TokenStoreError,
    WebhookBodyTooLargeError,
    WebhookSecretError,
    WebhookSignatureError,
)
from patreon_generated import LIBRARY_VERSION as __version__  # one version: patreon_runtime.version

if TYPE_CHECKING:
    from patreon_auth import stores, webhooks
    from patreon_auth.auth import AsyncPatreonAuth, PatreonAuth
    from patreon_auth.clients import (
        AsyncPatreonCreatorClient,
        AsyncPatreonUserClient,
        PatreonCreatorClient,
        PatreonUserClient,
    )
    from patreon_auth.oauth import AsyncOAuthClient, AuthorizationRequest, OAuthClient
    from patreon_auth.redis_limiter import AsyncRedisRateLimiter, RedisRateLimiter
    from patreon_auth.token import Token
    from patreon_runtime.rate_limit import (
        AsyncLocalRateLimiter,
        AsyncRateLimiter,
        LocalRateLimiter,
        RateLimiter,
        RateLimits,
    )

_LAZY = {
    "PatreonCreatorClient": "patreon_auth.clients",
    "AsyncPatreonCreatorClient": "patreon_auth.clients",
    "PatreonUserClient": "patreon_auth.clients",
    "AsyncPatreonUserClient": "patreon_auth.clients",
    "PatreonAuth": "patreon_auth.auth",
    "AsyncPatreonAuth": "patreon_auth.auth",
    "OAuthClient": "patreon_auth.oauth",
    "AsyncOAuthClient": "patreon_auth.oauth",
    "AuthorizationRequest": "patreon_auth.oauth",
    "Token": "patreon_auth.token",
    "RedisRateLimiter": "patreon_auth.redis_limiter",
    "AsyncRedisRateLimiter": "patreon_auth.redis_limiter",
    "RateLimits": "patreon_runtime.rate_limit",
    "RateLimiter": "patreon_runtime.rate_limit",
    "AsyncRateLimiter": "patreon_runtime.rate_limit",
    "LocalRateLimiter": "patreon_runtime.rate_limit",
    "AsyncLocalRateLimiter": "patreon_runtime.rate_limit",
}
_LAZY_MODULES = {"stores": "patreon_auth.stores", "webhooks": "patreon_auth.webhooks"}


def __getattr__(name: str) -> Any:
    if name in _LAZY_MODULES:
        submodule = importlib.import_module(_LAZY_MODULES[name])
        globals()[name] = submodule
        return submodule
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'patreon_auth' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncLocalRateLimiter",
    "AsyncOAuthClient",
    "AsyncPatreonAuth",
    "AsyncPatreonCreatorClient",
    "AsyncPatreonUserClient",
    "AsyncRateLimiter",
    "AsyncRedisRateLimiter",
    "AuthenticationError",
    "AuthorizationRequest",
    "BadRequestError",
    "EdgeBudgetExceededError",
    "LocalRateLimiter",
    "MissingScopeError",
    "NotFoundError",
    "NotRequestedError",
    "OAuthClient",
    "OAuthError",
    "PatreonAuth",
    "PatreonCreatorClient",
    "PatreonError",
    "PatreonUserClient",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimiter",
    "RateLimits",
    "RedisRateLimiter",
    "RefreshError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ServerError",
    "StateMismatchError",
    "Token",
    "TokenStoreError",
    "WebhookBodyTooLargeError",
    "WebhookSecretError",
    "WebhookSignatureError",
    "__version__",
    "errors",
    "stores",
    "webhooks",
]
