"""The suite-wide spec check, shared with `patreon spec check` (patreon_spec.conformance).

Used by the fidelity test and by the check in tests/conftest.py, which validates every answer
the sandbox gives while the tests run.
"""

from __future__ import annotations

from patreon_spec.conformance import is_checkable, mismatches, openapi, problem
from patreon_spec.source import REPO_SPEC as SPEC
from patreon_spec.source import load_spec

__all__ = ["SPEC", "is_checkable", "load_spec", "mismatches", "openapi", "problem"]
