"""`Sandbox`: a faithful local Patreon for tests, demos and users' own tests.

One object holds a deterministic world and the core handler, and hands out ways in: httpx
transports (in process), an ASGI app and a loopback server, OAuth consent, tokens, faults,
rate limits, and webhook deliveries for world changes.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import string
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from patreon_auth.token import Token
from patreon_sandbox.clock import AdjustableClock
from patreon_sandbox.control import ControlAPI, is_control_path
from patreon_sandbox.drift import Drift
from patreon_sandbox.faults import Faults, WebhookFaults
from patreon_sandbox.handler import Core, SandboxRequest, SandboxResponse
from patreon_sandbox.limits import RateLimiter, RateLimits
from patreon_sandbox.oauth import DEFAULT_TOKEN_LIFETIME, OAuthClientRecord, OAuthState
from patreon_sandbox.schema import ALL_SCOPES, WEBHOOK_TRIGGERS
from patreon_sandbox.stats import Stats
from patreon_sandbox.transport import AsyncSandboxTransport, SandboxTransport
from patreon_sandbox.webhooks import (
    DEFAULT_PAUSE_AFTER,
    Delivery,
    FaultStage,
    HeldEvent,
    Sender,
    WebhookHandler,
    WebhookRecord,
    delivery_headers,
    event_body,
)
from patreon_sandbox.world import Entity, Kind, MemberRecord, SandboxUser, World

IN_PROCESS_BASE_URL = "https://sandbox.patreon.test"
DEFAULT_REDIRECT_URIS = ("http://localhost:8080/oauth/callback", "http://127.0.0.1:8080/oauth/callback")
_ALPHABET = string.ascii_letters + string.digits + "-_"
_UNSET: Any = object()


class Sandbox:
    """A local Patreon: `Sandbox(seed=7, members=2500)`; see docs/sandbox.md."""

    def __init__(
        self,
        seed: int = 0,
        members: int = 100,
        *,
        token_lifetime: float = DEFAULT_TOKEN_LIFETIME,
        rate_limits: RateLimits | None = _UNSET,
        redirect_uris: Sequence[str] = DEFAULT_REDIRECT_URIS,
        pause_after: int = DEFAULT_PAUSE_AFTER,
        require_user_agent: bool = True,
        clock: Callable[[], float] = time.time,
        drift: Iterable[str] = (),
        webhook_faults: WebhookFaults | None = None,
    ) -> None:
        self.seed = seed
        # Every part of the sandbox reads this one clock, so moving it (advance_clock, or the
        # control API's POST /_sandbox/clock) expires tokens and codes as time passing would.
        self.clock = AdjustableClock(clock)
        clock = self.clock
        self.world = World(seed, members)
        credentials = random.Random(seed ^ 0xC11E47)
        self.oauth = OAuthState(clock=clock, token_lifetime=token_lifetime)
        self._client = self.add_client(
            redirect_uris=redirect_uris,
            client_id="".join(credentials.choice(_ALPHABET) for _ in range(64)),
            client_secret="".join(credentials.choice(_ALPHABET) for _ in range(64)),
        )
        self.faults = Faults(seed)
        self.core = Core(
            world=self.world,
            oauth=self.oauth,
            faults=self.faults,
            limiter=RateLimiter(RateLimits() if rate_limits is _UNSET else rate_limits),
            clock=clock,
            require_user_agent=require_user_agent,
            pause_after=pause_after,
            drift=Drift(drift),
        )
        self.stats: Stats = self.core.stats
        # Answers that differ from the spec on purpose, for drift checks (patreon_sandbox.drift).
        self.drift: Drift = self.core.drift
        self.deliveries: list[Delivery] = []
        self._sender = Sender()
        # Repeats, reordering, delays and drops of webhook events (patreon_sandbox.faults).
        self._held = FaultStage(self.stats.bump)
        if webhook_faults is not None:
            self._held.configure(webhook_faults)
        self.served_url: str | None = None
        self._control = ControlAPI(self)

    # --- identity of the sandbox --------------------------------------------------------------

    @property
    def client_id(self) -> str:
        return self._client.client_id

    @property
    def client_secret(self) -> str:
        return self._client.client_secret

    @property
    def redirect_uri(self) -> str:
        """The first registered redirect URI of the sandbox's client."""
        return self._client.redirect_uris[0]

    @property
    def redirect_uris(self) -> tuple[str, ...]:
        """Every redirect URI registered for the sandbox's client."""
        return self._client.redirect_uris

    def advance_clock(self, seconds: float) -> float:
        """Move the sandbox's clock forward (tokens and codes expire); returns the new time."""
        return self.clock.advance(seconds)

    @property
    def campaign_id(self) -> str:
        return self.world.campaign_id

    @property
    def base_url(self) -> str:
        """The origin to give clients: the server's URL while serving, else the in-process one."""
        return self.served_url or IN_PROCESS_BASE_URL

    @property
    def users(self) -> Sequence[SandboxUser]:
        """The patrons' users, in member order (`users[0]` is the first member's user)."""
        return self.world.users

    @property
    def creator(self) -> SandboxUser:
        """The creator who owns the campaign and the sandbox's API client."""
        return self.world.creator

    @property
    def member_ids(self) -> list[str]:
        return [record.id for record in self.world.order]

    @property
    def token_lifetime(self) -> float:
        return self.oauth.token_lifetime

    @token_lifetime.setter
    def token_lifetime(self, seconds: float) -> None:
        with self.core.lock:
            self.oauth.token_lifetime = seconds

    @property
    def rate_limits(self) -> RateLimits | None:
        return self.core.limiter.limits

    @rate_limits.setter
    def rate_limits(self, limits: RateLimits | None) -> None:
        with self.core.lock:
            self.core.limiter.limits = limits
            self.core.limiter.reset()

    # --- clients and tokens ---------------------------------------------------------------------

    def add_client(
        self,
        *,
        redirect_uris: Sequence[str] = DEFAULT_REDIRECT_URIS,
        client_id: str | None = None,
        client_secret: str | None = None,
        name: str = "Sandbox app",
    ) -> OAuthClientRecord:
        """Register another API client owned by the creator (webhooks are per client [PD])."""
        record = OAuthClientRecord(
            client_id or "".join(random.choice(_ALPHABET) for _ in range(64)),
            client_secret or "".join(random.choice(_ALPHABET) for _ in range(64)),
            tuple(redirect_uris),
            self.world.creator_id,
            name,
        )
        self.oauth.add_client(record)
        known = {
            "author_name": self.world.creator.full_name,
            "category": "Other",
            "client_secret": record.client_secret,
            "default_scopes": "",
            "description": "An app registered in the Patreon sandbox.",
            "domain": None,
            "icon_url": None,
            "name": name,
            "privacy_policy_url": None,
            "redirect_uris": " ".join(record.redirect_uris),
            "tos_url": None,
            "version": 2,
        }
        self.world.entities[("client", record.client_id)] = Entity(
            self.world.fill("client", known, random.Random(self.seed)),
            {"campaign": self.world.campaign_id, "user": self.world.creator_id},
        )
        return record

    def creator_token(
        self,
        *,
        expires_in: float | None = None,
        scopes: Iterable[str] | None = None,
        client_id: str | None = None,
    ) -> Token:
        """A token for the creator with every v2 scope, as the portal's Creator's Access Token [PD _clients.md]."""
        return self.user_token(self.creator, scopes=scopes, expires_in=expires_in, client_id=client_id)

    def user_token(
        self,
        user: SandboxUser,
        *,
        scopes: Iterable[str] | None = None,
        expires_in: float | None = None,
        client_id: str | None = None,
    ) -> Token:
        """A token as if `user` had authorized the client (`expires_in` may be negative: expired)."""
        granted = frozenset(scopes) if scopes is not None else ALL_SCOPES
        with self.core.lock:
            payload = self.oauth.issue(
                user_id=user.id, client_id=client_id or self.client_id, scopes=granted, lifetime=expires_in
            )
        return Token.from_response(payload, now=_utc_from(self.core.clock()))

    def revoke(self, token: Token | str) -> bool:
        """Revoke an access token (with its refresh token) or a refresh token; later use gets 401."""
        with self.core.lock:
            if isinstance(token, Token):
                revoked = self.oauth.revoke(token.access_token)
                if token.refresh_token:
                    revoked = self.oauth.revoke(token.refresh_token) or revoked
                return revoked
            return self.oauth.revoke(token)

    def authorize(self, authorization_url: str, user: SandboxUser | None = None, allow: bool = True) -> str:
        """Play the user's consent on an authorize URL; returns the redirect with code+state or error=.

        Raises ValueError (AuthorizeError) for an unknown client_id or redirect_uri, where Patreon
        shows an error page instead of redirecting.
        """
        params = dict(parse_qsl(urlsplit(authorization_url).query, keep_blank_values=True))
        who = user or self.users[0]
        self.stats.bump("authorize_requests")
        with self.core.lock:
            return self.oauth.consent(params, user_id=who.id, allow=allow)

    # --- ways in ----------------------------------------------------------------------------------

    def handle(self, request: SandboxRequest) -> SandboxResponse:
        """The core handler (no I/O): what every transport and the ASGI app call."""
        if is_control_path(urlsplit(request.url).path):
            return self._control.handle(request)
        return self.core.handle(request)

    def transport(self) -> SandboxTransport:
        return SandboxTransport(self)

    def async_transport(self) -> AsyncSandboxTransport:
        return AsyncSandboxTransport(self)

    def asgi_app(self) -> Any:
        from patreon_sandbox.server import make_app

        return make_app(self)

    def serve_in_thread(self, *, host: str = "127.0.0.1", port: int = 0) -> AbstractContextManager[str]:
        """`with sandbox.serve_in_thread() as base_url:` a real HTTP server on loopback (needs uvicorn)."""
        from patreon_sandbox.server import serve_in_thread

        return serve_in_thread(self, host=host, port=port)

    # --- webhooks ---------------------------------------------------------------------------------

    def deliver_to(self, uri: str, handler: WebhookHandler) -> None:
        """Deliver events for `uri` in process: to an httpx transport or a callable(request)."""
        with self.core.lock:
            self._sender.handlers[uri] = handler
            self.core.in_process_uris.add(uri)

    def webhook(self, webhook_id: str) -> WebhookRecord:
        return self.core.webhooks[webhook_id]

    @property
    def webhooks(self) -> list[WebhookRecord]:
        with self.core.lock:
            return list(self.core.webhooks.values())

    def trigger(
        self, trigger: str, member_id: str | None = None, *, post_id: str | None = None
    ) -> list[Delivery]:
        """Send `trigger` for a member (or post) to every webhook subscribed to it; returns the attempts."""
        if trigger not in WEBHOOK_TRIGGERS:
            raise ValueError(f"unknown trigger {trigger!r}; known: {sorted(WEBHOOK_TRIGGERS)}")
        with self.core.lock:
            if WEBHOOK_TRIGGERS[trigger] == "post":
                resource_id = post_id or self.world.post_ids[-1]
                if not self.world.exists("post", resource_id):
                    raise KeyError(f"no post {resource_id}")
                ids = self._enqueue([trigger], "post", resource_id)
            else:
                record = self._member(member_id) if member_id else self._first_patron()
                ids = self._enqueue([trigger], "member", record.id)
        return self.flush_webhooks(ids)

    async def atrigger(
        self, trigger: str, member_id: str | None = None, *, post_id: str | None = None
    ) -> list[Delivery]:
        """`trigger` for async tests: deliveries run in a worker thread."""
        return await asyncio.to_thread(self.trigger, trigger, member_id, post_id=post_id)

    def _enqueue(self, triggers: Sequence[str], type_name: str, resource_id: str) -> list[str]:
        ready: list[str] = []
        bodies: dict[frozenset[str], bytes] = {}
        for hook in self.core.webhooks.values():
            for trigger in triggers:
                if trigger not in hook.attributes["triggers"]:
                    continue
                body = bodies.get(hook.scopes)
                if body is None:
                    body = bodies[hook.scopes] = event_body(
                        self.world, type_name, resource_id, hook.scopes, "https://www.patreon.com"
                    )
                hook.queue.extend(self._held.admit(hook.id, trigger, body, self.clock()))
                if hook.queue and not hook.attributes["paused"] and hook.id not in ready:
                    ready.append(hook.id)
        return ready

    def flush_webhooks(self, webhook_ids: Iterable[str] | None = None) -> list[Delivery]:
        """Try to deliver the queues of these webhooks (all, by default) in order; stops at a failure.

        Delayed events whose time has come (see `webhook_faults`) join their queues first.
        """
        with self.core.lock:
            wanted = list(self.core.webhooks) if webhook_ids is None else list(webhook_ids)
            wanted += [hook_id for hook_id in self._release(due_only=True) if hook_id not in wanted]
        made: list[Delivery] = []
        for webhook_id in wanted:
            made.extend(self._flush_one(webhook_id))
        return made

    # --- webhook faults -----------------------------------------------------------------------------

    @property
    def webhook_faults(self) -> WebhookFaults:
        """What happens to webhook events: `WebhookFaults(repeat=, reorder=, delay=, drop=, seed=)`."""
        with self.core.lock:
            return self._held.faults

    @webhook_faults.setter
    def webhook_faults(self, faults: WebhookFaults) -> None:
        if not isinstance(faults, WebhookFaults):
            raise TypeError(f"webhook_faults must be a WebhookFaults, not {type(faults).__name__}")
        with self.core.lock:
            self._held.configure(faults)

    @property
    def held_webhook_events(self) -> list[HeldEvent]:
        """Events the faults hold back (delayed, reordered, repeats to come), oldest first."""
        with self.core.lock:
            return list(self._held.held)

    @property
    def dropped_webhook_events(self) -> list[HeldEvent]:
        """Events the `drop` fault lost: they were never sent and never will be."""
        with self.core.lock:
            return list(self._held.dropped)

    def release_webhooks(self, *, due_only: bool = False) -> list[Delivery]:
        """Send every held event now (or, `due_only`, the delayed ones whose time has come), then
        flush the queues: after this nothing is held, so a test needs no sleep and no guess."""
        with self.core.lock:
            released = self._release(due_only=due_only)
        return self.flush_webhooks(released)

    async def arelease_webhooks(self, *, due_only: bool = False) -> list[Delivery]:
        """`release_webhooks` for async tests: deliveries run in a worker thread."""
        return await asyncio.to_thread(self.release_webhooks, due_only=due_only)

    def _release(self, *, due_only: bool) -> list[str]:
        ready: list[str] = []
        for webhook_id, events in self._held.release(self.clock(), due_only=due_only).items():
            hook = self.core.webhooks.get(webhook_id)
            if hook is None:  # deleted since: its events go nowhere, as on Patreon
                continue
            hook.queue.extend(events)
            ready.append(webhook_id)
        return ready

    def pause_webhook(self, webhook_id: str) -> None:
        """Pause a webhook as Patreon does after failures: its events queue until it resumes."""
        with self.core.lock:
            self.core.set_webhook_state(self._hook(webhook_id), {"paused": True})

    def resume_webhook(self, webhook_id: str) -> list[Delivery]:
        """Unpause and re-send the queue, as `paused: false` does on Patreon [PD _webhooks_v2.md]."""
        with self.core.lock:
            self.core.set_webhook_state(self._hook(webhook_id), {"paused": False})
        return self.flush_webhooks([webhook_id])

    async def aresume_webhook(self, webhook_id: str) -> list[Delivery]:
        """`resume_webhook` for async tests: deliveries run in a worker thread."""
        return await asyncio.to_thread(self.resume_webhook, webhook_id)

    def _hook(self, webhook_id: str) -> WebhookRecord:
        hook = self.core.webhooks.get(webhook_id)
        if hook is None:
            raise KeyError(f"no webhook {webhook_id}")
        return hook

    def _flush_one(self, webhook_id: str) -> list[Delivery]:
        made: list[Delivery] = []
        hook = self.core.webhooks.get(webhook_id)
        if hook is None:
            return made
        with hook.flush_lock:
            while True:
                with self.core.lock:
                    if webhook_id not in self.core.webhooks or hook.attributes["paused"] or not hook.queue:
                        break
                    trigger, body = hook.queue[0]
                    uri = str(hook.attributes["uri"])
                    headers = delivery_headers(trigger, str(hook.attributes["secret"]), body)
                status, error = self._sender.send(uri, headers, body)
                delivery = Delivery(webhook_id, trigger, uri, body, headers, status, error)
                with self.core.lock:
                    self.deliveries.append(delivery)
                    self.stats.bump("webhook_deliveries")
                    if delivery.ok:
                        hook.queue.pop(0)
                    else:
                        self.stats.bump("webhook_failures")
                    self.core.webhook_attempt(hook, delivery.ok)
                made.append(delivery)
                if not delivery.ok:
                    break
        return made

    # --- world changes (each delivers its webhook events) ------------------------------------------

    def _member(self, member_id: str) -> MemberRecord:
        record = self.world.member_by_id(member_id)
        if record is None:
            raise KeyError(f"no member {member_id}")
        return record

    def _first_patron(self) -> MemberRecord:
        return next(r for r in self.world.order if r.kind is Kind.ACTIVE)

    def _tier(self, tier_id: str | None) -> int:
        if tier_id is None:
            return 0
        index = self.world.tier_index(tier_id)
        if index is None:
            raise KeyError(f"no tier {tier_id}")
        return index

    def add_pledge(
        self, *, tier_id: str | None = None, member_id: str | None = None, cadence: int = 1
    ) -> str:
        """A new pledge: a new patron, or an existing follower/former patron pledging. Returns the member id."""
        with self.core.lock:
            tier = self._tier(tier_id)
            if member_id is None:
                record = self.world.add_member(Kind.ACTIVE, tier, cadence=cadence)
                triggers = ["members:create", "members:pledge:create"]
            else:
                record = self._member(member_id)
                self.world.set_member_state(record, Kind.ACTIVE, tier)
                triggers = ["members:pledge:create", "members:update"]  # a follower becoming a patron [PD]
            ids = self._enqueue(triggers, "member", record.id)
        self.flush_webhooks(ids)
        return record.id

    def update_pledge(self, member_id: str, *, tier_id: str) -> None:
        """Move a patron to another tier: members:pledge:update and members:update [PD]."""
        with self.core.lock:
            record = self._member(member_id)
            self.world.set_member_state(record, Kind.ACTIVE, self._tier(tier_id))
            ids = self._enqueue(["members:pledge:update", "members:update"], "member", member_id)
        self.flush_webhooks(ids)

    def delete_pledge(self, member_id: str) -> None:
        """End a pledge: the member becomes a former patron (members:pledge:delete, members:update)."""
        with self.core.lock:
            record = self._member(member_id)
            self.world.set_member_state(record, Kind.FORMER, record.tier)
            ids = self._enqueue(["members:pledge:delete", "members:update"], "member", member_id)
        self.flush_webhooks(ids)

    def add_follower(self) -> str:
        """A new free member who never paid (patron_status null): members:create [PD]."""
        with self.core.lock:
            record = self.world.add_member(Kind.FOLLOWER, None)
            ids = self._enqueue(["members:create"], "member", record.id)
        self.flush_webhooks(ids)
        return record.id

    def delete_member(self, member_id: str) -> None:
        """Delete a member who never paid: members:delete (after a payment it is an update) [PD]."""
        with self.core.lock:
            record = self._member(member_id)
            if record.kind is not Kind.FOLLOWER:
                raise ValueError("only members who never paid can be deleted; use delete_pledge")
            ids = self._enqueue(["members:delete"], "member", member_id)
            self.world.remove_member(record)
        self.flush_webhooks(ids)

    def publish_post(self, title: str | None = None) -> str:
        """Publish a new post: posts:publish. Returns the post id."""
        with self.core.lock:
            post_id = self.world.add_post(title=title)
            ids = self._enqueue(["posts:publish"], "post", post_id)
        self.flush_webhooks(ids)
        return post_id

    def update_post(self, post_id: str, *, title: str) -> None:
        with self.core.lock:
            entity = self.world.entities[("post", post_id)]
            entity.attributes["title"] = title
            ids = self._enqueue(["posts:update"], "post", post_id)
        self.flush_webhooks(ids)

    def delete_post(self, post_id: str) -> None:
        with self.core.lock:
            ids = self._enqueue(["posts:delete"], "post", post_id)
            del self.world.entities[("post", post_id)]
            self.world.post_ids.remove(post_id)
        self.flush_webhooks(ids)

    def close(self) -> None:
        self._sender.close()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return (
            f"Sandbox(seed={self.seed}, members={len(self.world.order)}, campaign_id={self.campaign_id!r}, "
            f"base_url={self.base_url!r})"
        )


def _utc_from(timestamp: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(timestamp, dt.UTC)
