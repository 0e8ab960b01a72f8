"""Clients for the sandbox's control API: drive a sandbox served by another process.

    control = SandboxControl("http://127.0.0.1:8080")   # what `patreon sandbox serve` printed
    member_id = control.add_member()                      # a new patron, webhooks fire
    control.advance_clock(3600)                           # every token issued so far expires

Each method does what the `Sandbox` method of the same name does in process (patreon_sandbox.
control lists the routes). Failures raise `SandboxControlError` with the sandbox's message.
`AsyncSandboxControl` is the same for async tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import httpx

from patreon_auth.token import Token

DEFAULT_TIMEOUT = 30.0  # a trigger waits for its webhook deliveries, which retry on failure


class SandboxControlError(Exception):
    """The sandbox refused a control request (unknown member or tier, bad input, ...)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"sandbox control request failed ({status}): {message}")
        self.status = status
        self.message = message


# --- requests and answers, shared by the twins -------------------------------------------------


def _member_body(tier_id: str | None, follower: bool) -> dict[str, Any]:
    body: dict[str, Any] = {"follower": True} if follower else {}
    if tier_id is not None:
        body["tier_id"] = tier_id
    return body


def _token_body(
    user_id: str | None, scopes: Iterable[str] | None, expires_in: float | None
) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if user_id is not None:
        body["user_id"] = user_id
    if scopes is not None:
        body["scopes"] = list(scopes)
    if expires_in is not None:
        body["expires_in"] = expires_in
    return body


def _trigger_body(trigger: str, member_id: str | None, post_id: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {"trigger": trigger}
    if member_id is not None:
        body["member_id"] = member_id
    if post_id is not None:
        body["post_id"] = post_id
    return body


def _answer(response: httpx.Response) -> Any:
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


def _field(payload: Any, key: str) -> Any:
    if not isinstance(payload, Mapping) or key not in payload:
        raise SandboxControlError(200, f"the answer has no {key!r}")
    return payload[key]


class SandboxControl:
    """Drive a served sandbox over HTTP; `transport=` lets tests use an in-process one."""

    def __init__(
        self, base_url: str, *, transport: httpx.BaseTransport | None = None, timeout: float = DEFAULT_TIMEOUT
    ) -> None:
        self._http = httpx.Client(base_url=base_url.rstrip("/"), transport=transport, timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SandboxControl:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, method: str, path: str, body: Mapping[str, Any] | None = None) -> Any:
        return _answer(self._http.request(method, f"/_sandbox{path}", json=body))

    def info(self) -> dict[str, Any]:
        """Client id and secret, campaign, creator, tiers, users, redirect URIs and the clock."""
        payload = self._call("GET", "/info")
        assert isinstance(payload, dict)
        return payload

    def stats(self) -> dict[str, Any]:
        payload = self._call("GET", "/stats")
        assert isinstance(payload, dict)
        return payload

    def redirect_uris(self) -> list[str]:
        return list(_field(self._call("GET", "/redirect-uris"), "redirect_uris"))

    def add_member(self, *, tier_id: str | None = None, follower: bool = False) -> str:
        """A new patron (or a free member with `follower=True`); returns the member id."""
        return str(_field(self._call("POST", "/members", _member_body(tier_id, follower)), "member_id"))

    def delete_member(self, member_id: str) -> None:
        self._call("DELETE", f"/members/{member_id}")

    def add_pledge(self, member_id: str, *, tier_id: str | None = None) -> None:
        """An existing member (a follower, a former patron) pledges."""
        self._call("POST", f"/members/{member_id}/pledge", {"tier_id": tier_id} if tier_id else {})

    def update_pledge(self, member_id: str, *, tier_id: str) -> None:
        """Upgrade or downgrade a patron to `tier_id`."""
        self._call("PATCH", f"/members/{member_id}/pledge", {"tier_id": tier_id})

    def delete_pledge(self, member_id: str) -> None:
        """Cancel a pledge: the member becomes a former patron."""
        self._call("DELETE", f"/members/{member_id}/pledge")

    def trigger(
        self, trigger: str, member_id: str | None = None, *, post_id: str | None = None
    ) -> list[dict[str, Any]]:
        """Fire a webhook trigger; returns the delivery attempts (webhook id, status, error)."""
        return list(
            _field(
                self._call("POST", "/webhooks/trigger", _trigger_body(trigger, member_id, post_id)),
                "deliveries",
            )
        )

    def advance_clock(self, seconds: float) -> float:
        """Move the sandbox's clock forward; tokens issued before may now be expired."""
        return float(_field(self._call("POST", "/clock", {"advance": seconds}), "clock"))

    def token(
        self,
        *,
        user_id: str | None = None,
        scopes: Iterable[str] | None = None,
        expires_in: float | None = None,
    ) -> Token:
        """A token for `user_id` (default: the creator, with every scope)."""
        return Token.from_dict(self._call("POST", "/tokens", _token_body(user_id, scopes, expires_in)))


class AsyncSandboxControl:
    """Async twin of `SandboxControl`."""

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
        return _answer(await self._http.request(method, f"/_sandbox{path}", json=body))

    async def info(self) -> dict[str, Any]:
        payload = await self._call("GET", "/info")
        assert isinstance(payload, dict)
        return payload

    async def stats(self) -> dict[str, Any]:
        payload = await self._call("GET", "/stats")
        assert isinstance(payload, dict)
        return payload

    async def redirect_uris(self) -> list[str]:
        return list(_field(await self._call("GET", "/redirect-uris"), "redirect_uris"))

    async def add_member(self, *, tier_id: str | None = None, follower: bool = False) -> str:
        return str(_field(await self._call("POST", "/members", _member_body(tier_id, follower)), "member_id"))

    async def delete_member(self, member_id: str) -> None:
        await self._call("DELETE", f"/members/{member_id}")

    async def add_pledge(self, member_id: str, *, tier_id: str | None = None) -> None:
        await self._call("POST", f"/members/{member_id}/pledge", {"tier_id": tier_id} if tier_id else {})

    async def update_pledge(self, member_id: str, *, tier_id: str) -> None:
        await self._call("PATCH", f"/members/{member_id}/pledge", {"tier_id": tier_id})

    async def delete_pledge(self, member_id: str) -> None:
        await self._call("DELETE", f"/members/{member_id}/pledge")

    async def trigger(
        self, trigger: str, member_id: str | None = None, *, post_id: str | None = None
    ) -> list[dict[str, Any]]:
        payload = await self._call("POST", "/webhooks/trigger", _trigger_body(trigger, member_id, post_id))
        return list(_field(payload, "deliveries"))

    async def advance_clock(self, seconds: float) -> float:
        return float(_field(await self._call("POST", "/clock", {"advance": seconds}), "clock"))

    async def token(
        self,
        *,
        user_id: str | None = None,
        scopes: Iterable[str] | None = None,
        expires_in: float | None = None,
    ) -> Token:
        return Token.from_dict(await self._call("POST", "/tokens", _token_body(user_id, scopes, expires_in)))
