"""`patreon token show|refresh`: inspect (masked) and rotate the stored token."""

from __future__ import annotations

import argparse
import datetime as dt

from patreon_auth import Token
from patreon_auth.stores import FileStore, TokenNotSavedError
from patreon_cli.commands._token_safety import check_writable, show_on_terminal
from patreon_cli.failures import STORE, CLIError
from patreon_cli.masking import mask
from patreon_cli.output import Output
from patreon_cli.session import Session


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = subparsers.add_parser(
        "token",
        parents=[common],
        help="show or refresh the stored token",
        description="Show or refresh the stored token.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser(
        "show",
        parents=[common],
        help="show the token, masked",
        description="Show the stored token with its secrets masked, its expiry and its scopes.",
    )
    show.set_defaults(handler=show_token)
    refresh = actions.add_parser(
        "refresh",
        parents=[common],
        help="refresh the token now",
        description="Trade the refresh token for a new token now and store it (refresh tokens are single use).",
    )
    refresh.set_defaults(handler=refresh_token)


def _expires_in(token: Token) -> str:
    if token.expires_at is None:
        return "unknown"
    seconds = int((token.expires_at - dt.datetime.now(dt.UTC)).total_seconds())
    if seconds <= 0:
        return "expired"
    days, rest = divmod(seconds, 86400)
    return f"{days}d {rest // 3600}h" if days else f"{rest // 3600}h {rest % 3600 // 60}m"


def _describe(token: Token, where: str) -> list[tuple[str, str]]:
    return [
        ("access_token", mask(token.access_token)),
        ("refresh_token", mask(token.refresh_token)),
        ("expires_at", token.expires_at.isoformat() if token.expires_at else "-"),
        ("expires_in", _expires_in(token)),
        ("scope", " ".join(sorted(token.scope)) or "-"),
        ("token_type", token.token_type),
        ("stored_in", where),
    ]


def _report(token: Token, session: Session, out: Output) -> None:
    where = "memory (embedded sandbox)" if session.uses_sandbox else str(session.config.token_file)
    pairs = _describe(token, where)
    if out.as_json:
        out.json(dict(pairs))
    else:
        out.fields("token", pairs)


def show_token(args: argparse.Namespace, session: Session, out: Output) -> int:
    token = session.current_token(session.store())
    _report(token, session, out)
    return 0


def refresh_token(args: argparse.Namespace, session: Session, out: Output) -> int:
    store = session.store()
    session.current_token(store)
    oauth = session.oauth_client()
    # Under the store's lock and from a fresh read, like PatreonAuth: another process may have
    # just refreshed, and refreshing its (single-use) old refresh token would fail.
    with store.refresh_lock():
        current = session.current_token(store)
        if isinstance(store, FileStore):  # before the refresh token is spent: somewhere to keep the new one
            check_writable([store.path, *store.rescue_paths], current)
        new = oauth.refresh(current)
        try:
            store.put(new)
        except TokenNotSavedError as exc:
            # The old refresh token is spent: the new one must not die with this process.
            if exc.rescue_path is not None:
                hint = (
                    "fix what stopped the write (disk space, permissions), then run any command: "
                    "it picks the rescued token up and saves it"
                )
            elif show_on_terminal(new):
                hint = "the new token is shown on your terminal (only there): keep it with `patreon login --creator-token`"
            else:
                hint = "no copy of the new token could be written anywhere, and there is no terminal to show it on; log in again"
            raise CLIError(
                f"the token was refreshed but could not be saved: {exc}", STORE, hint=hint
            ) from None
    out.info("token refreshed")
    _report(new, session, out)
    return 0
