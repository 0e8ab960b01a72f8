"""Clients for the sandbox's control API: drive a sandbox served by another process.

    control = SandboxControl("http://127.0.0.1:8080")   # what `patreon sandbox serve` printed
    member_id = control.add_member()                      # a new patron, webhooks fire
    control.advance_clock(3600)                           # every token issued so far expires

Each method does what the `Sandbox` method of the same name does in process (patreon_sandbox.
control lists the routes). Failures raise `SandboxControlError` with the sandbox's message.
`AsyncSandboxControl` is the same for async tests; it is written once (`_async/remote.py`) and
generator/unasync.py writes `SandboxControl` from it, so the twins cannot drift.
"""

from __future__ import annotations

from patreon_sandbox._async.remote import AsyncSandboxControl
from patreon_sandbox._control_wire import DEFAULT_TIMEOUT, SandboxControlError
from patreon_sandbox._sync.remote import SandboxControl

__all__ = ["DEFAULT_TIMEOUT", "AsyncSandboxControl", "SandboxControl", "SandboxControlError"]
