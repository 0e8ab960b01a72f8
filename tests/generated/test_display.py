"""Issue 22 item 8: results you can look at: `repr(member)` and `print(doc)`, bounded and safe.

Before: `repr(member)` was `Member(id='...')` (no attributes), a page was
`CollectionDocument(data=<20 resources>, next_cursor=...)`, and an attribute view's repr printed
every value whole, however long or full of terminal escapes. Now a resource shows its type, id and
the attributes the response holds (so an email only when `fields` asked for it); `print(doc)` a
short table. Values come from the network: each is cut short and escaped, a page shows a few rows,
and credentials never show. The suite runs on both builds (`make test-compiled`), and the text is
made by one interpreted module (patreon_runtime.display), so both print the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from patreon_generated import Patreon
from patreon_generated.documents import CollectionDocument, Document
from patreon_generated.resources import Member
from patreon_runtime import display
from patreon_runtime.jsonapi import GenericResource
from patreon_sandbox import Sandbox


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=8, members=9, rate_limits=None) as sandbox:
        yield sandbox


@pytest.fixture
def token(sandbox: Sandbox) -> str:
    return sandbox.creator_token().access_token


@pytest.fixture
def client(sandbox: Sandbox, token: str) -> Iterator[Patreon]:
    with Patreon(token=token, transport=sandbox.transport(), base_url=sandbox.base_url) as client:
        yield client


def test_repr_of_a_member_shows_type_id_and_what_was_asked(client: Patreon, sandbox: Sandbox) -> None:
    page = client.members.list(
        sandbox.campaign_id, include=["user"], fields={"member": ["full_name", "patron_status"]}
    )
    member = page.data[0]
    shown = repr(member)
    assert shown.startswith(f"Member(id={member.id!r}, ")
    assert f"full_name={member.attributes.full_name!r}" in shown
    assert f"patron_status={member.attributes.patron_status!r}" in shown
    assert "email" not in shown  # not asked for: not shown (nor anything else not sent)
    user = member.related("user")
    assert user is not None and repr(user) == f"User(id={user.id!r})"  # no user fields asked
    with_email = client.members.list(sandbox.campaign_id, fields={"member": ["email"]}).data[0]
    assert f"email={with_email.attributes.email!r}" in repr(with_email)  # asked for: shown


def test_print_of_a_page_is_a_short_table(client: Patreon, sandbox: Sandbox) -> None:
    page = client.members.list(
        sandbox.campaign_id,
        include=["user", "currently_entitled_tiers"],
        fields={"member": ["full_name", "patron_status"]},
        count=7,
    )
    text = str(page)
    lines = text.splitlines()
    assert lines[0] == f"page: 7 member (of {page.total} in all); next page: yes"
    assert lines[1].split() == ["id", "full_name", "patron_status"]
    first = page.data[0]
    assert lines[2].startswith(f"  {first.id}  {first.attributes.full_name!r}")
    assert len(lines) == 2 + display.MAX_ROWS + 2  # header, 5 rows, "... 2 more", included
    assert lines[-2] == "  ... 2 more"
    users = sum(1 for item in page.included if item.type == "user")
    tiers = sum(1 for item in page.included if item.type == "tier")
    assert lines[-1] == f"included: {users} user, {tiers} tier"
    assert repr(page) == (
        f"CollectionDocument(data=<7 member>, included=<{users} user, {tiers} tier>, "
        f"next_cursor={page.next_cursor!r})"
    )
    last = client.members.list(sandbox.campaign_id, count=100)
    assert str(last).splitlines()[0].endswith("next page: no")


def test_print_of_a_single_document(client: Patreon) -> None:
    doc = client.identity.get(include=["campaign"], fields={"user": ["full_name"]})
    lines = str(doc).splitlines()
    assert lines[0] == "document: user"
    assert lines[1].split() == ["id", "full_name"]
    assert lines[-1] == "included: 1 campaign"
    assert repr(doc) == f"Document(data={doc.data!r}, included=<1 campaign>)"


def hostile_page(count: int, text: str) -> dict[str, Any]:
    attributes = {
        "full_name": text,
        "note": {"deep": [[[["x"] * 50]]]},
        "joined\u200dname\x1b": text,  # not an identifier: the name is shown escaped too
        **{f"a{n}": n for n in range(99)},
    }
    return {
        "data": [{"type": "member", "id": str(n), "attributes": attributes} for n in range(count)],
        "included": [{"type": f"t{n}", "id": "1"} for n in range(50)],
        "meta": {"pagination": {"cursors": {"next": "c" * 10_000}}},
    }


@pytest.mark.parametrize(
    "text", ["\x1b[2J\x1b[31mred", "\u202egnp.exe", "a\rb\nc\x00d", "x" * 100_000], ids=repr
)
def test_hostile_values_are_escaped_cut_short_and_huge_pages_abbreviated(text: str) -> None:
    page = CollectionDocument[Member](hostile_page(10_000, text))
    for shown in (repr(page), str(page), repr(page.data[0]), repr(page.data[0].attributes)):
        assert len(shown) < 2_000, len(shown)
        # Every character printable: no escape, carriage return, NUL or direction override gets out.
        assert all(ch.isprintable() for ch in shown.replace("\n", "")), shown
        assert text not in shown or len(text) < 20
    assert len(str(page).splitlines()) == 1 + 1 + display.MAX_ROWS + 2
    assert "... 9995 more" in str(page)
    assert "+94 more" in repr(page.data[0])  # 102 attributes, 8 shown
    assert "+42 more types" in repr(page)  # 50 included types, 8 counted by name


def test_a_repr_never_shows_a_token_or_secret(client: Patreon, sandbox: Sandbox, token: str) -> None:
    # A real token in the response (an included OAuth token of a type this spec does not know, as
    # `include=creator_token` returns), and the webhook secret the spec marks x-patreon-secret.
    refresh = "rt-" + "R" * 30
    body = {
        "data": {
            "type": "client",
            "id": "c",
            "attributes": {"client_secret": "cs-" + "S" * 30, "name": "app"},
        },
        "included": [
            {
                "type": "oauth-token",
                "id": "t",
                "attributes": {"access_token": token, "refresh_token": refresh},
            }
        ],
    }
    doc = Document[Any](body)
    created = client.webhooks.create(
        campaign_id=sandbox.campaign_id, triggers=["members:create"], uri="https://h.test/x"
    )
    secret = created.data.attributes.secret
    assert secret
    token_resource = doc.included[0]
    assert isinstance(token_resource, GenericResource)
    texts = [repr(doc), str(doc), repr(doc.data), repr(token_resource), repr(token_resource.attributes)]
    texts += [repr(created), str(created), repr(created.data), repr(created.data.attributes)]
    for shown in texts:
        for credential in (token, refresh, "cs-" + "S" * 30, secret):
            assert credential not in shown, shown
    assert "access_token=<redacted>" in repr(doc.included[0])
    assert "name='app'" in repr(doc.data)  # the rest still shown
    assert "secret=<redacted>" in repr(created.data)
    # A null secret is shown as None (it says there is none, not what it is).
    assert display.shown_value("secret", None, frozenset({"secret"})) == "None"
