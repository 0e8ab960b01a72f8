"""The one request handler: a parsed HTTP request in, a response out, no I/O of its own.

The sync and async httpx transports and the ASGI app all call `Core.handle`; waiting (slow
faults), dropping connections and webhook deliveries are left to them, so this module only
decides. One lock guards all state, so 50 threads can hammer it.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from patreon_sandbox import consent, jsonapi
from patreon_sandbox.drift import DRIFT_HEADER, Drift
from patreon_sandbox.faults import Fault, Faults, html_page
from patreon_sandbox.jsonapi import ApiError, DocumentBuilder, Query
from patreon_sandbox.limits import RateLimiter
from patreon_sandbox.oauth import AccessGrant, AuthorizeError, OAuthState
from patreon_sandbox.schema import ENDPOINTS, WEBHOOK_TRIGGERS, Route, attributes_of, match_route
from patreon_sandbox.stats import Stats
from patreon_sandbox.values import iso
from patreon_sandbox.webhooks import DEFAULT_PAUSE_AFTER, WebhookRecord, is_loopback_uri
from patreon_sandbox.world import Entity, World

TOKEN_PATH = "/api/oauth2/token"  # [PD _oauth.md]
AUTHORIZE_PATH = "/oauth2/authorize"  # [PD _oauth.md]
STATS_PATH = "/_sandbox/stats"
JSON_TYPE = "application/json; charset=utf-8"


@dataclass
class SandboxRequest:
    """An HTTP request as the core sees it; header names are lowercase."""

    method: str
    url: str
    headers: Mapping[str, str]
    body: bytes = b""


@dataclass
class SandboxResponse:
    """The core's answer, plus what the caller must do around it (wait, drop, deliver)."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes = b""
    delay: float = 0.0
    drop: bool = False
    flush_webhooks: tuple[str, ...] = ()


def _json_response(status: int, payload: Any, extra: Sequence[tuple[str, str]] = ()) -> SandboxResponse:
    body = json.dumps(payload, separators=(",", ":")).encode()
    headers = [("content-type", JSON_TYPE), ("x-patreon-uuid", str(uuid.uuid4())), *extra]
    return SandboxResponse(status, headers, body)


def _html_response(status: int, html: str | bytes, extra: Sequence[tuple[str, str]] = ()) -> SandboxResponse:
    body = html.encode() if isinstance(html, str) else html
    return SandboxResponse(status, [("content-type", "text/html; charset=utf-8"), *extra], body)


def _error_response(error: ApiError) -> SandboxResponse:
    extra: list[tuple[str, str]] = []
    if error.retry_after_seconds is not None:
        extra.append(("retry-after", str(error.retry_after_seconds)))  # platform-documentation#95
    return _json_response(error.status, error.document(), extra)


def _no_content() -> SandboxResponse:
    return SandboxResponse(204, [("x-patreon-uuid", str(uuid.uuid4()))], b"")


@dataclass(frozen=True)
class Call:
    """One routed API request, as each operation's handler reads it."""

    op: str  # the operationId the route matched
    path_params: dict[str, str]
    params: list[tuple[str, str]]
    origin: str
    path: str
    grant: AccessGrant
    request: SandboxRequest


@dataclass
class Core:
    """All sandbox state and the request handler over it."""

    world: World
    oauth: OAuthState
    faults: Faults
    stats: Stats = field(default_factory=Stats)
    limiter: RateLimiter = field(default_factory=RateLimiter)
    clock: Callable[[], float] = time.time
    require_user_agent: bool = True
    pause_after: int = DEFAULT_PAUSE_AFTER
    webhooks: dict[str, WebhookRecord] = field(default_factory=dict)
    in_process_uris: set[str] = field(default_factory=set)
    drift: Drift = field(default_factory=Drift)
    lock: threading.RLock = field(default_factory=threading.RLock)
    _webhook_serial: int = 0

    # --- entry point ------------------------------------------------------------------------

    def handle(self, request: SandboxRequest) -> SandboxResponse:
        parts = urlsplit(request.url)
        path = parts.path or "/"
        method = request.method.upper()
        if path == STATS_PATH:
            return _json_response(200, self.stats.as_dict())
        self.stats.bump("requests")
        params = parse_qsl(parts.query, keep_blank_values=True)
        origin = f"{parts.scheme}://{parts.netloc}"
        routed = self._route(method, path)
        names = frozenset(routed[1]) if routed is not None else frozenset({"unknown"})
        fault = self.faults.pick(names, method)
        if fault is not None:
            self.stats.bump("faults_injected")
            early = self._fault_response(fault)
            if early is not None:
                return self._finish(early)
        if self.require_user_agent and not request.headers.get("user-agent"):
            # Requests without a User-Agent may be dropped with a 403 [PD _intro.md; platform-documentation#86].
            response = _html_response(
                403, "<html><body><h1>403 Forbidden</h1>Missing User-Agent.</body></html>"
            )
        elif routed is None:
            response = _error_response(ApiError(404, "ResourceMissing", f"No route for {path}."))
        else:
            response = self._dispatch(routed[0], method, path, params, origin, request)
            if method == "GET" and response.status == 200 and routed[0] not in {"token", "authorize"}:
                self._drift(response)
        if fault is not None:
            response.delay = fault.delay
            if fault.truncate and response.body:
                response.body = response.body[: max(1, len(response.body) // 2)]
        return self._finish(response)

    def _drift(self, response: SandboxResponse) -> None:
        """Serve the answer changed by the enabled drift kinds, marked as such (patreon_sandbox.drift)."""
        if not self.drift.kinds:
            return
        document = json.loads(response.body)
        if self.drift.apply(document):
            response.body = json.dumps(document, separators=(",", ":")).encode()
            response.headers.append((DRIFT_HEADER, ",".join(sorted(self.drift.kinds))))

    def _finish(self, response: SandboxResponse) -> SandboxResponse:
        if response.status >= 400:
            self.stats.bump("errors")
        return response

    def _route(self, method: str, path: str) -> tuple[str, set[str]] | None:
        if path == TOKEN_PATH:
            return "token", {"token"}
        if path == AUTHORIZE_PATH:
            return "authorize", {"authorize"}
        found = match_route(method, path)
        if found is None:
            return None
        if found is False:
            return "method_not_allowed", {"method_not_allowed"}
        assert not isinstance(found, bool)
        route, _ = found
        return route.operation_id, {route.group, route.operation_id}

    @staticmethod
    def _fault_response(fault: Fault) -> SandboxResponse | None:
        if fault.drop:
            return SandboxResponse(0, [], b"", delay=fault.delay, drop=True)
        if fault.status is not None:
            if fault.html:
                response = _html_response(fault.status, html_page(fault.status))
            else:
                code_name = "ServiceUnavailable" if fault.status == 503 else "InternalServerError"
                response = _error_response(ApiError(fault.status, code_name, "Injected fault."))
            response.delay = fault.delay
            return response
        return None

    def _dispatch(
        self,
        name: str,
        method: str,
        path: str,
        params: list[tuple[str, str]],
        origin: str,
        request: SandboxRequest,
    ) -> SandboxResponse:
        if name == "token":
            return self._token(method, params, request)
        if name == "authorize":
            return self._authorize(method, params, request)
        if name == "method_not_allowed":
            return _error_response(ApiError(405, "MethodNotAllowed", f"{method} is not allowed on {path}."))
        found = match_route(method, path)
        assert isinstance(found, tuple)
        route, path_params = found
        self.stats.bump("api_requests")
        self.stats.bump_route(route.operation_id)
        with self.lock:
            try:
                grant = self._authenticate(request)
                self._rate_limit(grant)
                missing = [
                    scope for scope in ENDPOINTS[route.operation_id]["scopes"] if scope not in grant.scopes
                ]
                if missing:
                    # A missing scope is a 401 on Patreon [PD _errors.md; forum /t/8908].
                    raise ApiError(401, "Unauthorized", f"This endpoint needs the '{missing[0]}' scope.")
                return self._operation(route, path_params, params, origin, path, grant, request)
            except ApiError as error:
                if error.status == 401:
                    self.stats.bump("unauthorized")
                return _error_response(error)

    # --- auth and limits --------------------------------------------------------------------

    def _authenticate(self, request: SandboxRequest) -> AccessGrant:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        # ?access_token= in the query is not accepted: 401 (patreon-js#28).
        grant = self.oauth.grant_for(token.strip()) if scheme.lower() == "bearer" else None
        if grant is None:
            raise ApiError(
                401,
                "Unauthorized",
                "The server could not verify that you are authorized to access the URL requested. You either "
                "supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how "
                "to supply the credentials required.",
            )
        return grant

    def _rate_limit(self, grant: AccessGrant) -> None:
        wait = self.limiter.check(
            client_id=grant.client_id, access_token=grant.access_token, now=self.clock()
        )
        if wait is not None:
            self.stats.bump("rate_limited")
            raise ApiError(
                429,
                "RequestThrottled",
                f"You have made too many attempts. Please try again in {wait} seconds.",
                retry_after_seconds=wait,
            )

    # --- OAuth --------------------------------------------------------------------------------

    def _token(self, method: str, params: list[tuple[str, str]], request: SandboxRequest) -> SandboxResponse:
        self.stats.bump("token_requests")
        if method != "POST":
            return _json_response(405, {"error": "invalid_request", "error_description": "Use POST."})
        # The form body is the documented way (PD c80ec53); [PY] still sends a query string.
        form = dict(params)
        form.update(parse_qsl(request.body.decode("utf-8", errors="replace"), keep_blank_values=True))
        with self.lock:
            reply = self.oauth.token(form)
        if reply.grant_type == "refresh_token":
            self.stats.bump("refresh_requests")
        elif reply.grant_type == "authorization_code":
            self.stats.bump("code_exchanges")
        return _json_response(reply.status, reply.body, [("cache-control", "no-store")])

    def _authorize(
        self, method: str, params: list[tuple[str, str]], request: SandboxRequest
    ) -> SandboxResponse:
        self.stats.bump("authorize_requests")
        values = dict(params)
        if method == "POST":
            values.update(parse_qsl(request.body.decode("utf-8", errors="replace"), keep_blank_values=True))
        with self.lock:
            try:
                client = self.oauth.check_authorize(values)
            except AuthorizeError as exc:
                return _html_response(
                    400, f"<html><body><h1>Invalid request</h1><p>{escape(str(exc))}</p></body></html>"
                )
            if method == "GET":
                return _html_response(200, self._consent_page(client.name, values))
            typed = values.get(consent.USER_FIELD, "")
            user_id = consent.chosen_user(values)
            allow = values.pop(consent.DECISION_FIELD, "allow") == "allow"
            # No user, or one the world does not know: the same page again, with the error.
            error = None
            if allow and not user_id:
                error = consent.NO_USER
            elif user_id and not self.world.exists("user", user_id):
                error = consent.unknown_user_message(user_id)
            if error is not None:
                return _html_response(400, self._consent_page(client.name, values, error=error, typed=typed))
            location = self.oauth.consent(values, user_id=user_id or self.world.creator_id, allow=allow)
        return SandboxResponse(302, [("location", location)], b"")

    def _consent_page(
        self, client_name: str, values: Mapping[str, str], *, error: str | None = None, typed: str = ""
    ) -> str:
        choices = consent.login_choices(self.world)
        return consent.consent_page(
            client_name, values, choices, authorize_path=AUTHORIZE_PATH, error=error, typed=typed
        )

    # --- operations ---------------------------------------------------------------------------

    def _operation(
        self,
        route: Route,
        path_params: dict[str, str],
        params: list[tuple[str, str]],
        origin: str,
        path: str,
        grant: AccessGrant,
        request: SandboxRequest,
    ) -> SandboxResponse:
        answer = OPERATIONS.get(route.operation_id)
        if answer is None:
            # An operation of the spec without a handler (tests/sandbox/test_dispatch.py fails for one).
            raise not_implemented(route.operation_id)
        return answer(self, Call(route.operation_id, path_params, params, origin, path, grant, request))

    def _read(self, call: Call) -> tuple[Query, DocumentBuilder]:
        query = jsonapi.parse_query(call.op, call.params, call.grant.scopes)
        return query, DocumentBuilder(self.world, query.fields, call.origin)

    def _get_identity(self, call: Call) -> SandboxResponse:
        query, builder = self._read(call)
        grant = call.grant
        user_id = grant.user_id
        memberships = self.world.related("user", user_id, "memberships")
        owner = self.oauth.clients[grant.client_id].owner_id
        if "identity.memberships" not in grant.scopes and isinstance(memberships, list):
            # Without identity.memberships only the membership to the client owner's campaign [PD].
            memberships = [m for m in memberships if self._campaign_owner_of_member(m) == owner]
        relationships = {"memberships": memberships}
        return self._single(builder, query, "user", user_id, call.origin, relationships=relationships)

    def _list_campaigns(self, call: Call) -> SandboxResponse:
        query, builder = self._read(call)
        world = self.world
        ids = [world.campaign_id] if call.grant.user_id == world.creator_id else []
        return self._collection(
            builder, query, call.op, "campaign", ids, list(range(len(ids))), call.origin, call.path
        )

    def _get_campaign(self, call: Call) -> SandboxResponse:
        query, builder = self._read(call)
        campaign_id = call.path_params["campaign_id"]
        self._require(self.world.exists("campaign", campaign_id), "campaign")
        return self._single(builder, query, "campaign", campaign_id, call.origin)

    def _list_campaign_members(self, call: Call) -> SandboxResponse:
        query, builder = self._read(call)
        self._require_owned_campaign(call.path_params["campaign_id"], call.grant)
        return self._member_page(builder, query, call.op, call.origin, call.path)

    def _get_member(self, call: Call) -> SandboxResponse:
        query, builder = self._read(call)
        member_id = call.path_params["member_id"]
        self._require(self.world.exists("member", member_id), "member")
        self._require_owner(call.grant)
        return self._single(builder, query, "member", member_id, call.origin)

    def _list_campaign_posts(self, call: Call) -> SandboxResponse:
        query, builder = self._read(call)
        self._require_owned_campaign(call.path_params["campaign_id"], call.grant)
        ids = list(self.world.post_ids)
        return self._collection(
            builder, query, call.op, "post", ids, list(range(len(ids))), call.origin, call.path
        )

    def _get_post(self, call: Call) -> SandboxResponse:
        query, builder = self._read(call)
        post_id = call.path_params["post_id"]
        self._require(self.world.exists("post", post_id), "post")
        self._require_owner(call.grant)
        return self._single(builder, query, "post", post_id, call.origin)

    def _list_webhooks(self, call: Call) -> SandboxResponse:
        query, builder = self._read(call)
        hooks = sorted(
            (h for h in self.webhooks.values() if h.client_id == call.grant.client_id),
            key=lambda h: h.created,
        )  # only the webhooks this client created [PD _webhooks_v2.md]
        ids = [h.id for h in hooks]
        return self._collection(
            builder, query, call.op, "webhook", ids, [h.created for h in hooks], call.origin, call.path
        )

    def _get_live(self, call: Call) -> SandboxResponse:
        query, builder = self._read(call)
        live_id = call.path_params["live_id"]
        self._require(self.world.exists("live", live_id), "live")
        return self._single(builder, query, "live", live_id, call.origin)

    def _campaign_owner_of_member(self, member_id: str) -> str | None:
        campaign_id = self.world.related("member", member_id, "campaign")
        if isinstance(campaign_id, str):
            creator = self.world.related("campaign", campaign_id, "creator")
            return creator if isinstance(creator, str) else None
        return None

    @staticmethod
    def _require(found: bool, type_name: str) -> None:
        if not found:
            raise ApiError(404, "ResourceMissing", f"The requested {type_name} was not found.")

    def _require_owner(self, grant: AccessGrant) -> None:
        if grant.user_id != self.world.creator_id:
            raise ApiError(403, "ViewForbidden", "You do not have permission to view this resource.")

    def _require_owned_campaign(self, campaign_id: str, grant: AccessGrant) -> None:
        self._require(self.world.exists("campaign", campaign_id), "campaign")
        self._require_owner(grant)

    def _single(
        self,
        builder: DocumentBuilder,
        query: Query,
        type_name: str,
        resource_id: str,
        origin: str,
        *,
        relationships: Mapping[str, Any] | None = None,
    ) -> SandboxResponse:
        builder.mark_primary(type_name, [resource_id])
        data = builder.resource(type_name, resource_id, query.include, relationships=relationships)
        self_type = "user" if type_name == "user" else type_name
        document = jsonapi.single_document(
            builder,
            data,
            jsonapi.self_link(origin, self_type, resource_id),
            with_included=bool(query.include),
        )
        return _json_response(200, document)

    def _collection(
        self,
        builder: DocumentBuilder,
        query: Query,
        op: str,
        type_name: str,
        ids: list[str],
        keys: list[int],
        origin: str,
        path: str,
    ) -> SandboxResponse:
        size = jsonapi.page_size(op, query)
        start = 0 if query.cursor is None else _first_after(keys, query.cursor)
        page_ids = ids[start : start + size]
        more = start + size < len(ids)
        builder.mark_primary(type_name, page_ids)
        data = [builder.resource(type_name, item, query.include) for item in page_ids]
        cursor = jsonapi.encode_cursor(keys[start + size - 1]) if more else None
        next_url = jsonapi.next_page_url(origin, path, query.params, cursor) if cursor else None
        document = jsonapi.collection_document(
            builder,
            data,
            total=len(ids),
            next_cursor=cursor,
            next_url=next_url,
            with_included=bool(query.include),
        )
        return _json_response(200, document)

    def _member_page(
        self, builder: DocumentBuilder, query: Query, op: str, origin: str, path: str
    ) -> SandboxResponse:
        world = self.world
        size = jsonapi.page_size(op, query)
        start = 0 if query.cursor is None else _first_after(world.seqs, query.cursor)
        records = world.order[start : start + size]
        more = start + size < len(world.order)
        builder.mark_primary("member", [r.id for r in records])
        data = []
        for record in records:
            attributes = world.member_attributes(record) if query.fields.get("member") else None
            relationships = world.member_relationships(record, query.include) if query.include else None
            data.append(
                builder.resource(
                    "member", record.id, query.include, attributes=attributes, relationships=relationships
                )
            )
        cursor = jsonapi.encode_cursor(records[-1].seq) if more and records else None
        next_url = jsonapi.next_page_url(origin, path, query.params, cursor) if cursor else None
        document = jsonapi.collection_document(
            builder,
            data,
            total=len(world.order),
            next_cursor=cursor,
            next_url=next_url,
            with_included=bool(query.include),
        )
        return _json_response(200, document)

    # --- writes: webhooks and lives ---------------------------------------------------------

    def _body(self, request: SandboxRequest) -> dict[str, Any]:
        try:
            payload = json.loads(request.body or b"null")
        except ValueError:
            raise ApiError(400, "ParameterInvalid", "The request body is not valid JSON.") from None
        data = payload.get("data") if isinstance(payload, dict) else None
        if not isinstance(data, dict):
            raise ApiError(400, "ParameterInvalid", "The body needs a 'data' object.", parameter="data")
        return data

    def _attributes(self, call: Call) -> tuple[dict[str, Any], dict[str, Any]]:
        """The body's `data` and its `attributes` (empty when absent)."""
        data = self._body(call.request)
        attributes = data.get("attributes") if isinstance(data.get("attributes"), dict) else {}
        assert isinstance(attributes, dict)
        return data, attributes

    def _create_webhook_call(self, call: Call) -> SandboxResponse:
        data, attributes = self._attributes(call)
        return self._create_webhook(data, attributes, call.origin, call.grant)

    def _update_webhook_call(self, call: Call) -> SandboxResponse:
        _, attributes = self._attributes(call)
        return self._update_webhook(call.path_params["webhook_id"], attributes, call.origin, call.grant)

    def _create_live_call(self, call: Call) -> SandboxResponse:
        _, attributes = self._attributes(call)
        return self._create_live(attributes, call.origin, call.grant)

    def _update_live_call(self, call: Call) -> SandboxResponse:
        _, attributes = self._attributes(call)
        return self._update_live(call.path_params["live_id"], attributes, call.origin)

    def _full(self, type_name: str, resource_id: str, origin: str, status: int = 200) -> SandboxResponse:
        # Writes answer with every attribute, secret included [PD _webhooks_v2.md].
        builder = DocumentBuilder(self.world, {type_name: tuple(attributes_of(type_name))}, origin)
        rels = self.world.relationships(type_name, resource_id)
        data = builder.resource(type_name, resource_id, {name: {} for name in rels})
        builder.included.clear()
        document = {"data": data, "links": {"self": jsonapi.self_link(origin, type_name, resource_id)}}
        return _json_response(status, document)

    def _validate_webhook(self, attributes: Mapping[str, Any], *, partial: bool) -> None:
        triggers = attributes.get("triggers")
        if (triggers is not None or not partial) and (
            not isinstance(triggers, list) or not triggers or not all(t in WEBHOOK_TRIGGERS for t in triggers)
        ):
            raise ApiError(
                400,
                "ParameterInvalid",
                "triggers must be a list of known triggers.",
                parameter="triggers",
            )
        uri = attributes.get("uri")
        if (uri is not None or not partial) and (
            not isinstance(uri, str) or not self.webhook_uri_allowed(uri)
        ):
            raise ApiError(
                400,
                "ParameterInvalid",
                "uri must be an https URL (or loopback / in-process in the sandbox).",
                parameter="uri",
            )

    def webhook_uri_allowed(self, uri: str) -> bool:
        # Patreon wants https ([PHP] example); the sandbox also takes loopback http and in-process URIs.
        scheme = urlsplit(uri).scheme
        return uri in self.in_process_uris or scheme == "https" or (scheme == "http" and is_loopback_uri(uri))

    def _create_webhook(
        self, data: Mapping[str, Any], attributes: Mapping[str, Any], origin: str, grant: AccessGrant
    ) -> SandboxResponse:
        if data.get("type") != "webhook":
            raise ApiError(400, "ParameterInvalid", "data.type must be 'webhook'.", parameter="type")
        self._validate_webhook(attributes, partial=False)
        relationships = data.get("relationships")
        campaign = relationships.get("campaign") if isinstance(relationships, dict) else None
        campaign_data = campaign.get("data") if isinstance(campaign, dict) else None
        campaign_id = campaign_data.get("id") if isinstance(campaign_data, dict) else None
        if not isinstance(campaign_id, str):
            raise ApiError(
                400, "ParameterInvalid", "relationships.campaign is required.", parameter="campaign"
            )
        self._require_owned_campaign(campaign_id, grant)
        self._webhook_serial += 1
        webhook_id = self.world.new_numeric_id()
        state = {
            "last_attempted_at": None,
            "num_consecutive_times_failed": 0,
            "paused": False,
            "secret": secrets.token_urlsafe(48),
            "triggers": list(attributes["triggers"]),
            "uri": attributes["uri"],
        }
        record = WebhookRecord(webhook_id, grant.client_id, grant.scopes, state, self._webhook_serial)
        self.webhooks[webhook_id] = record
        self.world.entities[("webhook", webhook_id)] = Entity(
            self.world.fill("webhook", state, self.world.rng),
            {"campaign": campaign_id, "client": grant.client_id},
        )
        # The creation status is undocumented; [WP] accepts 200 and 201.
        return self._full("webhook", webhook_id, origin, status=201)

    def _own_webhook(self, webhook_id: str, grant: AccessGrant) -> WebhookRecord:
        record = self.webhooks.get(webhook_id)
        if record is None or record.client_id != grant.client_id:
            # Only webhooks this client created are visible to it [PD _webhooks_v2.md].
            raise ApiError(404, "ResourceMissing", "The requested webhook was not found.")
        return record

    def _update_webhook(
        self, webhook_id: str, attributes: Mapping[str, Any], origin: str, grant: AccessGrant
    ) -> SandboxResponse:
        record = self._own_webhook(webhook_id, grant)
        self._validate_webhook(attributes, partial=True)
        changes = {key: attributes[key] for key in ("triggers", "uri") if key in attributes}
        flush: tuple[str, ...] = ()
        if "paused" in attributes:
            paused = attributes["paused"]
            if isinstance(paused, str) and paused in {"true", "false"}:
                paused = paused == "true"  # the [PD] sample sends the string "false"
            if not isinstance(paused, bool):
                raise ApiError(400, "ParameterInvalid", "paused must be a boolean.", parameter="paused")
            changes["paused"] = paused
            if not paused and record.queue:
                flush = (webhook_id,)  # paused:false re-sends the queued events [PD]
        self.set_webhook_state(record, changes)
        response = self._full("webhook", webhook_id, origin)
        response.flush_webhooks = flush
        return response

    def set_webhook_state(self, record: WebhookRecord, changes: Mapping[str, Any]) -> None:
        record.attributes.update(changes)
        self.world.entities[("webhook", record.id)].attributes.update(changes)

    def _delete_webhook(self, call: Call) -> SandboxResponse:
        record = self._own_webhook(call.path_params["webhook_id"], call.grant)
        del self.webhooks[record.id]
        del self.world.entities[("webhook", record.id)]
        return _no_content()

    def _delete_live(self, call: Call) -> SandboxResponse:
        live_id = call.path_params["live_id"]
        self._require(self.world.exists("live", live_id), "live")
        del self.world.entities[("live", live_id)]
        return _no_content()

    _LIVE_ORDER = ("pre_live", "live", "live_ended")  # no transition after live_ended [PAT]

    def _create_live(self, attributes: Mapping[str, Any], origin: str, grant: AccessGrant) -> SandboxResponse:
        self._require_owner(grant)
        state = attributes.get("state")
        if state not in self._LIVE_ORDER:
            raise ApiError(
                400, "ParameterInvalid", "state must be pre_live, live or live_ended.", parameter="state"
            )
        rule_ids = attributes.get("live_access_rule_ids") or []
        if not isinstance(rule_ids, list) or any(r not in self.world.live_access_rule_ids for r in rule_ids):
            raise ApiError(
                400, "ParameterInvalid", "Unknown live_access_rule_ids.", parameter="live_access_rule_ids"
            )
        live_id = self.world.new_numeric_id()
        known = {
            "description": attributes.get("description"),
            "rtmp_url": "rtmps://live.patreon.test:443/app",
            "scheduled_for": attributes.get("scheduled_for"),
            "state": state,
            "stream_key": secrets.token_hex(12),
            "title": attributes.get("title"),
        }
        self.world.entities[("live", live_id)] = Entity(
            self.world.fill("live", known, self.world.rng),
            {"campaign": self.world.campaign_id, "live_access_rules": list(rule_ids)},
        )
        return self._full("live", live_id, origin, status=201)

    def _update_live(self, live_id: str, attributes: Mapping[str, Any], origin: str) -> SandboxResponse:
        self._require(self.world.exists("live", live_id), "live")
        entity = self.world.entities[("live", live_id)]
        state = attributes.get("state")
        current = entity.attributes.get("state")
        if state not in self._LIVE_ORDER or (
            current in self._LIVE_ORDER and self._LIVE_ORDER.index(state) < self._LIVE_ORDER.index(current)
        ) or current == "live_ended":  # fmt: skip
            raise ApiError(
                400, "ParameterInvalid", f"Cannot move a live from {current} to {state}.", parameter="state"
            )
        entity.attributes["state"] = state
        return self._full("live", live_id, origin)

    # --- used by the Sandbox facade -----------------------------------------------------------

    def webhook_attempt(self, record: WebhookRecord, ok: bool) -> None:
        """Count one delivery attempt on a webhook: failures in a row, pausing after too many [PD]."""
        failures = 0 if ok else int(record.attributes["num_consecutive_times_failed"]) + 1
        changes: dict[str, Any] = {
            "last_attempted_at": iso(self.clock()),
            "num_consecutive_times_failed": failures,
        }
        if failures >= self.pause_after:
            changes["paused"] = True
        self.set_webhook_state(record, changes)


def not_implemented(operation_id: str) -> ApiError:
    """The answer to a route of the spec that has no entry in `OPERATIONS` yet: 501, by name.

    Not a 404: that would read as a missing resource and name nothing. 501 is "the server does not
    support the functionality" [RFC 9110 §15.6.2], and the client does not retry it (it is not in
    patreon_runtime.retry_policy.RETRYABLE_STATUSES).
    """
    info = ENDPOINTS[operation_id]
    return ApiError(
        501,
        "OperationNotImplemented",
        f"The sandbox does not implement {operation_id} ({info['method']} {info['path']}) yet: "
        "add a handler for it to patreon_sandbox.handler.OPERATIONS "
        "(docs/regenerate.md, the checklist for a new endpoint).",
    )


# The dispatch table: one handler per operationId of the spec (patreon_generated.schema.ENDPOINTS).
# tests/sandbox/test_dispatch.py fails when an operation of the spec has no entry here, or an
# entry names no operation; one missing at run time answers 501 naming it (`not_implemented`).
OPERATIONS: Mapping[str, Callable[[Core, Call], SandboxResponse]] = {
    "get_identity": Core._get_identity,
    "list_campaigns": Core._list_campaigns,
    "get_campaign": Core._get_campaign,
    "list_campaign_members": Core._list_campaign_members,
    "get_member": Core._get_member,
    "list_campaign_posts": Core._list_campaign_posts,
    "get_post": Core._get_post,
    "list_webhooks": Core._list_webhooks,
    "create_webhook": Core._create_webhook_call,
    "update_webhook": Core._update_webhook_call,
    "delete_webhook": Core._delete_webhook,
    "get_live": Core._get_live,
    "create_live": Core._create_live_call,
    "update_live": Core._update_live_call,
    "delete_live": Core._delete_live,
}


def _first_after(keys: list[int], cursor: int) -> int:
    import bisect

    return bisect.bisect_right(keys, cursor)
