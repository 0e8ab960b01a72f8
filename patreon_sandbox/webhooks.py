"""Webhooks: per-client registrations, signed deliveries, failure counting, pausing, the queue.

Patreon POSTs the event body with ``X-Patreon-Event`` and ``X-Patreon-Signature`` = hex
HMAC-MD5 of the exact raw bytes keyed with the webhook secret [PD _webhooks_v2.md; WP], and sends
no Accept header (discourse-patreon PR #171). Failed events stay queued and go out together on
the next success; ``paused: false`` re-sends the queue [PD]. Delivery does I/O (a handler call or
loopback HTTP) and so runs outside the request handler and outside the sandbox lock.

Between an event and its webhook's queue sits `FaultStage`: with `WebhookFaults` set it drops,
delays, holds back and repeats events (patreon_sandbox.faults says why a receiver must cope).
"""

from __future__ import annotations

import ipaddress
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx

from patreon_auth.webhooks import EVENT_HEADER, SIGNATURE_HEADER, sign
from patreon_sandbox.faults import WebhookDice, WebhookFaults
from patreon_sandbox.jsonapi import DocumentBuilder, IncludeTree, self_link
from patreon_sandbox.schema import ENDPOINTS, attributes_of
from patreon_sandbox.world import World

# A delivery target in process: an httpx transport, or a callable given the request that returns
# a status, an httpx.Response, or None (meaning 200).
WebhookHandler = httpx.BaseTransport | Callable[[httpx.Request], "httpx.Response | int | None"]

DEFAULT_PAUSE_AFTER = 3
DELIVERY_TIMEOUT = 5.0


@dataclass
class WebhookRecord:
    """The sandbox side of a webhook: owner client, the scopes it was made with, its queue."""

    id: str
    client_id: str
    scopes: frozenset[str]
    attributes: dict[str, Any]
    created: int
    queue: list[tuple[str, bytes]] = field(default_factory=list)
    flush_lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass(frozen=True)
class Delivery:
    """One delivery attempt, kept in `sandbox.deliveries` for tests to read."""

    webhook_id: str
    trigger: str
    uri: str
    body: bytes
    headers: dict[str, str]
    status: int | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


WebhookFault = Literal["repeat", "reorder", "delay", "drop"]


@dataclass(frozen=True)
class HeldEvent:
    """An event the webhook faults hold back or dropped: its webhook, its exact bytes, and why.

    `due` is the sandbox clock time a delayed event goes out at; None for the others.
    """

    webhook_id: str
    trigger: str
    body: bytes
    fault: WebhookFault
    due: float | None = None

    def as_dict(self) -> dict[str, Any]:
        """The control API's JSON; the body is the event's JSON text, exactly as it is sent."""
        return {
            "webhook_id": self.webhook_id,
            "trigger": self.trigger,
            "fault": self.fault,
            "due": self.due,
            "body": self.body.decode("utf-8"),
        }

    @classmethod
    def from_dict(cls, payload: Any) -> HeldEvent:
        """Read `as_dict()`'s shape (a `SandboxControl` answer); anything else is a ValueError."""
        texts = ("webhook_id", "trigger", "body")
        due = payload.get("due") if isinstance(payload, dict) else None
        fault = payload.get("fault") if isinstance(payload, dict) else None
        if (
            not isinstance(payload, dict)
            or not all(isinstance(payload.get(key), str) for key in texts)
            or fault not in ("repeat", "reorder", "delay", "drop")
            or not (due is None or (isinstance(due, int | float) and not isinstance(due, bool)))
        ):
            raise ValueError(f"not a held webhook event: {payload!r:.200}")
        return cls(
            payload["webhook_id"],
            payload["trigger"],
            payload["body"].encode("utf-8"),
            fault,
            None if due is None else float(due),
        )


class FaultStage:
    """Between an event and its webhook's queue: applies `WebhookFaults`, holds what they hold back.

    The caller holds the sandbox lock around every method. An event that reaches the queue takes
    the same webhook's held-back (`reorder`) and repeated events with it, behind it: that is how
    they arrive late and out of order. A held event keeps the exact bytes it was made with, so a
    repeat is the original byte for byte (its signature too: it is signed from those bytes).
    """

    def __init__(self, counters: Callable[[str], None]) -> None:
        self.faults = WebhookFaults()
        self._dice = WebhookDice(0)
        self._bump = counters
        self.held: list[HeldEvent] = []
        self.dropped: list[HeldEvent] = []

    def configure(self, faults: WebhookFaults) -> None:
        """New faults, with their seed's dice from the start; held events stay held."""
        self.faults = faults
        self._dice = WebhookDice(faults.seed)

    def admit(self, webhook_id: str, trigger: str, body: bytes, now: float) -> list[tuple[str, bytes]]:
        """The events to append to the webhook's queue now for this event (maybe none)."""
        if not self.faults.active:
            return [(trigger, body), *self._take(webhook_id, ("reorder", "repeat"))]
        fate = self._dice.roll(self.faults)
        if fate.drop:
            self.dropped.append(HeldEvent(webhook_id, trigger, body, "drop"))
            self._bump("webhook_dropped")
            return []
        later: list[HeldEvent] = []
        if fate.repeat:
            later.append(HeldEvent(webhook_id, trigger, body, "repeat"))
            self._bump("webhook_repeated")
        if fate.delay or fate.reorder:
            if fate.delay:
                held = HeldEvent(webhook_id, trigger, body, "delay", now + self.faults.delay_seconds)
                self._bump("webhook_delayed")
            else:
                held = HeldEvent(webhook_id, trigger, body, "reorder")
                self._bump("webhook_reordered")
            self.held.append(held)
            self.held.extend(later)
            return []
        released = [(trigger, body), *self._take(webhook_id, ("reorder", "repeat"))]
        self.held.extend(later)  # a repeat goes out with the webhook's next event, not this one
        return released

    def release(self, now: float, *, due_only: bool) -> dict[str, list[tuple[str, bytes]]]:
        """Take held events out for their queues: the delayed ones that are due, or (not
        `due_only`) every one. Each webhook's share is shuffled by the seed when `reorder` is on."""
        by_hook: dict[str, list[tuple[str, bytes]]] = {}
        kept: list[HeldEvent] = []
        for event in self.held:
            if due_only and (event.due is None or event.due > now):
                kept.append(event)
            else:
                by_hook.setdefault(event.webhook_id, []).append((event.trigger, event.body))
        self.held = kept
        if self.faults.reorder > 0:
            for events in by_hook.values():
                self._dice.shuffle(events)
        return by_hook

    def _take(self, webhook_id: str, faults: tuple[WebhookFault, ...]) -> list[tuple[str, bytes]]:
        taken = [e for e in self.held if e.webhook_id == webhook_id and e.fault in faults]
        if not taken:
            return []
        self.held = [e for e in self.held if not (e.webhook_id == webhook_id and e.fault in faults)]
        events = [(e.trigger, e.body) for e in taken]
        if self.faults.reorder > 0:
            self._dice.shuffle(events)
        return events


def is_loopback_uri(uri: str) -> bool:
    host = urlsplit(uri).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def delivery_headers(trigger: str, secret: str, body: bytes) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        EVENT_HEADER: trigger,
        SIGNATURE_HEADER: sign(secret, body),
        "User-Agent": "Patreon-Webhooks (patreon_sandbox)",
    }


class Sender:
    """Sends one delivery: to an in-process handler when the URI has one, else over loopback HTTP."""

    def __init__(self) -> None:
        self.handlers: dict[str, WebhookHandler] = {}
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    def send(self, uri: str, headers: dict[str, str], body: bytes) -> tuple[int | None, str | None]:
        request = httpx.Request("POST", uri, headers=headers, content=body)
        handler = self.handlers.get(uri)
        try:
            if handler is None:
                if not is_loopback_uri(uri):
                    # The sandbox never calls out to the internet: only loopback or in-process targets.
                    return None, "no in-process handler and not a loopback URI"
                response = self._http().send(request)
                return response.status_code, None
            if isinstance(handler, httpx.BaseTransport):
                response = handler.handle_request(request)
                response.read()
                return response.status_code, None
            result = handler(request)
        except Exception as exc:  # a failing receiver is a failed delivery, whatever it raised
            return None, f"{type(exc).__name__}: {exc}"
        if result is None:
            return 200, None
        if isinstance(result, httpx.Response):
            return result.status_code, None
        return int(result), None

    def _http(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                self._client = httpx.Client(timeout=DELIVERY_TIMEOUT)
            return self._client

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None


def event_body(world: World, type_name: str, resource_id: str, scopes: frozenset[str], origin: str) -> bytes:
    """The raw bytes of one event: the resource with every attribute its webhook's scopes allow.

    Member triggers send a member with relationships address, campaign, currently_entitled_tiers,
    user and those resources in `included` [PD sample]; user data is under `user` ([PAT] #89).
    Email and address appear only with the matching scopes [PD scopes table].
    """
    # The payload carries what the member endpoint would show this client [PD _oauth_v2.md: the
    # campaigns.members scopes "also allow the same information to be sent via webhooks"].
    rules = ENDPOINTS["get_member"]["field_scopes"]
    fields = {
        name: tuple(
            attr
            for attr in attributes_of(name)
            if rules.get(name, {}).get(attr) is None or rules[name][attr] in scopes
        )
        for name in ("member", "user", "campaign", "tier", "address", "post")
    }
    if type_name == "member":
        wanted = ["campaign", "currently_entitled_tiers", "user"]
        if "campaigns.members.address" in scopes:
            wanted.insert(0, "address")
        tree: IncludeTree = {name: {} for name in wanted}
    else:
        tree = {"campaign": {}, "user": {}}
    builder = DocumentBuilder(world, fields, origin)
    builder.mark_primary(type_name, [resource_id])
    data = builder.resource(type_name, resource_id, tree)
    document = {
        "data": data,
        "included": builder.included_list(),
        "links": {"self": self_link(origin, type_name, resource_id)},
    }
    return json.dumps(document, separators=(",", ":")).encode()
