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
_STEP = tuple(1 if b in b"[{" else -1 if b in b"]}" else 0 for b in range(256))


class JSONTooDeepError(ValueError):
    """The JSON text nests arrays/objects deeper than the limit (or deeper than Python can parse)."""


def nesting_depth(text: bytes) -> int:
    """How deep the arrays and objects of UTF-8 JSON ``text`` nest (exact for valid JSON).

    Linear and C-speed (a fifth of ``json.loads`` on a page of 1000 members): only quotes and
    brackets are kept (in UTF-8 no byte of a multi-byte character is one of them), after
    escaped backslashes and quotes are dropped. Then every adjacent ``""`` goes: an empty string,
    or two strings with no bracket between them, so the brackets' inside/outside parity is kept;
    quotes are left only around strings that hold brackets, whose contents are dropped last.
    Invalid JSON may be misjudged past its first error, but ``json.loads`` stops at that error.
    """
    if b"\\" in text:
        # Pairs, left to right, as the parser reads them: escaped backslashes, then escaped quotes.
        text = text.replace(b"\\\\", b"").replace(b'\\"', b"")
    skeleton = text.translate(None, _NOT_QUOTE_OR_BRACKET).replace(b'""', b"")
    if b'"' in skeleton:
        skeleton = b"".join(skeleton.split(b'"')[::2])  # odd pieces are string contents
    return max(accumulate(map(_STEP.__getitem__, skeleton)), default=0)


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
    # Fewer openers than the limit cannot nest past it: token responses, error bodies and
    # configs skip the scan; a page of 1000 members pays a few C-speed passes over its bytes.
    if data.count(b"[") + data.count(b"{") > max_depth:
        depth = nesting_depth(data)
        if depth > max_depth:
            raise JSONTooDeepError(f"JSON nests {depth} levels deep; at most {max_depth} are accepted")
    try:
        return json.loads(content)
    except RecursionError:  # belt and braces: a caller already deep in its own stack
        raise JSONTooDeepError("JSON nests deeper than Python can parse here") from None


__all__ = ["MAX_DEPTH", "JSONTooDeepError", "loads", "nesting_depth"]
