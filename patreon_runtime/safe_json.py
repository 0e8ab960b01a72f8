"""`loads`: ``json.loads`` that refuses hostile nesting, for every place that parses outside input.

Why: CPython's JSON parser recurses once per ``[``/``{``, so ``[[[[...`` a few thousand deep raises
``RecursionError`` (not ``ValueError``), and a document just under that limit parses but then
breaks whatever recurses over it later (``repr``, ``json.dumps``, ``==``). Real Patreon documents
nest about eight levels deep; anything past ``MAX_DEPTH`` is refused before parsing as a
``JSONTooDeepError``, which is a ``ValueError``, so callers that already turn ``ValueError`` from
``json.loads`` into their own typed error need no other change.

Public on purpose: the token stores, the OAuth client, the CLI and the generated runtime all use it.
"""

from __future__ import annotations

import json
from itertools import accumulate
from typing import Any

MAX_DEPTH = 100

_NOT_QUOTE_OR_BRACKET = bytes(b for b in range(256) if b not in b'"[]{}')
_PARENS = bytes.maketrans(b"[{]}", b"(())")  # both kinds of bracket nest alike
_STEP = tuple(1 if b == ord("(") else -1 if b == ord(")") else 0 for b in range(256))
_FAST_PASSES = 32


class JSONTooDeepError(ValueError):
    """The JSON text nests arrays/objects deeper than the limit (or deeper than Python can parse)."""


def nesting_depth(text: bytes) -> int:
    """How deep the arrays and objects of UTF-8 JSON ``text`` nest (exact for valid JSON).

    Linear and C-speed (about a seventh of ``json.loads`` on a page of 1000 members): only quotes
    and brackets are kept (in UTF-8 no byte of a multi-byte character is one of them), after
    escaped backslashes and quotes are dropped. A bracket is inside a string exactly when an odd
    number of quotes precede it, so when every run of quotes between two brackets is even, no
    string holds a bracket and the brackets alone give the depth. ``count(b'""')`` counts
    ``n // 2`` in a run of ``n`` quotes (non-overlapping, left to right, and no match spans a
    bracket), so "every run is even" is one comparison of two counts, with no copy per string.
    Otherwise every adjacent ``""`` goes (an empty string, or two strings with no bracket between
    them, so the inside/outside parity is kept), and the contents of the quoted strings left,
    which are the ones that hold brackets, are dropped. Invalid JSON may be misjudged past its
    first error, but ``json.loads`` stops at that error.
    """
    if b"\\" in text:
        # Pairs, left to right, as the parser reads them: escaped backslashes, then escaped quotes.
        text = text.replace(b"\\\\", b"").replace(b'\\"', b"")
    skeleton = text.translate(_PARENS, _NOT_QUOTE_OR_BRACKET)  # quotes, "(" and ")"
    parens = skeleton.translate(None, b'"')
    if len(skeleton) - len(parens) != 2 * skeleton.count(b'""'):  # an odd run: a string holds brackets
        skeleton = skeleton.replace(b'""', b"")
        parens = b"".join(skeleton.split(b'"')[::2])  # odd pieces are string contents
    # Shallow documents (every real page): peel one level per pass, each pass a C-speed replace
    # of the innermost pairs; a page of 1000 members is 8 passes over its brackets. Past
    # _FAST_PASSES the running sum below takes over, linear however deep a hostile body goes.
    depth = 0
    left = parens
    while left and depth < _FAST_PASSES:
        shorter = left.replace(b"()", b"")
        if len(shorter) == len(left):
            break  # unbalanced (invalid JSON, which json.loads reports): fall back to the running sum
        left = shorter
        depth += 1
    if not left:
        return depth
    return max(accumulate(map(_STEP.__getitem__, parens)), default=0)


def loads(content: bytes | bytearray | str, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON like ``json.loads``; raise ``ValueError`` (never ``RecursionError``) for bad input.

    ``UnicodeDecodeError`` (a ``ValueError``) for bytes that are not text, ``json.JSONDecodeError``
    for bad JSON, ``JSONTooDeepError`` past ``max_depth`` levels.
    """
    if isinstance(content, str):
        data = content.encode("utf-8", "surrogatepass")
    else:
        data = bytes(content)
        encoding = json.detect_encoding(data)
        if encoding.startswith(("utf-16", "utf-32")):  # scan the text json.loads will read
            data = data.decode(encoding, "surrogatepass").encode("utf-8", "surrogatepass")
    # A text cannot nest deeper than half its length: token responses, error bodies and configs
    # skip the scan; a page of 1000 members pays one C-speed pass over its bytes and a few over
    # its brackets (counting the openers first cost as much as the scan itself).
    if len(data) > 2 * max_depth:
        depth = nesting_depth(data)
        if depth > max_depth:
            raise JSONTooDeepError(f"JSON nests {depth} levels deep; at most {max_depth} are accepted")
    try:
        return json.loads(content)
    except RecursionError:  # belt and braces: a caller already deep in its own stack
        raise JSONTooDeepError("JSON nests deeper than Python can parse here") from None


__all__ = ["MAX_DEPTH", "JSONTooDeepError", "loads", "nesting_depth"]
