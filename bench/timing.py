"""Side-by-side timing: interleave the contenders and keep each one's best run."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_of(contenders: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Run each contender ``rounds`` times, interleaved so machine noise hits all alike."""
    best = dict.fromkeys(contenders, float("inf"))
    for _ in range(rounds):
        for name, run in contenders.items():
            gc.collect()
            gc.disable()  # as timeit does: a collection landing in one run would skew the pair
            try:
                started = time.perf_counter()
                run()
                best[name] = min(best[name], time.perf_counter() - started)
            finally:
                gc.enable()
    return best
