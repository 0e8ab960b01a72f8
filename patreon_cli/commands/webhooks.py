"""`patreon webhooks list|create|update|delete`: the webhooks this API client created [PD _webhooks_v2.md].

The webhook secret signs every delivery, so it is masked in all output; `create --secret-file`
writes it to a 0600 file for the receiver to read. A webhook whose secret cannot be kept (the file
cannot be written, Patreon sent an empty one, the command was interrupted) is deleted again.
"""

from __future__ import annotations

import argparse
import contextlib
from typing import cast

from patreon_auth.errors import NotRequestedError, PatreonError, WebhookSecretError
from patreon_auth.webhooks import require_secret
from patreon_cli.commands._shared import pick_campaign, text
from patreon_cli.failures import BAD_RESPONSE, USAGE, CLIError, describe
from patreon_cli.masking import mask
from patreon_cli.output import Output
from patreon_cli.secret_file import SecretFile
from patreon_cli.session import Session
from patreon_generated import Patreon
from patreon_generated.literals import WebhookField, WebhookTrigger
from patreon_generated.resources import Webhook
from patreon_generated.schema import WEBHOOK_TRIGGERS

WEBHOOK_FIELDS: list[WebhookField] = [
    "uri",
    "triggers",
    "paused",
    "num_consecutive_times_failed",
    "last_attempted_at",
    "secret",
]
DEFAULT_TRIGGERS: tuple[WebhookTrigger, ...] = (
    "members:pledge:create",
    "members:pledge:update",
    "members:pledge:delete",
)


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = subparsers.add_parser(
        "webhooks",
        parents=[common],
        help="list, create, update or delete webhooks",
        description="Manage the webhooks this API client created (Patreon shows each client only its own).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    listing = actions.add_parser(
        "list", parents=[common], help="list webhooks", description="List this client's webhooks."
    )
    listing.set_defaults(handler=list_webhooks)

    trigger_help = f"a trigger (repeatable): {', '.join(WEBHOOK_TRIGGERS)}"
    create = actions.add_parser(
        "create", parents=[common], help="create a webhook", description="Create a webhook for a campaign."
    )
    create.add_argument("--uri", required=True, help="where Patreon POSTs events (https)")
    create.add_argument(
        "--trigger",
        action="append",
        metavar="TRIGGER",
        help=f"{trigger_help} (default: the members:pledge:* three)",
    )
    create.add_argument("--campaign", metavar="ID", help="campaign id (default: your only campaign)")
    create.add_argument(
        "--secret-file", metavar="PATH", help="write the webhook secret to this file (mode 0600)"
    )
    create.set_defaults(handler=create_webhook)

    update = actions.add_parser(
        "update",
        parents=[common],
        help="change a webhook",
        description="Change a webhook's URI, triggers or paused state.",
    )
    update.add_argument("webhook_id", metavar="ID")
    update.add_argument("--uri", help="new URI")
    update.add_argument(
        "--trigger", action="append", metavar="TRIGGER", help=f"{trigger_help}; replaces the list"
    )
    paused = update.add_mutually_exclusive_group()
    paused.add_argument("--pause", dest="paused", action="store_const", const=True, help="stop deliveries")
    paused.add_argument(
        "--resume",
        dest="paused",
        action="store_const",
        const=False,
        help="resume, re-sending queued events [PD]",
    )
    update.set_defaults(handler=update_webhook)

    delete = actions.add_parser(
        "delete", parents=[common], help="delete a webhook", description="Delete a webhook."
    )
    delete.add_argument("webhook_id", metavar="ID")
    delete.set_defaults(handler=delete_webhook)


def _triggers(given: list[str] | None) -> list[WebhookTrigger] | None:
    if given is None:
        return None
    triggers = [item.strip() for value in given for item in value.split(",") if item.strip()]
    unknown = [trigger for trigger in triggers if trigger not in WEBHOOK_TRIGGERS]
    if unknown:
        raise CLIError(
            f"unknown trigger {unknown[0]!r}", USAGE, hint=f"triggers: {', '.join(WEBHOOK_TRIGGERS)}"
        )
    return cast("list[WebhookTrigger]", triggers)  # each one checked against the schema table above


def _record(webhook: Webhook) -> dict[str, object]:
    attributes = webhook.attributes.to_dict()
    if "secret" in attributes:
        attributes["secret"] = mask(attributes["secret"])
    return {"id": webhook.id, "attributes": attributes}


def _print(webhooks: list[Webhook], out: Output, title: str) -> None:
    if out.as_json:
        out.json([_record(webhook) for webhook in webhooks])
        return
    columns = ["id", "uri", "triggers", "paused", "failures", "last attempt", "secret"]
    rows = []
    for webhook in webhooks:
        attributes = _record(webhook)["attributes"]
        assert isinstance(attributes, dict)
        rows.append([webhook.id, *(text(attributes.get(name)) for name in WEBHOOK_FIELDS)])
    out.table(title, columns, rows)


def list_webhooks(args: argparse.Namespace, session: Session, out: Output) -> int:
    client = session.creator_client()
    _print(list(client.webhooks.iterate(fields={"webhook": WEBHOOK_FIELDS})), out, "webhooks")
    return 0


def _usable_secret(webhook: Webhook) -> str:
    """The new webhook's secret; an empty or blank one verifies nothing, so it is not kept."""
    try:
        secret = webhook.attributes.secret
    except NotRequestedError:  # the answer left it out: no secret either
        secret = None
    try:
        require_secret(secret or "")
    except WebhookSecretError:
        raise CLIError(
            f"Patreon returned webhook {webhook.id} without a usable secret; it was not kept",
            BAD_RESPONSE,
            hint="deliveries signed with an empty key can be forged by anyone: try creating it again",
        ) from None
    assert secret is not None
    return secret


def _roll_back(client: Patreon, webhook_id: str, out: Output) -> None:
    """Delete a webhook whose secret could not be kept; say so loudly when even that fails."""
    try:
        client.webhooks.delete(webhook_id)
    except PatreonError as error:
        out.error(
            f"webhook {webhook_id} was created but could not be deleted again ({describe(error).message})",
            f"delete it with `patreon webhooks delete {webhook_id}`",
        )
    else:
        out.info(f"deleted webhook {webhook_id} again: its secret could not be kept")


def create_webhook(args: argparse.Namespace, session: Session, out: Output) -> int:
    triggers = _triggers(args.trigger) or list(DEFAULT_TRIGGERS)
    # Before the webhook exists: a secret file that cannot be written fails the command here.
    with contextlib.ExitStack() as stack:
        secret_file = stack.enter_context(SecretFile(args.secret_file)) if args.secret_file else None
        client = session.creator_client()
        campaign_id = pick_campaign(client, args.campaign)
        webhook = client.webhooks.create(triggers=triggers, uri=args.uri, campaign_id=campaign_id).data
        try:
            secret = _usable_secret(webhook)
            if secret_file is not None:
                secret_file.commit(secret)
        except BaseException:  # Ctrl-C and SIGTERM too: no webhook is left whose secret nobody has
            _roll_back(client, webhook.id, out)
            raise
    if secret_file is not None:
        out.info(f"webhook secret written to {secret_file.target}")
    out.info(f"created webhook {webhook.id}")
    _print([webhook], out, "webhook")
    return 0


def update_webhook(args: argparse.Namespace, session: Session, out: Output) -> int:
    triggers = _triggers(args.trigger)
    if triggers is None and args.uri is None and args.paused is None:
        raise CLIError("nothing to change: give --uri, --trigger, --pause or --resume", USAGE)
    client = session.creator_client()
    webhook = client.webhooks.update(
        args.webhook_id,
        triggers=triggers,
        uri=args.uri,
        paused=args.paused,
    ).data
    out.info(f"updated webhook {webhook.id}")
    _print([webhook], out, "webhook")
    return 0


def delete_webhook(args: argparse.Namespace, session: Session, out: Output) -> int:
    session.creator_client().webhooks.delete(args.webhook_id)
    out.info(f"deleted webhook {args.webhook_id}")
    return 0
