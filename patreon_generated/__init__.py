# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Typed Patreon API v2 client, generated from spec/patreon-v2.yaml.

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
