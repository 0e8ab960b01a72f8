"""Webhook faults: repeated, reordered, delayed and dropped deliveries, pausing and resuming.

Each scenario runs twice (the `driver` fixture): in process through the `Sandbox` methods with an
in-process receiver, and against a sandbox served on loopback through the control API
(`SandboxControl`), delivering over HTTP to a receiver on loopback. What the receiver got is the
evidence; the sandbox's own lists and counters are checked against it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, Final

import httpx
import pytest

from patreon_auth.webhooks import verify_signature
from patreon_generated import AsyncPatreon, Patreon
from patreon_sandbox import HeldEvent, Sandbox, SandboxControl, SandboxControlError, WebhookFaults
from patreon_sandbox.server import Receive, Scope, Send
from patreon_sandbox.webhooks import WebhookFault

TRIGGER: Final = "members:update"
IN_PROCESS_URI = "https://app.example/patreon/webhook"


@dataclass
class Received:
    body: bytes
    headers: dict[str, str]  # names in lowercase

    @property
    def member_id(self) -> str:
        member_id: str = json.loads(self.body)["data"]["id"]
        return member_id


@dataclass
class Receiver:
    """The app's endpoint: records each request and answers `status`."""

    status: int = 200
    got: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, body: bytes, headers: dict[str, str]) -> int:
        with self.lock:
            self.got.append(Received(body, {k.lower(): v for k, v in headers.items()}))
            return self.status

    def member_ids(self) -> list[str]:
        with self.lock:
            return [received.member_id for received in self.got]


class Driver:
    """One way to reach the sandbox: its methods in process, or the control API over loopback."""

    def __init__(self, sandbox: Sandbox, receiver: Receiver, client: Patreon, uri: str) -> None:
        self.sandbox = sandbox
        self.receiver = receiver
        hook = client.webhooks.create(campaign_id=sandbox.campaign_id, triggers=[TRIGGER], uri=uri).data
        self.hook_id = hook.id
        self.secret = hook.attributes.secret or ""

    def fire(self, member_id: str) -> None:
        raise NotImplementedError

    def set_faults(self, faults: WebhookFaults) -> None:
        raise NotImplementedError

    def held(self) -> list[HeldEvent]:
        raise NotImplementedError

    def dropped(self) -> list[HeldEvent]:
        raise NotImplementedError

    def release(self, *, due_only: bool = False) -> None:
        raise NotImplementedError

    def advance_clock(self, seconds: float) -> None:
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def resume(self) -> None:
        raise NotImplementedError

    def state(self) -> dict[str, Any]:
        """paused, num_consecutive_times_failed and queued of the webhook."""
        raise NotImplementedError

    def stats(self) -> dict[str, Any]:
        raise NotImplementedError


class InProcess(Driver):
    def fire(self, member_id: str) -> None:
        self.sandbox.trigger(TRIGGER, member_id=member_id)

    def set_faults(self, faults: WebhookFaults) -> None:
        self.sandbox.webhook_faults = faults

    def held(self) -> list[HeldEvent]:
        return self.sandbox.held_webhook_events

    def dropped(self) -> list[HeldEvent]:
        return self.sandbox.dropped_webhook_events

    def release(self, *, due_only: bool = False) -> None:
        self.sandbox.release_webhooks(due_only=due_only)

    def advance_clock(self, seconds: float) -> None:
        self.sandbox.advance_clock(seconds)

    def pause(self) -> None:
        self.sandbox.pause_webhook(self.hook_id)

    def resume(self) -> None:
        self.sandbox.resume_webhook(self.hook_id)

    def state(self) -> dict[str, Any]:
        hook = self.sandbox.webhook(self.hook_id)
        return {
            "paused": hook.attributes["paused"],
            "num_consecutive_times_failed": hook.attributes["num_consecutive_times_failed"],
            "queued": len(hook.queue),
        }

    def stats(self) -> dict[str, Any]:
        return self.sandbox.stats.as_dict()


class Served(Driver):
    def __init__(
        self,
        sandbox: Sandbox,
        receiver: Receiver,
        client: Patreon,
        uri: str,
        control: SandboxControl,
        base_url: str,
    ) -> None:
        super().__init__(sandbox, receiver, client, uri)
        self.control = control
        self.base_url = base_url

    def fire(self, member_id: str) -> None:
        self.control.trigger(TRIGGER, member_id)

    def set_faults(self, faults: WebhookFaults) -> None:
        self.control.set_webhook_faults(faults)
        assert self.control.webhook_faults() == faults

    def held(self) -> list[HeldEvent]:
        return self.control.held_webhook_events()

    def dropped(self) -> list[HeldEvent]:
        return self.control.dropped_webhook_events()

    def release(self, *, due_only: bool = False) -> None:
        self.control.release_webhooks(due_only=due_only)

    def advance_clock(self, seconds: float) -> None:
        self.control.advance_clock(seconds)

    def pause(self) -> None:
        assert self.control.pause_webhook(self.hook_id)["paused"] is True

    def resume(self) -> None:
        self.control.resume_webhook(self.hook_id)

    def state(self) -> dict[str, Any]:
        [hook] = [hook for hook in self.control.webhooks() if hook["id"] == self.hook_id]
        return {key: hook[key] for key in ("paused", "num_consecutive_times_failed", "queued")}

    def stats(self) -> dict[str, Any]:
        return self.control.stats()


@contextlib.contextmanager
def _loopback(receiver: Receiver) -> Iterator[str]:
    """The receiver as an HTTP endpoint on 127.0.0.1; yields its URI."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(receiver.record(body, dict(self.headers.items())))
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(params=["in_process", "served"])
def driver(request: pytest.FixtureRequest) -> Iterator[Driver]:
    receiver = Receiver()
    with Sandbox(seed=7, members=40, rate_limits=None) as sandbox:
        token = sandbox.creator_token().access_token
        if request.param == "in_process":

            def handler(http_request: httpx.Request) -> int:
                return receiver.record(http_request.content, dict(http_request.headers.items()))

            sandbox.deliver_to(IN_PROCESS_URI, handler)
            with Patreon(token=token, transport=sandbox.transport(), base_url=sandbox.base_url) as client:
                yield InProcess(sandbox, receiver, client, IN_PROCESS_URI)
            return
        with (
            _loopback(receiver) as uri,
            sandbox.serve_in_thread() as base_url,
            SandboxControl(base_url) as control,
            Patreon(token=token, base_url=base_url, max_retries=0) as client,
        ):
            yield Served(sandbox, receiver, client, uri, control, base_url)


def _fire(driver: Driver, count: int) -> list[str]:
    members = driver.sandbox.member_ids[:count]
    for member_id in members:
        driver.fire(member_id)
    return members


def _signed(driver: Driver, received: Received) -> bool:
    return received.headers["x-patreon-event"] == TRIGGER and verify_signature(
        driver.secret, received.body, received.headers["x-patreon-signature"]
    )


# --- each fault on its own --------------------------------------------------------------------


def test_a_repeat_arrives_twice_byte_identical(driver: Driver) -> None:
    driver.set_faults(WebhookFaults(repeat=1.0, seed=1))
    members = _fire(driver, 3)
    # A repeat goes out with the webhook's next event; the last one's waits for a release.
    assert driver.receiver.member_ids() == [members[0], members[1], members[0], members[2], members[1]]
    assert [(event.fault, json.loads(event.body)["data"]["id"]) for event in driver.held()] == [
        ("repeat", members[2])
    ]
    driver.release()
    assert driver.held() == []
    got = driver.receiver.got
    assert [r.member_id for r in got] == [
        members[0],
        members[1],
        members[0],
        members[2],
        members[1],
        members[2],
    ]
    for first, second in ((0, 2), (1, 4), (3, 5)):
        assert got[first].body == got[second].body  # the same bytes, not an equal re-encoding
        assert got[first].headers["x-patreon-signature"] == got[second].headers["x-patreon-signature"]
        assert _signed(driver, got[second])
    stats = driver.stats()
    assert stats["webhook_repeated"] == 3 and stats["webhook_deliveries"] == 6


def test_reorder_changes_the_order_and_delivers_every_event(driver: Driver) -> None:
    driver.set_faults(WebhookFaults(reorder=0.5, seed=4))
    members = driver.sandbox.member_ids[:8]
    held_back: set[str] = set()
    for member_id in members:
        driver.fire(member_id)
        held_back |= {json.loads(event.body)["data"]["id"] for event in driver.held()}
    assert all(event.fault == "reorder" for event in driver.held())
    driver.release()
    delivered = driver.receiver.member_ids()
    assert Counter(delivered) == Counter(members)  # each once: nothing lost, nothing doubled
    assert delivered != members
    # Every event held back arrives after one fired later than it.
    for member_id in held_back:
        later = members[members.index(member_id) + 1 :]
        assert not later or any(delivered.index(other) < delivered.index(member_id) for other in later)
    assert all(_signed(driver, received) for received in driver.receiver.got)
    assert driver.held() == [] and driver.stats()["webhook_reordered"] == len(held_back) > 0


def test_a_dropped_event_is_never_delivered(driver: Driver) -> None:
    driver.set_faults(WebhookFaults(drop=0.4, seed=2))
    members = _fire(driver, 10)
    driver.release()
    dropped = driver.dropped()
    lost = [json.loads(event.body)["data"]["id"] for event in dropped]
    assert 0 < len(lost) < len(members) and all(event.fault == "drop" for event in dropped)
    assert driver.receiver.member_ids() == [member for member in members if member not in lost]
    assert driver.held() == [] and driver.stats()["webhook_dropped"] == len(lost)


def test_a_delayed_event_goes_out_once_the_sandbox_clock_has_moved(driver: Driver) -> None:
    driver.set_faults(WebhookFaults(delay=1.0, delay_seconds=3600, seed=3))
    members = _fire(driver, 2)
    held = driver.held()
    assert [event.fault for event in held] == ["delay", "delay"] and all(event.due for event in held)
    driver.release(due_only=True)
    driver.advance_clock(3000)
    driver.release(due_only=True)
    assert driver.receiver.got == []  # not yet due: no time passes unless the clock is moved
    driver.advance_clock(600)
    driver.release(due_only=True)
    assert driver.receiver.member_ids() == members and driver.held() == []
    assert driver.stats()["webhook_delayed"] == 2


def test_pause_queues_and_resume_resends(driver: Driver) -> None:
    driver.pause()
    members = _fire(driver, 3)
    assert driver.receiver.got == []
    assert driver.state() == {"paused": True, "num_consecutive_times_failed": 0, "queued": 3}
    driver.resume()
    assert driver.receiver.member_ids() == members
    assert driver.state() == {"paused": False, "num_consecutive_times_failed": 0, "queued": 0}


def test_a_failing_receiver_gets_the_webhook_paused_and_resume_resends(driver: Driver) -> None:
    driver.receiver.status = 500
    members = _fire(driver, 4)
    # Each event retries the queue from its oldest event; after 3 failures in a row the webhook is
    # paused (Sandbox(pause_after=3)) and the 4th event only queues.
    assert driver.receiver.member_ids() == [members[0]] * 3
    assert driver.state() == {"paused": True, "num_consecutive_times_failed": 3, "queued": 4}
    driver.receiver.status = 200
    driver.resume()
    assert driver.receiver.member_ids() == [members[0]] * 4 + members[1:]
    first = driver.receiver.got[0]
    assert all(r.body == first.body and r.headers == first.headers for r in driver.receiver.got[1:4])
    assert driver.state() == {"paused": False, "num_consecutive_times_failed": 0, "queued": 0}
    assert driver.stats()["webhook_failures"] == 3


def test_faults_and_pause_together_deliver_every_event_not_dropped(driver: Driver) -> None:
    driver.set_faults(WebhookFaults(repeat=0.3, reorder=0.3, delay=0.2, drop=0.1, seed=11))
    members = _fire(driver, 6)
    driver.pause()
    members += [driver.sandbox.member_ids[index] for index in range(6, 12)]
    for member_id in members[6:]:
        driver.fire(member_id)
    driver.set_faults(WebhookFaults())
    driver.resume()
    driver.release()
    assert driver.held() == []
    lost = {json.loads(event.body)["data"]["id"] for event in driver.dropped()}
    delivered = Counter(driver.receiver.member_ids())
    assert set(delivered) == set(members) - lost
    repeated = driver.stats()["webhook_repeated"]
    assert sum(delivered.values()) == len(members) - len(lost) + repeated
    by_member: dict[str, set[bytes]] = {}
    for received in driver.receiver.got:
        by_member.setdefault(received.member_id, set()).add(received.body)
        assert _signed(driver, received)
    assert all(len(bodies) == 1 for bodies in by_member.values())  # copies are byte-identical


# --- in process only: determinism, bad input, edge cases ------------------------------------


def _fates(seed: int) -> tuple[list[str], list[tuple[WebhookFault, Any]], list[Any]]:
    receiver = Receiver()
    with Sandbox(seed=7, members=20, rate_limits=None) as sandbox:
        sandbox.deliver_to(IN_PROCESS_URI, lambda r: receiver.record(r.content, dict(r.headers.items())))
        token = sandbox.creator_token().access_token
        with Patreon(token=token, transport=sandbox.transport(), base_url=sandbox.base_url) as client:
            client.webhooks.create(campaign_id=sandbox.campaign_id, triggers=[TRIGGER], uri=IN_PROCESS_URI)
        sandbox.webhook_faults = WebhookFaults(repeat=0.3, reorder=0.3, delay=0.2, drop=0.2, seed=seed)
        for member_id in sandbox.member_ids:
            sandbox.trigger(TRIGGER, member_id=member_id)
        held = [(e.fault, json.loads(e.body)["data"]["id"]) for e in sandbox.held_webhook_events]
        dropped = [json.loads(e.body)["data"]["id"] for e in sandbox.dropped_webhook_events]
        sandbox.release_webhooks()
        return receiver.member_ids(), held, dropped


def test_the_same_seed_gives_the_same_fates() -> None:
    first = _fates(5)
    assert first == _fates(5)
    assert first != _fates(6)
    assert first[1] and first[2]  # the mix held back and dropped something


def test_bad_faults_are_refused_with_a_typed_error(driver: Driver) -> None:
    with pytest.raises(ValueError, match="'repeat' must be between 0 and 1"):
        WebhookFaults(repeat=1.5)
    with pytest.raises(TypeError, match="'drop' must be a probability"):
        WebhookFaults(drop=True)
    with pytest.raises(ValueError, match="'delay_seconds'"):
        WebhookFaults(delay_seconds=-1)
    with pytest.raises(TypeError, match="'seed'"):
        WebhookFaults(seed="7")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown webhook fault 'duplicate'"):
        WebhookFaults.from_dict({"duplicate": 1})
    with pytest.raises(TypeError):
        driver.sandbox.webhook_faults = {"repeat": 1.0}  # type: ignore[assignment]
    if isinstance(driver, Served):
        for body in ({"repeat": 2}, {"duplicate": 1}, {"seed": 1.5}):
            answer = httpx.put(f"{driver.base_url}/_sandbox/webhooks/faults", json=body, timeout=5)
            assert answer.status_code == 400, body
        with pytest.raises(SandboxControlError) as unknown:
            driver.control.pause_webhook("no-such-webhook")
        assert unknown.value.status == 404
        release = f"{driver.base_url}/_sandbox/webhooks/release"
        answer = httpx.post(release, json={"due_only": "yes"}, timeout=5)
        assert answer.status_code == 400 and answer.json() == {"error": "'due_only' must be true or false"}
    else:
        with pytest.raises(KeyError):
            driver.sandbox.resume_webhook("no-such-webhook")
    assert driver.sandbox.webhook_faults == WebhookFaults()  # nothing was changed by the refusals


def test_clearing_the_faults_keeps_held_events_until_the_next_event(driver: Driver) -> None:
    driver.set_faults(WebhookFaults(reorder=1.0, seed=1))
    members = _fire(driver, 2)
    assert driver.receiver.got == [] and len(driver.held()) == 2
    driver.set_faults(WebhookFaults())
    driver.fire(driver.sandbox.member_ids[2])
    delivered = driver.receiver.member_ids()
    assert delivered[0] == driver.sandbox.member_ids[2] and sorted(delivered[1:]) == sorted(members)


def test_held_events_of_a_deleted_webhook_go_nowhere() -> None:
    receiver = Receiver()
    with Sandbox(seed=7, members=10, rate_limits=None) as sandbox:
        sandbox.deliver_to(IN_PROCESS_URI, lambda r: receiver.record(r.content, dict(r.headers.items())))
        token = sandbox.creator_token().access_token
        with Patreon(token=token, transport=sandbox.transport(), base_url=sandbox.base_url) as client:
            hook = client.webhooks.create(
                campaign_id=sandbox.campaign_id, triggers=[TRIGGER], uri=IN_PROCESS_URI
            )
            sandbox.webhook_faults = WebhookFaults(reorder=1.0)
            sandbox.trigger(TRIGGER, member_id=sandbox.member_ids[0])
            client.webhooks.delete(hook.data.id)
        assert sandbox.release_webhooks() == [] and receiver.got == []
        assert sandbox.held_webhook_events == []


async def test_async_tests_release_and_resume_off_the_event_loop() -> None:
    """An ASGI receiver served on the test's own loop gets the deliveries: the loop is not blocked."""
    receiver = Receiver()

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode(): v.decode() for k, v in scope["headers"]}
        status = receiver.record(body, headers)
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    with Sandbox(seed=7, members=10, rate_limits=None) as sandbox:
        transport = httpx.ASGITransport(app=app)
        # An async ASGI app has no sync entry: deliver through a thread-safe bridge to this loop.
        loop = asyncio.get_running_loop()

        def bridge(request: httpx.Request) -> int:
            async def send() -> int:
                async with httpx.AsyncClient(transport=transport, base_url="http://receiver") as http:
                    answer = await http.post("/hook", content=request.content, headers=request.headers)
                    return answer.status_code

            return asyncio.run_coroutine_threadsafe(send(), loop).result(timeout=10)

        sandbox.deliver_to(IN_PROCESS_URI, bridge)
        token = sandbox.creator_token().access_token
        async with AsyncPatreon(
            token=token, transport=sandbox.async_transport(), base_url=sandbox.base_url
        ) as client:
            hook = await client.webhooks.create(
                campaign_id=sandbox.campaign_id, triggers=[TRIGGER], uri=IN_PROCESS_URI
            )
        sandbox.webhook_faults = WebhookFaults(reorder=1.0, seed=2)
        for member_id in sandbox.member_ids[:3]:
            await sandbox.atrigger(TRIGGER, member_id=member_id)
        assert receiver.got == []
        await sandbox.arelease_webhooks()
        assert sorted(receiver.member_ids()) == sorted(sandbox.member_ids[:3])
        sandbox.pause_webhook(hook.data.id)
        await sandbox.atrigger(TRIGGER, member_id=sandbox.member_ids[3])
        await sandbox.arelease_webhooks()
        assert len(receiver.got) == 3  # paused: released events wait in the queue
        sandbox.webhook_faults = WebhookFaults()
        await sandbox.aresume_webhook(hook.data.id)
        assert receiver.member_ids()[3:] == [sandbox.member_ids[3]]


def test_held_events_cross_the_control_api_byte_for_byte() -> None:
    body = json.dumps({"data": {"id": "1", "type": "member", "attributes": {"full_name": "Zoë"}}}).encode()
    event = HeldEvent("7", TRIGGER, body, "delay", 12.5)
    assert HeldEvent.from_dict(json.loads(json.dumps(event.as_dict()))) == event
    good = event.as_dict()
    for bad in ({**good, "fault": "lost"}, {**good, "body": 3}, {**good, "due": "soon"}, [good], None):
        with pytest.raises(ValueError, match="not a held webhook event"):
            HeldEvent.from_dict(bad)
