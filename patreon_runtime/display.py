"""How decoded results look in a console: a short ``repr`` of resources and a table for ``print(doc)``.

One job: turn the parsed dicts of a response into bounded, escaped text. What is shown is what the
response holds, so an attribute (an email) appears only when ``fields`` asked for it and Patreon sent
it; a credential never appears: attributes the spec marks secret (``x-patreon-secret``) and any
whose name says it holds one (``access_token`` of an included token, a ``password``) show as
``<redacted>``.

The values come from the network, so every one is cut to a bounded length and shown through
``repr`` (control characters, ANSI escapes and bidirectional overrides come out escaped, never
raw), a page shows a few rows, and a resource a few attributes, whatever their number. Plain
Python, imported on the first ``repr``/``str`` only; the compiled decode path calls it too, so both
builds print the same text.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Iterable, Mapping
from typing import Any

REDACTED = "<redacted>"
# Names that say the value is a credential, whatever the type (an unknown type's `access_token`).
_CREDENTIAL_WORDS = ("token", "secret", "password")
MAX_ATTRIBUTES = 8  # per resource in a repr; the rest counted
MAX_ROWS = 5  # of a page in `print(doc)`; the rest counted
MAX_COLUMNS = 3  # attributes per row of that table, after the id
CELL_WIDTH = 32  # characters per table cell, escapes included: `currently_entitled_amount_cents` fits

_bounded = reprlib.Repr()
_bounded.maxstring = 60
_bounded.maxother = 60
_bounded.maxlong = 40
_bounded.maxdict = 4
_bounded.maxlist = 4
_bounded.maxtuple = 4
_bounded.maxlevel = 2


_PLAIN_TYPE = re.compile(r"[a-z][a-z0-9_-]{0,39}")  # a JSON:API type shown bare: `member`, `pledge-event`
_PLAIN_ID = re.compile(r"[A-Za-z0-9_.:-]{1,40}")  # an id shown bare in a table: `1234`, a UUID


def short(value: object) -> str:
    """``repr(value)``, at most about 60 characters, nested containers abbreviated."""
    return _bounded.repr(value)


def is_secret(name: str, secret: frozenset[str]) -> bool:
    lowered = name.lower()
    return name in secret or any(word in lowered for word in _CREDENTIAL_WORDS)


def shown_value(name: str, value: object, secret: frozenset[str]) -> str:
    # A null secret is shown as None: it says that there is none, not what it is.
    return REDACTED if value is not None and is_secret(name, secret) else short(value)


def _name(name: str) -> str:
    # An identifier is printable throughout (no control or format character is allowed in one).
    return name if name.isidentifier() and len(name) <= 40 else short(name)


def attribute_pairs(
    attributes: Mapping[str, Any], secret: frozenset[str], limit: int = MAX_ATTRIBUTES
) -> list[str]:
    """``name=value`` for the first ``limit`` attributes, then ``+N more`` if there are others."""
    pairs = []
    for n, (name, value) in enumerate(attributes.items()):
        if n == limit:
            pairs.append(f"+{len(attributes) - limit} more")
            break
        pairs.append(f"{_name(str(name))}={shown_value(str(name), value, secret)}")
    return pairs


def _attributes_of(raw: Mapping[str, Any]) -> Mapping[str, Any]:
    attributes = raw.get("attributes")
    return attributes if isinstance(attributes, dict) else {}


def resource_repr(class_name: str, raw: Mapping[str, Any], secret: frozenset[str], known_type: bool) -> str:
    """``Member(id='1', full_name='Ann', ...)``: the type (named by the class, or given), id, attributes."""
    head = [] if known_type else [f"type={short(raw.get('type'))}"]
    head.append(f"id={short(raw.get('id'))}")
    return f"{class_name}({', '.join(head + attribute_pairs(_attributes_of(raw), secret))})"


def attributes_repr(class_name: str, attributes: Mapping[str, Any], secret: frozenset[str]) -> str:
    """``MemberAttributes({'full_name': 'Ann', ...})``: the view's dict, bounded and masked."""
    items = []
    for n, (name, value) in enumerate(attributes.items()):
        if n == MAX_ATTRIBUTES:
            items.append(f"...+{len(attributes) - MAX_ATTRIBUTES} more")
            break
        # Quoted here (a dict's repr, as before): `'secret': '<redacted>'`.
        shown = repr(REDACTED) if value is not None and is_secret(str(name), secret) else short(value)
        items.append(f"{short(name)}: {shown}")
    return f"{class_name}({{{', '.join(items)}}})"


def _type_counts(resources: Iterable[Any]) -> str:
    counts: dict[str, int] = {}
    for item in resources:
        type_name = item.get("type") if isinstance(item, dict) else None
        key = type_name if isinstance(type_name, str) else "?"
        counts[key] = counts.get(key, 0) + 1
    shown = [f"{count} {type_text(name)}" for name, count in list(counts.items())[:MAX_ATTRIBUTES]]
    if len(counts) > MAX_ATTRIBUTES:
        shown.append(f"+{len(counts) - MAX_ATTRIBUTES} more types")
    return ", ".join(shown) if shown else "none"


def type_text(type_name: object) -> str:
    """A type name as written (`member`), or through ``short`` when it is not a plain one."""
    return type_name if isinstance(type_name, str) and _PLAIN_TYPE.fullmatch(type_name) else short(type_name)


def included_counts(body: Mapping[str, Any]) -> str:
    included = body.get("included")
    return _type_counts(included if isinstance(included, list) else ())


def document_repr(
    class_name: str, body: Mapping[str, Any], next_cursor: str | None, collection: bool, data_repr: str = ""
) -> str:
    """``CollectionDocument(data=<20 member>, included=<20 user, 3 tier>, next_cursor='...')``.

    A single document shows its resource's own repr (``data_repr``) in place of the count.
    """
    data = body.get("data")
    if collection:
        shown = f"<{_type_counts(data) if isinstance(data, list) and data else '0 resources'}>"
        cursor = f", next_cursor={short(next_cursor)}"
    else:
        shown = data_repr
        cursor = ""
    return f"{class_name}(data={shown}, included=<{included_counts(body)}>{cursor})"


def _cell(text: str) -> str:
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 3] + "..."


def _table(rows: list[Mapping[str, Any]], secret_of: Mapping[str, frozenset[str]]) -> list[str]:
    """Rows of id and the first attributes of the first row (the columns a page shares), aligned."""
    columns = [str(name) for name in list(_attributes_of(rows[0]))[:MAX_COLUMNS]] if rows else []
    header = ["id", *(_cell(_name(name)) for name in columns)]
    lines = [header]
    for raw in rows:
        attributes = _attributes_of(raw)
        secret = secret_of.get(str(raw.get("type")), frozenset())
        resource_id = raw.get("id")
        if isinstance(resource_id, str) and _PLAIN_ID.fullmatch(resource_id):
            cells = [resource_id]
        else:
            cells = [_cell(short(resource_id))]
        cells += [
            _cell(shown_value(name, attributes[name], secret)) if name in attributes else "-"
            for name in columns
        ]
        lines.append(cells)
    widths = [max(len(line[n]) for line in lines) for n in range(len(header))]
    return [
        "  " + "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    ]


def document_summary(
    body: Mapping[str, Any],
    collection: bool,
    next_cursor: str | None,
    total: int | None,
    secret_of: Mapping[str, frozenset[str]],
) -> str:
    """What ``print(doc)`` shows: what ``data`` holds, a few rows, ``included`` by type, the cursor.

    ``secret_of`` maps a type to its secret attribute names (the generated views' ``secret_attributes``).
    """
    data = body.get("data")
    items: list[Any] = data if isinstance(data, list) else [data]
    rows: list[Mapping[str, Any]] = [item for item in items if isinstance(item, dict)]
    if collection:
        of_total = f" (of {total} in all)" if total is not None else ""
        kinds = _type_counts(rows) if rows else "no resources"
        lines = [f"page: {kinds}{of_total}; next page: {'yes' if next_cursor else 'no'}"]
    else:
        lines = [f"document: {type_text(rows[0].get('type')) if rows else 'no resource'}"]
    shown = rows[:MAX_ROWS]
    if shown:
        lines += _table(shown, secret_of)
    if len(rows) > MAX_ROWS:
        lines.append(f"  ... {len(rows) - MAX_ROWS} more")
    lines.append(f"included: {included_counts(body)}")
    return "\n".join(lines)
