"""The PEP 517 backend: setuptools, plus mypy in the build environment when compiling.

`PATREONKIT_COMPILE=1` builds the binary wheel: `setup.py` hands the decode hot path (the JSON:API
runtime and the generated resources and documents) to mypyc, which needs mypy at build time only.
Without it the wheel is pure Python and the build needs setuptools alone, so an sdist install on a
machine with no C compiler still works. The compiled modules import nothing at run time that the
pure ones do not (`.ci/package` installs the binary wheel with only the runtime dependencies).

A PEP 517 in-tree backend (PEP 517, "In-tree build backends") is the documented way to make build
requirements depend on the build: `pyproject.toml` cannot say "mypy, but only when compiling".
"""

from __future__ import annotations

import os
import tomllib
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import (  # noqa: F401  (the hooks setuptools answers unchanged)
    build_editable,
    build_sdist,
    build_wheel,
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

# The mypy that type-checks the code in CI compiles it too (pyproject.toml, the `dev` extra).
MYPYC_REQUIREMENT = "mypy==2.4.1"


def compiling() -> bool:
    return os.environ.get("PATREONKIT_COMPILE") == "1"


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    if not compiling():
        requires: list[str] = _setuptools.get_requires_for_build_wheel(config_settings)
        return requires
    # setuptools answers by running setup.py, which would call mypyc before it is installed:
    # ask it as for a pure build, then add mypy.
    del os.environ["PATREONKIT_COMPILE"]
    try:
        requires = _setuptools.get_requires_for_build_wheel(config_settings)
    finally:
        os.environ["PATREONKIT_COMPILE"] = "1"
    # mypyc type-checks what it compiles, so the runtime dependencies' types must be there too.
    return [*requires, MYPYC_REQUIREMENT, *_runtime_dependencies()]


def _runtime_dependencies() -> list[str]:
    with open("pyproject.toml", "rb") as file:
        dependencies: list[str] = tomllib.load(file)["project"]["dependencies"]
    return dependencies
