"""A misspelled `fields` type, attribute or include path raises before sending, naming close names
(with Patreon and AsyncPatreon alike: the `mode` fixture, tests/modes.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from patreon_generated import AsyncPatreon, Patreon
from patreon_generated.documents import Document
from patreon_generated.errors import InvalidParameterError, NotRequestedError, PatreonError, UnknownNameError
from patreon_generated.resources import Member
from patreon_runtime.jsonapi import Linker
from patreon_runtime.names import unchecked
from tests.modes import ModeDriver

from .mock_api import Recorder

REPO_ROOT = Path(__file__).resolve().parents[2]


def _client() -> tuple[Any, Recorder]:
    """Typed as Any: these calls are what an untyped caller (or a typo mypy never saw) sends."""
    recorder = Recorder(httpx.Response(200, json={"data": []}))
    return Patreon(token="t", transport=recorder.transport()), recorder


@pytest.mark.parametrize(
    ("kwargs", "bad", "suggested"),
    [
        ({"fields": {"member": ["full_nme"]}}, "full_nme", "full_name"),
        ({"fields": {"membr": ["full_name"]}}, "membr", "member"),
        ({"fields": {"pledge_event": ["type"]}}, "pledge_event", "pledge-event"),
        ({"include": ["usr"]}, "usr", "user"),
        ({"include": "user,currently_entitled_tier"}, "currently_entitled_tier", "currently_entitled_tiers"),
        ({"fields": {"user": ["emial"]}}, "emial", "email"),
    ],
)
def test_unknown_name_raises_before_sending(
    mode: ModeDriver, kwargs: dict[str, Any], bad: str, suggested: str
) -> None:
    recorder = Recorder(httpx.Response(200, json={"data": []}))
    client = mode.new((Patreon, AsyncPatreon), token="t", transport=recorder.transport())
    untyped: Any = client.members  # untyped callers get the same check
    with pytest.raises(UnknownNameError, match=f"did you mean {suggested!r}") as caught:
        mode.run(untyped.list("1", **kwargs))
    error = caught.value
    assert isinstance(error, PatreonError) and isinstance(error, ValueError)
    assert isinstance(error, InvalidParameterError)
    assert error.name == bad
    assert suggested in error.suggestions
    assert repr(bad) in str(error) and repr(suggested) in str(error)
    assert "unchecked" in str(error)  # the message names the escape hatch
    assert recorder.requests == []


def test_attribute_of_another_type_is_refused_for_every_endpoint() -> None:
    client, recorder = _client()
    with pytest.raises(UnknownNameError, match="'title'"):
        client.members.get("1", fields={"member": ["title"]})
    with pytest.raises(UnknownNameError, match="'member'"):
        client.posts.list("1", fields={"member": ["full_name"]})
    assert recorder.requests == []


def test_unchecked_names_are_sent_as_given() -> None:
    client, recorder = _client()
    client.members.list(
        "1",
        include=["user", unchecked("brand_new.path")],
        fields={"member": ["full_name", unchecked("new_attribute")], unchecked("new-type"): ["a"]},
    )
    params = recorder.last.url.params
    assert params["include"] == "user,brand_new.path"
    assert params["fields[member]"] == "full_name,new_attribute"
    assert params["fields[new-type]"] == "a"
    client.members.list("1", fields=unchecked({"member": ["later"], "other": ["x"]}))
    assert recorder.last.url.params["fields[member]"] == "later"
    assert recorder.last.url.params["fields[other]"] == "x"


def test_a_fields_value_that_is_not_names_is_a_typed_error() -> None:
    client, recorder = _client()
    with pytest.raises(UnknownNameError, match="fields should be a mapping"):
        client.members.list("1", fields=["full_name"])
    with pytest.raises(UnknownNameError, match=r"fields\[member\] should be a list"):
        client.members.list("1", fields={"member": 3})
    assert recorder.requests == []


def test_misspelled_attribute_on_a_resource_raises_attribute_error_with_suggestions() -> None:
    raw = {"type": "member", "id": "m1", "attributes": {"full_name": "Ada", "brand_new": 1}}
    member = Linker({"data": raw}, {"member": Member}).wrap(raw, "data")
    assert isinstance(member, Member)
    attributes: Any = member.attributes
    with pytest.raises(AttributeError) as caught:
        _ = attributes.full_nme
    assert caught.value.name == "full_nme"
    # What the user sees: the interpreter's report of the uncaught error names the closest property.
    script = (
        "from patreon_generated.documents import Document\n"
        "doc = Document({'data': {'type': 'member', 'id': 'm1', 'attributes': {'full_name': 'Ada'}}})\n"
        "doc.data.attributes.full_nme\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO_ROOT)
    assert run.returncode == 1
    assert "no attribute 'full_nme'" in run.stderr and "Did you mean: 'full_name'?" in run.stderr, run.stderr
    assert attributes["brand_new"] == 1  # names newer than the spec stay readable by key
    assert member.attributes.full_name == "Ada"
    assert not hasattr(attributes, "nothing_like_it")


def test_misspelled_relationship_raises_instead_of_reading_as_absent() -> None:
    raw = {"type": "member", "id": "m1", "relationships": {"user": {"data": None}}}
    body = {"data": raw}
    doc = Document[Member](body)
    untyped: Any = doc.data
    with pytest.raises(AttributeError, match="did you mean 'user'"):
        untyped.related("usr")
    with pytest.raises(AttributeError, match="did you mean 'currently_entitled_tiers'"):
        doc.related_raw(doc.data, "currently_entitled_tier")
    assert doc.data.related("user") is None  # known and null: absent, as before
    with pytest.raises(NotRequestedError, match=r'include=\["campaign"\]'):
        doc.data.related("campaign")  # known, not sent: not requested (it read as None before)
