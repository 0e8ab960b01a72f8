"""What both sandbox control twins share: the request bodies, reading an answer, the error.

Kept apart from ``remote`` so that ``_async/remote.py`` (the source of both twins) and the public
module that re-exports them import it without a cycle.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import httpx

from patreon_sandbox.faults import WebhookFaults
from patreon_sandbox.webhooks import HeldEvent

DEFAULT_TIMEOUT = 30.0  # a trigger waits for its webhook deliveries, which retry on failure


class SandboxControlError(Exception):
    """The sandbox refused a control request (unknown member or tier, bad input, ...)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"sandbox control request failed ({status}): {message}")
        self.status = status
        self.message = message


def member_body(tier_id: str | None, follower: bool) -> dict[str, Any]:
    body: dict[str, Any] = {"follower": True} if follower else {}
    if tier_id is not None:
        body["tier_id"] = tier_id
    return body


def token_body(user_id: str | None, scopes: Iterable[str] | None, expires_in: float | None) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if user_id is not None:
        body["user_id"] = user_id
    if scopes is not None:
        body["scopes"] = list(scopes)
    if expires_in is not None:
        body["expires_in"] = expires_in
    return body


def trigger_body(trigger: str, member_id: str | None, post_id: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {"trigger": trigger}
    if member_id is not None:
        body["member_id"] = member_id
    if post_id is not None:
        body["post_id"] = post_id
    return body


def answer(response: httpx.Response) -> Any:
    if response.status_code == 204:
        return None
    try:
        payload = json.loads(response.content)
    except (ValueError, RecursionError):
        payload = None
    if response.is_success and payload is not None:
        return payload
    message = payload.get("error") if isinstance(payload, Mapping) else None
    raise SandboxControlError(response.status_code, str(message or "the answer was not the sandbox's JSON"))


def answer_field(payload: Any, key: str) -> Any:
    if not isinstance(payload, Mapping) or key not in payload:
        raise SandboxControlError(200, f"the answer has no {key!r}")
    return payload[key]


def webhook_faults_of(payload: Any) -> WebhookFaults:
    """The `faults` of a `/_sandbox/webhooks/faults` answer, as the value the sandbox holds."""
    try:
        return WebhookFaults.from_dict(answer_field(payload, "faults"))
    except (TypeError, ValueError) as exc:
        raise SandboxControlError(200, f"the answer's webhook faults are not readable: {exc}") from exc


def held_events_of(payload: Any, key: str) -> list[HeldEvent]:
    """The `held` or `dropped` events of a `/_sandbox/webhooks/faults` answer, bodies byte for byte."""
    events = answer_field(payload, key)
    if not isinstance(events, list):
        raise SandboxControlError(200, f"the answer's {key!r} is not a list")
    try:
        return [HeldEvent.from_dict(event) for event in events]
    except ValueError as exc:
        raise SandboxControlError(200, str(exc)) from exc
