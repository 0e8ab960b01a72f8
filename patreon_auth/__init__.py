"""Patreon v2 for Python: OAuth, refreshing auth, token stores, webhooks, creator and user clients.

`import patreon_auth` is cheap: the clients (and httpx with them) load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from patreon_auth import errors, stores, webhooks
from patreon_auth.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    EdgeBudgetExceededError,
    MissingScopeError,
    NotFoundError,
    OAuthError,
    PatreonError,
    PermissionDeniedError,
    RateLimitError,
    RefreshError,
    ResponseValidationError,
    ServerError,
    StateMismatchError,
    TokenStoreError,
    WebhookSecretError,
    WebhookSignatureError,
)
from patreon_auth.token import Token
from patreon_generated import LIBRARY_VERSION as __version__  # one version, from pyproject.toml

if TYPE_CHECKING:
    from patreon_auth.auth import PatreonAuth
    from patreon_auth.clients import (
        AsyncPatreonCreatorClient,
        AsyncPatreonUserClient,
        PatreonCreatorClient,
        PatreonUserClient,
    )
    from patreon_auth.oauth import AsyncOAuthClient, AuthorizationRequest, OAuthClient
    from patreon_auth.redis_limiter import AsyncRedisRateLimiter, RedisRateLimiter
    from patreon_generated._rate_limit import (
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
    "OAuthClient": "patreon_auth.oauth",
    "AsyncOAuthClient": "patreon_auth.oauth",
    "AuthorizationRequest": "patreon_auth.oauth",
    "RedisRateLimiter": "patreon_auth.redis_limiter",
    "AsyncRedisRateLimiter": "patreon_auth.redis_limiter",
    "RateLimits": "patreon_generated._rate_limit",
    "RateLimiter": "patreon_generated._rate_limit",
    "AsyncRateLimiter": "patreon_generated._rate_limit",
    "LocalRateLimiter": "patreon_generated._rate_limit",
    "AsyncLocalRateLimiter": "patreon_generated._rate_limit",
}


def __getattr__(name: str) -> Any:
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
    "ResponseValidationError",
    "ServerError",
    "StateMismatchError",
    "Token",
    "TokenStoreError",
    "WebhookSecretError",
    "WebhookSignatureError",
    "__version__",
    "errors",
    "stores",
    "webhooks",
]
