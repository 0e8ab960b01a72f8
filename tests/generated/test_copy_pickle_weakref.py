"""Issue 21: decoded objects copy, deepcopy and pickle alike on both builds; weak references and
new attributes are refused.

Before the fix the binary wheel raised TypeError for copy, deepcopy and pickle of documents,
resources and attribute views (the interpreted build copied them), and it let `weakref.ref` take a
document whose reference crashed the interpreter (exit -11) once the document was freed. The suite
runs on both builds (`make test-compiled`), so each test here checks the build it runs on. The
compiled documents also took any new attribute (`doc.x = 1`, a `__dict__` mypyc adds), which the
interpreted ones refuse (patreon_runtime.native_layout).
"""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from patreon_generated import Patreon
from patreon_generated.documents import CollectionDocument, Document
from patreon_generated.resources import Campaign, Member, User
from patreon_runtime.jsonapi import NATIVE
from patreon_sandbox import Sandbox

ROOT = Path(__file__).resolve().parents[2]

Copier = Callable[[Any], Any]
COPIERS: dict[str, Copier] = {
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
    "pickle": lambda value: pickle.loads(pickle.dumps(value)),
    "pickle-protocol-0": lambda value: pickle.loads(pickle.dumps(value, protocol=0)),
}


@pytest.fixture(scope="module")
def client() -> Iterator[Patreon]:
    with Sandbox(seed=21, members=12, rate_limits=None) as sandbox:
        token = sandbox.creator_token().access_token
        with Patreon(token=token, transport=sandbox.transport(), base_url=sandbox.base_url) as client:
            yield client


def identity(client: Patreon) -> Document[User]:
    return client.identity.get(include=["campaign", "memberships"], fields={"user": ["full_name"]})


def members(client: Patreon) -> CollectionDocument[Member]:
    campaign_id = client.campaigns.list().data[0].id
    return client.members.list(campaign_id, include=["user", "currently_entitled_tiers"], count=5)


@pytest.mark.parametrize("how", COPIERS)
def test_a_document_round_trips_with_related(client: Patreon, how: str) -> None:
    doc = identity(client)
    again = COPIERS[how](doc)
    assert type(again) is type(doc)
    assert again.raw == doc.raw
    assert again.data == doc.data and again.data.attributes.full_name == doc.data.attributes.full_name
    assert again.related(again.data, "campaign") == doc.related(doc.data, "campaign")
    campaign = again.related(again.data, "campaign")
    assert isinstance(campaign, Campaign) and campaign.raw in doc.raw["included"]


@pytest.mark.parametrize("how", COPIERS)
def test_a_page_round_trips_with_related(client: Patreon, how: str) -> None:
    page = members(client)
    again = COPIERS[how](page)
    assert type(again) is type(page)
    assert again.raw == page.raw and again.data == page.data
    assert again.next_cursor == page.next_cursor and again.included == page.included
    for before, after in zip(page.data, again.data, strict=True):
        assert again.related(after, "user") == page.related(before, "user")
        assert after.related("currently_entitled_tiers") == before.related("currently_entitled_tiers")
        assert after.attributes.to_dict() == before.attributes.to_dict()
    assert again.to_plain() == page.to_plain()


@pytest.mark.parametrize("how", COPIERS)
def test_a_resource_alone_keeps_its_document(client: Patreon, how: str) -> None:
    # An item from `iterate` outlives its page: copied alone it still resolves its relationships.
    member = members(client).data[0]
    again = COPIERS[how](member)
    assert type(again) is Member and again == member and again.raw == member.raw
    user = again.related("user")
    assert isinstance(user, User) and user == member.related("user")
    assert again.to_plain() == member.to_plain()


@pytest.mark.parametrize("how", COPIERS)
def test_attributes_round_trip(client: Patreon, how: str) -> None:
    view = identity(client).data.attributes
    again = COPIERS[how](view)
    assert type(again) is type(view)
    assert again.to_dict() == view.to_dict() and again.full_name == view.full_name


def test_deepcopy_is_independent_and_copy_shares(client: Patreon) -> None:
    doc = identity(client)
    deep = copy.deepcopy(doc)
    assert deep.raw is not doc.raw and deep.raw["data"] is not doc.raw["data"]
    shallow = copy.copy(doc)
    assert shallow.raw is doc.raw


def test_pickled_page_list_keeps_one_body(client: Patreon) -> None:
    # A cache that pickles a page with its items: pickle's memo keeps one copy of the body.
    page = members(client)
    page_again, items = pickle.loads(pickle.dumps((page, list(page.data))))
    assert items == page.data
    assert items[0].raw is page_again.raw["data"][0]


@pytest.mark.parametrize("make", [identity, members])
def test_weak_references_are_refused(client: Patreon, make: Callable[[Patreon], Any]) -> None:
    doc = make(client)
    for value in (doc, doc.data if isinstance(doc, Document) else doc.data[0]):
        with pytest.raises(TypeError, match="cannot create weak reference"):
            weakref.ref(value)


@pytest.mark.parametrize("make", [identity, members])
def test_new_attributes_are_refused(client: Patreon, make: Callable[[Patreon], Any]) -> None:
    if NATIVE and sys.version_info >= (3, 12):
        pytest.xfail("mypyc keeps a managed __dict__ on 3.12+ (patreon_runtime.native_layout)")
    doc = make(client)
    for value in (doc, doc.data if isinstance(doc, Document) else doc.data[0]):
        with pytest.raises(AttributeError):
            value.not_a_field = 1
        with pytest.raises(AttributeError):
            value.__dict__  # noqa: B018  (the read is the test)
    # What is declared still reads, pickles and copies after the change of layout.
    again = pickle.loads(pickle.dumps(doc))
    assert again.raw == doc.raw and copy.deepcopy(doc).raw == doc.raw


CRASH = """
import gc, weakref
from patreon_generated import Patreon
from patreon_sandbox import Sandbox

with Sandbox(seed=1, members=3, rate_limits=None) as sandbox:
    client = Patreon(token=sandbox.creator_token().access_token, transport=sandbox.transport(),
                     base_url=sandbox.base_url)
    for get in (client.identity.get, lambda: client.campaigns.list()):
        try:
            ref = weakref.ref(get())
        except TypeError:
            print("refused")
            continue
        gc.collect()
        print("alive" if ref() is not None else "gone")
"""


def test_taking_a_weak_reference_never_crashes_the_interpreter() -> None:
    # In a child process: before the fix, the compiled build died here with SIGSEGV.
    result = subprocess.run(
        [sys.executable, "-c", CRASH], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["refused", "refused"]
