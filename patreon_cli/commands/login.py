"""`patreon login`: user OAuth through a loopback redirect, or importing the portal's creator token.

On success the token goes to the config dir's FileStore and the client id/secret/base URL to
config.json, so later commands (and their refreshes) need nothing else. With --sandbox the flow
runs against the embedded sandbox, whose "browser" consents as the creator, and nothing is saved.
With --sandbox and --base-url URL (a sandbox served by `patreon sandbox serve`), the login is one
step: the sandbox's control API gives its client and a creator token, and both are saved, so later
commands run against that served sandbox with no flags.
"""

from __future__ import annotations

import argparse
import webbrowser
from urllib.parse import urlsplit

import httpx

from patreon_auth import PatreonCreatorClient, Token
from patreon_auth.stores import MemoryStore
from patreon_cli.commands._shared import read_secret
from patreon_cli.config import ENV_CLIENT_SECRET
from patreon_cli.failures import UNAVAILABLE, USAGE, CLIError, not_configured
from patreon_cli.loopback import CALLBACK_PATH, LoopbackListener
from patreon_cli.output import Output
from patreon_cli.session import APP_NAME, Session

# Matches the sandbox's registered redirect URI, so `login` against a served sandbox works as is;
# for real Patreon register this URI (or pass --redirect-uri) in the portal's client settings.
DEFAULT_REDIRECT_URI = "http://127.0.0.1:8080/oauth/callback"
# What the other commands need: identity, members with email, and this client's webhooks.
DEFAULT_SCOPES = (
    "identity",
    "identity[email]",
    "campaigns",
    "campaigns.members",
    "campaigns.members[email]",
    "w:campaigns.webhook",
)
ENV_ACCESS_TOKEN = "PATREON_ACCESS_TOKEN"
ENV_REFRESH_TOKEN = "PATREON_REFRESH_TOKEN"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost"}


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = subparsers.add_parser(
        "login",
        parents=[common],
        help="log in (user OAuth in the browser, or import a creator token)",
        description=(
            "Log in with user OAuth: opens the authorize page and catches the redirect on a loopback port. "
            f"With --creator-token, import the portal's Creator's Access Token instead (read from "
            f"${ENV_ACCESS_TOKEN}/${ENV_REFRESH_TOKEN}, from stdin one per line, or a prompt). "
            f"The client secret comes from ${ENV_CLIENT_SECRET}, the config file or a prompt."
        ),
    )
    parser.add_argument(
        "--creator-token", action="store_true", help="import a creator token instead of OAuth"
    )
    parser.add_argument(
        "--scope",
        action="append",
        metavar="SCOPE",
        help=f"a scope to ask for (repeatable; default: {' '.join(DEFAULT_SCOPES)})",
    )
    parser.add_argument(
        "--redirect-uri",
        default=DEFAULT_REDIRECT_URI,
        help=f"loopback redirect URI registered for your client (default {DEFAULT_REDIRECT_URI})",
    )
    parser.add_argument(
        "--no-browser", action="store_true", help="print the URL instead of opening a browser"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="how long to wait for the browser (default 300)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, session: Session, out: Output) -> int:
    served_url = session.served_sandbox_url
    if served_url is not None:
        return _login_to_served_sandbox(served_url, args, session, out)
    if not session.uses_sandbox:
        _ask_for_missing_secret(session)
    token = _import_creator_token(session) if args.creator_token else _user_oauth(args, session, out)
    name, token = _check(token, session)
    if session.uses_sandbox:
        out.info(f"logged in to the embedded sandbox as {name} (nothing saved: --sandbox is per command)")
        return 0
    _save(token, session)
    out.info(f"logged in as {name}; token saved to {session.config.token_file}")
    return 0


def _login_to_served_sandbox(base_url: str, args: argparse.Namespace, session: Session, out: Output) -> int:
    from patreon_sandbox.remote import SandboxControl, SandboxControlError

    scopes = args.scope or list(DEFAULT_SCOPES)
    try:
        with SandboxControl(base_url, timeout=10.0) as control:
            info = control.info()
            token = control.token(scopes=scopes)
    except (SandboxControlError, httpx.HTTPError, ValueError) as exc:
        raise CLIError(
            f"{base_url} is not a served sandbox (its control API did not answer: {type(exc).__name__})",
            UNAVAILABLE,
            hint="start one with `patreon sandbox serve`, and pass the URL it prints",
        ) from None
    served = session.for_served_sandbox(base_url, str(info["client_id"]), str(info["client_secret"]))
    name, token = _check(token, served)
    _save(token, served)
    out.info(
        f"logged in to the sandbox at {base_url} as {name}; client and token saved to {served.config.path}"
    )
    return 0


def _ask_for_missing_secret(session: Session) -> None:
    """Prompt for the client secret when it is neither in the environment nor in the config file."""
    credentials = session.credentials()
    if not credentials.client_id:
        raise not_configured(
            "no client id: pass --client-id or set PATREON_CLIENT_ID (from the portal's client page)"
        )
    if not credentials.client_secret:
        secret = read_secret("Client secret: ")
        if not secret:
            raise not_configured(f"no client secret: set {ENV_CLIENT_SECRET} or type it at the prompt")
        session.use_client_secret(secret)


def _loopback_address(redirect_uri: str) -> tuple[int, str]:
    parts = urlsplit(redirect_uri)
    if parts.scheme != "http" or parts.hostname not in LOOPBACK_HOSTS or parts.port is None:
        raise CLIError(
            f"--redirect-uri must be http://127.0.0.1:PORT/PATH (or localhost), not {redirect_uri!r}",
            USAGE,
        )
    return parts.port, parts.path or "/"


def _user_oauth(args: argparse.Namespace, session: Session, out: Output) -> Token:
    scopes = args.scope or list(DEFAULT_SCOPES)
    if "identity" not in scopes:
        scopes = ["identity", *scopes]  # the login is checked with /identity before it is saved
    # The sandbox registers whatever port we got; real Patreon needs the exact registered URI.
    port, path = (0, CALLBACK_PATH) if session.uses_sandbox else _loopback_address(args.redirect_uri)
    with LoopbackListener(port, path) as listener:
        redirect_uri = listener.redirect_uri if session.uses_sandbox else args.redirect_uri
        users = session.user_client(redirect_uri, scopes)
        request = users.authorization_url()
        listener.expect_state(request.state)  # before the browser can come back
        if session.uses_sandbox:
            sandbox = session.sandbox()
            # The sandbox plays the browser: the creator clicks "Allow", then the redirect is followed.
            callback = sandbox.authorize(request.url, user=sandbox.creator)
            httpx.get(callback, timeout=10.0)
        else:
            out.info(f"Open this URL to log in:\n\n  {request.url}\n")
            if not args.no_browser:
                webbrowser.open(request.url)
            out.info(f"waiting for the redirect to {redirect_uri} ...")
        callback_url = listener.wait(args.timeout)
    return users.handle_callback(callback_url, expected_state=request.state)


def _import_creator_token(session: Session) -> Token:
    if session.uses_sandbox:
        return session.sandbox().creator_token()
    access = session.environ.get(ENV_ACCESS_TOKEN) or read_secret("Creator's Access Token: ")
    if not access:
        raise CLIError(f"no access token given (set {ENV_ACCESS_TOKEN} or type it at the prompt)", USAGE)
    refresh = session.environ.get(ENV_REFRESH_TOKEN) or read_secret(
        "Creator's Refresh Token (Enter to skip): "
    )
    return Token(access_token=access, refresh_token=refresh or None)


def _check(token: Token, session: Session) -> tuple[str, Token]:
    """Call /identity before saving, so a mistyped token never replaces a good one.

    Returns the user's name and the token to save: the store's, in case the call refreshed it.
    """
    client_id, client_secret, base_url = session.require_client()
    store = MemoryStore(token)
    with PatreonCreatorClient(
        client_id=client_id,
        client_secret=client_secret,
        store=store,
        base_url=base_url,
        name=APP_NAME,
        transport=session.sandbox().transport() if session.uses_sandbox else None,
    ) as client:
        user = client.identity.get(fields={"user": ["full_name"]}).data
    return user.attributes.full_name or user.id, store.get() or token


def _save(token: Token, session: Session) -> None:
    config = session.config
    client_id, client_secret, base_url = session.require_client()
    values = config.read()
    values.update(client_id=client_id, client_secret=client_secret, base_url=base_url)
    config.write(values)
    # A new login is newer than whatever the store holds: replace, not compare-and-set.
    session.store().replace(token)
