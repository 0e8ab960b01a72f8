"""Where the spec file is and how it loads: one place for the path, the YAML and its hash."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path
from typing import Any

ENV_SPEC = "PATREON_SPEC"
# The repository layout: patreon_spec/ next to spec/. In the checkout patreon_spec/patreon-v2.yaml
# is a link to spec/patreon-v2.yaml; a built wheel carries the file itself, so the installed
# command checks against the spec the library was generated from.
REPO_SPEC = Path(__file__).resolve().parents[1] / "spec" / "patreon-v2.yaml"
PACKAGED_SPEC = Path(__file__).with_name("patreon-v2.yaml")


class SpecNotFoundError(FileNotFoundError):
    """The spec file is not where it was looked for."""


def spec_path(given: str | os.PathLike[str] | None = None) -> Path:
    """`given`, else $PATREON_SPEC, else the spec shipped with this package (the repository's)."""
    default = PACKAGED_SPEC if PACKAGED_SPEC.is_file() else REPO_SPEC
    path = Path(given or os.environ.get(ENV_SPEC) or default)
    if not path.is_file():
        raise SpecNotFoundError(f"no spec file at {path} (pass --spec PATH or set {ENV_SPEC})")
    return path


@functools.cache
def _load(path: Path) -> tuple[dict[str, Any], str]:
    import yaml

    raw = path.read_bytes()
    spec: dict[str, Any] = yaml.safe_load(raw)
    return spec, hashlib.sha256(raw).hexdigest()


def load_spec(path: Path | None = None) -> dict[str, Any]:
    """The spec as plain data (cached per path; treat it as read-only)."""
    return _load(path or spec_path())[0]


def spec_sha256(path: Path | None = None) -> str:
    return _load(path or spec_path())[1]
