"""patreon_sandbox: a faithful local Patreon for tests, demos and users' own tests.

`Sandbox(seed=7, members=2500)` builds a deterministic world and serves the Patreon v2 API,
OAuth and webhooks from it: in process (`sandbox.transport()`, `sandbox.async_transport()`) or
over loopback HTTP (`python -m patreon_sandbox serve`, `sandbox.serve_in_thread()`).
"""

from patreon_generated import LIBRARY_VERSION as __version__  # one version: patreon_runtime.version
from patreon_sandbox.faults import Fault, Faults, WebhookFaults
from patreon_sandbox.handler import SandboxRequest, SandboxResponse
from patreon_sandbox.limits import RateLimits
from patreon_sandbox.oauth import AuthorizeError, OAuthClientRecord
from patreon_sandbox.remote import AsyncSandboxControl, SandboxControl, SandboxControlError
from patreon_sandbox.sandbox import Sandbox
from patreon_sandbox.stats import Stats
from patreon_sandbox.webhooks import Delivery, HeldEvent, WebhookRecord
from patreon_sandbox.world import SandboxUser

__all__ = [
    "AsyncSandboxControl",
    "AuthorizeError",
    "Delivery",
    "Fault",
    "Faults",
    "HeldEvent",
    "OAuthClientRecord",
    "RateLimits",
    "Sandbox",
    "SandboxControl",
    "SandboxControlError",
    "SandboxRequest",
    "SandboxResponse",
    "SandboxUser",
    "Stats",
    "WebhookFaults",
    "WebhookRecord",
    "__version__",
]
