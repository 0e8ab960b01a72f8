"""Show enough of a secret to tell two apart, never enough to use one."""

from __future__ import annotations

# Below this length even four characters are too large a share of the secret to show.
_MIN_LENGTH_TO_HINT = 16
_SHOWN = 4


def mask(secret: str | None) -> str:
    """`abcd…(43 chars)` for long secrets, `****` for short ones, `-` for none."""
    if not secret:
        return "-"
    if len(secret) < _MIN_LENGTH_TO_HINT:
        return "****"
    return f"{secret[:_SHOWN]}…({len(secret)} chars)"
