"""Import and first-request cost, in fresh interpreters of a venv holding only the runtime deps.

Users install httpx and attrs, not the dev tools: with rich or click present, httpx itself imports
more (its command-line entry point), which would flatter every ratio. So this bench builds
`.venv/runtime-only` (httpx and attrs at the dev venv's versions, nothing else) and runs each
snippet there with the checkout on the path. Each measurement is the median of alternating
floor/ours pairs of fresh processes, the interpreter's start-up included, as users pay it.

Run from .ci/bench-compiled (the bench itself on the compiled build), the same is measured on the
binary wheel installed in `.venv/runtime-only-compiled`, run from outside the checkout.

Targets (issue 9): `import patreon_auth` <= 1.25x `import httpx`; a whole process that fetches one
members page with `Patreon` <= 1.4x one doing the same request with raw httpx and `json.loads`.
"""

from __future__ import annotations

import compileall
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from bench.export_memory import served_sandbox
from patreon_runtime.jsonapi import NATIVE

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_VENV = ROOT / ".venv" / "runtime-only"
COMPILED_RUNTIME_VENV = ROOT / ".venv" / "runtime-only-compiled"
PACKAGES = ("patreon_runtime", "patreon_generated", "patreon_auth")
IMPORT_TARGET = 1.25
PROCESS_TARGET = 1.4

FETCH_TYPED = """
from patreon_generated import Patreon
client = Patreon(token=TOKEN, base_url=BASE)
doc = client.members.list(CAMPAIGN, include=["user"], fields={"member": ["full_name"]}, count=100)
names = [m.attributes.full_name for m in doc.data] + [doc.related(m, "user") for m in doc.data]
assert len(names) == 200
"""

FETCH_RAW = """
import json, httpx
response = httpx.get(
    f"{BASE}/api/oauth2/v2/campaigns/{CAMPAIGN}/members",
    params={"include": "user", "fields[member]": "full_name", "page[count]": 100},
    headers={"Authorization": f"Bearer {TOKEN}", "User-Agent": "bench"},
)
page = json.loads(response.content)
index = {(item["type"], item["id"]): item for item in page["included"]}
names = [m["attributes"]["full_name"] for m in page["data"]]
names += [index.get((m["relationships"]["user"]["data"]["type"], m["relationships"]["user"]["data"]["id"]))
          for m in page["data"]]
assert len(names) == 200
"""


def runtime_python(venv: Path = RUNTIME_VENV) -> Path:
    """The runtime-only venv's interpreter, made (once) with httpx and attrs at the dev versions."""
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pins = [f"httpx=={version('httpx')}", f"attrs=={version('attrs')}"]
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *pins], check=True)
    return python


def compiled_python() -> Path:
    """A runtime-only venv holding the binary wheel that .ci/compiled-venv built last (no checkout on the path)."""
    python = runtime_python(COMPILED_RUNTIME_VENV)
    wheels = sorted((ROOT / ".venv-compiled" / "dist").glob("*.whl"))
    if len(wheels) != 1:
        raise RuntimeError("no binary wheel in .venv-compiled/dist: run .ci/compiled-venv first")
    install = [
        str(python),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--force-reinstall",
        "--no-deps",
        str(wheels[0]),
    ]
    subprocess.run(install, check=True)
    return python


def _time(python: Path, code: str, cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(python), "-c", code], check=True, cwd=cwd)
    return time.perf_counter() - started


def paired_processes(
    python: Path, ours: str, floor: str, rounds: int, cwd: Path = ROOT
) -> tuple[float, float, float]:
    """Median seconds of each side and median per-pair ratio, alternating which one goes first."""
    ours_times: list[float] = []
    floor_times: list[float] = []
    for n in range(rounds):
        pair = [(floor, floor_times), (ours, ours_times)]
        for code, times in pair if n % 2 == 0 else reversed(pair):
            times.append(_time(python, code, cwd))
    ratios = sorted(o / f for o, f in zip(ours_times, floor_times, strict=True))
    return sorted(ours_times)[rounds // 2], sorted(floor_times)[rounds // 2], ratios[rounds // 2]


def run(rounds: int = 21) -> list[str]:
    if NATIVE:  # run from .ci/bench-compiled: measure the binary wheel, installed, from outside the checkout
        python, cwd, build = compiled_python(), Path(tempfile.gettempdir()), "compiled (mypyc)"
        venv = COMPILED_RUNTIME_VENV
    else:
        # The editable checkout has no .pyc files under PYTHONDONTWRITEBYTECODE; installed packages do.
        for package in PACKAGES:
            compileall.compile_dir(str(ROOT / package), quiet=1)
        python, cwd, build, venv = runtime_python(), ROOT, "interpreted", RUNTIME_VENV
    lines = [
        f"imports, {build} build: fresh processes in {venv.relative_to(ROOT)} (httpx + attrs only),"
        f" medians of {rounds} pairs"
    ]
    ours, floor, ratio = paired_processes(python, "import patreon_auth", "import httpx", rounds, cwd)
    verdict = "ok" if ratio <= IMPORT_TARGET else "OVER TARGET"
    lines.append(
        f"  import patreon_auth {ours * 1000:6.1f} ms vs import httpx {floor * 1000:6.1f} ms:"
        f" {ratio:4.2f}x (target <= {IMPORT_TARGET}x) {verdict}"
    )
    with served_sandbox(members=100) as server:
        prelude = (
            f"BASE = {server['base_url']!r}\nCAMPAIGN = {server['campaign_id']!r}\n"
            f"TOKEN = {server['creator_token']['access_token']!r}\n"
        )
        ours, floor, ratio = paired_processes(python, prelude + FETCH_TYPED, prelude + FETCH_RAW, rounds, cwd)
    verdict = "ok" if ratio <= PROCESS_TARGET else "OVER TARGET"
    lines.append(
        f"  process fetching one 100-member page: Patreon {ours * 1000:6.1f} ms vs raw httpx"
        f" {floor * 1000:6.1f} ms: {ratio:4.2f}x (target <= {PROCESS_TARGET}x) {verdict}"
    )
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
