""" "Log in with Patreon" as a small web app: Starlette, a signed session cookie, HTML pages.

    python -m examples.login_app            # a served sandbox and the app, both on loopback

Open the printed URL, click "Log in with Patreon", type a sandbox user id (printed too) on the
sandbox's consent page and press Allow: the app shows that user's name and the tiers they pay for.
tests/browser drives exactly this in a headless Chromium.

What the app keeps where: the OAuth `state` lives in the session cookie (signed, so the browser
cannot forge it) and is used once; the user's token stays on the server (a per-user store, here a
dict standing in for a database table); the cookie only holds the user's id. Nothing that arrives
on the callback is written into a page: errors are described by the app in its own words.
"""

from __future__ import annotations

import contextlib
import html
import os
import secrets
import threading
from collections.abc import MutableMapping

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from patreon_auth import OAuthError, PatreonError, PatreonUserClient, StateMismatchError, Token
from patreon_auth.stores import KVStore

SCOPES = ["identity", "identity.memberships"]


def _page(title: str, body: str, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
        f"<body>{body}</body></html>",
        status_code=status_code,
    )


def _error_page(message: str) -> HTMLResponse:
    return _page(
        "Login failed",
        f"<h1>Login failed</h1><p id='error'>{html.escape(message)}</p><p><a href='/'>Back</a></p>",
        status_code=400,
    )


def build_app(users: PatreonUserClient, *, session_secret: str) -> Starlette:
    """The app around one `PatreonUserClient`; tokens are kept server side, one store per user."""
    token_table: MutableMapping[str, str] = {}  # stands in for a database table: user id -> token JSON
    profiles: dict[str, dict[str, object]] = {}

    def store_for(user_id: str) -> KVStore:
        return KVStore(token_table, f"patreon-token:{user_id}")

    def load_profile(token: Token) -> str:
        """Fetch who the user is and what they pay for; remember token and profile; return the id."""
        client = users.create_instance(token)
        document = client.identity.get(
            include=["memberships", "memberships.currently_entitled_tiers"],
            fields={"user": ["full_name"], "member": ["patron_status"], "tier": ["title"]},
        )
        me = document.data
        tiers = [
            tier.attributes.title or "(untitled tier)"
            for membership in me.related("memberships")
            for tier in membership.related("currently_entitled_tiers")
        ]
        store_for(me.id).replace(token)  # a new login is newer than whatever was stored
        profiles[me.id] = {"name": me.attributes.full_name or "(no name)", "tiers": tiers}
        return me.id

    async def home(request: Request) -> Response:
        user_id = request.session.get("user_id")
        profile = profiles.get(user_id) if isinstance(user_id, str) else None
        if profile is None:
            return _page("Home", "<h1>Welcome</h1><p><a id='login' href='/login'>Log in with Patreon</a></p>")
        tiers = profile["tiers"]
        assert isinstance(tiers, list)
        items = (
            "".join(f"<li class='tier'>{html.escape(str(title))}</li>" for title in tiers) or "<li>none</li>"
        )
        return _page(
            "Home",
            f"<h1>Hello, <span id='name'>{html.escape(str(profile['name']))}</span></h1>"
            f"<h2>Your tiers</h2><ul id='tiers'>{items}</ul>"
            "<form method='post' action='/logout'><button id='logout'>Log out</button></form>",
        )

    async def login(request: Request) -> Response:
        authorization = users.authorization_url()
        request.session["patreon_state"] = authorization.state
        return RedirectResponse(authorization.url, status_code=302)

    async def callback(request: Request) -> Response:
        # The state is taken out of the session before anything else: one use, even on failure.
        expected = request.session.pop("patreon_state", None)
        if not isinstance(expected, str):
            return _error_page("No login is in progress in this browser (the link was replayed or forged).")
        try:
            token = users.handle_callback(str(request.url), expected_state=expected)
        except StateMismatchError:
            return _error_page("This login link was not issued to this browser (forged or replayed).")
        except OAuthError:
            return _error_page("Patreon did not complete the login (declined, or the code was used already).")
        try:
            request.session["user_id"] = load_profile(token)
        except PatreonError:
            return _error_page("Logged in, but Patreon did not answer the profile request; try again.")
        return RedirectResponse("/", status_code=303)

    async def logout(request: Request) -> Response:
        request.session.clear()
        return RedirectResponse("/", status_code=303)

    return Starlette(
        routes=[
            Route("/", home),
            Route("/login", login),
            Route("/oauth/callback", callback),
            Route("/logout", logout, methods=["POST"]),
        ],
        middleware=[
            Middleware(SessionMiddleware, secret_key=session_secret, same_site="lax", https_only=False)
        ],
    )


def main() -> None:  # pragma: no cover - interactive
    from examples.serving import bind_loopback, serve_asgi, url_of
    from patreon_sandbox import Sandbox

    sock = bind_loopback()  # bound first: the sandbox must know the app's redirect URI
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
        app = build_app(users, session_secret=os.environ.get("SESSION_SECRET") or secrets.token_urlsafe(32))
        with serve_asgi(app, sock):
            print(f"app: {app_url}  sandbox: {sandbox_url}  try sandbox user id {world.users[3].id}")
            print("Ctrl-C to stop")
            with contextlib.suppress(KeyboardInterrupt):
                threading.Event().wait()


if __name__ == "__main__":  # pragma: no cover
    main()
