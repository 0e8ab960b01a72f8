"""Which operation a request is: method + path matched against the schema table's path templates.

One matcher for everything that needs it (scope checks in patreon_auth, the sandbox's router).
"""

from __future__ import annotations

import functools
import re

from .schema import ENDPOINTS


def compile_path(template: str) -> re.Pattern[str]:
    """`/campaigns/{campaign_id}/members` -> a pattern whose groups are the path parameters."""
    regex = re.sub(r"\\\{([a-z_]+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
    return re.compile(f"^{regex}/?$")


@functools.cache
def _patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    return tuple((op, info["method"], compile_path(info["path"])) for op, info in ENDPOINTS.items())


def match(method: str, path: str) -> tuple[str, dict[str, str]] | bool | None:
    """(operation id, path parameters); False when the path exists but not for this method; else None."""
    path_known = False
    for operation_id, route_method, pattern in _patterns():
        found = pattern.match(path)
        if found is None:
            continue
        path_known = True
        if route_method == method.upper():
            return operation_id, found.groupdict()
    return False if path_known else None
