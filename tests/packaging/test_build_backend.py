"""The in-tree build backend asks for mypy only when the build compiles, and the same mypy as CI.

`pip install` from the sdist on a machine without a compiler must need setuptools alone; a build
with PATREONKIT_COMPILE=1 must get mypy (mypyc) and the runtime dependencies mypyc type-checks
against. The backend runs in a subprocess from the checkout, as a build frontend runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ASK = (
    "import json, sys; sys.path.insert(0, 'build_backend'); import patreonkit_build as backend;"
    " print(json.dumps(backend.get_requires_for_build_wheel()))"
)


def requires(compile_flag: str | None) -> list[str]:
    env = {key: value for key, value in os.environ.items() if key != "PATREONKIT_COMPILE"}
    if compile_flag is not None:
        env["PATREONKIT_COMPILE"] = compile_flag
    result = subprocess.run(
        [sys.executable, "-c", ASK], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    answer: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


def project() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        table: dict[str, Any] = tomllib.load(file)["project"]
    return table


def test_a_pure_build_needs_no_mypy() -> None:
    assert not [name for name in requires(None) if name.startswith("mypy")]
    assert not [name for name in requires("0") if name.startswith("mypy")]


def test_a_compiled_build_gets_the_ci_mypy_and_the_runtime_dependencies() -> None:
    asked = requires("1")
    dev = project()["optional-dependencies"]["dev"]
    assert [name for name in asked if name.startswith("mypy")] == [
        name for name in dev if name.startswith("mypy==")
    ]
    for dependency in project()["dependencies"]:
        assert dependency in asked
