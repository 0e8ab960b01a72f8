"""Path ids: the one check every id passed into a URL path goes through.

The endpoint functions percent-encode ids (``quote(id, safe="")``), so ``/`` and ``?`` cannot escape
their segment; but ``.`` and ``..`` are unreserved characters that URL normalisation then resolves
[RFC 3986 §5.2.4], so ``members.list("..")`` would request ``/v2/members``. Patreon ids are
non-empty strings (numbers and UUIDs [PD]); anything else is the caller's bug, said before sending.
"""

from __future__ import annotations

from . import errors

_MAX_ID_LENGTH = 256


def path_id(value: object, name: str) -> str:
    """``value`` when it can be a Patreon id in a path; else InvalidParameterError naming ``name``."""
    if not isinstance(value, str):
        raise errors.InvalidParameterError(f"{name} must be a string id, got {type(value).__name__}")
    if not value or value.strip() != value or value in {".", ".."}:
        raise errors.InvalidParameterError(f"{name} is not a usable id: {value[:40]!r}")
    if len(value) > _MAX_ID_LENGTH or not value.isprintable():
        raise errors.InvalidParameterError(f"{name} is not a usable id (too long or has control characters)")
    return value
