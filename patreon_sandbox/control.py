"""The sandbox's control API: drive a served sandbox from another process, over HTTP on loopback.

Everything a test does in process through `Sandbox` methods (add a patron, change or cancel a
pledge, fire any webhook trigger, expire tokens by moving the clock, mint a token) is here as
JSON over HTTP under `/_sandbox/`, so an app's own test suite can drive a sandbox that another
process serves. `SandboxControl` and `AsyncSandboxControl` (patreon_sandbox.remote) are its
clients; docs/sandbox.md lists the routes.

None of this is part of Patreon's API; the spec conformance check skips these paths. The
sandbox's client secret is served here on purpose: sandbox credentials protect nothing, and a
one-step `patreon login --sandbox` needs them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from patreon_sandbox.faults import WebhookFaults
from patreon_sandbox.handler import JSON_TYPE, STATS_PATH, SandboxRequest, SandboxResponse
from patreon_sandbox.schema import WEBHOOK_TRIGGERS
from patreon_sandbox.webhooks import Delivery, WebhookRecord

if TYPE_CHECKING:
    from patreon_sandbox.sandbox import Sandbox

CONTROL_PREFIX = "/_sandbox"
MAX_CLOCK_STEP = 10 * 365 * 86400.0  # ten years: enough to expire anything, small enough to stay a float date

# (method, path pattern, what it does): the index at GET /_sandbox/ and docs/sandbox.md show this table.
ROUTES: tuple[tuple[str, str, str], ...] = (
    ("GET", "/_sandbox/", "this index"),
    ("GET", "/_sandbox/info", "client id and secret, campaign, creator, tiers, users, redirect URIs, clock"),
    ("GET", "/_sandbox/stats", "request counters"),
    ("GET", "/_sandbox/redirect-uris", "the redirect URIs registered for the sandbox's client"),
    ("POST", "/_sandbox/members", 'a new patron {"tier_id"?} or, with {"follower": true}, a free member'),
    ("DELETE", "/_sandbox/members/{member_id}", "delete a member who never paid"),
    ("POST", "/_sandbox/members/{member_id}/pledge", 'an existing member pledges {"tier_id"?}'),
    ("PATCH", "/_sandbox/members/{member_id}/pledge", 'move a patron to another tier {"tier_id"}'),
    (
        "DELETE",
        "/_sandbox/members/{member_id}/pledge",
        "cancel a pledge (the member becomes a former patron)",
    ),
    (
        "POST",
        "/_sandbox/webhooks/trigger",
        'fire {"trigger", "member_id"?, "post_id"?} to subscribed webhooks',
    ),
    ("GET", "/_sandbox/webhooks", "every webhook: uri, triggers, paused, failures in a row, queued events"),
    (
        "GET",
        "/_sandbox/webhooks/faults",
        "the webhook faults, the events they hold back and those they dropped",
    ),
    (
        "PUT",
        "/_sandbox/webhooks/faults",
        'set {"repeat"?, "reorder"?, "delay"?, "drop"?, "delay_seconds"?, "seed"?} (left out: 0 / default)',
    ),
    ("DELETE", "/_sandbox/webhooks/faults", "no more webhook faults (held events stay held)"),
    (
        "POST",
        "/_sandbox/webhooks/release",
        'send held events now, every one or {"due_only": true} the delayed ones due',
    ),
    ("POST", "/_sandbox/webhooks/{webhook_id}/pause", "pause a webhook: its events queue"),
    ("POST", "/_sandbox/webhooks/{webhook_id}/resume", "unpause a webhook and re-send its queue"),
    ("POST", "/_sandbox/clock", 'move the sandbox clock {"advance": seconds}: tokens expire, limits reset'),
    (
        "POST",
        "/_sandbox/tokens",
        'mint a token {"user_id"?, "scopes"?, "expires_in"?} (default: the creator)',
    ),
)

_MEMBER = re.compile(r"^/_sandbox/members/([^/]+)$")
_PLEDGE = re.compile(r"^/_sandbox/members/([^/]+)/pledge$")
_WEBHOOK_STATE = re.compile(r"^/_sandbox/webhooks/([^/]+)/(pause|resume)$")


class ControlError(Exception):
    """A control request the sandbox cannot do; answered as {"error": message} with `status`."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def is_control_path(path: str) -> bool:
    return (path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/")) and path != STATS_PATH


def _reply(status: int, payload: Any) -> SandboxResponse:
    body = b"" if status == 204 else json.dumps(payload, separators=(",", ":")).encode()
    headers = [] if status == 204 else [("content-type", JSON_TYPE)]
    return SandboxResponse(status, headers, body)


def _body(request: SandboxRequest) -> dict[str, Any]:
    if not request.body.strip():
        return {}
    try:
        payload = json.loads(request.body)
    except (ValueError, RecursionError) as exc:
        raise ControlError(400, "the body is not JSON") from exc
    if not isinstance(payload, dict):
        raise ControlError(400, "the body must be a JSON object")
    return payload


def _text(payload: dict[str, Any], key: str, *, required: bool = False) -> str | None:
    value = payload.get(key)
    if value is None:
        if required:
            raise ControlError(400, f"{key!r} is required")
        return None
    if not isinstance(value, str) or not value:
        raise ControlError(400, f"{key!r} must be a non-empty string")
    return value


def _deliveries(deliveries: list[Delivery]) -> list[dict[str, Any]]:
    return [
        {"webhook_id": d.webhook_id, "trigger": d.trigger, "status": d.status, "error": d.error}
        for d in deliveries
    ]


def _webhook(hook: WebhookRecord) -> dict[str, Any]:
    attributes = hook.attributes
    return {
        "id": hook.id,
        "uri": attributes["uri"],
        "triggers": list(attributes["triggers"]),
        "paused": attributes["paused"],
        "num_consecutive_times_failed": attributes["num_consecutive_times_failed"],
        "queued": len(hook.queue),
    }


class ControlAPI:
    """Routes `/_sandbox/*` requests to the `Sandbox` methods that do the same in process."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def handle(self, request: SandboxRequest) -> SandboxResponse:
        path = urlsplit(request.url).path
        method = request.method.upper()
        try:
            return self._route(method, path, request)
        except ControlError as error:
            return _reply(error.status, {"error": error.message})
        except KeyError as error:  # the Sandbox methods raise KeyError for an unknown member/tier/post
            return _reply(404, {"error": str(error.args[0]) if error.args else "not found"})
        except ValueError as error:  # and ValueError for a request the world does not allow
            return _reply(409, {"error": str(error)})

    def _route(self, method: str, path: str, request: SandboxRequest) -> SandboxResponse:
        simple: dict[tuple[str, str], Callable[[SandboxRequest], SandboxResponse]] = {
            ("GET", "/_sandbox"): self._index,
            ("GET", "/_sandbox/"): self._index,
            ("GET", "/_sandbox/info"): self._info,
            ("GET", "/_sandbox/redirect-uris"): self._redirect_uris,
            ("POST", "/_sandbox/members"): self._add_member,
            ("POST", "/_sandbox/webhooks/trigger"): self._trigger,
            ("GET", "/_sandbox/webhooks"): self._webhooks,
            ("GET", "/_sandbox/webhooks/faults"): self._webhook_faults,
            ("PUT", "/_sandbox/webhooks/faults"): self._set_webhook_faults,
            ("DELETE", "/_sandbox/webhooks/faults"): self._clear_webhook_faults,
            ("POST", "/_sandbox/webhooks/release"): self._release_webhooks,
            ("POST", "/_sandbox/clock"): self._clock,
            ("POST", "/_sandbox/tokens"): self._token,
        }
        handler = simple.get((method, path))
        if handler is not None:
            return handler(request)
        if found := _PLEDGE.match(path):
            member_id = found.group(1)
            if method == "POST":
                tier_id = _text(_body(request), "tier_id")
                self.sandbox.add_pledge(member_id=member_id, tier_id=tier_id)
                return _reply(200, {"member_id": member_id})
            if method == "PATCH":
                tier_id = _text(_body(request), "tier_id", required=True)
                assert tier_id is not None
                self.sandbox.update_pledge(member_id, tier_id=tier_id)
                return _reply(200, {"member_id": member_id})
            if method == "DELETE":
                self.sandbox.delete_pledge(member_id)
                return _reply(204, None)
            raise ControlError(405, f"{method} is not allowed on {path}")
        if found := _WEBHOOK_STATE.match(path):
            if method != "POST":
                raise ControlError(405, f"{method} is not allowed on {path}")
            webhook_id, action = found.groups()
            if action == "pause":
                self.sandbox.pause_webhook(webhook_id)
                with self.sandbox.core.lock:
                    return _reply(200, {"webhook": _webhook(self.sandbox.webhook(webhook_id))})
            return _reply(200, {"deliveries": _deliveries(self.sandbox.resume_webhook(webhook_id))})
        if found := _MEMBER.match(path):
            if method != "DELETE":
                raise ControlError(405, f"{method} is not allowed on {path}")
            self.sandbox.delete_member(found.group(1))
            return _reply(204, None)
        known = {pattern.split("{")[0].rstrip("/") for _, pattern, _ in ROUTES}
        if any(path.rstrip("/") == prefix for prefix in known):
            raise ControlError(405, f"{method} is not allowed on {path}")
        raise ControlError(404, f"no control route {path}; GET /_sandbox/ lists them")

    # --- the routes ---------------------------------------------------------------------------

    def _index(self, request: SandboxRequest) -> SandboxResponse:
        return _reply(
            200,
            {"routes": [{"method": method, "path": path, "does": does} for method, path, does in ROUTES]},
        )

    def _info(self, request: SandboxRequest) -> SandboxResponse:
        sandbox = self.sandbox
        with sandbox.core.lock:
            tiers = [
                {"id": tier.id, "title": tier.title, "amount_cents": tier.amount_cents}
                for tier in sandbox.world.tiers
                if not tier.deleted
            ]
            users = [{"id": user.id, "full_name": user.full_name} for user in sandbox.users]
        return _reply(
            200,
            {
                "client_id": sandbox.client_id,
                "client_secret": sandbox.client_secret,
                "campaign_id": sandbox.campaign_id,
                "creator": {"id": sandbox.creator.id, "full_name": sandbox.creator.full_name},
                "redirect_uris": list(sandbox.redirect_uris),
                "tiers": tiers,
                "users": users,
                "clock": sandbox.clock(),
            },
        )

    def _redirect_uris(self, request: SandboxRequest) -> SandboxResponse:
        return _reply(200, {"redirect_uris": list(self.sandbox.redirect_uris)})

    def _add_member(self, request: SandboxRequest) -> SandboxResponse:
        payload = _body(request)
        follower = payload.get("follower", False)
        if not isinstance(follower, bool):
            raise ControlError(400, "'follower' must be true or false")
        tier_id = _text(payload, "tier_id")
        if follower and tier_id is not None:
            raise ControlError(400, "a follower has no tier; give 'tier_id' or 'follower', not both")
        member_id = self.sandbox.add_follower() if follower else self.sandbox.add_pledge(tier_id=tier_id)
        return _reply(201, {"member_id": member_id})

    def _trigger(self, request: SandboxRequest) -> SandboxResponse:
        payload = _body(request)
        trigger = _text(payload, "trigger", required=True)
        assert trigger is not None
        if trigger not in WEBHOOK_TRIGGERS:
            raise ControlError(
                400, f"unknown trigger {trigger!r}; known: {', '.join(sorted(WEBHOOK_TRIGGERS))}"
            )
        deliveries = self.sandbox.trigger(
            trigger, _text(payload, "member_id"), post_id=_text(payload, "post_id")
        )
        return _reply(200, {"deliveries": _deliveries(deliveries)})

    def _webhooks(self, request: SandboxRequest) -> SandboxResponse:
        with self.sandbox.core.lock:  # a delivery in another thread may be updating them
            return _reply(200, {"webhooks": [_webhook(hook) for hook in self.sandbox.webhooks]})

    def _webhook_faults(self, request: SandboxRequest) -> SandboxResponse:
        sandbox = self.sandbox
        return _reply(
            200,
            {
                "faults": sandbox.webhook_faults.as_dict(),
                "held": [event.as_dict() for event in sandbox.held_webhook_events],
                "dropped": [event.as_dict() for event in sandbox.dropped_webhook_events],
            },
        )

    def _set_webhook_faults(self, request: SandboxRequest) -> SandboxResponse:
        try:
            faults = WebhookFaults.from_dict(_body(request))
        except (TypeError, ValueError) as error:
            raise ControlError(400, str(error)) from error
        self.sandbox.webhook_faults = faults
        return self._webhook_faults(request)

    def _clear_webhook_faults(self, request: SandboxRequest) -> SandboxResponse:
        self.sandbox.webhook_faults = WebhookFaults()
        return self._webhook_faults(request)

    def _release_webhooks(self, request: SandboxRequest) -> SandboxResponse:
        due_only = _body(request).get("due_only", False)
        if not isinstance(due_only, bool):
            raise ControlError(400, "'due_only' must be true or false")
        return _reply(200, {"deliveries": _deliveries(self.sandbox.release_webhooks(due_only=due_only))})

    def _clock(self, request: SandboxRequest) -> SandboxResponse:
        advance = _body(request).get("advance")
        if isinstance(advance, bool) or not isinstance(advance, int | float):
            raise ControlError(400, "'advance' must be a number of seconds")
        if not 0 <= advance <= MAX_CLOCK_STEP:
            raise ControlError(400, f"'advance' must be between 0 and {MAX_CLOCK_STEP:.0f} seconds")
        return _reply(200, {"clock": self.sandbox.advance_clock(float(advance))})

    def _token(self, request: SandboxRequest) -> SandboxResponse:
        payload = _body(request)
        user_id = _text(payload, "user_id")
        scopes = payload.get("scopes")
        if scopes is not None and (
            not isinstance(scopes, list) or not all(isinstance(scope, str) for scope in scopes)
        ):
            raise ControlError(400, "'scopes' must be a list of strings")
        expires_in = payload.get("expires_in")
        if expires_in is not None and (
            isinstance(expires_in, bool) or not isinstance(expires_in, int | float)
        ):
            raise ControlError(400, "'expires_in' must be a number of seconds")
        sandbox = self.sandbox
        user = sandbox.creator
        if user_id is not None and user_id != sandbox.creator.id:
            matches = [candidate for candidate in sandbox.users if candidate.id == user_id]
            if not matches:
                raise ControlError(404, f"no user {user_id}")
            user = matches[0]
        token = sandbox.user_token(user, scopes=scopes, expires_in=expires_in)
        return _reply(201, token.to_dict())
