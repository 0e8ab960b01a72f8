"""`make demo`: the whole library end to end against a local sandbox, no Patreon account needed.

1. start a sandbox Patreon on loopback (2500 members)
2. user OAuth: a patron approves the app, the callback's code becomes a token
3. creator flow: the creator's token (about to expire) is refreshed and saved to a FileStore
4. every member exported to CSV, page by page, with a progress bar
5. a webhook pointing at a real loopback receiver (examples/receivers/asgi_app.py)
6. a member mirror (patreon_members, SQLite) resynced from the API: who is entitled to what
7. a new pledge in the sandbox: the signed event arrives, is verified with verify_and_parse and
   applied to the mirror (a "joined" change); the same delivery sent again is applied once

Every call below is the public API a real app makes; only `base_url` points at the sandbox.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import sys
import tempfile
import time
from pathlib import Path

import httpx

from examples.receivers import WEBHOOK_PATH
from examples.receivers.asgi_app import create_app
from examples.receivers.mirror import mirror_events
from examples.serving import bind_loopback, serve_asgi, url_of
from patreon_auth import PatreonCreatorClient, PatreonUserClient
from patreon_auth.stores import FileStore
from patreon_auth.webhooks import SIGNATURE_HEADER, WebhookEvent
from patreon_cli.export import export_members, make_writer, parse_selection
from patreon_cli.progress import progress_bar
from patreon_generated.resources import Campaign, Tier, Webhook
from patreon_members import Change, MemberMirror
from patreon_sandbox import Sandbox

SEED = 7
MEMBERS = 2500
APP_NAME = "patreon-demo"
EVENT_TIMEOUT = 10.0


def say(step: str, message: str) -> None:
    print(f"[{step}] {message}", flush=True)


def user_oauth(sandbox: Sandbox, base_url: str) -> str:
    """A patron logs in with Patreon: authorize URL, consent, callback, code exchange, /identity."""
    users = PatreonUserClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        redirect_uri=sandbox.redirect_uri,
        scopes=["identity", "identity[email]", "identity.memberships"],
        base_url=base_url,
        name=APP_NAME,
    )
    with users.http_client:
        request = users.authorization_url()
        say("oauth", f"send the user to {request.url.split('?')[0]}?client_id=...&state=...")
        # In a browser the patron clicks "Allow"; the sandbox plays that part and returns the redirect.
        callback_url = sandbox.authorize(request.url, user=sandbox.users[0])
        token = users.handle_callback(callback_url, expected_state=request.state)
        me = users.create_instance(token).identity.get(fields={"user": ["full_name", "email"]}).data
    name = me.attributes.full_name or me.id
    say("oauth", f"{name} <{me.attributes.email}> approved; granted {len(token.scope)} scopes")
    return name


def creator_client(sandbox: Sandbox, base_url: str, workdir: Path) -> PatreonCreatorClient:
    """The creator's own token, as pasted from the portal; it expires in a minute, so it is refreshed."""
    store = FileStore(workdir / "creator-token.json")
    return PatreonCreatorClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token=sandbox.creator_token(expires_in=60),
        store=store,
        base_url=base_url,
        name=APP_NAME,
    )


def export_csv(client: PatreonCreatorClient, campaign_id: str, path: Path) -> tuple[int, int | None]:
    """Every member to CSV with the `patreon members export` defaults, one page in memory at a time."""
    selection = parse_selection(None, None)
    with path.open("w", encoding="utf-8", newline="") as stream, progress_bar("export") as progress:
        result = export_members(
            client, campaign_id, selection, make_writer("csv", stream, selection), progress
        )
    return result.written, result.total


def creator_flow(
    sandbox: Sandbox, client: PatreonCreatorClient, workdir: Path
) -> tuple[str, Campaign, list[Tier]]:
    creator = client.identity.get(fields={"user": ["full_name"]}).data
    saved = client.store.get()
    assert saved is not None and not saved.is_expired(leeway=300)
    name = creator.attributes.full_name or creator.id
    say(
        "creator",
        f"{name}: token refreshed before expiry and saved to {workdir / 'creator-token.json'} "
        f"({sandbox.stats.refresh_requests} refresh)",
    )
    campaigns = client.campaigns.list(
        include=["tiers"],
        fields={"campaign": ["creation_name"], "tier": ["title", "amount_cents", "published"]},
    )
    campaign = campaigns.data[0]
    tiers = [tier for tier in campaigns.related(campaign, "tiers") if _open_for_pledges(tier)]
    say("creator", f"campaign {campaign.id} {campaign.attributes.creation_name!r}, {len(tiers)} paid tiers")
    return name, campaign, tiers


def describe(event: WebhookEvent) -> str:
    member = event.member
    assert member is not None
    user = member.related("user")
    tiers = [tier.attributes.title for tier in member.related("currently_entitled_tiers")]
    return (
        f"{event.trigger} for {user.attributes.full_name if user else member.id}: "
        f"{member.attributes.patron_status}, {member.attributes.currently_entitled_amount_cents} cents, tiers {tiers}"
    )


def mirror_flow(
    client: PatreonCreatorClient, campaign_id: str, tiers: list[Tier], workdir: Path, changes: list[Change]
) -> MemberMirror:
    """Every member into a SQLite mirror: who is entitled to what, answered locally from now on.

    Each change goes to ``changes`` once its write is committed (``on_change``)."""
    path = workdir / "members.db"
    mirror = MemberMirror(path, on_change=changes.append)
    report = mirror.resync(client, campaign_id, keep_changes=False)
    changes.clear()  # the resync's 2500 "joined": only what the webhook brings is shown below
    cheapest = min(tiers, key=lambda tier: tier.attributes.amount_cents or 0)
    say(
        "members",
        f"mirror of {report.members} members in {path.name} ({report.pages} pages); "
        f"{len(mirror.entitled(cheapest))} entitled to {cheapest.attributes.title!r}",
    )
    return mirror


def webhook_flow(
    sandbox: Sandbox,
    client: PatreonCreatorClient,
    campaign_id: str,
    tiers: list[Tier],
    mirror: MemberMirror,
    changes: list[Change],
) -> tuple[Webhook, str, WebhookEvent]:
    """A webhook to a real loopback receiver that feeds the mirror, a pledge, and its verified event."""
    events: queue.Queue[WebhookEvent] = queue.Queue()
    receiver_socket = bind_loopback()  # bound first: the webhook needs the URI, the receiver the secret
    uri = url_of(receiver_socket) + WEBHOOK_PATH
    webhook = client.webhooks.create(
        triggers=["members:pledge:create"], uri=uri, campaign_id=campaign_id
    ).data
    say("webhook", f"webhook {webhook.id} sends members:pledge:create to {uri}")
    app = create_app(webhook.attributes.secret or "", on_event=mirror_events(mirror, then=events.put))
    with serve_asgi(app, receiver_socket):
        tier = min(tiers, key=lambda tier: tier.attributes.amount_cents or 0)
        member_id = sandbox.add_pledge(tier_id=tier.id)
        say("pledge", f"a new patron pledged to {tier.attributes.title!r} (member {member_id})")
        event = events.get(timeout=EVENT_TIMEOUT)
        say("event", f"{describe(event)}; signature verified")
        entitlement = mirror.get(member_id)
        assert entitlement is not None
        say(
            "members",
            f"{', '.join(change.kind for change in changes)}: {entitlement.status}, {entitlement.reason}",
        )
        resent = _resend(sandbox, uri)
        say("members", f"the same delivery sent again: {resent}, applied once ({len(changes)} change in all)")
        forged = _replay_with_bad_signature(sandbox, uri)
        say("event", f"a forged copy with a wrong {SIGNATURE_HEADER} was rejected with {forged}")
    return webhook, uri, event


def main() -> int:
    # The receiver logs why it rejects a delivery; show that line the way the demo prints the rest.
    logging.basicConfig(level=logging.WARNING, format="[receiver] %(message)s", stream=sys.stdout)
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="patreon-demo-"))
    csv_path = workdir / "members.csv"

    with Sandbox(seed=SEED, members=MEMBERS) as sandbox, sandbox.serve_in_thread() as base_url:
        say("sandbox", f"a local Patreon at {base_url} (seed {SEED}, {MEMBERS} members)")
        patron_name = user_oauth(sandbox, base_url)
        with contextlib.closing(creator_client(sandbox, base_url, workdir)) as client:
            creator_name, campaign, tiers = creator_flow(sandbox, client, workdir)
            written, total = export_csv(client, campaign.id, csv_path)
            say("export", f"{written} of {total} members written to {csv_path}")
            changes: list[Change] = []
            with mirror_flow(client, campaign.id, tiers, workdir, changes) as mirror:
                webhook, uri, event = webhook_flow(sandbox, client, campaign.id, tiers, mirror, changes)
                mirrored = mirror.count()
        delivered = [d for d in sandbox.deliveries if d.webhook_id == webhook.id]
        stats = sandbox.stats

    print()
    print("Summary")
    print(f"  user OAuth   {patron_name} logged in through the authorize/callback/token flow")
    print(f"  creator      {creator_name}, campaign {campaign.id}; refreshed token stored in a FileStore")
    print(f"  export       {written} members (Patreon said {total}) -> {csv_path}")
    print(f"  webhook      {webhook.id} -> {uri}; {len(delivered)} delivery, status {delivered[-1].status}")
    print(f"  event        {event.trigger} received and verified (HMAC-MD5 over the raw body)")
    print(
        f"  members      {mirrored} in the mirror; the delivery made {len(changes)} change, its repeat none"
    )
    print(
        f"  sandbox saw  {stats.api_requests} API requests, {stats.token_requests} token requests "
        f"({stats.code_exchanges} code exchange, {stats.refresh_requests} refresh)"
    )
    print(f"  took         {time.monotonic() - started:.1f} s; files in {workdir}")
    return 0 if written == total else 1


def _open_for_pledges(tier: Tier) -> bool:
    return bool(tier.attributes.published) and (tier.attributes.amount_cents or 0) > 0


def _resend(sandbox: Sandbox, uri: str) -> int:
    """Post the last delivery again, byte for byte (as Patreon resends after a pause): 200, applied once."""
    last = sandbox.deliveries[-1]
    return httpx.post(uri, content=last.body, headers=last.headers, timeout=5.0).status_code


def _replay_with_bad_signature(sandbox: Sandbox, uri: str) -> int:
    """Post the last delivery again with a wrong signature: the receiver must say 403."""
    last = sandbox.deliveries[-1]
    headers = {**last.headers, SIGNATURE_HEADER: "0" * 32}
    return httpx.post(uri, content=last.body, headers=headers, timeout=5.0).status_code


if __name__ == "__main__":
    sys.exit(main())
