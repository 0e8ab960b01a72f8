"""The spec as something to check against: response validation, drift reports, the coverage table.

`patreon_spec.conformance` validates an HTTP exchange against spec/patreon-v2.yaml with
openapi-core (the same check the test suite runs on every sandbox answer); `patreon_spec.drift`
turns live answers into a drift report that names JSON paths, types and counts but never a value;
`patreon_spec.coverage` renders the per-type coverage table (docs/spec-coverage.md). Needs the
`spec` extra (`pip install 'patreonkit[spec]'`: openapi-core, PyYAML).
"""

from __future__ import annotations

from patreon_generated import LIBRARY_VERSION as __version__  # one version, from pyproject.toml

__all__ = ["__version__"]
