"""`patreon sandbox serve`: the local Patreon over HTTP, as `python -m patreon_sandbox serve` does;
`patreon sandbox env`: a served sandbox as the docs' `PATREON_*` variables (patreon_sandbox.env)."""

from __future__ import annotations

import argparse
import ipaddress
import re
from urllib.parse import urlsplit

import httpx

from patreon_cli.config import ENV_BASE_URL
from patreon_cli.failures import UNAVAILABLE, CLIError, output_error
from patreon_cli.output import Output
from patreon_cli.session import Session

DEFAULT_SANDBOX_URL = "http://127.0.0.1:8765"  # `patreon sandbox serve`'s default --port
SERVE_HINT = "start one with `patreon sandbox serve` (in another terminal), or pass --url"


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = subparsers.add_parser(
        "sandbox",
        parents=[common],
        help="run the local Patreon sandbox",
        description="Run the local Patreon sandbox (docs/sandbox.md).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    serve = actions.add_parser(
        "serve",
        parents=[common],
        help="serve the sandbox over HTTP on loopback",
        description=(
            "Serve the sandbox on loopback until Ctrl-C. Prints one JSON line first: base_url, client_id, "
            "client_secret, campaign_id and a creator_token, for scripts and tests to read."
        ),
    )
    # Defaults are the sandbox's own: only options given here are passed on.
    serve.add_argument("--host", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default 8765; 0 picks a free one)")
    serve.add_argument("--seed", type=int, help="world seed")
    serve.add_argument("--members", type=int, help="number of members")
    serve.add_argument("--token-lifetime", type=float, metavar="SECONDS", help="access token lifetime")
    serve.add_argument("--no-rate-limits", action="store_true", help="switch Patreon's rate limits off")
    serve.add_argument("--redirect-uri", action="append", help="a redirect URI to register (repeatable)")
    serve.add_argument("--log-level", help="server log level (default warning)")
    serve.add_argument(
        "--allow-host",
        action="append",
        type=allowed_host,
        metavar="NAME",
        help="answer requests whose Host is NAME too (repeatable); loopback names and the listening "
        "address always are, any other Host gets 403 (a DNS rebinding guard)",
    )
    serve.add_argument(
        "--env-file",
        metavar="PATH",
        help="also write PATREON_BASE_URL, _CLIENT_ID, _CLIENT_SECRET, _ACCESS_TOKEN, _REFRESH_TOKEN and "
        "_REDIRECT_URI for this sandbox to PATH (dotenv, mode 0600), before the JSON line",
    )
    serve.set_defaults(handler=serve_sandbox)
    env = actions.add_parser(
        "env",
        parents=[common],
        help="print a served sandbox's PATREON_* variables as export lines",
        description=(
            "Print `export PATREON_...=...` lines for a sandbox served by `patreon sandbox serve` (a fresh "
            'creator token each time), for `eval "$(patreon sandbox env)"`; the variables every example '
            "in the docs reads. The sandbox is found at --url, else --base-url / PATREON_BASE_URL when "
            "that is a loopback address, else http://127.0.0.1:8765 (serve's default port)."
        ),
    )
    env.add_argument("--url", metavar="URL", help="the served sandbox (default: see above)")
    env.add_argument(
        "--env-file", metavar="PATH", help="write them to PATH as a dotenv file (mode 0600) instead"
    )
    env.set_defaults(handler=print_env)


def sandbox_argv(args: argparse.Namespace) -> list[str]:
    argv = ["serve"]
    for name in ("host", "port", "seed", "members", "token_lifetime", "log_level", "env_file"):
        value = getattr(args, name, None)
        if value is not None:
            argv += [f"--{name.replace('_', '-')}", str(value)]
    for uri in getattr(args, "redirect_uri", None) or ():
        argv += ["--redirect-uri", uri]
    for name in getattr(args, "allow_host", None) or ():
        argv += ["--allow-host", name]
    if getattr(args, "no_rate_limits", False):
        argv.append("--no-rate-limits")
    return argv


# A DNS name (letters, digits, `-`, `_`, dot-separated labels), as a Host header carries it.
HOST_NAME = re.compile(r"[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*")


def allowed_host(value: str) -> str:
    """--allow-host's NAME, lowercased and without a trailing dot (as the served sandbox compares
    it), or a usage error: a URL or `name:port` would never match a request's Host and the
    sandbox would refuse everything for it without saying why."""
    name = value.strip().lower().rstrip(".")
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]  # [fd00::1], as it appears in a URL
    try:
        return str(ipaddress.ip_address(name))
    except ValueError:
        pass
    if not HOST_NAME.fullmatch(name):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a host name: give the name alone, without scheme, port or path "
            "(e.g. --allow-host sandbox.lan)"
        )
    return name


def serve_sandbox(args: argparse.Namespace, session: Session, out: Output) -> int:
    """Failures before serving (uvicorn missing, port taken) are one `error:` line and exit code 1:
    patreon_sandbox.__main__ checks them before it prints the line with the secret and token."""
    from patreon_sandbox.__main__ import main as sandbox_main

    return sandbox_main(sandbox_argv(args))


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _sandbox_url(args: argparse.Namespace, session: Session) -> str:
    if getattr(args, "url", None):
        return str(args.url)
    configured = getattr(args, "base_url", None) or session.environ.get(ENV_BASE_URL)
    # Only a loopback origin can be a served sandbox: never ask www.patreon.com for a control route.
    if configured and is_loopback_url(configured):
        return configured
    return DEFAULT_SANDBOX_URL


def print_env(args: argparse.Namespace, session: Session, out: Output) -> int:
    from patreon_sandbox.env import export_text, sandbox_env, write_env_file
    from patreon_sandbox.remote import SandboxControl, SandboxControlError

    url = _sandbox_url(args, session).rstrip("/")
    try:
        with SandboxControl(url, timeout=10.0) as control:
            info = control.info()
            token = control.token()
    except SandboxControlError as error:
        raise CLIError(f"{url} answered, but not as a sandbox: {error.message}", hint=SERVE_HINT) from None
    except httpx.HTTPError as error:
        raise CLIError(
            f"no sandbox at {url} ({type(error).__name__})", UNAVAILABLE, hint=SERVE_HINT
        ) from None
    redirect_uris = info.get("redirect_uris") or []
    env = sandbox_env(
        base_url=url,
        client_id=str(info["client_id"]),
        client_secret=str(info["client_secret"]),
        token=token,
        redirect_uri=str(redirect_uris[0]) if redirect_uris else None,
    )
    if args.env_file:
        try:
            write_env_file(args.env_file, env)
        except OSError as exc:
            raise output_error(f"--env-file {args.env_file}", exc) from None
        out.info(f"wrote {', '.join(env)} for {url} to {args.env_file}")
        return 0
    out.stdout.write(export_text(env))
    return 0
