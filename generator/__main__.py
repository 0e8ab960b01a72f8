"""`python -m generator build` writes patreon_generated/ and the sync twins (generator/unasync.py);
`check` fails if either is out of date."""

from __future__ import annotations

import sys

from generator import unasync
from generator.build import build_into_package, check


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "build"
    if command == "build":
        build_into_package()
        unasync.build()
        return 0
    if command == "check":
        drifted = unasync.drift()
        for path in drifted:
            print(f"{path} differs from its async source; run `make generate`", file=sys.stderr)
        return check() or (1 if drifted else 0)
    print("usage: python -m generator build|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
