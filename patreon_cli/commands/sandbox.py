"""`patreon sandbox serve`: the local Patreon over HTTP, as `python -m patreon_sandbox serve` does."""

from __future__ import annotations

import argparse

from patreon_cli.failures import CLIError
from patreon_cli.output import Output
from patreon_cli.session import Session


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
    serve.set_defaults(handler=serve_sandbox)


def sandbox_argv(args: argparse.Namespace) -> list[str]:
    argv = ["serve"]
    for name in ("host", "port", "seed", "members", "token_lifetime", "log_level"):
        value = getattr(args, name, None)
        if value is not None:
            argv += [f"--{name.replace('_', '-')}", str(value)]
    for uri in getattr(args, "redirect_uri", None) or ():
        argv += ["--redirect-uri", uri]
    if getattr(args, "no_rate_limits", False):
        argv.append("--no-rate-limits")
    return argv


def serve_sandbox(args: argparse.Namespace, session: Session, out: Output) -> int:
    try:
        from patreon_sandbox.__main__ import main as sandbox_main
    except ImportError as exc:
        raise CLIError(
            f"the sandbox server needs {exc.name}", hint="pip install 'patreonkit[sandbox]'"
        ) from None
    return sandbox_main(sandbox_argv(args))
