# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Which operation a request is, matched against this package's schema table (see patreon_runtime.routing)."""

from patreon_runtime.routing import RouteTable

from .schema import ENDPOINTS

match = RouteTable(ENDPOINTS).match

__all__ = ["match"]
