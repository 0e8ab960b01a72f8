"""Documents parse tolerantly and read every attribute of every type with its declared Python type."""

from __future__ import annotations

import datetime as dt
import gc
from typing import Any

import httpx
import pytest

from patreon_generated import Patreon, errors
from patreon_generated.documents import CollectionDocument, Document
from patreon_generated.resources import RESOURCE_CLASSES, Member, Tier, User
from patreon_generated.schema import RESOURCE_TYPES, AttributeInfo
from patreon_runtime.jsonapi import GenericResource

from .mock_api import Recorder, resource

STAMP = "2024-05-06T07:08:09.123456+00:00"


def sample_value(name: str, info: AttributeInfo) -> Any:
    """A value of the attribute's JSON type, built from the schema table (the reference tables)."""
    if info["enum"]:
        return info["enum"][0]
    kind = info["json_type"]
    if kind == "string":
        return STAMP if info["format"] == "date-time" else f"{name}-value"
    return {
        "integer": 7,
        "number": 2.5,
        "boolean": True,
        "object": {"nested": {"k": 1}},
        "array": ["a", "b"] if info["items"] == "string" else [1, 2],
    }[kind]


def python_name(name: str) -> str:
    return name if name.isidentifier() and name not in {"type", "id"} else name + "_"


def expected(info: AttributeInfo, value: Any) -> Any:
    if info["format"] == "date-time" and value is not None:
        return dt.datetime.fromisoformat(value)
    return value


@pytest.mark.parametrize("type_name", sorted(RESOURCE_TYPES))
def test_every_attribute_set(type_name: str) -> None:
    table = RESOURCE_TYPES[type_name]["attributes"]
    assert table, f"{type_name} has no attributes in the spec"
    raw = {name: sample_value(name, info) for name, info in table.items()}
    doc = Document[Any]({"data": resource(type_name, "1", **raw)})
    item: Any = doc.data
    assert type(doc.data) is RESOURCE_CLASSES[type_name]
    for name, info in table.items():
        assert getattr(item.attributes, python_name(name)) == expected(info, raw[name]), name
    assert item.attributes.to_dict() == raw


@pytest.mark.parametrize("type_name", sorted(RESOURCE_TYPES))
def test_every_attribute_null_and_absent(type_name: str) -> None:
    table = RESOURCE_TYPES[type_name]["attributes"]
    nulls = Document[Any]({"data": resource(type_name, "1", **dict.fromkeys(table))}).data
    absent = Document[Any]({"data": {"type": type_name, "id": "1"}}).data
    for name in table:
        assert getattr(nulls.attributes, python_name(name)) is None  # sent as null: None
        assert name in nulls.attributes
        assert name not in absent.attributes
        # Not sent (not in `fields`): an error naming the `fields=` that asks for it, never None.
        with pytest.raises(errors.NotRequestedError) as raised:
            getattr(absent.attributes, python_name(name))
        assert raised.value.fix == f'fields={{"{type_name}": ["{name}"]}}'
        assert raised.value.fix in str(raised.value)
        assert getattr(absent.attributes, python_name(name), "default") == "default"  # an AttributeError


@pytest.mark.parametrize("type_name", sorted(RESOURCE_TYPES))
def test_wrong_json_type_is_a_validation_error(type_name: str) -> None:
    table = RESOURCE_TYPES[type_name]["attributes"]
    name, info = next(iter(table.items()))
    wrong = 12345 if info["json_type"] != "integer" else "not a number"
    item = Document[Any]({"data": resource(type_name, "1", **{name: wrong})}).data
    with pytest.raises(errors.ResponseValidationError, match=name):
        getattr(item.attributes, python_name(name))


def member_page() -> dict[str, Any]:
    return {
        "data": [
            {
                "type": "member",
                "id": "m1",
                "attributes": {
                    "full_name": "Ada",
                    "patron_status": "super_patron_2031",  # a value Patreon may add later
                    "last_charge_date": "2024-01-02T03:04:05+00:00",  # no microseconds
                    "next_charge_date": "2024-02-02T03:04:05.5Z",
                    "brand_new_attribute": {"x": 1},
                },
                "relationships": {
                    "user": {"data": {"type": "user", "id": "u1"}, "links": {"related": "https://x/u1"}},
                    "currently_entitled_tiers": {
                        "data": [{"type": "tier", "id": "t1"}, {"type": "tier", "id": "t9"}]
                    },
                    "address": {"data": None},
                    "campaign": {"links": {"related": "https://x/c"}},
                },
            }
        ],
        "included": [
            resource("user", "u1", full_name="Ada L"),
            resource("tier", "t1", title="Gold"),
            {"type": "campaign-installation", "id": "ci1", "attributes": {"x": 1}},
        ],
        "meta": {"pagination": {"total": 1, "cursors": {"next": None}}},
    }


def test_tolerant_parsing() -> None:
    doc = CollectionDocument[Member](member_page())
    member = doc.data[0]
    assert member.attributes.full_name == "Ada"
    assert member.attributes.patron_status == "super_patron_2031"
    assert member.attributes.last_charge_date == dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    assert member.attributes.next_charge_date == dt.datetime(2024, 2, 2, 3, 4, 5, 500000, tzinfo=dt.UTC)
    assert member.attributes["brand_new_attribute"] == {"x": 1}
    user = doc.related(member, "user")
    assert isinstance(user, User)
    assert user.attributes.full_name == "Ada L"
    tiers = doc.related(member, "currently_entitled_tiers")
    assert [type(t) for t in tiers] == [Tier]  # t9 is not in `included`: skipped, not fatal
    assert doc.related(member, "address") is None  # "data": null
    assert member.related("user") == user  # the same index, reached from the resource
    assert member.related("currently_entitled_tiers") == tiers
    alone = Member(
        {"type": "member", "id": "x", "relationships": {"user": {"data": {"type": "user", "id": "1"}}}}
    )
    assert alone.related("user") is None  # no document: nothing to resolve
    with pytest.raises(errors.NotRequestedError, match=r'include=\["user"\]'):
        Member({"type": "member", "id": "x"}).related("user")  # not sent at all: not requested
    assert doc.related(member, "campaign") is None  # links only
    unknown = doc.included[2]
    assert isinstance(unknown, GenericResource)
    assert unknown.type == "campaign-installation"
    assert unknown.attributes["x"] == 1
    assert doc.next_cursor is None
    assert doc.total == 1


def test_next_cursor_from_meta_or_links() -> None:
    meta = CollectionDocument[Any]({"data": [], "meta": {"pagination": {"cursors": {"next": "abc"}}}})
    assert meta.next_cursor == "abc"
    links = CollectionDocument[Any](
        {
            "data": [],
            "links": {
                "next": "https://www.patreon.com/api/oauth2/v2/x?page%5Bcursor%5D=xyz&page%5Bcount%5D=2"
            },
        }
    )
    assert links.next_cursor == "xyz"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><body>502 Bad Gateway</body></html>", "not JSON"),
        (b'{"data": [{"type": "member", "id": "1"', "not JSON"),
        (b"[1, 2]", "not a JSON:API document"),
        (b'{"errors": []}', "not a JSON:API document"),
        (b'{"data": {"type": "member"}}', "data"),
        (b'{"data": [{"id": 5, "type": "member"}]}', "data\\[0\\]"),
        (b'{"data": [], "included": {}}', "included"),
    ],
)
def test_malformed_success_bodies(content: bytes, message: str) -> None:
    recorder = Recorder(httpx.Response(200, content=content))
    client = Patreon(token="t", transport=recorder.transport())
    with pytest.raises(errors.ResponseValidationError, match=message):
        client.members.list("1")


def test_single_document_links_and_repr() -> None:
    doc = Document[Any]({"data": resource("user", "1"), "links": {"self": "https://x/user/1"}})
    assert doc.links["self"] == "https://x/user/1"
    assert doc.meta == {}
    assert "User(id='1')" in repr(doc)


def _live_documents() -> int:
    return sum(1 for thing in gc.get_objects() if type(thing) is CollectionDocument)


def test_a_finished_page_is_freed_without_the_cyclic_gc() -> None:
    # Resources point at their document's linker for `member.related`; that must not make a
    # cycle, or every page of an export would wait for the cyclic GC (memory grows in between).
    # Documents take no weak references (compiled, they are native objects), so the collector's
    # own list of live objects is what is watched.
    gc.disable()
    try:
        before = _live_documents()
        doc = CollectionDocument[Member](member_page())
        member = doc.data[0]
        user = member.related("user")
        assert user == doc.related(member, "user")
        assert doc.related(member, "user") is doc.related(member, "user")  # the document's cache
        assert _live_documents() == before + 1
        del doc
        assert _live_documents() == before
        assert member.related("user") == user  # still resolvable from a resource that outlived its page
    finally:
        gc.enable()


def test_malformed_included_item_is_a_validation_error_when_resolved() -> None:
    page = member_page()
    page["included"][0] = ["not", "a", "resource"]
    doc = CollectionDocument[Member](page)
    with pytest.raises(errors.ResponseValidationError, match="included"):
        doc.related(doc.data[0], "user")
