"""A progress bar for long exports: rich when installed, otherwise nothing.

It draws on stderr so the exported data can go to stdout. The total is only known after the
first page (meta.pagination.total), so the bar starts indeterminate and learns it.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID


class Progress(Protocol):
    def set_total(self, total: int | None) -> None: ...
    def advance(self, count: int) -> None: ...


class NoProgress:
    """Used with --no-progress, or when rich is not installed."""

    def set_total(self, total: int | None) -> None:
        pass

    def advance(self, count: int) -> None:
        pass


class _RichProgress:
    def __init__(self, progress: RichProgress, task: TaskID) -> None:
        self._progress = progress
        self._task = task

    def set_total(self, total: int | None) -> None:
        self._progress.update(self._task, total=total)

    def advance(self, count: int) -> None:
        self._progress.advance(self._task, count)


@contextlib.contextmanager
def progress_bar(
    description: str, *, enabled: bool = True, stream: TextIO | None = None
) -> Iterator[Progress]:
    """A bar for `description` on `stream` (stderr); a no-op when disabled or rich is missing."""
    if not enabled:
        yield NoProgress()
        return
    try:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as _Progress
    except ImportError:
        yield NoProgress()
        return
    console = Console(file=stream if stream is not None else sys.stderr)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with _Progress(*columns, console=console) as progress:
        task = progress.add_task(description, total=None)
        yield _RichProgress(progress, task)
