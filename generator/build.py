"""Build patreon_generated/ from spec/patreon-v2.yaml, byte for byte the same on every run.

Steps: openapi-python-client (pinned) writes the endpoint functions and attrs models with our few
templates; our emitters add what it cannot: the schema table, Literal types, lazy typed resources,
documents with typed `related`, and the Patreon/AsyncPatreon resource clients; the static runtime
in generator/runtime/ is copied in; everything gets the do-not-edit banner and provenance.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from generator import emit_client, emit_resources, emit_tables, spec_model

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "patreon-v2.yaml"
OUTPUT = ROOT / "patreon_generated"
GENERATOR_DIR = ROOT / "generator"
PACKAGE = "patreon_generated"

BANNER = (
    "# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).\n"
    "# Change the spec or the generator and regenerate; CI fails on any hand edit.\n"
)

INIT = '''"""Typed Patreon API v2 client, generated from spec/patreon-v2.yaml.

`from patreon_generated import Patreon, AsyncPatreon`. Names load on first use, so importing this
package costs almost nothing until a client is made.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._provenance import GENERATOR_VERSION, LIBRARY_VERSION, SPEC_SHA256

if TYPE_CHECKING:
    from .documents import CollectionDocument, Document
    from .patreon import AsyncPatreon, Patreon

_LAZY = {
    "Patreon": "patreon",
    "AsyncPatreon": "patreon",
    "Document": "documents",
    "CollectionDocument": "documents",
}

__version__ = LIBRARY_VERSION


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "GENERATOR_VERSION",
    "LIBRARY_VERSION",
    "SPEC_SHA256",
    "AsyncPatreon",
    "CollectionDocument",
    "Document",
    "Patreon",
]
'''


ROUTING = '''"""Which operation a request is, matched against this package's schema table (see patreon_runtime.routing)."""

from patreon_runtime.routing import RouteTable

from .schema import ENDPOINTS

match = RouteTable(ENDPOINTS).match

__all__ = ["match"]
'''


def _patch_parameter_names() -> None:
    """Make `fields[member]` read `fields_member` (the stock generator drops brackets: `fieldsmember`).

    The generator has no option for this (reference/openapi-python-client.md §2), so the build
    step adjusts its name sanitiser before parsing; the wire names are untouched.
    """
    from openapi_python_client import strings

    original = strings.sanitize
    if getattr(original, "_patreon_patched", False):
        return

    def sanitize(value: str) -> str:
        return original(value.replace("[", "_").replace("]", ""))

    sanitize._patreon_patched = True  # type: ignore[attr-defined]
    strings.sanitize = sanitize


def _run_openapi_python_client(target: Path) -> None:
    from openapi_python_client import generate
    from openapi_python_client.config import Config, ConfigFile, MetaType

    _patch_parameter_names()
    # The post hooks call `ruff`; make sure the venv's ruff is the one found.
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    config = Config.from_sources(
        ConfigFile.load_from_path(GENERATOR_DIR / "config.yaml"),
        MetaType.NONE,
        SPEC,
        "utf-8",
        True,
        target,
    )
    problems = generate(config=config, custom_template_path=GENERATOR_DIR / "templates")
    if problems:
        for problem in problems:
            print(f"openapi-python-client: {problem.header}: {problem.detail}", file=sys.stderr)
        raise SystemExit("openapi-python-client reported problems; fix the spec or the generator")


def _run_datamodel_code_generator(output: Path) -> None:
    """TypedDicts of the raw JSON documents, for users who keep dicts (`patreon_generated.raw`).

    datamodel-code-generator is the better tool for TypedDicts; it never makes a second runtime
    model layer here: the module is types only and imports nothing beyond `typing`.
    """
    subprocess.run(
        [
            sys.executable,
            "-W",
            "ignore",
            "-m",
            "datamodel_code_generator",
            "--input",
            str(SPEC),
            "--input-file-type",
            "openapi",
            "--output-model-type",
            "typing.TypedDict",
            "--target-python-version",
            "3.11",
            "--use-standard-collections",
            "--use-union-operator",
            "--disable-timestamp",
            "--custom-file-header",
            '"""TypedDicts of the raw JSON (datamodel-code-generator), for code that keeps dicts."""',
            "--output",
            str(output),
        ],
        check=True,
    )


def _generator_version() -> str:
    from importlib.metadata import version

    return f"openapi-python-client {version('openapi-python-client')}, datamodel-code-generator {version('datamodel-code-generator')}"


def _library_version() -> str:
    from patreon_runtime.version import LIBRARY_VERSION

    return LIBRARY_VERSION


def _enums(spec: dict[str, Any]) -> dict[str, list[str]]:
    found = {}
    for name, schema in spec["components"]["schemas"].items():
        if "enum" in schema and not name.endswith(("Field", "Include")):
            found[name] = [str(v) for v in schema["enum"] if v is not None]
    return found


def build(target: Path) -> None:
    """Write the whole package into ``target`` (which must not exist)."""
    spec_bytes = SPEC.read_bytes()
    spec = yaml.safe_load(spec_bytes)
    _run_openapi_python_client(target)

    types = spec_model.resource_types(spec)
    endpoints = spec_model.endpoints(spec)
    ours = {
        "schema.py": emit_tables.schema_module(
            types, endpoints, spec_model.scopes(spec), spec_model.webhook_triggers(spec)
        ),
        "literals.py": emit_tables.literals_module(types, endpoints, _enums(spec)),
        "resources.py": emit_resources.resources_module(types),
        "documents.py": emit_resources.documents_module(types),
        "patreon.py": emit_client.client_module(types, endpoints),
        "__init__.py": INIT,
        "routing.py": ROUTING,
        "_provenance.py": (
            '"""Where this package came from."""\n\n'
            f"SPEC_SHA256 = {hashlib.sha256(spec_bytes).hexdigest()!r}\n"
            f"GENERATOR_VERSION = {_generator_version()!r}\n"
            f"LIBRARY_VERSION = {_library_version()!r}\n"
        ),
    }
    for name, text in ours.items():
        (target / name).write_text(text)
    _run_datamodel_code_generator(target / "raw.py")
    ruff = [sys.executable, "-m", "ruff"]
    subprocess.run(
        [
            *ruff,
            "check",
            "--isolated",
            "--select",
            "F,I,UP",
            "--target-version",
            "py311",
            "--fix-only",
            "--no-cache",
            "--line-length",
            "120",
            "--quiet",
            str(target),
        ],
        check=True,
    )
    subprocess.run(
        [*ruff, "format", "--isolated", "--no-cache", "--line-length", "120", "--quiet", str(target)],
        check=True,
    )
    for path in sorted(target.rglob("*.py")):
        path.write_text(BANNER + path.read_text())
    (target / "py.typed").write_text("")
    shutil.rmtree(target / ".ruff_cache", ignore_errors=True)


def build_into_package() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / PACKAGE
        build(staged)
        if OUTPUT.exists():
            shutil.rmtree(OUTPUT)
        shutil.copytree(staged, OUTPUT)
    print(f"generated {PACKAGE}/ from {SPEC.relative_to(ROOT)}")


def check() -> int:
    """Regenerate into a temporary folder and report any difference from the committed package."""
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / PACKAGE
        build(staged)
        result = subprocess.run(
            ["diff", "-r", "-x", "__pycache__", str(staged), str(OUTPUT)], capture_output=True, text=True
        )
    if result.returncode != 0:
        print(result.stdout[:4000])
        print("patreon_generated/ differs from what `make generate` produces: run `make generate`.")
        return 1
    print("patreon_generated/ matches the spec and generator")
    return 0
