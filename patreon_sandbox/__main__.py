"""`python -m patreon_sandbox serve --port N`: the sandbox as a real HTTP server on loopback.

Prints one JSON line on start (base_url, client_id, client_secret, campaign_id, creator_token,
control_url of the control API, and the `patreon login` command for it) so scripts and tests can
read it, then serves until interrupted (design/DESIGN.md "Sandbox").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from patreon_sandbox.drift import KINDS as DRIFT_KINDS
from patreon_sandbox.limits import RateLimits
from patreon_sandbox.oauth import DEFAULT_TOKEN_LIFETIME


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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from patreon_sandbox.sandbox import DEFAULT_REDIRECT_URIS, Sandbox
    from patreon_sandbox.server import bind, serve_forever, url_of

    sandbox = Sandbox(
        seed=args.seed,
        members=args.members,
        token_lifetime=args.token_lifetime,
        rate_limits=None if args.no_rate_limits else RateLimits(),
        redirect_uris=tuple(args.redirect_uri or DEFAULT_REDIRECT_URIS),
        drift=[kind for kind in args.drift.split(",") if kind],
    )
    sock = bind(args.host, args.port)
    base_url = url_of(sock)
    sandbox.served_url = base_url
    print(startup_line(sandbox, base_url), flush=True)
    try:
        serve_forever(sandbox, sock, log_level=args.log_level, allowed_hosts=args.allow_host)
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
