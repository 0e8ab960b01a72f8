# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Typed Patreon API v2 client, generated from spec/patreon-v2.yaml.

`from patreon_generated import Patreon, AsyncPatreon`. Names load on first use, so importing this
package costs almost nothing until a client is made.

One file per concern:
- `client.py`: `Patreon` and `AsyncPatreon`, one namespace per tag (`client.members`, ...)
- `api/<tag>/__init__.py`: that tag's resource classes; `api/<tag>/<operation>.py`: its typed
  request builder, `build(...)`
- `resources.py`: one class per JSON:API type (`Member`, `MemberAttributes`, ...)
- `documents.py`: `Document` and `CollectionDocument`, with `related` typed per relationship
- `literals.py`: the `Literal` types of fields, includes and enums; `raw.py`: TypedDicts of the
  raw JSON (`MemberJSON`, ...)
- `schema.py`: the spec as plain data; `routing.py`: which operation a method and path are
- `errors.py`: the exception tree (it lives in `patreon_runtime.errors`)
The code that runs requests and reads documents is hand-written, in `patreon_runtime`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._provenance import GENERATOR_VERSION, LIBRARY_VERSION, SPEC_SHA256

if TYPE_CHECKING:
    from .client import AsyncPatreon, Patreon
    from .documents import CollectionDocument, Document

__version__ = LIBRARY_VERSION


def __getattr__(name: str) -> Any:
    """PEP 562: the clients and documents load when first named, each through a plain import."""
    value: Any
    if name == "Patreon":
        from .client import Patreon as value
    elif name == "AsyncPatreon":
        from .client import AsyncPatreon as value
    elif name == "Document":
        from .documents import Document as value
    elif name == "CollectionDocument":
        from .documents import CollectionDocument as value
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
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
