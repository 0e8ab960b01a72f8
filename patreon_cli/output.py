"""What commands print: tables for people, JSON for scripts, messages on stderr.

Rich draws the tables when it is installed and stdout is a terminal; piped output is plain
aligned text, so `patreon campaigns | cut ...` keeps working and nothing is wrapped at 80 columns.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO


class Output:
    """Where a command's results and messages go."""

    def __init__(
        self, *, as_json: bool = False, stdout: TextIO | None = None, stderr: TextIO | None = None
    ) -> None:
        self.as_json = as_json
        self.stdout = stdout if stdout is not None else sys.stdout
        self.stderr = stderr if stderr is not None else sys.stderr

    def json(self, value: Any) -> None:
        json.dump(value, self.stdout, indent=2, ensure_ascii=False, default=str)
        self.stdout.write("\n")

    def info(self, message: str) -> None:
        print(message, file=self.stderr, flush=True)

    def error(self, message: str, hint: str | None = None) -> None:
        print(f"error: {message}", file=self.stderr, flush=True)
        if hint:
            print(f"hint: {hint}", file=self.stderr, flush=True)

    def table(self, title: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        if _is_terminal(self.stdout) and _rich_table(self.stdout, title, columns, rows):
            return
        widths = [max([len(column), *(len(row[n]) for row in rows)]) for n, column in enumerate(columns)]
        for line in [list(columns), *rows]:
            print(
                "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip(),
                file=self.stdout,
            )

    def fields(self, title: str, pairs: Sequence[tuple[str, str]]) -> None:
        """One record as `name  value` lines."""
        self.table(title, ["field", "value"], [list(pair) for pair in pairs])


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _rich_table(stream: TextIO, title: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        return False
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    Console(file=stream).print(table)
    return True


def discard_stdout() -> None:
    """Point fd 1 at /dev/null, so what is still buffered for a gone reader or a full disk cannot
    fail again when the interpreter flushes at exit ("Exception ignored ..." and exit status 120)."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        fd = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
