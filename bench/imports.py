"""Import cost: `import patreon_generated` (and making a client) against `import httpx` alone.

Each is a fresh interpreter; the interpreter's own start-up is measured too and subtracted.
Target (issue 2): `import patreon_generated` at most 1.5x `import httpx`.
"""

from __future__ import annotations

import compileall
import subprocess
import sys
import time
from pathlib import Path

TARGET = 1.5
ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = {
    "python alone": "pass",
    "import httpx": "import httpx",
    "import patreon_generated": "import patreon_generated",
    "from patreon_generated import Patreon": "from patreon_generated import Patreon",
    "import patreon_auth": "import patreon_auth",
}


def _time(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - started


def run(rounds: int = 15) -> list[str]:
    # pip byte-compiles installed packages (httpx has its .pyc files); an editable checkout under
    # PYTHONDONTWRITEBYTECODE has none, which would time the compiler, not the import.
    for package in ("patreon_generated", "patreon_auth"):
        compileall.compile_dir(str(ROOT / package), quiet=1)
    best = dict.fromkeys(SNIPPETS, float("inf"))
    for _ in range(rounds):
        for name, code in SNIPPETS.items():
            best[name] = min(best[name], _time(code))
    base = best["python alone"]
    httpx_cost = best["import httpx"] - base
    lines = [f"import: fresh interpreters, best of {rounds}, start-up ({base * 1000:.1f} ms) subtracted"]
    for name in SNIPPETS:
        if name == "python alone":
            continue
        cost = best[name] - base
        ratio = cost / httpx_cost
        note = ""
        if name == "import patreon_generated":
            note = f" (target <= {TARGET}x) " + ("ok" if ratio <= TARGET else "OVER TARGET")
        lines.append(f"  {name:<40} {cost * 1000:6.1f} ms  {ratio:4.2f}x httpx{note}")
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
