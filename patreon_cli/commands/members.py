"""`patreon members export`: every member of a campaign to CSV, JSON Lines or JSON, page by page.

`members sync` and `members who` (a member mirror) are in patreon_cli/commands/mirror.py.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from patreon_cli.commands._shared import pick_campaign
from patreon_cli.commands.mirror import register_actions
from patreon_cli.export import FORMATS, export_members, make_writer, parse_selection
from patreon_cli.export.selection import DEFAULT_INCLUDES
from patreon_cli.failures import OUTPUT, USAGE, CLIError, output_error
from patreon_cli.output import Output, discard_stdout
from patreon_cli.progress import progress_bar
from patreon_cli.session import Session


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = subparsers.add_parser(
        "members",
        parents=[common],
        help="export a campaign's members, keep a member mirror, ask who is entitled",
        description="Work with a campaign's members.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        parents=[common],
        help="export every member to CSV, JSON Lines or JSON",
        description=(
            "Export every member of a campaign, streaming page by page (memory does not grow with the "
            "campaign). Columns: id, the member attributes from --fields, then for each --include its "
            "id and attributes (several values joined by '; ')."
        ),
    )
    export.add_argument("--campaign", metavar="ID", help="campaign id (default: your only campaign)")
    export.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: from --output's extension, .csv .jsonl .ndjson .json; else csv)",
    )
    export.add_argument(
        "--fields",
        action="append",
        metavar="[TYPE=]NAMES",
        help="attributes to export, comma-separated; bare names are member attributes, TYPE=... "
        "names those of an included type (tier=title,amount_cents). Default: every member attribute",
    )
    export.add_argument(
        "--include",
        action="append",
        metavar="NAMES",
        help=f"related resources to add, comma-separated (default: {','.join(DEFAULT_INCLUDES)}; '' for none)",
    )
    export.add_argument("--output", "-o", metavar="PATH", help="file to write (default: stdout)")
    export.add_argument("--no-progress", action="store_true", help="no progress bar")
    export.set_defaults(handler=run)
    register_actions(actions, common)


# Created new (O_EXCL: never someone else's file, nor a symlink followed) and private (0600).
PART_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


@contextlib.contextmanager
def _destination(path: str | None) -> Iterator[TextIO]:
    """stdout, or a temp file next to `path` renamed over it only once the export is complete.

    The temp file (`.NAME.*.part`, mode 0600: it holds members' names and emails) is removed on
    any failure, Ctrl-C and SIGTERM included (patreon_cli.termination). A write the OS refuses
    (a full disk, a file-size limit, a closed stdout) is an OUTPUT error, not a traceback.
    """
    if path is None or path == "-":
        try:
            yield sys.stdout
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # `| head`: main() treats a reader leaving as success
        except OSError as exc:
            discard_stdout()
            raise output_error("the export to stdout", exc) from None
        return
    target = Path(path)
    if target.is_dir():
        # Checked first: otherwise the whole export runs and only the final rename fails.
        raise CLIError(f"--output {target} is a directory: name a file to write", OUTPUT)
    # The name is chosen before the file exists and the cleanup below covers its creation: with
    # tempfile.mkstemp a Ctrl-C landing just after its open() returned, before the `try`, left the
    # `.part` file behind (tests/cli/test_hostile_output.py delivers one exactly there).
    part = target.parent / f".{target.name}.{secrets.token_hex(8)}.part"
    created = False
    try:
        fd = os.open(part, PART_FLAGS, 0o600)
        created = True
        # newline="" lets the csv module write its own line endings (RFC 4180 CRLF).
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(part, target)
    except BaseException as exc:
        if not isinstance(exc, FileExistsError):  # O_EXCL refused: that file is not ours to remove
            with contextlib.suppress(OSError):
                os.unlink(part)
        if isinstance(exc, OSError):
            raise output_error(str(target) if created else f"to {target.parent}", exc) from None
        raise


# What each file extension means; a name without one of these is CSV unless --format says otherwise.
FORMAT_OF_EXTENSION = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}


def output_format(given: str | None, output: str | None) -> str:
    """--format, else the one --output's extension names, else CSV; a contradiction is refused.

    `--output members.json` once wrote CSV into a .json file; now the name decides, and
    `--format csv --output members.json` is a usage error rather than a file that lies.
    """
    named = None
    if output not in (None, "-"):
        named = FORMAT_OF_EXTENSION.get(Path(str(output)).suffix.lower())
    if given is None:
        return named or "csv"
    if named is not None and named != given:
        raise CLIError(
            f"--format {given} but --output {output} names {named}",
            USAGE,
            hint=f"drop --format (the extension decides), or name the file .{given}",
        )
    return given


def run(args: argparse.Namespace, session: Session, out: Output) -> int:
    export_format = output_format(args.format, args.output)
    selection = parse_selection(args.fields, args.include)
    client = session.creator_client()
    campaign_id = pick_campaign(client, args.campaign)
    with (
        _destination(args.output) as stream,
        progress_bar("members", enabled=not args.no_progress, stream=out.stderr) as progress,
    ):
        writer = make_writer(export_format, stream, selection)
        result = export_members(client, campaign_id, selection, writer, progress)
    where = args.output if args.output not in (None, "-") else "stdout"
    out.info(f"exported {result.written} members of campaign {campaign_id} to {where}")
    if not result.complete:
        out.info(
            f"warning: Patreon reported {result.total} members but {result.written} were exported "
            "(members may have joined or left during the export)"
        )
    return 0
