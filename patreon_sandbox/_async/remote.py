"""AsyncSandboxControl: drive a sandbox served by another process (see remote.py for how).

The async twin is the source: generator/unasync.py writes the sync one (``_sync/remote.py``) from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import httpx

from patreon_auth.token import Token
from patreon_sandbox._control_wire import (
    DEFAULT_TIMEOUT,
    answer,
    answer_field,
    held_events_of,
    member_body,
    token_body,
    trigger_body,
    webhook_faults_of,
)
from patreon_sandbox.faults import WebhookFaults
from patreon_sandbox.webhooks import HeldEvent


class AsyncSandboxControl:
    """Drive a served sandbox over HTTP; `transport=` lets tests use an in-process one."""

    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self._http = httpx.AsyncClient(base_url=base_url.rstrip("/"), transport=transport, timeout=timeout)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AsyncSandboxControl:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def _call(self, method: str, path: str, body: Mapping[str, Any] | None = None) -> Any:
        return answer(await self._http.request(method, f"/_sandbox{path}", json=body))

    async def info(self) -> dict[str, Any]:
        """Client id and secret, campaign, creator, tiers, users, redirect URIs and the clock."""
        payload = await self._call("GET", "/info")
        assert isinstance(payload, dict)
        return payload

    async def stats(self) -> dict[str, Any]:
        payload = await self._call("GET", "/stats")
        assert isinstance(payload, dict)
        return payload

    async def redirect_uris(self) -> list[str]:
        return list(answer_field(await self._call("GET", "/redirect-uris"), "redirect_uris"))

    async def add_member(self, *, tier_id: str | None = None, follower: bool = False) -> str:
        """A new patron (or a free member with `follower=True`); returns the member id."""
        return str(
            answer_field(await self._call("POST", "/members", member_body(tier_id, follower)), "member_id")
        )

    async def delete_member(self, member_id: str) -> None:
        await self._call("DELETE", f"/members/{member_id}")

    async def add_pledge(self, member_id: str, *, tier_id: str | None = None) -> None:
        """An existing member (a follower, a former patron) pledges."""
        await self._call("POST", f"/members/{member_id}/pledge", {"tier_id": tier_id} if tier_id else {})

    async def update_pledge(self, member_id: str, *, tier_id: str) -> None:
        """Upgrade or downgrade a patron to `tier_id`."""
        await self._call("PATCH", f"/members/{member_id}/pledge", {"tier_id": tier_id})

    async def delete_pledge(self, member_id: str) -> None:
        """Cancel a pledge: the member becomes a former patron."""
        await self._call("DELETE", f"/members/{member_id}/pledge")

    async def trigger(
        self, trigger: str, member_id: str | None = None, *, post_id: str | None = None
    ) -> list[dict[str, Any]]:
        """Fire a webhook trigger; returns the delivery attempts (webhook id, status, error)."""
        return list(
            answer_field(
                await self._call("POST", "/webhooks/trigger", trigger_body(trigger, member_id, post_id)),
                "deliveries",
            )
        )

    async def webhooks(self) -> list[dict[str, Any]]:
        """Every webhook: id, uri, triggers, paused, num_consecutive_times_failed, queued events."""
        return list(answer_field(await self._call("GET", "/webhooks"), "webhooks"))

    async def webhook_faults(self) -> WebhookFaults:
        """The webhook faults the sandbox applies now (`WebhookFaults()` when none)."""
        return webhook_faults_of(await self._call("GET", "/webhooks/faults"))

    async def set_webhook_faults(self, faults: WebhookFaults) -> None:
        """Repeat, reorder, delay and drop webhook events from now on, as `faults` says."""
        await self._call("PUT", "/webhooks/faults", faults.as_dict())

    async def clear_webhook_faults(self) -> None:
        """No more webhook faults; events already held stay held until released."""
        await self._call("DELETE", "/webhooks/faults")

    async def held_webhook_events(self) -> list[HeldEvent]:
        """Events the faults hold back (delayed, reordered, repeats to come), bodies byte for byte."""
        return held_events_of(await self._call("GET", "/webhooks/faults"), "held")

    async def dropped_webhook_events(self) -> list[HeldEvent]:
        """Events the `drop` fault lost for good."""
        return held_events_of(await self._call("GET", "/webhooks/faults"), "dropped")

    async def release_webhooks(self, *, due_only: bool = False) -> list[dict[str, Any]]:
        """Send held events now (every one, or only the delayed ones due); returns the attempts."""
        return list(
            answer_field(await self._call("POST", "/webhooks/release", {"due_only": due_only}), "deliveries")
        )

    async def pause_webhook(self, webhook_id: str) -> dict[str, Any]:
        """Pause a webhook as Patreon does after failures; returns its state."""
        return dict(answer_field(await self._call("POST", f"/webhooks/{webhook_id}/pause"), "webhook"))

    async def resume_webhook(self, webhook_id: str) -> list[dict[str, Any]]:
        """Unpause a webhook; its queued events are sent again. Returns the attempts."""
        return list(answer_field(await self._call("POST", f"/webhooks/{webhook_id}/resume"), "deliveries"))

    async def advance_clock(self, seconds: float) -> float:
        """Move the sandbox's clock forward; tokens issued before may now be expired."""
        return float(answer_field(await self._call("POST", "/clock", {"advance": seconds}), "clock"))

    async def token(
        self,
        *,
        user_id: str | None = None,
        scopes: Iterable[str] | None = None,
        expires_in: float | None = None,
    ) -> Token:
        """A token for `user_id` (default: the creator, with every scope)."""
        return Token.from_dict(await self._call("POST", "/tokens", token_body(user_id, scopes, expires_in)))
