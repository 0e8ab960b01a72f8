"""`python -m patreon_sandbox serve --port N`: the sandbox as a real HTTP server on loopback.

Prints one JSON line on start (base_url, client_id, client_secret, campaign_id, creator_token,
control_url of the control API, and the `patreon login` command for it) so scripts and tests can
read it, then serves until interrupted (design/DESIGN.md "Sandbox"). `--env-file PATH` also
writes the docs' `PATREON_*` variables for it (patreon_sandbox.env).

What can stop it before it serves (uvicorn not installed, the port taken) is checked before the
line is printed and reported as one `error:` line, a `hint:` line and exit code 1, never a
traceback: the line carries the client secret and a token, and a script waiting for it must not
mistake a server that is about to fail for a ready one.
"""

from __future__ import annotations

import argparse
import errno
import json
import socket
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from patreon_sandbox.drift import KINDS as DRIFT_KINDS
from patreon_sandbox.limits import RateLimits
from patreon_sandbox.oauth import DEFAULT_TOKEN_LIFETIME

if TYPE_CHECKING:
    from patreon_sandbox.sandbox import Sandbox

EXTRA_HINT = "pip install 'patreonkit[sandbox]'  (the `sandbox` extra installs uvicorn)"
FAILED = 1  # the exit code of every failure before serving (docs/cli.md, exit code 1)


class ServeError(Exception):
    """Why the sandbox cannot be served, in words for the user, and what to do about it."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m patreon_sandbox", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the sandbox over HTTP on loopback")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    serve.add_argument("--seed", type=int, default=0)
    serve.add_argument("--members", type=int, default=100)
    serve.add_argument("--token-lifetime", type=float, default=DEFAULT_TOKEN_LIFETIME, help="seconds")
    serve.add_argument("--no-rate-limits", action="store_true", help="switch Patreon's rate limits off")
    serve.add_argument("--redirect-uri", action="append", default=None, help="a redirect URI to register")
    serve.add_argument("--log-level", default="warning")
    serve.add_argument(
        "--env-file",
        metavar="PATH",
        help="also write the docs' PATREON_* variables for this sandbox to PATH (dotenv, mode 0600)",
    )
    serve.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="answer requests for this Host name too (loopback names and the listening address always are)",
    )
    serve.add_argument(
        "--drift",
        metavar="KINDS",
        default="",
        help=f"serve answers that differ from the spec, comma-separated: {', '.join(DRIFT_KINDS)}",
    )
    return parser


def startup_line(sandbox: object, base_url: str) -> str:
    from patreon_sandbox.sandbox import Sandbox

    assert isinstance(sandbox, Sandbox)
    return json.dumps(
        {
            "base_url": base_url,
            "client_id": sandbox.client_id,
            "client_secret": sandbox.client_secret,
            "campaign_id": sandbox.campaign_id,
            "creator_token": sandbox.creator_token().to_dict(),
            # the control API (patreon_sandbox.control; SandboxControl drives it from Python)
            "control_url": f"{base_url}/_sandbox/",
            "login": f"patreon login --sandbox --base-url {base_url}",
        }
    )


def require_uvicorn() -> None:
    """Fail before anything is printed when the `sandbox` extra (uvicorn) is not installed."""
    try:
        import uvicorn  # noqa: F401
    except ImportError:
        raise ServeError("serving the sandbox needs uvicorn, which is not installed", EXTRA_HINT) from None


def bind_port(host: str, port: int) -> socket.socket:
    """The listening socket, or a ServeError naming the port when it is taken or not allowed."""
    from patreon_sandbox.server import bind

    try:
        return bind(host, port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(
                f"port {port} on {host} is already in use (another sandbox still running?)",
                "stop the other server, or pick another port: --port N, or --port 0 for a free one",
            ) from None
        reason = exc.strerror or str(exc)
        raise ServeError(
            f"cannot listen on {host} port {port}: {reason}", "check --host and --port"
        ) from None


def write_env(path: str, sandbox: Sandbox, base_url: str) -> None:
    from patreon_sandbox.env import sandbox_env, write_env_file

    env = sandbox_env(
        base_url=base_url,
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token=sandbox.creator_token(),
        redirect_uri=sandbox.redirect_uri,
    )
    try:
        write_env_file(path, env)
    except OSError as exc:
        raise ServeError(f"cannot write --env-file {path}: {exc.strerror or exc}") from None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _serve(args)
    except ServeError as error:
        print(f"error: {error.message}", file=sys.stderr, flush=True)
        if error.hint:
            print(f"hint: {error.hint}", file=sys.stderr, flush=True)
        return FAILED


def _serve(args: argparse.Namespace) -> int:
    require_uvicorn()
    from patreon_sandbox.sandbox import DEFAULT_REDIRECT_URIS, Sandbox
    from patreon_sandbox.server import serve_forever, url_of

    sandbox = Sandbox(
        seed=args.seed,
        members=args.members,
        token_lifetime=args.token_lifetime,
        rate_limits=None if args.no_rate_limits else RateLimits(),
        redirect_uris=tuple(args.redirect_uri or DEFAULT_REDIRECT_URIS),
        drift=[kind for kind in args.drift.split(",") if kind],
    )
    sock = bind_port(args.host, args.port)
    try:
        base_url = url_of(sock)
        sandbox.served_url = base_url
        if args.env_file:
            write_env(args.env_file, sandbox, base_url)
        print(startup_line(sandbox, base_url), flush=True)
        serve_forever(sandbox, sock, log_level=args.log_level, allowed_hosts=args.allow_host)
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
