# Django ships no type hints (django-stubs is not a dependency).
# mypy: disable-error-code="import-untyped"
"""The three receivers feeding a member mirror: stored deliveries get 200, repeats 200, and a
delivery the database could not store (locked, read-only, gone) a non-2xx, so the sandbox, as
Patreon, keeps it queued and sends it again; once the database is back it is stored.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings

from examples.receivers import NOT_STORED, OK, WEBHOOK_PATH, asgi_app, django_app, flask_app
from examples.receivers.common import EventHandler
from examples.receivers.mirror import mirror_events
from examples.serving import bind_loopback, serve_asgi, url_of
from patreon_auth.webhooks import WebhookEvent
from patreon_generated.literals import WebhookTrigger
from patreon_members import Change, MemberMirror, entitlement_of, member_fields, member_include
from patreon_members._sql import sqlite_connect
from patreon_members._sync import engines
from patreon_sandbox import Sandbox
from tests.integration.clients import creator

from . import test_asgi_receiver, test_django_receiver, test_flask_receiver
from .conftest import RECEIVER_URI, Deliver

TRIGGERS: list[WebhookTrigger] = [
    "members:create",
    "members:update",
    "members:delete",
    "members:pledge:create",
    "members:pledge:update",
    "members:pledge:delete",
    "posts:publish",
]
FRAMEWORKS = ["asgi", "flask", "django"]
# The receiver under test for a secret and a handler: what the sandbox calls for each delivery.
MakeReceiver = Callable[[str, EventHandler], Deliver]


@pytest.fixture(params=FRAMEWORKS)
def make_receiver(request: pytest.FixtureRequest) -> Iterator[MakeReceiver]:
    framework: str = request.param
    cleanups: list[Callable[[], None]] = []

    def make(secret: str, on_event: EventHandler) -> Deliver:
        if framework == "asgi":
            return test_asgi_receiver.in_process(asgi_app.create_app(secret, on_event=on_event))
        if framework == "flask":
            return test_flask_receiver.through_test_client(
                flask_app.create_app(secret, on_event=on_event).test_client()
            )
        if not settings.configured:  # Django settings are per process: configure once
            django_app.configure(secret="replaced-per-test")
        overridden = override_settings(PATREON_WEBHOOK_SECRET=secret)
        overridden.enable()

        def receiver(sender: Any, event: WebhookEvent, **_: Any) -> None:
            on_event(event)

        django_app.patreon_event.connect(receiver)
        cleanups.append(lambda: django_app.patreon_event.disconnect(receiver))
        cleanups.append(overridden.disable)
        return test_django_receiver.through_test_client(Client())

    yield make
    for cleanup in cleanups:
        cleanup()


def member_webhook(sandbox: Sandbox) -> tuple[str, str]:
    """A webhook for every member trigger and posts:publish: (id, secret)."""
    with creator(sandbox) as client:
        hook = client.webhooks.create(
            triggers=TRIGGERS, uri=RECEIVER_URI, campaign_id=sandbox.campaign_id
        ).data
    assert hook.attributes.secret
    return hook.id, hook.attributes.secret


def api_state(sandbox: Sandbox, member_id: str) -> Any:
    with creator(sandbox) as client:
        document = client.members.get(member_id, include=member_include(), fields=member_fields())
    return entitlement_of(document.data, document)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "members.db"


def test_member_deliveries_are_stored_and_repeats_answered_200(
    sandbox: Sandbox, make_receiver: MakeReceiver, db: Path
) -> None:
    _, secret = member_webhook(sandbox)
    reported: list[Change] = []
    passed_on: list[WebhookEvent] = []
    with MemberMirror(db, campaign_id=sandbox.campaign_id, on_change=reported.append) as mirror:
        deliver = make_receiver(secret, mirror_events(mirror, then=passed_on.append))
        sandbox.deliver_to(RECEIVER_URI, deliver)
        member_id = sandbox.add_pledge()
        sandbox.publish_post(title="not the mirror's")
        assert [d.status for d in sandbox.deliveries] == [OK, OK, OK]
        assert mirror.get(member_id) == api_state(sandbox, member_id)
        assert [c.kind for c in reported] == ["joined"]
        assert [e.trigger for e in passed_on] == ["members:create", "members:pledge:create", "posts:publish"]
        # Patreon re-sends a delivery it thinks was lost: the same bytes, answered 200, applied once.
        first = sandbox.deliveries[0]
        again = deliver(httpx.Request("POST", RECEIVER_URI, headers=first.headers, content=first.body))
        assert again == OK and [c.kind for c in reported] == ["joined"]


def _hold_the_lock(db: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process is writing, for longer than the receiver waits
    return holder


def test_a_locked_database_is_answered_503_and_the_delivery_comes_again(
    sandbox: Sandbox, make_receiver: MakeReceiver, db: Path
) -> None:
    webhook_id, secret = member_webhook(sandbox)
    with MemberMirror(db, campaign_id=sandbox.campaign_id, lock_timeout=0.2) as mirror:
        sandbox.deliver_to(RECEIVER_URI, make_receiver(secret, mirror_events(mirror)))
        assert mirror.count() == 0  # the file and its schema exist before the lock is taken
        holder = _hold_the_lock(db)
        try:
            member_id = sandbox.add_pledge()
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert [d.status for d in sandbox.deliveries] == [NOT_STORED]
        assert mirror.get(member_id) is None and sandbox.webhook(webhook_id).queue  # still queued
        sandbox.flush_webhooks()  # Patreon's retry
        assert [d.status for d in sandbox.deliveries][1:] == [OK, OK]
        assert mirror.get(member_id) == api_state(sandbox, member_id)


def test_a_read_only_database_is_answered_503(
    sandbox: Sandbox, make_receiver: MakeReceiver, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, secret = member_webhook(sandbox)
    with MemberMirror(db, campaign_id=sandbox.campaign_id) as mirror:
        mirror.count()  # made, schema and all
    real = sqlite_connect

    def read_only(*args: Any) -> sqlite3.Connection:
        conn = real(*args)
        conn.execute("PRAGMA query_only = ON")  # SQLite refusing writes, as on a read-only mount
        return conn

    monkeypatch.setattr(engines, "sqlite_connect", read_only)
    with MemberMirror(db, campaign_id=sandbox.campaign_id) as mirror:
        sandbox.deliver_to(RECEIVER_URI, make_receiver(secret, mirror_events(mirror)))
        member_id = sandbox.add_pledge()
        assert [d.status for d in sandbox.deliveries] == [NOT_STORED]
        assert mirror.get(member_id) is None


def test_a_database_gone_is_answered_503(sandbox: Sandbox, make_receiver: MakeReceiver, db: Path) -> None:
    _, secret = member_webhook(sandbox)
    with MemberMirror(db, campaign_id=sandbox.campaign_id) as mirror:
        sandbox.deliver_to(RECEIVER_URI, make_receiver(secret, mirror_events(mirror)))
        sandbox.add_follower()
        assert [d.status for d in sandbox.deliveries] == [OK]
        for path in db.parent.iterdir():
            path.unlink()  # deleted under the running receiver
        sandbox.add_pledge()
        assert [d.status for d in sandbox.deliveries][1:] == [NOT_STORED]


def test_a_member_of_another_campaign_is_refused(
    sandbox: Sandbox, make_receiver: MakeReceiver, db: Path
) -> None:
    _, secret = member_webhook(sandbox)
    with MemberMirror(db, campaign_id="123") as mirror:
        sandbox.deliver_to(RECEIVER_URI, make_receiver(secret, mirror_events(mirror)))
        sandbox.add_follower()
        assert [d.status for d in sandbox.deliveries] == [400]
        assert mirror.count() == 0


def test_over_real_loopback_http_a_locked_database_is_sent_again(sandbox: Sandbox, db: Path) -> None:
    """The sandbox POSTs to uvicorn on 127.0.0.1: 503 while another writer holds the database, and
    the same delivery, sent again once it is free, is stored. The handler runs in a worker thread,
    so the server keeps answering while it waits for the lock."""
    sock = bind_loopback()
    with creator(sandbox) as client:
        hook = client.webhooks.create(
            triggers=TRIGGERS, uri=url_of(sock) + WEBHOOK_PATH, campaign_id=sandbox.campaign_id
        ).data
    assert hook.attributes.secret
    with (
        MemberMirror(db, campaign_id=sandbox.campaign_id, lock_timeout=0.3) as mirror,
        serve_asgi(asgi_app.create_app(hook.attributes.secret, on_event=mirror_events(mirror)), sock),
    ):
        mirror.count()
        holder = _hold_the_lock(db)
        try:
            member_id = sandbox.add_pledge()
            assert [d.status for d in sandbox.deliveries] == [NOT_STORED]
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        sandbox.flush_webhooks()
        assert [d.status for d in sandbox.deliveries][1:] == [OK, OK]
        assert mirror.get(member_id) == api_state(sandbox, member_id)
