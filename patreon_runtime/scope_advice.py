"""What a 401 or 403 means for scopes, and how to get a missing one: the advice added to the error.

Patreon answers 401 both for a bad or expired token and for a missing scope [PD _errors.md], and
403 when an include or field needs a scope the token lacks; its message may or may not name the
scope. The scopes a call needs are known from the spec (the endpoint's `security`, and its
`x-patreon-scope-rules` for includes and fields), so the error can say which scopes those are and
how to get them: authorize again asking for them (a user approves the added scopes), or use the
creator's own token from the developer portal, which has every v2 scope [PD _clients.md,
_oauth_v2.md].

The rules come with the call: each generated request builder puts its endpoint's rules on the
``Operation`` (``scope_rules``), so the runtime needs no table of its own and reads them only
when a 401 or 403 is being explained.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import httpx

PORTAL_URL = "https://www.patreon.com/portal/registration/register-clients"
# A scope quoted in Patreon's message: 'campaigns.members', 'w:campaigns.webhook', 'identity[email]'.
_QUOTED = re.compile(r"['\"`]([a-z][a-z.:_]*(?:\[[a-z_]+\])?)['\"`]")


def scopes_needed(info: Mapping[str, Any], params: Mapping[str, str]) -> frozenset[str]:
    """The scopes an endpoint (its schema entry) needs for these query parameters, advisory ones included."""
    needed = set(info["scopes"])
    rules: Mapping[str, str] = info["include_scopes"]
    for include in filter(None, (params.get("include") or "").split(",")):
        scope = include_scope(rules, include.strip())
        if scope:
            needed.add(scope)
    for key, value in params.items():
        if key.startswith("fields[") and key.endswith("]"):
            field_rules: Mapping[str, str] = info["field_scopes"].get(key[len("fields[") : -1], {})
            needed.update(
                field_rules[name.strip()] for name in value.split(",") if name.strip() in field_rules
            )
    return frozenset(needed)


def include_scope(rules: Mapping[str, str], include: str) -> str | None:
    """The scope an include path needs: a rule for the path or for a path it extends (`address.user`)."""
    parts = include.split(".")
    for length in range(len(parts), 0, -1):
        scope = rules.get(".".join(parts[:length]))
        if scope:
            return scope
    return None


def named_scopes(error_objects: Sequence[Mapping[str, Any]], candidates: Iterable[str]) -> frozenset[str]:
    """The scopes among ``candidates`` that Patreon's error text quotes by name."""
    wanted = set(candidates)
    named: set[str] = set()
    for item in error_objects:
        for key in ("detail", "title"):
            text = item.get(key)
            if isinstance(text, str):
                named.update(scope for scope in _QUOTED.findall(text) if scope in wanted)
    return frozenset(named)


def how_to_get(scopes: Iterable[str]) -> str:
    """The remedy, in one sentence: authorize again asking for the scopes, or use the creator token."""
    listed = " ".join(sorted(scopes))
    return (
        f"authorize again asking for {listed!r} too (`authorization_url(scopes=...)`; the user "
        "approves the added ones), or, for your own campaign, use the creator access token from the "
        f"developer portal ({PORTAL_URL}), which has every scope"
    )


def advice(
    status: int, rules: Mapping[str, Any], request: httpx.Request, error_objects: Sequence[Mapping[str, Any]]
) -> tuple[frozenset[str], frozenset[str], str]:
    """For a 401 or 403: (scopes the call needs, those Patreon named, a sentence for the message).

    The sentence is empty when the spec knows no scope for the call (nothing useful to say).
    """
    needed = scopes_needed(rules, dict(request.url.params))
    if not needed:
        return needed, frozenset(), ""
    named = named_scopes(error_objects, needed)
    if named:
        return needed, named, f"the token lacks {' '.join(sorted(named))!r}: " + how_to_get(named)
    listed = " ".join(sorted(needed))
    if status == 401:
        return (
            needed,
            named,
            (
                "the token is invalid, expired or revoked, or lacks a scope this call needs "
                f"({listed!r}); for a scope, " + how_to_get(needed)
            ),
        )
    return needed, named, f"this call needs {listed!r}; if the token lacks one, " + how_to_get(needed)
