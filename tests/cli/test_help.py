"""`--help` works on every command and sub-command, and a bad command line exits 2."""

from __future__ import annotations

import argparse

import pytest

from patreon_cli.parser import build_parser

from .conftest import Run


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += _commands(child, (*prefix, name))
    return found


COMMANDS = _commands(build_parser())


def test_every_command_is_listed() -> None:
    for expected in [
        ("login",),
        ("token", "show"),
        ("token", "refresh"),
        ("identity",),
        ("campaigns",),
        ("members", "export"),
        ("webhooks", "list"),
        ("webhooks", "create"),
        ("webhooks", "update"),
        ("webhooks", "delete"),
        ("sandbox", "serve"),
    ]:
        assert expected in COMMANDS


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "patreon")
def test_help(cli: Run, command: tuple[str, ...]) -> None:
    result = cli(*command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("usage: patreon")
    assert "--sandbox" in result.stdout  # the global options are documented everywhere


@pytest.mark.parametrize(
    "argv",
    [[], ["nope"], ["members"], ["members", "export", "--format", "xml"], ["webhooks", "update"]],
)
def test_bad_command_lines_exit_2(cli: Run, argv: list[str]) -> None:
    result = cli(*argv)
    assert result.exit_code == 2
    assert "usage:" in result.stderr


def test_global_options_work_before_and_after_the_command(cli: Run) -> None:
    before = cli("--sandbox", "--json", "campaigns")
    after = cli("campaigns", "--sandbox", "--json")
    assert before.exit_code == after.exit_code == 0
    assert before.stdout == after.stdout
