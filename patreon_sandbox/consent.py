"""The sandbox's consent page: who may log in, the form, and errors that keep the user on the page.

Patreon's own page logs in whoever has a Patreon session in the browser; the sandbox has no
sessions, so the page asks who is logging in. It shows a short pick list (the creator, then one
user of each kind of member, each a one-click "Allow as ..." button) and a box for any other user
id. A POST with no user, or one the world does not know, answers the same page again (400) with
the error above the form and every authorize parameter kept, so the user can pick again.

The form's fields (docs/sandbox.md "The consent page"): `sandbox_pick` (a pick list button's user
id), `sandbox_user_id` (the typed id), `decision` (`allow` or `deny`; absent means allow). A deny
needs no user. Every other field is the authorize request's own parameters, posted back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from patreon_sandbox.world import Kind

if TYPE_CHECKING:
    from patreon_sandbox.world import World

PICK_FIELD = "sandbox_pick"
USER_FIELD = "sandbox_user_id"
DECISION_FIELD = "decision"
FORM_FIELDS = (PICK_FIELD, USER_FIELD, DECISION_FIELD)
# What each kind of member is called in the pick list, in the order they are offered.
KIND_LABELS: tuple[tuple[Kind, str], ...] = (
    (Kind.ACTIVE, "active patron"),
    (Kind.DECLINED, "declined patron (payment failed)"),
    (Kind.FORMER, "former patron"),
    (Kind.FOLLOWER, "free member (never paid)"),
    (Kind.GIFTED, "gifted membership"),
    (Kind.FREE_TRIAL, "free trial"),
)
NO_USER = "Choose who logs in: press one of the buttons below, or type a user id and press Allow."


@dataclass(frozen=True)
class LoginChoice:
    user_id: str
    full_name: str
    what: str  # "creator ...", "active patron, Fan tier", ...


def login_choices(world: World) -> list[LoginChoice]:
    """The creator, then the first user of each kind of member: a short list whatever the world's size."""
    creator = world.creator
    choices = [LoginChoice(creator.id, creator.full_name, "the creator: owns this app, granted every scope")]
    wanted = dict(KIND_LABELS)
    found: dict[Kind, LoginChoice] = {}
    for record in world.order:
        if record.kind in found or record.kind not in wanted:
            continue
        user = world.user_of(record.seq)
        what = wanted[record.kind]
        if record.kind is Kind.ACTIVE and record.tier is not None:
            what = f"{what}, {world.tiers[record.tier].title} tier"
        found[record.kind] = LoginChoice(user.id, user.full_name, what)
        if len(found) == len(wanted):
            break
    choices.extend(found[kind] for kind, _ in KIND_LABELS if kind in found)
    return choices


def chosen_user(values: dict[str, str]) -> str:
    """The user id the form names (a pick first, then the typed box), removed from `values`."""
    picked = values.pop(PICK_FIELD, "").strip()
    typed = values.pop(USER_FIELD, "").strip()
    return picked or typed


def unknown_user_message(user_id: str) -> str:
    return (
        f"There is no user {user_id!r} in this sandbox. Press one of the buttons below, or type another id."
    )


def consent_page(
    client_name: str,
    values: Mapping[str, str],
    choices: Sequence[LoginChoice],
    *,
    authorize_path: str,
    error: str | None = None,
    typed: str = "",
) -> str:
    """The page: who asks for what, the error (if any), the pick list, the id box, Allow and Deny."""
    params = {k: v for k, v in values.items() if k not in FORM_FIELDS}
    hidden = "".join(
        f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">' for k, v in params.items()
    )
    scopes = escape(params.get("scope", "identity"))
    alert = f'<p id="error" role="alert"><strong>{escape(error)}</strong></p>' if error else ""
    picks = "".join(
        f'<li><button type="submit" name="{PICK_FIELD}" value="{escape(c.user_id)}">'
        f"Allow as {escape(c.full_name)}</button> {escape(c.what)} (user id {escape(c.user_id)})</li>"
        for c in choices
    )
    return (
        "<!doctype html><html><head><title>Patreon sandbox: authorize</title></head><body>"
        f"<h1>{escape(client_name)} would like to access your Patreon account</h1><p>Scopes: {scopes}</p>"
        f"{alert}"
        f'<form method="post" action="{authorize_path}?{escape(urlencode(params))}">{hidden}'
        '<h2>Who is logging in?</h2><ul id="users">'
        f"{picks}</ul>"
        f'<label>Or any user id <input name="{USER_FIELD}" value="{escape(typed)}"></label> '
        f'<button type="submit" name="{DECISION_FIELD}" value="allow">Allow</button> '
        f'<button type="submit" name="{DECISION_FIELD}" value="deny">Deny</button>'
        "</form></body></html>"
    )
