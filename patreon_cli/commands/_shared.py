"""Small helpers several commands need: the campaign to act on, attribute text, secret input."""

from __future__ import annotations

import getpass
import sys
from typing import Any, TextIO

from patreon_cli.failures import NOT_FOUND, USAGE, CLIError
from patreon_generated import Patreon


def pick_campaign(client: Patreon, given: str | None) -> str:
    """`--campaign`, or the token owner's only campaign (a creator has one [PD campaigns])."""
    if given:
        return given
    ids = [campaign.id for campaign in client.campaigns.iterate()]
    if not ids:
        raise CLIError("this account has no campaign", NOT_FOUND)
    if len(ids) > 1:
        raise CLIError(
            "this account has several campaigns: pass --campaign ID",
            USAGE,
            hint=f"campaigns: {', '.join(ids)}",
        )
    return ids[0]


def text(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def read_secret(prompt: str, *, stdin: TextIO | None = None) -> str:
    """A secret from piped stdin (one per line) or a no-echo prompt; never from argv, where `ps` shows it."""
    stream = stdin if stdin is not None else sys.stdin
    if stream.isatty():
        return getpass.getpass(prompt).strip()
    return stream.readline().strip()
