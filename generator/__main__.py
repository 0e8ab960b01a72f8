"""`python -m generator build` writes patreon_generated/; `check` fails if it is out of date."""

from __future__ import annotations

import sys

from generator.build import build_into_package, check


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "build"
    if command == "build":
        build_into_package()
        return 0
    if command == "check":
        return check()
    print("usage: python -m generator build|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
