"""`patreon campaigns`: the campaigns the token's user owns."""

from __future__ import annotations

import argparse

from patreon_cli.commands._shared import text
from patreon_cli.output import Output
from patreon_cli.session import Session
from patreon_generated.literals import CampaignField

CAMPAIGN_FIELDS: list[CampaignField] = ["creation_name", "patron_count", "url", "created_at"]


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = subparsers.add_parser(
        "campaigns",
        parents=[common],
        help="list your campaigns",
        description="List the campaigns the logged-in user owns (their ids go to --campaign).",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, session: Session, out: Output) -> int:
    client = session.creator_client()
    campaigns = list(client.campaigns.iterate(fields={"campaign": CAMPAIGN_FIELDS}))
    if out.as_json:
        out.json([{"id": c.id, "attributes": c.attributes.to_dict()} for c in campaigns])
        return 0
    rows = [[c.id, *(text(c.attributes.get(name)) for name in CAMPAIGN_FIELDS)] for c in campaigns]
    out.table("campaigns", ["id", "name", "patrons", "url", "created"], rows)
    return 0
