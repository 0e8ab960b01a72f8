""" "Log in with Patreon" in a real browser: examples/login_app.py, the served sandbox's consent
page, and Debian's headless Chromium driven by Playwright (no browser download).

Everything is on loopback: the app (uvicorn) and the sandbox each serve on 127.0.0.1, and the
browser clicks through them as a user would. The expected tiers are read independently, through
the creator's members endpoint, not through the identity call the app makes.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from examples.login_app import SCOPES, build_app
from examples.serving import bind_loopback, serve_asgi, url_of
from patreon_auth import PatreonCreatorClient, PatreonUserClient
from patreon_sandbox import Sandbox, SandboxUser

# Root has no user namespace sandbox here; background networking would try hosts this machine
# cannot reach (the environment notes for this workplace list these flags).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        message = "no chromium on PATH (apt-get install chromium); .ci/run installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = _chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Site:
    app_url: str
    world: Sandbox


@pytest.fixture
def site() -> Iterator[Site]:
    sock = bind_loopback()
    app_url = url_of(sock)
    with (
        Sandbox(seed=7, members=50, redirect_uris=[f"{app_url}/oauth/callback"]) as world,
        world.serve_in_thread() as sandbox_url,
    ):
        users = PatreonUserClient(
            client_id=world.client_id,
            client_secret=world.client_secret,
            redirect_uri=f"{app_url}/oauth/callback",
            scopes=SCOPES,
            base_url=sandbox_url,
        )
        with serve_asgi(build_app(users, session_secret="test-session-secret"), sock):
            yield Site(app_url=app_url, world=world)


def _paying_patron(world: Sandbox) -> tuple[SandboxUser, list[str]]:
    """A user with at least one entitled tier, and those tiers' titles, from the members endpoint."""
    creator = PatreonCreatorClient(
        client_id=world.client_id,
        client_secret=world.client_secret,
        token=world.creator_token(),
        transport=world.transport(),
        base_url=world.base_url,
    )
    by_id = {user.id: user for user in world.users}
    for member in creator.members.iterate(
        world.campaign_id,
        include=["user", "currently_entitled_tiers"],
        fields={"member": ["patron_status"], "tier": ["title"], "user": ["full_name"]},
        count=100,
    ):
        user = member.related("user")
        tiers = [tier.attributes.title or "" for tier in member.related("currently_entitled_tiers")]
        if user is not None and user.id in by_id and tiers:
            return by_id[user.id], tiers
    raise AssertionError("the sandbox world has no paying patron")


def _log_in(page: Page, site: Site, user: SandboxUser) -> list[str]:
    """Click through the login as `user`; return the callback URLs the browser visited."""
    callbacks: list[str] = []
    page.on(
        "request", lambda request: callbacks.append(request.url) if "/oauth/callback" in request.url else None
    )
    page.goto(site.app_url + "/")
    page.click("#login")
    page.wait_for_selector("button[value=allow]")  # the sandbox's consent page
    assert "would like to access your Patreon account" in page.content()
    page.fill("input[name=sandbox_user_id]", user.id)
    page.click("button[value=allow]")
    page.wait_for_selector("#name")
    return callbacks


def test_log_in_shows_the_users_name_and_tiers(browser: Browser, site: Site) -> None:
    user, tiers = _paying_patron(site.world)
    page = browser.new_page()
    try:
        _log_in(page, site, user)
        assert page.url == site.app_url + "/"
        assert page.text_content("#name") == user.full_name
        assert page.locator("#tiers li.tier").all_text_contents() == tiers

        page.click("#logout")
        page.wait_for_selector("#login")
    finally:
        page.close()


def test_a_replayed_callback_shows_an_error_page(browser: Browser, site: Site) -> None:
    user, _ = _paying_patron(site.world)
    page = browser.new_page()
    try:
        callbacks = _log_in(page, site, user)
        assert len(callbacks) == 1, callbacks
        page.click("#logout")
        page.wait_for_selector("#login")

        response = page.goto(callbacks[0])  # the same code and state, a second time
        assert response is not None and response.status == 400
        assert "replayed" in (page.text_content("#error") or "")
        assert page.locator("#name").count() == 0  # not logged in as anyone
    finally:
        page.close()


def test_a_forged_callback_shows_an_error_page_and_no_markup_from_it(browser: Browser, site: Site) -> None:
    page = browser.new_page()
    try:
        page.goto(site.app_url + "/")
        page.click("#login")
        page.wait_for_selector("button[value=allow]")
        payload = "<script>document.title='owned'</script><b id=injected>x</b>"
        forged = f"{site.app_url}/oauth/callback?code=stolen&state=forged&error_description={payload}"
        response = page.goto(forged)
        assert response is not None and response.status == 400
        assert "forged" in (page.text_content("#error") or "")
        assert page.title() == "Login failed"
        assert page.locator("script").count() == 0 and page.locator("#injected").count() == 0
        assert site.world.stats.code_exchanges == 0  # no code was sent to Patreon
    finally:
        page.close()


def test_the_consent_page_offers_who_can_log_in_and_keeps_the_user_there_on_a_mistake(
    browser: Browser, site: Site
) -> None:
    page = browser.new_page()
    try:
        page.goto(site.app_url + "/")
        page.click("#login")
        page.wait_for_selector("#users button")  # the pick list
        picks = page.locator("#users li").all_text_contents()
        assert picks[0].startswith(f"Allow as {site.world.creator.full_name}")
        assert any("active patron" in pick for pick in picks) and len(picks) <= 7
        consent_url = page.url

        # Allow with the box left empty: the same page, the error, nothing sent to the app.
        page.click("button[value=allow]")
        page.wait_for_selector("#error")
        assert "Choose who logs in" in (page.text_content("#error") or "")
        assert page.url.split("?")[0] == consent_url.split("?")[0]
        # A mistyped id: said so, the box keeps it, still on the page.
        page.fill("input[name=sandbox_user_id]", "12345-no-such-user")
        page.click("button[value=allow]")
        page.wait_for_selector("#error")
        assert "no user '12345-no-such-user'" in (page.text_content("#error") or "")
        assert page.input_value("input[name=sandbox_user_id]") == "12345-no-such-user"
        assert site.world.stats.code_exchanges == 0

        # One click on a pick logs that user in: the app shows who, from Patreon's /identity.
        picked = page.locator("#users li", has_text="active patron")
        picked_name = (picked.locator("button").text_content() or "").removeprefix("Allow as ")
        tier = re.search(r"active patron, (.+) tier", picked.text_content() or "")
        assert tier is not None
        picked.locator("button").click()
        page.wait_for_selector("#name")
        assert page.text_content("#name") == picked_name
        assert page.locator("#tiers li.tier").all_text_contents() == [tier.group(1)]
        assert site.world.stats.code_exchanges == 1
    finally:
        page.close()
