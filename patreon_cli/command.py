"""One `patreon` command: parse, run it, turn every failure into a message and an exit code.

Ctrl-C and SIGTERM are not handled here but in `patreon_cli.__main__`, around the import of this
module too (patreon_cli.termination says why).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from patreon_auth.errors import PatreonError
from patreon_cli.failures import OK, CLIError, describe, output_error
from patreon_cli.output import Output, discard_stdout
from patreon_cli.parser import GlobalOptions, build_parser
from patreon_cli.session import SandboxOptions, Session

Handler = Callable[..., int]


def _session(options: GlobalOptions) -> Session:
    sandbox = (
        SandboxOptions(seed=options.sandbox_seed, members=options.sandbox_members)
        if options.sandbox
        else None
    )
    return Session(
        config_dir=options.config_dir, base_url=options.base_url, client_id=options.client_id, sandbox=sandbox
    )


def _flush_stdout() -> None:
    """Flush inside main: a full disk or a closed pipe is reported here, not at interpreter exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        discard_stdout()
        raise output_error("to stdout", exc) from None


def run_command(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    options = GlobalOptions.from_args(args)
    out = Output(as_json=options.json)
    session = _session(options)
    handler: Handler = args.handler
    try:
        code = handler(args, session, out)
        _flush_stdout()
        return code
    except CLIError as error:
        out.error(error.message, error.hint)
        return error.exit_code
    except PatreonError as error:
        failure = describe(error)
        out.error(failure.message, failure.hint)
        return failure.exit_code
    except BrokenPipeError:
        # `patreon members export | head`: the reader left; that is not an error worth a traceback.
        discard_stdout()
        return OK
    finally:
        session.close()
