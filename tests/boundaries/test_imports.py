"""Packages meet only through public names, and dependencies point one way (design/DESIGN.md).

`patreon_cli -> patreon_members -> patreon_auth -> patreon_generated -> patreon_runtime -> httpx, attrs`; no package
imports another's `_private` module. Read from the source (AST), so a lazy import inside a
function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = (
    "patreon_runtime",
    "patreon_generated",
    "patreon_auth",
    "patreon_members",
    "patreon_sandbox",
    "patreon_spec",
    "patreon_cli",
)
# What each package may import from this project (stdlib and third parties are checked below).
ALLOWED = {
    "patreon_runtime": {"patreon_runtime"},
    "patreon_generated": {"patreon_generated", "patreon_runtime"},
    "patreon_auth": {"patreon_auth", "patreon_generated", "patreon_runtime"},
    "patreon_members": {"patreon_members", "patreon_auth", "patreon_generated", "patreon_runtime"},
    "patreon_sandbox": {"patreon_sandbox", "patreon_auth", "patreon_generated", "patreon_runtime"},
    "patreon_spec": {"patreon_spec", "patreon_auth", "patreon_generated", "patreon_runtime"},
    "patreon_cli": {
        "patreon_cli",
        "patreon_auth",
        "patreon_members",
        "patreon_generated",
        "patreon_runtime",
        "patreon_sandbox",
        "patreon_spec",
    },
}
THIRD_PARTY_OF_GENERATED = {"httpx", "attrs"}


def imported_modules(path: Path) -> list[str]:
    """Absolute module names a file imports (relative imports resolved against its package)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append(module)
            found.extend(f"{module}.{alias.name}" for alias in node.names)
    return found


def sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def is_private_crossing(importer: str, module: str) -> bool:
    top = module.split(".")[0]
    if top not in PACKAGES or top == importer:
        return False
    return any(part.startswith("_") and not part.startswith("__") for part in module.split(".")[1:])


@pytest.mark.parametrize("package", PACKAGES)
def test_no_private_name_crosses_a_package(package: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in sources(package)
        for module in imported_modules(path)
        if is_private_crossing(package, module)
    ]
    assert offenders == []


@pytest.mark.parametrize("package", PACKAGES)
def test_dependencies_point_one_way(package: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in sources(package)
        for module in imported_modules(path)
        if module.split(".")[0] in PACKAGES and module.split(".")[0] not in ALLOWED[package]
    ]
    assert offenders == []


def test_generated_code_needs_only_the_runtime_httpx_and_attrs() -> None:
    import sys

    allowed = {"patreon_generated", "patreon_runtime", "__future__", *THIRD_PARTY_OF_GENERATED}
    offenders = {
        f"{path.relative_to(ROOT)}: {module}"
        for package in ("patreon_generated", "patreon_runtime")
        for path in sources(package)
        for module in imported_modules(path)
        if module.split(".")[0] not in allowed and module.split(".")[0] not in sys.stdlib_module_names
    }
    assert offenders == set()


def test_the_check_sees_a_private_import() -> None:
    # The rule must be able to fail: a cross-package private import and a relative one are caught.
    assert is_private_crossing("patreon_auth", "patreon_runtime._sender")
    assert is_private_crossing("patreon_cli", "patreon_generated._jsonapi.Resource")
    assert not is_private_crossing("patreon_runtime", "patreon_runtime._anything")
    assert not is_private_crossing("patreon_auth", "patreon_runtime.sender.__name__")


def test_the_membership_layer_loads_no_optional_driver() -> None:
    # psycopg is an extra (`patreonkit[postgres]`): a SQLite mirror must work without it installed.
    import subprocess
    import sys

    code = "import sys, patreon_members; print('psycopg' in sys.modules, 'redis' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.split() == ["False", "False"]
