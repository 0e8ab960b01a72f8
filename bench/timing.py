"""Side-by-side timing: alternate ours and the floor, garbage collector ON (as users run it).

Each round times one floor run and one of ours back to back; the ratio of that pair is one
sample, and the median sample is the result, so machine noise (other processes on a shared box)
lands on both halves of a pair alike and outliers do not decide the verdict.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import attrs


@attrs.frozen
class Paired:
    """Median seconds of each side and the median of the per-pair ratios (ours / floor)."""

    ours: float
    floor: float
    ratio: float


def paired(ours: Callable[[], object], floor: Callable[[], object], rounds: int) -> Paired:
    """Alternate floor/ours ``rounds`` times (the order flips each round) with GC enabled."""
    ours_times: list[float] = []
    floor_times: list[float] = []
    for n in range(rounds):
        order = ((floor, floor_times), (ours, ours_times))
        for run, times in order if n % 2 == 0 else reversed(order):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
    ratios = [o / f for o, f in zip(ours_times, floor_times, strict=True)]
    return Paired(statistics.median(ours_times), statistics.median(floor_times), statistics.median(ratios))


def best_of(contenders: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Each contender's best of ``rounds`` interleaved runs (for costs printed, not compared)."""
    best = dict.fromkeys(contenders, float("inf"))
    for _ in range(rounds):
        for name, run in contenders.items():
            started = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - started)
    return best
