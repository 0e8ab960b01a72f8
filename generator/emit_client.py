"""Emit patreon.py: Patreon / AsyncPatreon with one typed resource namespace per tag."""

from __future__ import annotations

from generator.spec_model import BodyField, Endpoint, ResourceType, pascal, snake

_BODY_PY = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def _body_annotation(field: BodyField) -> str:
    if field.location == "relationship":
        return "str"
    if field.json_type == "array":
        inner = f"literals.{field.enum_name}" if field.enum_name else _BODY_PY.get(field.items or "", "Any")
        return f"Sequence[{inner}]"
    if field.format == "date-time":
        return "dt.datetime"
    if field.enum_name:
        return f"literals.{field.enum_name}"
    return _BODY_PY.get(field.json_type, "Any")


def _kwarg_name(field: BodyField) -> str:
    return f"{field.name}_id" if field.location == "relationship" else field.name


def _body_value(field: BodyField) -> str:
    name = _kwarg_name(field)
    if field.location == "relationship":
        return f'{{"data": {{"type": {field.target!r}, "id": {name}}}}}'
    if field.json_type == "array":
        return f"list({name})"
    if field.format == "date-time":
        return f"{name}.isoformat()"
    return name


def _checked_path_ids(e: Endpoint) -> list[str]:
    """Path arguments as validated: `members.list("..")` must not become a request for /v2/members."""
    return [f"path_id({p}, {p!r})" for p in e.path_params]


class _Writer:
    def __init__(self, types: dict[str, ResourceType]) -> None:
        self.types = types
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)


def _signature(e: Endpoint, types: dict[str, ResourceType], *, paging: bool) -> tuple[list[str], list[str]]:
    """(parameters, _get_kwargs arguments) for an endpoint's read method."""
    base = pascal(e.operation_id)
    params = [f"{p}: str" for p in e.path_params]
    call = _checked_path_ids(e)
    keyword: list[str] = []
    if e.includes:
        keyword.append(f"include: Sequence[literals.{base}Include] | None = None")
        call.append("include=_listed(include)")
    if e.fields_types:
        keyword.append(f"fields: literals.{base}Fields | None = None")
        for type_name in e.fields_types:
            call.append(f"fields_{snake(type_name)}=_fields(fields, {type_name!r})")
    if e.collection:
        # Every list endpoint takes `sort` (spec: components/parameters/Sort).
        keyword.append("sort: Sequence[str] | None = None")
        call.append("sort=_listed(sort)")
        keyword.append("count: int | None = None")
        call.append("page_count=UNSET if count is None else count")
        if not paging:
            keyword.append("cursor: str | None = None")
            call.append("page_cursor=UNSET if cursor is None else cursor")
    if keyword:
        params.append("*")
        params.extend(keyword)
    return params, call


def _method(w: _Writer, e: Endpoint, *, is_async: bool) -> None:
    types = w.types
    aw = "await " if is_async else ""
    adef = "async def" if is_async else "def"
    module = f"api.{e.tag}.{e.operation_id}"
    resource_class = types[e.resource].class_name if e.resource in types else "Resource"
    doc_type = f"CollectionDocument[{resource_class}]" if e.collection else f"Document[{resource_class}]"
    summary = (e.summary or e.operation_id.replace("_", " ")).rstrip(".")
    scopes = ", ".join(f"`{s}`" for s in e.scopes) or "none"
    note = f"{summary}. Scopes: {scopes}." + (" Early access." if e.early_access else "")
    if e.verb in {"get", "list"}:
        params, call = _signature(e, types, paging=False)
        w.add(
            "",
            f"    {adef} {e.verb}(self, {', '.join(params)}) -> {doc_type}:",
            f'        """{note}"""',
            f"        kwargs = _endpoint({module!r})._get_kwargs({', '.join(call)})",
            f"        response = {aw}self._sender.request(kwargs)",
            f"        return {doc_type.split('[')[0]}(decode_body(response.content, response.status_code))",
        )
        if e.collection:
            page_params, _ = _signature(e, types, paging=True)
            forward = ", ".join(
                [*e.path_params]
                + [
                    f"{p.split(':')[0]}={p.split(':')[0]}"
                    for p in page_params
                    if ":" in p and p.split(":")[0] not in e.path_params
                ]
            )
            it = "AsyncIterator" if is_async else "Iterator"
            afor = "async for" if is_async else "for"
            w.add(
                "",
                f"    {adef} pages(self, {', '.join(page_params)}) -> {it}[{doc_type}]:",
                '        """Every page in turn, following cursors until none, a repeat, or a repeated page."""',
                "        guard = PageGuard()",
                "        cursor: str | None = None",
                "        while True:",
                f"            page = {aw}self.list({forward}, cursor=cursor)",
                "            if not guard.is_new_page(page.data):",
                "                return  # the same items again under a new cursor: stop before yielding it",
                "            yield page",
                "            cursor = guard.next_cursor(page.data, page.next_cursor)",
                "            if cursor is None:",
                "                return",
                "",
                f"    {adef} iterate(self, {', '.join(page_params)}) -> {it}[{resource_class}]:",
                '        """Every resource of every page (see `pages`)."""',
                f"        {afor} page in self.pages({forward}):",
                "            for item in page.data:",
                "                yield item",
            )
        return
    # Writes: create / update / delete.
    params = [f"{p}: str" for p in e.path_params]
    fields = e.body_fields
    keyword = []
    for f in fields:
        if f.required:
            keyword.append(f"{_kwarg_name(f)}: {_body_annotation(f)}")
    for f in fields:
        if not f.required:
            keyword.append(f"{_kwarg_name(f)}: {_body_annotation(f)} | None = None")
    if keyword:
        params.append("*")
        params.extend(keyword)
    w.add(
        "", f"    {adef} {e.verb}(self, {', '.join(params)}) -> {'None' if e.verb == 'delete' else doc_type}:"
    )
    w.add(f'        """{note}"""')
    call = _checked_path_ids(e)
    if e.body_schema:
        w.add("        attributes: dict[str, Any] = {}", "        relationships: dict[str, Any] = {}")
        for f in fields:
            target = "attributes" if f.location == "attribute" else "relationships"
            if f.required:
                w.add(f"        {target}[{f.name!r}] = {_body_value(f)}")
            else:
                w.add(
                    f"        if {_kwarg_name(f)} is not None:",
                    f"            {target}[{f.name!r}] = {_body_value(f)}",
                )
        data = f'{{"type": {e.body_type!r}'
        if e.method == "PATCH" and e.path_params:
            data += f', "id": {e.path_params[0]}'
        data += ', "attributes": attributes}'
        w.add(f"        data: dict[str, Any] = {data}")
        if any(f.location == "relationship" for f in fields):
            w.add("        if relationships:", '            data["relationships"] = relationships')
        model_module = snake(e.body_schema)
        w.add(
            f'        body = _model({model_module!r}, {pascal(e.body_schema)!r}).from_dict({{"data": data}})'
        )
        call.append("body=body")
    w.add(
        f"        kwargs = _endpoint({module!r})._get_kwargs({', '.join(call)})",
        f"        response = {aw}self._sender.request(kwargs)",
    )
    if e.verb == "delete":
        w.add("        del response")
    else:
        w.add("        return Document(decode_body(response.content, response.status_code))")


def client_module(types: dict[str, ResourceType], endpoints: list[Endpoint]) -> str:
    w = _Writer(types)
    by_tag: dict[str, list[Endpoint]] = {}
    for e in endpoints:
        by_tag.setdefault(e.tag, []).append(e)
    used = sorted({types[e.resource].class_name for e in endpoints if e.resource in types})
    w.add(
        '"""Patreon and AsyncPatreon: typed resource clients over the generated endpoint functions.',
        "",
        "Requests are built by the generated `api/` modules (imported on first use, so importing this",
        "package stays cheap) and sent through `_sender` (User-Agent, timeout, retries, typed errors).",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "import datetime as dt",
        "import importlib",
        "from collections.abc import AsyncIterator, Iterator, Mapping, Sequence",
        "from types import ModuleType, TracebackType",
        "from typing import Any, cast",
        "",
        "import httpx",
        "",
        "from . import literals",
        "from ._jsonapi import decode_body",
        "from ._pagination import PageGuard",
        "from ._errors_from_response import DEFAULT_ERROR_CAPS",
        "from ._path_ids import path_id",
        "from ._rate_limit import AsyncRateLimiter, RateLimiter",
        "from ._rate_limited_auth import limit_async, limit_sync",
        "from ._retry_policy import DEFAULT_MAX_RETRIES, INITIAL_BACKOFF, MAX_RETRY_AFTER",
        "from ._sender import DEFAULT_BASE_URL, AsyncSender, ClientOptions, Sender",
        "from ._static_auth import StaticTokenAuth",
        "from .documents import CollectionDocument, Document",
        f"from .resources import {', '.join(used)}",
        "from .types import UNSET",
        "",
        "_MODULES: dict[str, ModuleType] = {}",
        "",
        "",
        "def _endpoint(name: str) -> ModuleType:",
        "    module = _MODULES.get(name)",
        "    if module is None:",
        '        module = _MODULES[name] = importlib.import_module(f"{__package__}.{name}")',
        "    return module",
        "",
        "",
        "def _model(module: str, name: str) -> Any:",
        '    return getattr(_endpoint(f"models.{module}"), name)',
        "",
        "",
        "def _listed(values: Sequence[str] | None) -> Any:",
        "    return list(values) if values else UNSET",
        "",
        "",
        "def _fields(fields: Mapping[str, object] | None, type_name: str) -> Any:",
        "    values = fields.get(type_name) if fields else None",
        "    return list(cast(Sequence[str], values)) if values else UNSET",
    )
    for is_async in (False, True):
        prefix = "Async" if is_async else ""
        sender = "AsyncSender" if is_async else "Sender"
        for tag, group in by_tag.items():
            w.add(
                "",
                "",
                f"class {prefix}{pascal(tag)}Resource:",
                f'    """`{tag}` endpoints."""',
                "",
                '    __slots__ = ("_sender",)',
                "",
                f"    def __init__(self, sender: {sender}) -> None:",
                "        self._sender = sender",
            )
            for e in group:
                _method(w, e, is_async=is_async)
    for is_async in (False, True):
        prefix = "Async" if is_async else ""
        sender = "AsyncSender" if is_async else "Sender"
        http = "httpx.AsyncClient" if is_async else "httpx.Client"
        transport = "httpx.AsyncBaseTransport" if is_async else "httpx.BaseTransport"
        factory = "async_client" if is_async else "sync_client"
        limiter = "AsyncRateLimiter" if is_async else "RateLimiter"
        limit = "limit_async" if is_async else "limit_sync"
        w.add(
            "",
            "",
            f"class {prefix}Patreon:",
            f'    """The Patreon v2 API{" (async)" if is_async else ""}: `client.members.list(...)` and friends.',
            "",
            "    Give a static `token`, or an `auth` (an httpx.Auth such as patreon_auth's refreshing one).",
            "    `base_url` is the Patreon origin (a sandbox is one argument away), `transport` any httpx",
            "    transport; `http_client` shares one connection pool between clients (auth then goes per",
            "    request, and `close()` leaves that pool open for its owner). A 429 asking for more than",
            "    `max_retry_after` seconds fails at once; errors keep at most `max_error_excerpt` characters",
            "    of an unparsed body and `max_error_body` bytes of the response. `rate_limiter` spends",
            "    Patreon's per-client and per-token budgets before each request (`client_id` names the",
            "    client's budget); without one, requests to Patreon over the default transport share this",
            "    process's default limiter.",
            '    """',
            "",
            "    def __init__(",
            "        self,",
            "        token: str | None = None,",
            "        *,",
            "        auth: httpx.Auth | None = None,",
            "        base_url: str = DEFAULT_BASE_URL,",
            "        timeout: httpx.Timeout | float | None = None,",
            "        max_retries: int = DEFAULT_MAX_RETRIES,",
            "        headers: Mapping[str, str] | None = None,",
            "        name: str | None = None,",
            f"        transport: {transport} | None = None,",
            "        retry_backoff: float = INITIAL_BACKOFF,",
            f"        http_client: {http} | None = None,",
            "        max_retry_after: float = MAX_RETRY_AFTER,",
            "        max_error_excerpt: int = DEFAULT_ERROR_CAPS.excerpt_chars,",
            "        max_error_body: int = DEFAULT_ERROR_CAPS.body_bytes,",
            f"        rate_limiter: {limiter} | None = None,",
            "        client_id: str | None = None,",
            "    ) -> None:",
            "        if token is not None and auth is not None:",
            '            raise ValueError("give either token or auth, not both")',
            "        if token is not None:",
            "            auth = StaticTokenAuth(token)",
            f"        auth = {limit}(",
            "            auth,",
            "            rate_limiter,",
            "            client_id=client_id,",
            "            base_url=base_url,",
            "            custom_transport=transport is not None or http_client is not None,",
            "        )",
            "        self.options = ClientOptions(",
            "            base_url=base_url,",
            "            timeout=timeout,",
            "            max_retries=max_retries,",
            "            headers=dict(headers or {}),",
            "            name=name,",
            "            transport=transport,",
            "            retry_backoff=retry_backoff,",
            "            max_retry_after=max_retry_after,",
            "            max_error_excerpt=max_error_excerpt,",
            "            max_error_body=max_error_body,",
            "        )",
            "        shared = http_client is not None",
            f"        client = http_client if http_client is not None else self.options.{factory}(auth)",
            f"        self._sender = {sender}(",
            "            client,",
            "            max_retries=max_retries,",
            "            retry_backoff=retry_backoff,",
            "            auth=auth if shared else None,",
            "            owns_client=not shared,",
            "            max_retry_after=max_retry_after,",
            "            error_caps=self.options.error_caps(),",
            "        )",
        )
        for tag in by_tag:
            w.add(f"        self.{snake(tag)} = {prefix}{pascal(tag)}Resource(self._sender)")
        w.add(
            "",
            "    @property",
            f"    def http_client(self) -> {http}:",
            '        """The underlying httpx client (its transport, headers and auth)."""',
            "        return self._sender.client",
        )
        if is_async:
            w.add(
                "",
                "    async def aclose(self) -> None:",
                "        await self._sender.aclose()",
                "",
                "    async def __aenter__(self) -> AsyncPatreon:",
                "        return self",
                "",
                "    async def __aexit__(",
                "        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None",
                "    ) -> None:",
                "        await self.aclose()",
            )
        else:
            w.add(
                "",
                "    def close(self) -> None:",
                "        self._sender.close()",
                "",
                "    def __enter__(self) -> Patreon:",
                "        return self",
                "",
                "    def __exit__(",
                "        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None",
                "    ) -> None:",
                "        self.close()",
            )
    w.add("", "", '__all__ = ["AsyncPatreon", "Patreon"]')
    return "\n".join(w.lines) + "\n"
