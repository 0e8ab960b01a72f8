"""The one thing pyproject.toml cannot say: which modules mypyc compiles (PATREONKIT_COMPILE=1).

Everything else about the package is declared in pyproject.toml. The compiled modules are the
decode hot path, where every attribute read and `related` call is a Python call per item
(bench/decode.py): compiled, a typed read costs about what a `dict.get` does. Each stays a plain,
type-checked module that runs interpreted when the wheel is pure (no compiler, other interpreters),
and the tests run against both builds (`make test` and `make test-compiled`).
"""

from __future__ import annotations

import os

from setuptools import Extension, setup

COMPILED_MODULES = [
    "patreon_runtime/jsonapi.py",
    "patreon_generated/resources.py",
    "patreon_generated/documents.py",
]


def ext_modules() -> list[Extension]:
    if os.environ.get("PATREONKIT_COMPILE") != "1":
        return []
    from mypyc.build import mypycify

    # One shared library for the three (`patreonkit__mypyc`), so calls between them stay native.
    built = mypycify(COMPILED_MODULES, group_name="patreonkit", opt_level="3")
    # Typed as setuptools' or distutils' Extension; with setuptools installed it is always the first.
    extensions = [module for module in built if isinstance(module, Extension)]
    if len(extensions) != len(built):
        raise RuntimeError("mypyc returned distutils extensions; build with setuptools installed")
    return extensions


setup(ext_modules=ext_modules())
