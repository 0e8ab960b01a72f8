"""The argument parser: global options, then one sub-command per job.

The global options are accepted before or after the command (`patreon --sandbox campaigns` and
`patreon campaigns --sandbox`): every parser shares one parent whose defaults are SUPPRESS, so
a sub-parser never overwrites a value given earlier with its own default.
"""

from __future__ import annotations

import argparse

import attrs

from patreon_cli.commands import campaigns, identity, login, members, sandbox, spec, token, webhooks
from patreon_cli.config import ENV_BASE_URL, ENV_CLIENT_ID, ENV_CONFIG_DIR
from patreon_generated import LIBRARY_VERSION

DEFAULT_SANDBOX_SEED = 7
DEFAULT_SANDBOX_MEMBERS = 250


@attrs.frozen
class GlobalOptions:
    """The options every command takes, wherever on the command line they were given."""

    config_dir: str | None = None
    base_url: str | None = None
    client_id: str | None = None
    sandbox: bool = False
    sandbox_seed: int = DEFAULT_SANDBOX_SEED
    sandbox_members: int = DEFAULT_SANDBOX_MEMBERS
    json: bool = False

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> GlobalOptions:
        # Options never given are absent from the namespace (SUPPRESS): keep the class defaults.
        given = {
            field.name: getattr(args, field.name) for field in attrs.fields(cls) if hasattr(args, field.name)
        }
        return cls(**given)


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    group = common.add_argument_group("global options")
    group.add_argument(
        "--config-dir", metavar="DIR", help=f"where the token and config live (env {ENV_CONFIG_DIR})"
    )
    group.add_argument(
        "--base-url", metavar="URL", help=f"Patreon origin, e.g. a served sandbox (env {ENV_BASE_URL})"
    )
    group.add_argument("--client-id", metavar="ID", help=f"API client id (env {ENV_CLIENT_ID})")
    group.add_argument(
        "--sandbox", action="store_true", help="run against a fresh embedded sandbox; no credentials needed"
    )
    group.add_argument(
        "--sandbox-seed",
        type=int,
        metavar="N",
        help=f"embedded sandbox seed (default {DEFAULT_SANDBOX_SEED})",
    )
    group.add_argument(
        "--sandbox-members",
        type=int,
        metavar="N",
        help=f"members in the embedded sandbox (default {DEFAULT_SANDBOX_MEMBERS})",
    )
    group.add_argument("--json", action="store_true", help="print results as JSON")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="patreon",
        parents=[common],
        description="Patreon API v2 from the command line: log in, export members, manage webhooks, run the sandbox.",
        epilog="Try it without an account: patreon --sandbox members export --format csv | head",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s (patreonkit) {LIBRARY_VERSION}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (login, token, identity, campaigns, members, webhooks, sandbox, spec):
        module.register(subparsers, common)
    return parser
