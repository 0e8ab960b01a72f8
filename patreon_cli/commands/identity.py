"""`patreon identity`: who the token belongs to."""

from __future__ import annotations

import argparse

from patreon_auth.errors import NotRequestedError
from patreon_cli.commands._shared import text
from patreon_cli.output import Output
from patreon_cli.session import Session
from patreon_generated.literals import UserField

USER_FIELDS: list[UserField] = ["full_name", "email", "vanity", "url", "is_email_verified", "created"]


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = subparsers.add_parser(
        "identity",
        parents=[common],
        help="show the user behind the token",
        description="Show the user behind the token.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, session: Session, out: Output) -> int:
    client = session.creator_client()
    document = client.identity.get(include=["campaign"], fields={"user": USER_FIELDS})
    user = document.data
    try:
        campaign = document.related(user, "campaign")
    except NotRequestedError:  # asked for, but left out (a token without the `campaigns` scope): none shown
        campaign = None
    if out.as_json:
        out.json(
            {
                "id": user.id,
                "attributes": user.attributes.to_dict(),
                "campaign_id": campaign.id if campaign is not None else None,
            }
        )
        return 0
    pairs = [("id", user.id)] + [(name, text(user.attributes.get(name))) for name in USER_FIELDS]
    pairs.append(("campaign", campaign.id if campaign is not None else "-"))
    out.fields("identity", pairs)
    return 0
