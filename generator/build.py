"""Build patreon_generated/ from spec/patreon-v2.yaml, byte for byte the same on every run.

Steps: openapi-python-client (pinned) parses the spec and renders every module through our
templates (`generator/render.py`, `generator/templates/`); datamodel-code-generator writes the
TypedDicts of the raw JSON and the Literal aliases (`raw.py`); ruff formats; every file gets the
do-not-edit banner. The hand-written runtime (`patreon_runtime/`) is imported, never copied.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from generator import spec_model

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "patreon-v2.yaml"
OUTPUT = ROOT / "patreon_generated"
GENERATOR_DIR = ROOT / "generator"
PACKAGE = "patreon_generated"
# The TypedDicts of raw JSON carry this suffix, so `raw.MemberJSON` never shares a name with the
# resource class `resources.Member` (one class per resource name in the package).
RAW_SUFFIX = "JSON"

TEMPLATES = GENERATOR_DIR / "templates"


def _generator_version() -> str:
    from importlib.metadata import version

    return f"openapi-python-client {version('openapi-python-client')}, datamodel-code-generator {version('datamodel-code-generator')}"


def _library_version() -> str:
    from patreon_runtime.version import LIBRARY_VERSION

    return LIBRARY_VERSION


def _is_enum(schema: dict[str, Any]) -> bool:
    return "enum" in schema


def raw_names(spec: dict[str, Any]) -> dict[str, str]:
    """Component name -> the name of its TypedDict or Literal alias in raw.py."""
    return {
        name: name if _is_enum(schema) else name + RAW_SUFFIX
        for name, schema in spec["components"]["schemas"].items()
    }


def _renamed_for_raw(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with object schemas renamed `<Name>JSON` (enums keep their names, they are Literals)."""
    names = raw_names(spec)
    text = json.dumps(spec)
    for old, new in names.items():
        if old != new:
            text = text.replace(f'"#/components/schemas/{old}"', f'"#/components/schemas/{new}"')
    renamed = json.loads(text)
    schemas = renamed["components"]["schemas"]
    renamed["components"]["schemas"] = {names[name]: schema for name, schema in schemas.items()}
    return dict(renamed)


def operations(spec: dict[str, Any]) -> list[spec_model.Endpoint]:
    """The spec's operations, after the checks that keep two of them from sharing a Python name."""
    try:
        found = spec_model.endpoints(spec)
        spec_model.check_names(found)
    except spec_model.NamingError as error:
        raise SystemExit(f"generator: {error}") from None
    return found


def derived(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with the names it derives filled in (`spec_model.with_field_names`)."""
    try:
        return spec_model.with_field_names(spec)
    except spec_model.NamingError as error:
        raise SystemExit(f"generator: {error}") from None


def facts(spec: dict[str, Any], spec_bytes: bytes) -> dict[str, Any]:
    """Everything the templates need beyond openapi-python-client's own parse."""
    types = spec_model.resource_types(spec)
    endpoints = {e.operation_id: e for e in operations(spec)}
    by_tag: dict[str, list[spec_model.Endpoint]] = {}
    for endpoint in endpoints.values():
        by_tag.setdefault(endpoint.tag, []).append(endpoint)
    names = raw_names(spec)
    schemas = spec["components"]["schemas"]
    # The TypedDict of each type's attributes (two types may share one, as OAuthClient and Client do).
    attributes_json = {}
    for t in types.values():
        ref = spec_model.ref_name(schemas[t.class_name]["properties"].get("attributes"))
        attributes_json[t.class_name] = names[ref] if ref else None
    return {
        "attributes_json": attributes_json,
        "types": types,
        "endpoints": endpoints,
        "tags": by_tag,
        "scopes": spec_model.scopes(spec),
        "triggers": spec_model.webhook_triggers(spec),
        "raw_names": names,
        "literal_names": sorted(name for name, schema in schemas.items() if _is_enum(schema)),
        "single_documents": [
            names[n]
            for n in schemas
            if n.endswith("Document") and "Collection" not in n and n != "ErrorDocument"
        ],
        "collection_documents": [names[n] for n in schemas if n.endswith("CollectionDocument")],
        "webhook_payloads": [names[n] for n in schemas if n.endswith("WebhookPayload")],
        "spec_sha256": hashlib.sha256(spec_bytes).hexdigest(),
        "generator_version": _generator_version(),
        "library_version": _library_version(),
    }


def _run_openapi_python_client(
    target: Path, spec: dict[str, Any], spec_bytes: bytes, spec_path: Path
) -> None:
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser import GeneratorData

    from generator.render import PatreonProject

    config = Config.from_sources(
        ConfigFile.load_from_path(GENERATOR_DIR / "config.yaml"),
        MetaType.NONE,
        spec_path,
        "utf-8",
        True,
        target,
    )
    openapi = GeneratorData.from_dict(spec, config=config)
    if not isinstance(openapi, GeneratorData):
        raise SystemExit(f"openapi-python-client could not read the spec: {openapi.header}: {openapi.detail}")
    problems = PatreonProject(openapi=openapi, config=config, facts=facts(spec, spec_bytes)).build()
    if problems:
        for problem in problems:
            print(f"openapi-python-client: {problem.header}: {problem.detail}", file=sys.stderr)
        raise SystemExit("openapi-python-client reported problems; fix the spec or the generator")


def _run_datamodel_code_generator(spec: dict[str, Any], output: Path) -> None:
    """TypedDicts of the raw JSON and the Literal aliases (`patreon_generated.raw`).

    datamodel-code-generator is the better tool for TypedDicts; it never makes a second runtime
    model layer here: the module is types only and imports nothing beyond `typing`.
    """
    with tempfile.TemporaryDirectory() as tmp:
        renamed = Path(tmp) / "spec.json"
        renamed.write_text(json.dumps(_renamed_for_raw(spec)))
        subprocess.run(
            [
                sys.executable,
                "-W",
                "ignore",
                "-m",
                "datamodel_code_generator",
                "--input",
                str(renamed),
                "--input-file-type",
                "openapi",
                "--output-model-type",
                "typing.TypedDict",
                "--target-python-version",
                "3.11",
                "--use-standard-collections",
                "--use-union-operator",
                "--disable-timestamp",
                "--custom-file-header-path",
                str(TEMPLATES / "raw_header.txt"),
                "--output",
                str(output),
            ],
            check=True,
        )


def _format(target: Path) -> None:
    """Isolated ruff, so the host repo's config never changes the generated bytes."""
    ruff = [sys.executable, "-m", "ruff"]
    common = ["--isolated", "--no-cache", "--line-length", "120", "--quiet"]
    fix = ["check", "--select", "F,I,UP", "--target-version", "py311", "--fix-only"]
    subprocess.run([*ruff, *fix, *common, str(target)], check=True)
    subprocess.run([*ruff, "format", *common, str(target)], check=True)


def build(target: Path, spec_path: Path = SPEC) -> None:
    """Write the whole package into ``target`` (which must not exist) from the spec at ``spec_path``.

    The naming checks run first, so a collision fails in well under a second, before anything is written.
    """
    spec_bytes = spec_path.read_bytes()
    spec = derived(yaml.safe_load(spec_bytes))
    operations(spec)
    # The post hooks call `ruff`; make sure the venv's ruff is the one found.
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    _run_openapi_python_client(target, spec, spec_bytes, spec_path)
    _run_datamodel_code_generator(spec, target / "raw.py")
    _format(target)
    banner = (TEMPLATES / "banner.txt").read_text()
    for path in sorted(target.rglob("*.py")):
        path.write_text(banner + path.read_text())
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
