"""The generated package says where it came from and that it must not be edited."""

from __future__ import annotations

import hashlib
from pathlib import Path

import patreon_generated
from patreon_generated import raw
from patreon_generated.schema import ENDPOINTS

ROOT = Path(__file__).resolve().parents[2]


def test_provenance_matches_the_spec() -> None:
    spec = (ROOT / "spec" / "patreon-v2.yaml").read_bytes()
    assert hashlib.sha256(spec).hexdigest() == patreon_generated.SPEC_SHA256
    assert patreon_generated.GENERATOR_VERSION.startswith("openapi-python-client 0.29.1")


def test_every_generated_file_has_the_banner_and_py_typed_exists() -> None:
    package = ROOT / "patreon_generated"
    files = sorted(package.rglob("*.py"))
    names = {path.relative_to(package).as_posix() for path in files}
    # One obvious file per concern, and one request builder per operation of the schema table.
    assert {"client.py", "resources.py", "documents.py", "literals.py", "schema.py", "raw.py"} <= names
    builders = {name.rsplit("/", 1)[-1][: -len(".py")] for name in names if name.startswith("api/")}
    assert set(ENDPOINTS) <= builders
    for path in files:
        assert path.read_text().startswith(
            "# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate`"
        ), path
    assert (package / "py.typed").exists()


def test_raw_typed_dicts_describe_the_json() -> None:
    member: raw.MemberJSON = {"type": "member", "id": "1", "attributes": {"full_name": "Ada"}}
    assert member["attributes"].get("full_name") == "Ada"
    assert "pledge-event" in str(raw.PledgeEventJSON.__annotations__["type"])
