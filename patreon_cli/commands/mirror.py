"""`patreon members sync` and `patreon members who`: a member mirror (patreon_members) from the shell.

`sync` resyncs one campaign into a mirror (a SQLite file, or PostgreSQL by URL), re-reads the
members a webhook left marked, and prints what changed. `who` answers from the mirror alone, no
token needed: the entitlement of a user id, an email or a member id, and its reason.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs

from patreon_cli.commands._shared import pick_campaign
from patreon_cli.failures import BAD_RESPONSE, FAILURE, MIRROR, NOT_FOUND, USAGE, CLIError
from patreon_cli.output import Output
from patreon_cli.progress import Progress, progress_bar
from patreon_cli.session import Session

if TYPE_CHECKING:
    from patreon_generated import Patreon
    from patreon_members import Entitlement, MemberMirror, MembersError, ResyncReport

# A DSN on the command line shows in `ps` and in shell history: the environment keeps it out.
ENV_MEMBERS_DB = "PATREON_MEMBERS_DB"
# A receiver writes one delivery at a time; a resync page takes well under a second on SQLite.
DEFAULT_WAIT = 30.0
_POSTGRES_SCHEMES = ("postgresql://", "postgres://")
_CONNINFO_KEYS = ("host=", "hostaddr=", "dbname=", "service=")
# The order the summary lists change kinds in, with the words it uses.
_KIND_WORDS = (
    ("joined", "joined"),
    ("left", "left"),
    ("tier_changed", "changed tier"),
    ("became_paying", "became paying"),
    ("stopped_paying", "stopped paying"),
    ("payment_declined", "payment declined"),
    ("status_changed", "changed status"),
)


def register_actions(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    db_help = (
        f"the mirror: a SQLite file (created 0600), or PostgreSQL: a postgresql:// URL or a "
        f"'host=... dbname=...' conninfo (env {ENV_MEMBERS_DB}; "
        "keep a password in PGPASSWORD or ~/.pgpass, not on the command line)"
    )
    wait_help = (
        f"how long to wait for a mirror another writer holds locked (default {DEFAULT_WAIT:g}); then exit 13"
    )
    sync = actions.add_parser(
        "sync",
        parents=[common],
        help="bring a member mirror in step with the campaign",
        description=(
            "Read every member of a campaign into a member mirror (patreon_members.MemberMirror), "
            "remove those who are gone, re-read members a webhook could not order, and summarise "
            "the changes. Run it nightly next to a webhook receiver feeding the same mirror."
        ),
    )
    sync.add_argument("--db", metavar="PATH_OR_URL", help=db_help)
    sync.add_argument("--wait", type=_seconds, default=DEFAULT_WAIT, metavar="SECONDS", help=wait_help)
    sync.add_argument("--campaign", metavar="ID", help="campaign id (default: your only campaign)")
    sync.add_argument("--no-progress", action="store_true", help="no progress bar")
    sync.set_defaults(handler=run_sync)
    who = actions.add_parser(
        "who",
        parents=[common],
        help="who is entitled: one user's entitlement and why, from the mirror",
        description=(
            "Look a user up in a member mirror made by `patreon members sync` (no request to "
            "Patreon): by user id, by email (case-insensitive), or by member id. Prints the "
            "status, the entitled tiers and the reason. Exits 6 when the mirror holds no such member."
        ),
    )
    who.add_argument("who", metavar="USER_ID_OR_EMAIL", help="a Patreon user id, an email, or a member id")
    who.add_argument("--db", metavar="PATH_OR_URL", help=db_help)
    who.add_argument("--wait", type=_seconds, default=DEFAULT_WAIT, metavar="SECONDS", help=wait_help)
    who.set_defaults(handler=run_who)


# --- the mirror and its failures ---------------------------------------------------------------


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 < seconds <= 3600:
        raise argparse.ArgumentTypeError("give between 0 and 3600 seconds")
    return seconds


def _database(args: argparse.Namespace, session: Session) -> str:
    given: str | None = args.db or session.environ.get(ENV_MEMBERS_DB)
    if not given:
        raise CLIError(f"no mirror given: pass --db PATH (or set {ENV_MEMBERS_DB})", USAGE)
    return given


def _is_postgres(database: str) -> bool:
    return database.startswith(_POSTGRES_SCHEMES) or _is_keyword_conninfo(database)


def _is_keyword_conninfo(database: str) -> bool:
    """libpq's `host=... dbname=...` form; a file name holding these words is not worth the doubt."""
    words = database.split()
    return any(word.startswith(_CONNINFO_KEYS) for word in words) and all("=" in word for word in words)


def _failure(error: MembersError) -> CLIError:
    """The exit code for a membership error; its text already names the file or server, no password."""
    from patreon_members import ForeignCampaignError, MirrorStorageError, MissingFieldsError

    if isinstance(error, MirrorStorageError):
        return CLIError(str(error), MIRROR)
    if isinstance(error, ForeignCampaignError):
        return CLIError(str(error), USAGE, hint="one mirror keeps one campaign: give another --db")
    if isinstance(error, MissingFieldsError):
        return CLIError(f"unexpected response from Patreon: {error}", BAD_RESPONSE)
    return CLIError(str(error), FAILURE)


@contextlib.contextmanager
def _mirror(database: str, *, wait: float, must_exist: bool) -> Iterator[MemberMirror]:
    try:
        from patreon_members import MemberMirror, MembersError
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise CLIError(f"the member mirror needs {exc.name}", hint="pip install 'patreonkit[cli]'") from None
    if must_exist and not _is_postgres(database) and not Path(database).is_file():
        # Opening it would create an empty mirror, and every answer would be "not found".
        raise CLIError(
            f"no member mirror at {database}",
            MIRROR,
            hint=f"make it first: patreon members sync --db {database}",
        )
    try:
        opened = (
            MemberMirror.postgres(database, lock_timeout=wait)
            if _is_keyword_conninfo(database)
            else MemberMirror(database, lock_timeout=wait)
        )
        with opened as mirror:
            yield mirror
    except MembersError as error:
        raise _failure(error) from None


# --- sync --------------------------------------------------------------------------------------


class _CountedMembers:
    """`client.members` whose `pages` moves the progress bar once each page has been written.

    MemberMirror.resync takes no progress callback; it reads pages from `client.members.pages`
    and writes each before asking for the next, so advancing after the `yield` counts written
    members. Everything else is the client's own.
    """

    def __init__(self, members: Any, progress: Progress) -> None:
        self._members = members
        self._progress = progress

    def pages(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        for number, page in enumerate(self._members.pages(*args, **kwargs)):
            if number == 0:
                self._progress.set_total(page.total)
            yield page
            self._progress.advance(len(page.data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._members, name)


class _CountedClient:
    def __init__(self, client: Patreon, progress: Progress) -> None:
        self._client = client
        self.members = _CountedMembers(client.members, progress)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)


@attrs.frozen
class SyncSummary:
    """What one `sync` did: the resync's report, and the changes of the marked members re-read."""

    report: ResyncReport
    reread: int
    reread_counts: dict[str, int]
    where: str

    def counts(self) -> dict[str, int]:
        merged: dict[str, int] = {str(kind): count for kind, count in self.report.counts.items()}
        for kind, count in self.reread_counts.items():
            merged[kind] = merged.get(kind, 0) + count
        return merged

    def as_json(self) -> dict[str, Any]:
        return {
            "campaign_id": self.report.campaign_id,
            "database": self.where,
            "members": self.report.members,
            "pages": self.report.pages,
            "changes": self.counts(),
            "reread": self.reread,
        }

    def lines(self) -> list[str]:
        counts = self.counts()
        described = [f"{counts[kind]} {words}" for kind, words in _KIND_WORDS if counts.get(kind)]
        lines = [
            f"synced {self.report.members} members of campaign {self.report.campaign_id} "
            f"into {self.where}: {', '.join(described) if described else 'no changes'}"
        ]
        if self.reread:
            lines.append(f"re-read {self.reread} members whose deliveries could not be ordered")
        return lines


def _sync(client: Patreon, mirror: MemberMirror, campaign_id: str, progress: Progress) -> SyncSummary:
    counted = cast("Patreon", _CountedClient(client, progress))
    # keep_changes=False: memory stays flat for any campaign; the summary needs only the counts.
    report = mirror.resync(counted, campaign_id, keep_changes=False)
    marked = mirror.marked()
    reread_counts: dict[str, int] = {}
    if marked:
        for change in mirror.reread(client):
            reread_counts[change.kind] = reread_counts.get(change.kind, 0) + 1
    return SyncSummary(report=report, reread=len(marked), reread_counts=reread_counts, where=mirror.where)


def run_sync(args: argparse.Namespace, session: Session, out: Output) -> int:
    database = _database(args, session)
    client = session.creator_client()
    campaign_id = pick_campaign(client, args.campaign)
    with (
        _mirror(database, wait=args.wait, must_exist=False) as mirror,
        progress_bar("members", enabled=not args.no_progress, stream=out.stderr) as progress,
    ):
        summary = _sync(client, mirror, campaign_id, progress)
    if out.as_json:
        out.json(summary.as_json())
    for line in summary.lines():
        out.info(line)
    return 0


# --- who ---------------------------------------------------------------------------------------


def _lookup(mirror: MemberMirror, wanted: str) -> list[Entitlement]:
    if "@" in wanted:
        return mirror.by_email(wanted)
    found = mirror.by_user(wanted)
    if found:
        return found
    member = mirror.get(wanted)
    return [member] if member is not None else []


def _tiers(entitlement: Entitlement) -> str:
    return "; ".join(f"{tier.title} ({tier.amount_cents} cents)" for tier in entitlement.tiers) or "-"


def _pairs(entitlement: Entitlement) -> Sequence[tuple[str, str]]:
    highest = entitlement.highest_tier
    return [
        ("member", entitlement.member_id),
        ("user", entitlement.user_id),
        ("campaign", entitlement.campaign_id),
        ("status", entitlement.status),
        ("paying", "yes" if entitlement.is_paying else "no"),
        ("tiers", _tiers(entitlement)),
        ("highest tier", highest.title if highest is not None else "-"),
        ("reason", entitlement.reason),
    ]


def _iso(instance: object, field: object, value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.datetime) else value


def run_who(args: argparse.Namespace, session: Session, out: Output) -> int:
    database = _database(args, session)
    wanted = args.who.strip()
    if not wanted:
        raise CLIError("give a user id, an email or a member id", USAGE)
    with _mirror(database, wait=args.wait, must_exist=True) as mirror:
        found = _lookup(mirror, wanted)
        where = mirror.where
    if not found:
        raise CLIError(
            f"no member {wanted!r} in the mirror in {where}",
            NOT_FOUND,
            hint="not a member of the campaign, or the mirror is behind: run `patreon members sync`",
        )
    if out.as_json:
        out.json([attrs.asdict(entitlement, value_serializer=_iso) for entitlement in found])
        return 0
    for entitlement in found:
        out.fields("entitlement", _pairs(entitlement))
    return 0


__all__ = ["ENV_MEMBERS_DB", "SyncSummary", "register_actions", "run_sync", "run_who"]
