# Django ships no type hints (django-stubs is not a dependency).
# mypy: disable-error-code="import-untyped"
"""Every receiver refuses an empty or blank webhook secret where it is configured.

Today a receiver started with PATREON_WEBHOOK_SECRET="" verifies with the empty key, which anyone
can sign with: forged deliveries are accepted.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings

from examples.receivers import SECRET_ENV, asgi_app, django_app, flask_app
from patreon_auth.errors import WebhookSecretError
from patreon_auth.webhooks import WebhookEvent
from patreon_sandbox import Sandbox

from . import cases
from .conftest import create_webhook
from .test_django_receiver import through_test_client

BLANK = ["", " ", "\n", " \t\r\n"]
FACTORIES: dict[str, Callable[..., object]] = {
    "asgi": asgi_app.create_app,
    "flask": flask_app.create_app,
    "django": lambda secret=None: django_app.configure(secret),
}


@pytest.mark.parametrize("blank", BLANK, ids=repr)
@pytest.mark.parametrize("framework", FACTORIES)
def test_a_blank_secret_is_refused_at_startup(framework: str, blank: str) -> None:
    with pytest.raises(WebhookSecretError, match="empty or blank"):
        FACTORIES[framework](blank)


@pytest.mark.parametrize("blank", BLANK, ids=repr)
@pytest.mark.parametrize("framework", FACTORIES)
def test_a_blank_secret_in_the_environment_is_refused_at_startup(
    framework: str, blank: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, blank)
    with pytest.raises(WebhookSecretError, match="empty or blank"):
        FACTORIES[framework]()


@pytest.mark.parametrize("framework", FACTORIES)
def test_an_unset_secret_is_a_typed_error(framework: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    with pytest.raises(WebhookSecretError, match=SECRET_ENV):
        FACTORIES[framework]()


@pytest.mark.parametrize("blank", ["", "  "], ids=repr)
def test_django_setting_blanked_after_startup_verifies_nothing(sandbox: Sandbox, blank: str) -> None:
    if not settings.configured:
        django_app.configure(secret="replaced-per-test")
    create_webhook(sandbox)
    events: list[WebhookEvent] = []

    def on_event(sender: object, event: WebhookEvent, **_: object) -> None:
        events.append(event)

    django_app.patreon_event.connect(on_event)
    try:
        with override_settings(PATREON_WEBHOOK_SECRET=blank):
            cases.an_empty_secret_verifies_nothing(sandbox, through_test_client(Client()), events, blank)
    finally:
        django_app.patreon_event.disconnect(on_event)
