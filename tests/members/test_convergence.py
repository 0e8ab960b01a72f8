"""The mirror converges on the sandbox: any mix of webhook faults, then one resync, and they are equal.

Patreon sends no delivery id, re-sends queued deliveries after a pause and does not promise order
[PD _webhooks_v2.md]; the sandbox's WebhookFaults repeat, reorder, delay and drop deliveries, and
pause a webhook, reproducibly under a seed (docs/sandbox.md). Here Hypothesis draws a sequence of
world changes mixed with those faults, a receiver applies every delivery that arrives to a
MemberMirror, and then:

- after one ``resync()`` every member's entitlement in the mirror is ``entitlement_of`` the member
  the sandbox's API serves, and the mirror holds no one else (in process, and served on loopback
  with the faults and changes sent through the control API);
- without a resync, applying the deliveries in whatever order they arrive never replaces a
  member's state by one older than a state already applied. "Older" is the sandbox's own time:
  each change is numbered, and the history fields the mirror orders by (last charge, lifetime
  support) move forward with it, as on Patreon.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from patreon_auth import PatreonCreatorClient
from patreon_auth.webhooks import verify_and_parse
from patreon_members import Entitlement, MemberMirror, entitlement_of, member_fields, member_include
from patreon_members._ordering import order
from patreon_sandbox import Sandbox, SandboxControl, WebhookFaults
from patreon_sandbox.values import WORLD_NOW
from patreon_sandbox.world import Kind

from .conftest import MEMBER_TRIGGERS

URI = "https://app.example/patreon/members"
MEMBERS = 8
PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
pytestmark = pytest.mark.timeout(300)  # a wall-clock guard, not a measured assertion

# --- what Hypothesis draws ----------------------------------------------------------------------

probability = st.sampled_from([0.0, 0.3, 0.6, 0.6, 1.0])
faults = st.builds(
    WebhookFaults,
    repeat=probability,
    reorder=probability,
    delay=probability,
    drop=probability,
    delay_seconds=st.sampled_from([0.0, 60.0, 3600.0]),
    seed=st.integers(0, 2**32),
)
change = st.tuples(
    st.sampled_from(["upgrade", "cancel", "return", "join", "follow", "delete"]),
    st.integers(0, 1),  # which eligible member (modulo how many there are): few, so changes collide
    st.integers(0, 3),  # which tier
    st.booleans(),  # whether the change comes with a charge (moves the history fields)
)
fault_step = st.one_of(
    st.tuples(st.just("faults"), faults),
    st.tuples(st.just("pause"), st.none()),
    st.tuples(st.just("resume"), st.none()),
    st.tuples(st.just("release"), st.none()),
    st.tuples(st.just("advance"), st.sampled_from([30.0, 4000.0])),
)
steps = st.lists(st.one_of(change, change, change, fault_step), min_size=4, max_size=25)
# Faults from the first event on, reordering and repeating some, then the drawn steps (which may
# change the faults, or pause).
likely = st.sampled_from([0.3, 0.6, 1.0])
first_faults = st.builds(
    WebhookFaults,
    repeat=likely,
    reorder=likely,
    delay=probability,
    drop=probability,
    delay_seconds=st.sampled_from([0.0, 60.0, 3600.0]),
    seed=st.integers(0, 2**32),
)
faulty_steps = st.builds(lambda first, rest: [("faults", first), *rest], first_faults, steps)


# --- driving a sandbox in process or through its control API -----------------------------------------


class Driver(Protocol):
    """The world changes and webhook faults, whichever way the sandbox is reached."""

    def join(self, tier_id: str) -> None: ...
    def follow(self) -> None: ...
    def pledge(self, member_id: str, tier_id: str) -> None: ...
    def upgrade(self, member_id: str, tier_id: str) -> None: ...
    def cancel(self, member_id: str) -> None: ...
    def delete(self, member_id: str) -> None: ...
    def faults(self, faults: WebhookFaults) -> None: ...
    def pause(self, webhook_id: str) -> None: ...
    def resume(self, webhook_id: str) -> None: ...
    def release(self) -> None: ...
    def advance(self, seconds: float) -> None: ...


class InProcess:
    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def join(self, tier_id: str) -> None:
        self.sandbox.add_pledge(tier_id=tier_id)

    def follow(self) -> None:
        self.sandbox.add_follower()

    def pledge(self, member_id: str, tier_id: str) -> None:
        self.sandbox.add_pledge(member_id=member_id, tier_id=tier_id)

    def upgrade(self, member_id: str, tier_id: str) -> None:
        self.sandbox.update_pledge(member_id, tier_id=tier_id)

    def cancel(self, member_id: str) -> None:
        self.sandbox.delete_pledge(member_id)

    def delete(self, member_id: str) -> None:
        self.sandbox.delete_member(member_id)

    def faults(self, faults: WebhookFaults) -> None:
        self.sandbox.webhook_faults = faults

    def pause(self, webhook_id: str) -> None:
        self.sandbox.pause_webhook(webhook_id)

    def resume(self, webhook_id: str) -> None:
        self.sandbox.resume_webhook(webhook_id)

    def release(self) -> None:
        self.sandbox.release_webhooks()

    def advance(self, seconds: float) -> None:
        self.sandbox.advance_clock(seconds)
        self.sandbox.flush_webhooks()  # delayed events now due go out, as with the next event


class ThroughControl:
    def __init__(self, control: SandboxControl) -> None:
        self.control = control

    def join(self, tier_id: str) -> None:
        self.control.add_member(tier_id=tier_id)

    def follow(self) -> None:
        self.control.add_member(follower=True)

    def pledge(self, member_id: str, tier_id: str) -> None:
        self.control.add_pledge(member_id, tier_id=tier_id)

    def upgrade(self, member_id: str, tier_id: str) -> None:
        self.control.update_pledge(member_id, tier_id=tier_id)

    def cancel(self, member_id: str) -> None:
        self.control.delete_pledge(member_id)

    def delete(self, member_id: str) -> None:
        self.control.delete_member(member_id)

    def faults(self, faults: WebhookFaults) -> None:
        self.control.set_webhook_faults(faults)

    def pause(self, webhook_id: str) -> None:
        self.control.pause_webhook(webhook_id)

    def resume(self, webhook_id: str) -> None:
        self.control.resume_webhook(webhook_id)

    def release(self) -> None:
        self.control.release_webhooks()

    def advance(self, seconds: float) -> None:
        self.control.advance_clock(seconds)
        self.control.release_webhooks(due_only=True)


# --- the receiver: every delivery that arrives goes to the mirror ----------------------------------


@dataclass
class Receiver:
    """Verifies each delivery and applies it; counts what it applied, repeats, and any error."""

    mirror: MemberMirror
    secret: str
    applied: int = 0
    duplicates: int = 0
    after_each: Callable[[str], None] | None = None
    errors: list[BaseException] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> int:
        try:
            event = verify_and_parse(request.headers, request.content, self.secret)
            changes = self.mirror.apply(event)
        except Exception as exc:  # the sandbox would only see a 500; the test must see why
            self.errors.append(exc)
            return 500
        if changes is None:
            self.duplicates += 1
        else:
            self.applied += 1
        if self.after_each is not None and event.member is not None:
            self.after_each(event.member.id)
        return 200


def creator_client(sandbox: Sandbox, *, served: bool) -> PatreonCreatorClient:
    return PatreonCreatorClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token=sandbox.creator_token(),
        transport=None if served else sandbox.transport(),
        base_url=sandbox.base_url,
    )


def api_truth(client: PatreonCreatorClient, campaign_id: str) -> dict[str, Entitlement]:
    return {
        member.id: entitlement_of(member, page)
        for page in client.members.pages(campaign_id, include=member_include(), fields=member_fields())
        for member in page.data
    }


def assert_mirror_equals_api(mirror: MemberMirror, client: PatreonCreatorClient, campaign_id: str) -> None:
    truth = api_truth(client, campaign_id)
    assert mirror.count() == len(truth)
    assert {member_id: mirror.get(member_id) for member_id in truth} == truth


@dataclass
class History:
    """The sandbox's time, one number per world change, and the history fields moving with it."""

    step: int = 0
    # member id -> the overrides of its last charged change (absent: the world's own history)
    charged: dict[str, dict[str, Any]] = field(default_factory=dict)

    def before_change(self, sandbox: Sandbox, member_id: str | None, with_charge: bool) -> None:
        """A change at a later time than every earlier one: a charge moves last_charge_date and the
        lifetime total forward (Patreon's only move forward [PD member]); a change without one
        (a tier change, a cancellation) leaves them as they were."""
        self.step += 1
        if member_id is None:
            return
        record = sandbox.world.member_by_id(member_id)
        assert record is not None
        if with_charge or member_id not in self.charged:
            when = WORLD_NOW + dt.timedelta(days=1, hours=self.step)
            total = 10**7 + self.step  # above any total the world made up
            self.charged[member_id] = {
                "last_charge_date": when.isoformat(),
                "campaign_lifetime_support_cents": total,
                "lifetime_support_cents": total,
            }
        # A name that says when: every state of a member is then told apart from the others
        # (A -> B -> A would otherwise be one state at two times).
        stamp = {"full_name": f"Patron as of change {self.step}"}
        record.overrides = {**(record.overrides or {}), **self.charged[member_id], **stamp}


def _eligible(sandbox: Sandbox, kinds: tuple[Kind, ...]) -> list[str]:
    with sandbox.core.lock:
        return [record.id for record in sandbox.world.order if record.kind in kinds]


def run_steps(
    sandbox: Sandbox,
    driver: Driver,
    webhook_id: str,
    drawn: list[tuple[Any, ...]],
    history: History | None = None,
) -> None:
    """Apply the drawn steps; world changes pick their member among those they apply to."""
    tiers = sandbox.world.published_tier_ids  # Patreon lets no one join or move to an unpublished tier
    for step in drawn:
        kind = step[0]
        if kind == "faults":
            driver.faults(step[1])
        elif kind == "pause":
            driver.pause(webhook_id)
        elif kind == "resume":
            driver.resume(webhook_id)
        elif kind == "release":
            driver.release()
        elif kind == "advance":
            driver.advance(step[1])
        else:
            _change(sandbox, driver, step, tiers, history)


def _change(
    sandbox: Sandbox, driver: Driver, step: tuple[Any, ...], tiers: list[str], history: History | None
) -> None:
    kind, which, tier_index, with_charge = step
    tier_id = tiers[tier_index % len(tiers)]
    candidates = {
        "upgrade": (Kind.ACTIVE,),
        "cancel": (Kind.ACTIVE,),
        "return": (Kind.FORMER, Kind.FOLLOWER),
        "delete": (Kind.FOLLOWER,),
    }.get(kind)
    member_id: str | None = None
    if candidates is not None:
        eligible = _eligible(sandbox, candidates)
        if not eligible:
            return
        member_id = eligible[which % len(eligible)]
    if kind == "upgrade":  # to another tier than the member's own, so that the change is one
        record = sandbox.world.member_by_id(member_id or "")
        assert record is not None
        others = [
            tier for tier in tiers if record.tier is None or tier != sandbox.world.tiers[record.tier].id
        ]
        tier_id = others[tier_index % len(others)]
    if history is not None and kind != "delete":
        history.before_change(sandbox, member_id, with_charge)
    if kind == "join":
        driver.join(tier_id)
    elif kind == "follow":
        driver.follow()
    elif kind == "upgrade":
        assert member_id is not None
        driver.upgrade(member_id, tier_id)
    elif kind == "cancel":
        assert member_id is not None
        driver.cancel(member_id)
    elif kind == "return":
        assert member_id is not None
        driver.pledge(member_id, tier_id)
    else:
        assert member_id is not None
        driver.delete(member_id)


# --- the worlds --------------------------------------------------------------------------------------


@dataclass
class World:
    sandbox: Sandbox
    client: PatreonCreatorClient
    mirror: MemberMirror
    receiver: Receiver
    webhook_id: str


@contextlib.contextmanager
def world(directory: Path, seed: int, *, served: bool, bind_by_resync: bool = True) -> Iterator[World]:
    """A sandbox (served on loopback or not), a webhook whose deliveries a receiver applies to a
    fresh mirror, and the mirror bound to the campaign by a first resync or by campaign_id=."""
    with contextlib.ExitStack() as stack:
        sandbox = stack.enter_context(Sandbox(seed=seed, members=MEMBERS, rate_limits=None))
        if served:
            stack.enter_context(sandbox.serve_in_thread())
        client = stack.enter_context(creator_client(sandbox, served=served))
        hook = client.webhooks.create(campaign_id=sandbox.campaign_id, triggers=MEMBER_TRIGGERS, uri=URI).data
        assert hook.attributes.secret is not None
        bound = None if bind_by_resync else sandbox.campaign_id
        mirror = stack.enter_context(MemberMirror(directory / "members.db", campaign_id=bound))
        receiver = Receiver(mirror, hook.attributes.secret)
        sandbox.deliver_to(URI, receiver)
        if bind_by_resync:
            mirror.resync(client, sandbox.campaign_id)
        yield World(sandbox, client, mirror, receiver, hook.id)


# --- one resync after any mix of faults --------------------------------------------------------------


@PROPERTY
@given(drawn=faulty_steps, seed=st.integers(0, 3), bind_by_resync=st.booleans(), release=st.booleans())
def test_any_mix_of_faults_then_one_resync_equals_the_sandbox(
    tmp_path_factory: pytest.TempPathFactory,
    drawn: list[tuple[Any, ...]],
    seed: int,
    bind_by_resync: bool,
    release: bool,
) -> None:
    directory = tmp_path_factory.mktemp("convergence")
    with world(directory, seed, served=False, bind_by_resync=bind_by_resync) as w:
        run_steps(w.sandbox, InProcess(w.sandbox), w.webhook_id, drawn)
        if release:  # or not: held, queued and dropped events never arrive, and the resync must cover them
            w.sandbox.release_webhooks()
        w.mirror.resync(w.client, w.sandbox.campaign_id)
        assert_mirror_equals_api(w.mirror, w.client, w.sandbox.campaign_id)
        assert w.receiver.errors == []


@settings(PROPERTY, max_examples=8)
@given(drawn=faulty_steps, seed=st.integers(0, 3))
def test_served_sandbox_faults_through_the_control_api_then_one_resync(
    tmp_path_factory: pytest.TempPathFactory, drawn: list[tuple[Any, ...]], seed: int
) -> None:
    directory = tmp_path_factory.mktemp("served")
    with world(directory, seed, served=True) as w, SandboxControl(w.sandbox.base_url) as control:
        run_steps(w.sandbox, ThroughControl(control), w.webhook_id, drawn)
        w.mirror.resync(w.client, w.sandbox.campaign_id)
        assert_mirror_equals_api(w.mirror, w.client, w.sandbox.campaign_id)
        assert w.receiver.errors == []


def test_a_fixed_mix_exercises_every_fault(tmp_path: Path) -> None:
    """Not left to chance: one run in which each fault happens, checked by the sandbox's counters."""
    with world(tmp_path, 1, served=False) as w:
        sandbox = w.sandbox
        sandbox.webhook_faults = WebhookFaults(repeat=0.5, reorder=0.5, delay=0.3, drop=0.2, seed=3)
        drawn: list[tuple[Any, ...]] = [("join", 0, n % 4, True) for n in range(6)]
        drawn += [("upgrade", n, n, n % 2 == 0) for n in range(6)] + [("pause", None)]
        drawn += [("cancel", n, 0, False) for n in range(3)] + [("follow", 0, 0, False), ("resume", None)]
        drawn += [("return", n, 2, True) for n in range(3)] + [("delete", 0, 0, False)]
        run_steps(sandbox, InProcess(sandbox), w.webhook_id, drawn)
        stats = sandbox.stats
        assert min(stats.webhook_repeated, stats.webhook_reordered, stats.webhook_dropped) > 0
        assert stats.webhook_delayed > 0 and w.receiver.duplicates > 0 and w.receiver.applied > 0
        stale = api_truth(w.client, sandbox.campaign_id) != {
            member_id: w.mirror.get(member_id) for member_id in api_truth(w.client, sandbox.campaign_id)
        }
        assert stale  # the faults did leave the mirror behind...
        w.mirror.resync(w.client, sandbox.campaign_id)
        assert_mirror_equals_api(w.mirror, w.client, sandbox.campaign_id)  # ...and one resync caught up
        assert w.receiver.errors == []


# --- without a resync: never older than what was applied --------------------------------------------


@settings(PROPERTY, max_examples=40)
@given(drawn=faulty_steps, seed=st.integers(0, 3))
@example(  # one member changed three times, each delivery held back behind the next
    drawn=[
        ("faults", WebhookFaults(reorder=1.0, seed=5)),
        *[("upgrade", 0, tier, True) for tier in (1, 2, 3)],
    ],
    seed=1,
)
def test_faulty_deliveries_never_make_a_member_older(
    tmp_path_factory: pytest.TempPathFactory, drawn: list[tuple[Any, ...]], seed: int
) -> None:
    """After each delivery, the member's state in the mirror is never one the sandbox had before
    the state the mirror held, unless no field could order the two: then the later arrival is
    applied as the best guess and the member is marked, and ``reread`` makes it true."""
    directory = tmp_path_factory.mktemp("never-older")
    with world(directory, seed, served=False) as w:
        campaign = w.sandbox.campaign_id
        # member id -> [(step, state the API served from that step on)]
        timeline: dict[str, list[tuple[int, Entitlement]]] = {
            member_id: [(0, state)] for member_id, state in api_truth(w.client, campaign).items()
        }
        seen: list[tuple[str, Entitlement, bool]] = []

        def observe(member_id: str) -> None:
            state = w.mirror.get(member_id)
            if state is not None:  # None: deleted, a tombstone nothing brings back
                seen.append((member_id, state, member_id in w.mirror.marked()))

        w.receiver.after_each = observe
        history = History()
        for step in drawn:
            run_steps(w.sandbox, InProcess(w.sandbox), w.webhook_id, [step], history)
            for member_id, state in api_truth(w.client, campaign).items():
                states = timeline.setdefault(member_id, [])
                if not states or states[-1][1] != state:
                    states.append((history.step, state))
        w.sandbox.release_webhooks()  # whatever is still held arrives late, in the seed's order
        assert w.receiver.errors == []
        held: dict[str, tuple[tuple[int, int], Entitlement]] = {}
        guessed: set[str] = set()
        for member_id, state, marked in seen:
            steps_of = [step for step, known in timeline[member_id] if known == state]
            assert steps_of, f"the mirror holds a state of {member_id} the sandbox never had"
            span = (min(steps_of), max(steps_of))
            before = held.get(member_id)
            if before is not None and span[1] < before[0][0]:
                # Back in time: only a delivery no field could order, applied and marked.
                assert order(before[1], state) == "undecidable" and marked, (
                    f"{member_id} went back from the state of step {before[0][0]} to that of step {span[1]}"
                )
                guessed.add(member_id)
            held[member_id] = (span, state)
        w.mirror.reread(w.client)  # what the scheduled reread does: every guess is settled
        truth = api_truth(w.client, campaign)
        assert w.mirror.marked() == []
        assert {m: w.mirror.get(m) for m in guessed} == {m: truth.get(m) for m in guessed}
