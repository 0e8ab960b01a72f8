"""A recording httpx.MockTransport that answers like Patreon, for the generated-client tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx

Responder = Callable[[httpx.Request], httpx.Response]


def resource(type_name: str, resource_id: str, **attributes: Any) -> dict[str, Any]:
    return {"type": type_name, "id": resource_id, "attributes": attributes}


def single(data: dict[str, Any], included: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"data": data}
    if included is not None:
        body["included"] = included
    return body


class Recorder:
    """Records every request and answers from a queue of responses (the last one repeats)."""

    def __init__(self, *responses: httpx.Response | Responder) -> None:
        self.requests: list[httpx.Request] = []
        self.responses: list[httpx.Response | Responder] = list(responses) or [
            httpx.Response(200, json={"data": []})
        ]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        answer = self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]
        if callable(answer):
            return answer(request)
        # A fresh copy each time: one Response object cannot be sent twice (retries, async).
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def last_json(self) -> Any:
        return json.loads(self.last.content)
