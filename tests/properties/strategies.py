"""Hypothesis strategies for hostile input: JSON values, deep nesting, JSON:API-ish documents, headers.

They aim at the edges issue 10 found by hand: wrong types where strings belong, nesting deep enough
to break a recursive parser, bodies that are almost JSON, headers that are almost a delay.
"""

from __future__ import annotations

import inspect
import json
from typing import Any

from hypothesis import strategies as st

from patreon_generated.resources import RESOURCE_CLASSES

TYPE_NAMES = sorted(RESOURCE_CLASSES)


def typed_attributes(view_class: type) -> list[str]:
    """The typed attribute reads a view class defines: properties, or getters once compiled by mypyc."""
    return [
        name
        for name, member in vars(view_class).items()
        if inspect.isdatadescriptor(member) and not name.startswith("_")
    ]


ATTRIBUTE_NAMES = sorted(
    {name for cls in RESOURCE_CLASSES.values() for name in typed_attributes(cls.attributes_class)}
)
RELATIONSHIP_NAMES = ["user", "campaign", "currently_entitled_tiers", "tiers", "address", "creator", "goals"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["", "1", "2026-01-01T00:00:00Z", "not-a-date", "members:create", "user"]),
)
json_values: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
strings_or_junk = st.one_of(st.text(max_size=12), json_values)


@st.composite
def deep_json(draw: st.DrawFn) -> bytes:
    """Arrays/objects nested 60..20000 deep, closed or not, with noise between the levels."""
    # Past MAX_DEPTH (100), around CPython's recursion limit (1000), and far beyond it.
    depth = draw(
        st.one_of(st.sampled_from([101, 990, 1500, 20_000]), st.integers(min_value=50, max_value=5000))
    )
    opener = draw(st.sampled_from([b"[", b'{"a":', b'[1,"[",', b'{"x\\"[":[']))
    closer = {b"[": b"]", b'{"a":': b"}", b'[1,"[",': b"]", b'{"x\\"[":[': b"]}"}[opener]
    closed = draw(st.booleans())
    return opener * depth + b"0" + (closer * depth if closed else b"")


# Resource identifiers whose type or id is not a string (a TypeError before issue 10).
_BAD_IDENTIFIERS = st.sampled_from(
    [
        {"type": "user", "id": ["1"]},
        {"type": ["user"], "id": "1"},
        {"type": {"a": 1}, "id": "1"},
        {"type": "tier", "id": 1},
    ]
)


def linkage() -> st.SearchStrategy[Any]:
    identifier = _BAD_IDENTIFIERS | st.fixed_dictionaries(
        {
            "type": st.one_of(st.sampled_from(TYPE_NAMES), strings_or_junk),
            "id": st.one_of(st.sampled_from(["1", "2"]), strings_or_junk),
        }
    )
    return st.one_of(identifier, st.lists(st.one_of(identifier, json_values), max_size=3), json_values)


def resource_objects(*, valid_identity: bool = False) -> st.SearchStrategy[Any]:
    if valid_identity:
        type_name: st.SearchStrategy[Any] = st.sampled_from(TYPE_NAMES)
        resource_id: st.SearchStrategy[Any] = st.sampled_from(["1", "2", "3"])
    else:
        type_name = st.one_of(st.sampled_from(TYPE_NAMES), strings_or_junk)
        resource_id = st.one_of(st.sampled_from(["1", "2"]), strings_or_junk)
    attributes = st.one_of(
        st.dictionaries(
            st.one_of(st.sampled_from(ATTRIBUTE_NAMES), st.text(max_size=6)), json_values, max_size=6
        ),
        json_values,
    )
    relationships = st.one_of(
        st.dictionaries(
            st.sampled_from(RELATIONSHIP_NAMES),
            st.one_of(st.fixed_dictionaries({"data": linkage()}), json_values),
            max_size=3,
        ),
        json_values,
    )
    return st.fixed_dictionaries(
        {"type": type_name, "id": resource_id},
        optional={"attributes": attributes, "relationships": relationships},
    )


def documents() -> st.SearchStrategy[Any]:
    resource = st.one_of(resource_objects(valid_identity=True), resource_objects())
    return st.one_of(
        st.fixed_dictionaries(
            {"data": st.one_of(resource, st.lists(resource, max_size=4), json_values)},
            optional={
                "included": st.one_of(st.lists(resource, max_size=4), json_values),
                "meta": st.one_of(
                    st.fixed_dictionaries(
                        {
                            "pagination": st.fixed_dictionaries(
                                {
                                    "cursors": st.fixed_dictionaries({"next": strings_or_junk}),
                                    "total": json_values,
                                }
                            )
                        }
                    ),
                    json_values,
                ),
                "links": st.one_of(st.fixed_dictionaries({"next": strings_or_junk}), json_values),
            },
        ),
        json_values,
    )


def _dump(value: Any) -> bytes:
    return json.dumps(value).encode()


# Response bodies by kind: each property test runs every kind, so no kind is left to chance.
BODY_KINDS = ("document", "truncated", "deep", "bytes", "utf16")


def body_of(kind: str, documents_strategy: st.SearchStrategy[Any] | None = None) -> st.SearchStrategy[bytes]:
    """A response body of one kind: a (hostile) document, a cut one, deep nesting, any bytes, UTF-16."""
    dumped = (documents_strategy if documents_strategy is not None else documents()).map(_dump)
    if kind == "document":
        return dumped
    if kind == "truncated":
        return st.tuples(dumped, st.floats(0, 1)).map(lambda pair: pair[0][: int(len(pair[0]) * pair[1])])
    if kind == "deep":
        return deep_json()
    if kind == "bytes":
        return st.binary(max_size=200)
    if kind == "utf16":
        return dumped.map(lambda text: text.decode().encode("utf-16"))
    raise ValueError(kind)


http_dates = st.datetimes().map(lambda when: when.strftime("%a, %d %b %Y %H:%M:%S GMT"))
retry_after_values = st.one_of(
    st.text(max_size=30),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers().map(str),
    http_dates,
    st.sampled_from(
        ["-1", "1e999", "nan", "inf", "Fri, 31 Dec 9999 23:59:59 GMT", "Wed, 32 Foo 2020", " 3 ", "0x10"]
    ),
)
header_bytes = st.one_of(
    retry_after_values.map(lambda text: text.encode("utf-8", "surrogatepass")), st.binary(max_size=30)
).filter(lambda value: b"\r" not in value and b"\n" not in value)


@st.composite
def headers(draw: st.DrawFn) -> list[tuple[bytes, bytes]]:
    chosen: list[tuple[bytes, bytes]] = []
    if draw(st.booleans()):
        chosen.append((b"retry-after", draw(header_bytes)))
    if draw(st.booleans()):
        chosen.append(
            (
                b"content-encoding",
                draw(
                    st.one_of(
                        st.sampled_from([b"gzip", b"deflate", b"identity", b"gzip, deflate", b"br", b"zstd"]),
                        header_bytes,
                    )
                ),
            )
        )
    if draw(st.booleans()):
        chosen.append((b"x-patreon-uuid", draw(header_bytes)))
    if draw(st.booleans()):
        chosen.append(
            (
                b"content-type",
                draw(st.sampled_from([b"application/json", b"text/html", b"application/vnd.api+json"])),
            )
        )
    return chosen
