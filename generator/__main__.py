"""`python -m generator build` writes everything generated: patreon_generated/, the sync twins
(generator/unasync.py) and the coverage page (docs/spec-coverage.md, patreon_spec.coverage);
`check` fails if any of them is out of date."""

from __future__ import annotations

import sys

from generator import unasync
from generator.build import build_into_package, check


def main(argv: list[str]) -> int:
    try:
        return _run(argv)
    except unasync.UnusedRuleError as error:
        # A dead unasync rule fails both commands, naming the rule (httpcore's script does the same).
        print(f"generator: {error}", file=sys.stderr)
        return 1


def _run(argv: list[str]) -> int:
    # Imported here, after the package is built: patreon_spec imports patreon_generated, which a
    # broken or half-written package must not stop `make generate` from replacing.
    command = argv[1] if len(argv) > 1 else "build"
    if command == "build":
        build_into_package()
        unasync.build()
        from patreon_spec import coverage

        return coverage.main([])
    if command == "check":
        drifted = unasync.drift()
        for path in drifted:
            print(f"{path} differs from its async source; run `make generate`", file=sys.stderr)
        package = check()
        from patreon_spec import coverage

        page = coverage.main(["--check"])
        return 1 if package or drifted or page else 0
    print("usage: python -m generator build|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
