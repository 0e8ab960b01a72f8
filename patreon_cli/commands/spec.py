"""`patreon spec check`: does the live API still match the spec? A report without any value in it.

With your token it calls every readable endpoint the token's scopes allow, asking for every
field and include, validates each answer with the spec's validator (the one the test suite runs
on the sandbox) and reports drift by JSON path, JSON type and count. Member data is personal:
no value from an answer is printed or written, so the report can be attached to an issue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from urllib.parse import urlsplit

from patreon_cli.failures import USAGE, CLIError
from patreon_cli.output import Output
from patreon_cli.session import Session

DRIFT = 11  # the API answered something the spec does not describe (docs/cli.md)


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = subparsers.add_parser(
        "spec",
        parents=[common],
        help="check the spec against the live API",
        description="Check spec/patreon-v2.yaml against what Patreon answers your token (docs/spec-check.md).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        parents=[common],
        help="call every readable endpoint and report drift from the spec",
        description=(
            "Call every readable endpoint your token's scopes allow with every field and include, validate "
            f"the answers against the spec and report drift. Exit 0: no drift; {DRIFT}: drift found. The "
            "report names JSON paths, types and counts, never a value."
        ),
    )
    check.add_argument(
        "--format", choices=("markdown", "json"), help="report format (default markdown; --json)"
    )
    check.add_argument("--output", "-o", metavar="FILE", help="write the report here instead of stdout")
    check.add_argument(
        "--pages", type=int, default=1, metavar="N", help="pages to read of each list (default 1)"
    )
    check.add_argument("--page-size", type=int, default=100, metavar="N", help="page[count] (default 100)")
    check.add_argument("--live-id", metavar="ID", help="a live to fetch (lives cannot be listed)")
    check.add_argument(
        "--spec", metavar="PATH", help="the spec file (default: the repository's, or $PATREON_SPEC)"
    )
    check.add_argument(
        "--min-interval",
        type=float,
        metavar="SECONDS",
        help="least time between calls (default 0.6: Patreon's 100 a minute per token; 0 with --sandbox)",
    )
    check.add_argument(
        "--fail-on-unseen",
        action="store_true",
        help=f"exit {DRIFT} also when a documented attribute never came back",
    )
    check.add_argument(
        "--sandbox-drift",
        metavar="KINDS",
        default="",
        help="with --sandbox: serve answers with these kinds of drift (comma-separated; see docs/sandbox.md)",
    )
    check.set_defaults(handler=run)


def run(args: argparse.Namespace, session: Session, out: Output) -> int:
    try:
        from patreon_spec import report as render
        from patreon_spec.live import PER_TOKEN_INTERVAL, LiveCheck
        from patreon_spec.source import SpecNotFoundError, spec_path, spec_sha256
    except ImportError as exc:
        raise CLIError(f"the spec check needs {exc.name}", hint="pip install 'patreonkit[spec]'") from None
    try:
        spec = spec_path(args.spec)
    except SpecNotFoundError as exc:
        raise CLIError(str(exc), USAGE) from None
    kinds = [kind for kind in args.sandbox_drift.split(",") if kind]
    if kinds:
        if not session.uses_sandbox:
            raise CLIError("--sandbox-drift needs --sandbox", USAGE)
        for kind in kinds:
            try:
                session.sandbox().drift.enable(kind)
            except ValueError as exc:
                raise CLIError(str(exc), USAGE) from None
    client = session.creator_client()
    token = session.current_token(client.store)
    interval = args.min_interval
    if interval is None:
        interval = 0.0 if session.uses_sandbox else PER_TOKEN_INTERVAL
    out.info("calling every readable endpoint the token allows (values are never shown)...")
    report = LiveCheck(
        client,
        granted=frozenset(token.scope) or None,  # no recorded scopes: a portal creator token has all
        pages=args.pages,
        page_size=args.page_size,
        live_id=args.live_id,
        min_interval=max(0.0, interval),
        spec=spec,
    ).run()
    from patreon_generated import LIBRARY_VERSION

    about = {
        "checked_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "api_host": urlsplit(session.credentials().base_url).netloc,
        "spec_sha256": spec_sha256(spec),
        "library": LIBRARY_VERSION,
        "scopes": " ".join(sorted(token.scope)) or "all (no scopes recorded)",
    }
    as_json = args.format == "json" or (args.format is None and out.as_json)
    text = render.as_json(report, about=about) if as_json else render.as_markdown(report, about=about)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        out.info(f"report written to {args.output}")
    else:
        out.stdout.write(text)
        out.stdout.flush()
    failed = report.has_drift(unseen_counts=args.fail_on_unseen)
    summary = f"drift in {len(report.drift)} places" if report.drift else "no drift"
    out.info(f"{summary}; {len(report.unseen)} documented attributes or types never seen")
    return DRIFT if failed else 0


if __name__ == "__main__":  # pragma: no cover - run through `patreon spec check`
    sys.exit(2)
