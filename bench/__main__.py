"""`make bench`: every benchmark in turn, each printing ratios measured side by side."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = [
    "bench.decode",
    "bench.imports",
    "bench.creator_client",
    "bench.sandbox_page",
    "bench.export",
    "bench.export_memory",
    "bench.fleet",
    "bench.page_size",
    "bench.members",
]


def main() -> int:
    for name in BENCHMARKS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        for line in module.run():
            print(line, flush=True)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
