"""Webhooks: per-client registrations, signed deliveries, failure counting, pausing, the queue.

Patreon POSTs the event body with ``X-Patreon-Event`` and ``X-Patreon-Signature`` = hex
HMAC-MD5 of the exact raw bytes keyed with the webhook secret [PD _webhooks_v2.md; WP], and sends
no Accept header (discourse-patreon PR #171). Failed events stay queued and go out together on
the next success; ``paused: false`` re-sends the queue [PD]. Delivery does I/O (a handler call or
loopback HTTP) and so runs outside the request handler and outside the sandbox lock.
"""

from __future__ import annotations

import ipaddress
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from patreon_auth.webhooks import EVENT_HEADER, SIGNATURE_HEADER, sign
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
