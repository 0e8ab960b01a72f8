"""A deterministic Patreon world from a seed: creator, campaign, tiers, benefits, members, posts.

Members are kept compact so 100,000 build quickly: each is a small record (id, state, tier,
dates) made at build time; its attributes, user, address and pledge history are rendered on
demand from a per-member random stream, so they are the same on every read and every run.
Attribute *names* come from the schema table (``schema.attributes_of``): the world fills the
ones that carry meaning and ``values.fake_value`` fills the rest, new ones included.
"""

from __future__ import annotations

import bisect
import enum
import random
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from patreon_sandbox import values
from patreon_sandbox.schema import attributes_of, relationships_of
from patreon_sandbox.values import days_ago, iso, person, sentence, words

USER_ID_BASE = 50_000_000
ADDRESS_ID_BASE = 70_000_000
PLEDGE_EVENT_ID_BASE = 900_000_000
PLEDGE_EVENTS_PER_MEMBER = 100  # id space per member; histories are capped well below it
SUBSCRIPTION_EVENTS_SHOWN = 6

RelationshipValue = str | list[str] | None


class Kind(enum.IntEnum):
    """What a member is; drives every attribute that must agree with the others."""

    ACTIVE = 0
    DECLINED = 1
    FORMER = 2
    FOLLOWER = 3  # never paid: patron_status null [PD; sponsorkit PR #51]
    GIFTED = 4  # amount 0 but a tier (sponsorkit PR #112; PD PR #94)
    FREE_TRIAL = 5


ENTITLED_KINDS = frozenset({Kind.ACTIVE, Kind.GIFTED, Kind.FREE_TRIAL})


@dataclass
class Entity:
    """A fully materialised resource: its attributes and relationship linkage (ids)."""

    attributes: dict[str, Any]
    relationships: dict[str, RelationshipValue] = field(default_factory=dict)


@dataclass
class TierInfo:
    id: str
    title: str
    amount_cents: int
    published: bool
    deleted: bool = False


class MemberRecord:
    """The compact state of one member; attributes are rendered from it on demand."""

    __slots__ = (
        "address",
        "cadence",
        "currency",
        "history",
        "id",
        "kind",
        "overrides",
        "seq",
        "start_days",
        "tier",
    )

    def __init__(
        self, seq: int, member_id: str, kind: Kind, tier: int | None, cadence: int, start_days: float
    ) -> None:
        self.seq = seq
        self.id = member_id
        self.kind = kind
        self.tier = tier
        self.cadence = cadence
        self.start_days = start_days
        self.address = False
        self.currency = "USD"
        self.overrides: dict[str, Any] | None = None
        # What the member had paid, and when last, before its last change (None: never changed):
        # floors, since on Patreon lifetime support only grows and a past charge stays past
        # ("the total amount that the member has ever paid to the campaign" [PD member]).
        self.history: tuple[int, float | None] | None = None

    @property
    def user_id(self) -> str:
        return str(USER_ID_BASE + self.seq)

    @property
    def address_id(self) -> str | None:
        return str(ADDRESS_ID_BASE + self.seq) if self.address else None


@dataclass(frozen=True)
class SandboxUser:
    """A user of the world, as `sandbox.authorize(..., user=...)` takes it."""

    id: str
    full_name: str
    email: str | None
    is_creator: bool = False


def _uuid4(bits: int) -> str:
    """A version-4 UUID string from 128 random bits; member ids are UUIDs [PD samples, GO]."""
    h = f"{bits:032x}"
    variant = "89ab"[int(h[16], 16) & 3]
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:32]}"


class _Users(Sequence[SandboxUser]):
    """`sandbox.users`: the patrons' users, made on access (a 100,000-member world has 100,000)."""

    def __init__(self, world: World) -> None:
        self._world = world

    def __len__(self) -> int:
        return len(self._world.records)

    @overload
    def __getitem__(self, index: int) -> SandboxUser: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[SandboxUser]: ...
    def __getitem__(self, index: int | slice) -> SandboxUser | Sequence[SandboxUser]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        record = self._world.records[index]
        return self._world.user_of(record.seq)

    def __iter__(self) -> Iterator[SandboxUser]:
        for i in range(len(self)):
            yield self[i]


class World:
    """Every resource of the sandbox and the state changes tests make to it."""

    def __init__(self, seed: int = 0, members: int = 100) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        rng = self.rng
        self._stream_base = (seed & 0xFFFFFFFF) * 1_000_003
        self.entities: dict[tuple[str, str], Entity] = {}
        self.creator_id = str(rng.randrange(10_000_000, 20_000_000))
        self.campaign_id = str(rng.randrange(1_000_000, 9_000_000))
        self.vanity = f"{rng.choice(values.WORDS)}{rng.choice(values.WORDS)}"
        self.tiers: list[TierInfo] = []
        self._next_numeric_id = 20_000_000 + rng.randrange(1_000_000)
        self._build_creator()
        self._build_tiers()
        # Members: a list in creation order plus an id index; `seqs` parallels `order` for bisect.
        self.records: list[MemberRecord] = []  # by seq; deleted members stay (user ids are seq-based)
        self.deleted: set[int] = set()
        self.order: list[MemberRecord] = []
        self.seqs: list[int] = []
        self.by_id: dict[str, MemberRecord] = {}
        self.tier_patrons: Counter[int] = Counter()
        self._build_members(members)
        self._build_campaign()
        self._build_posts(max(12, min(60, members // 50)))
        self.users: Sequence[SandboxUser] = _Users(self)
        first, last = self._creator_name
        self.creator = SandboxUser(self.creator_id, f"{first} {last}", self._creator_email, is_creator=True)

    # --- ids and random streams ------------------------------------------------------------

    def new_numeric_id(self) -> str:
        self._next_numeric_id += self.rng.randrange(1, 97)
        return str(self._next_numeric_id)

    def stream(self, seq: int, salt: int) -> random.Random:
        """The random stream of one lazily rendered resource: same values on every read."""
        return values.Stream(self._stream_base + seq * 16 + salt)

    def fill(self, type_name: str, known: Mapping[str, Any], rng: random.Random) -> dict[str, Any]:
        """Every attribute of `type_name` in the schema: `known` values first, plausible fakes after."""
        result: dict[str, Any] = {}
        for name, info in attributes_of(type_name).items():
            result[name] = known[name] if name in known else values.fake_value(name, info, rng)
        return result

    # --- creator, tiers, benefits, campaign ---------------------------------------------------

    def _build_creator(self) -> None:
        rng = self.rng
        first, last = person(rng)
        self._creator_name = (first, last)
        self._creator_email = f"{first.lower()}.{last.lower()}@creator.example.com"
        known = {
            "about": sentence(rng, 14),
            "created": iso(days_ago(2400)),
            "email": self._creator_email,
            "first_name": first,
            "full_name": f"{first} {last}",
            "last_name": last,
            "image_url": f"https://c8.patreon.com/3/200/{self.creator_id}",
            "thumb_url": f"https://c8.patreon.com/3/100/{self.creator_id}",
            "is_creator": True,
            "is_email_verified": True,
            "url": f"https://www.patreon.com/{self.vanity}",
            "vanity": self.vanity,  # deprecated in favour of campaign.vanity [PD 2024-12]
            "social_connections": _social_connections(rng),
            "like_count": rng.randrange(50, 5000),
        }
        self.entities[("user", self.creator_id)] = Entity(
            self.fill("user", known, rng), {"campaign": self.campaign_id, "memberships": []}
        )

    def _build_tiers(self) -> None:
        rng = self.rng
        plans = [
            ("Supporter", 300, True, False),
            ("Fan", 500, True, False),
            ("Insider", 1000, True, False),
            ("Producer", 2500, True, False),
            ("Early Bird (retired)", 200, False, False),  # unpublished: in campaign.tiers, published false
            ("Launch Special", 100, False, True),  # deleted: only pledge_history remembers it ([PAT] #103)
        ]
        benefit_ids = [self.new_numeric_id() for _ in range(4)]
        for index, (title, amount, published, deleted) in enumerate(plans):
            tier = TierInfo(self.new_numeric_id(), title, amount, published, deleted)
            self.tiers.append(tier)
            if deleted:
                continue
            image_id = self.new_numeric_id()
            created = days_ago(2000 - index * 90)
            user_limit = 200 if title == "Producer" else None
            known = {
                "amount_cents": amount,
                "created_at": iso(created),
                "description": f"<p>{sentence(rng, 12)}</p>",
                "discord_role_ids": [str(rng.randrange(10**17, 10**18))] if rng.random() < 0.6 else None,
                "edited_at": iso(created + 40 * values.DAY),
                "image_url": f"https://c10.patreonusercontent.com/tier/{image_id}.png",
                "post_count": rng.randrange(0, 80),
                "published": published,
                "published_at": iso(created + values.DAY) if published else iso(created),
                "remaining": None,  # set from patron counts on read
                "requires_shipping": title == "Insider",
                "title": title,
                "unpublished_at": None if published else iso(days_ago(300)),
                "url": f"/checkout/{self.vanity}?rid={tier.id}",
                "user_limit": user_limit,
            }
            self.entities[("tier", tier.id)] = Entity(
                self.fill("tier", known, rng),
                {
                    "benefits": benefit_ids[: min(4, index + 1)],
                    "campaign": self.campaign_id,
                    "tier_image": image_id,
                },
            )
            self.entities[("media", image_id)] = Entity(self._media(image_id, tier.id, rng))
        for index, benefit_id in enumerate(benefit_ids):
            tier_ids = [t.id for t in self.tiers[index:4]]
            known = {
                "app_external_id": None,
                "app_meta": None,
                "benefit_type": "custom",
                "created_at": iso(days_ago(1900 - index * 30)),
                "description": sentence(rng, 9),
                "is_deleted": False,
                "is_ended": index == 3 and rng.random() < 0.5,
                "is_published": True,
                "rule_type": ("eom_monthly", "one_time_immediate", "eom_monthly", "specific_dates")[index],
                "tiers_count": len(tier_ids),
                "title": ("Early access", "Monthly wallpaper", "Postcard", "Producer credit")[index],
            }
            self.entities[("benefit", benefit_id)] = Entity(
                self.fill("benefit", known, rng),
                {"campaign": self.campaign_id, "deliverables": [], "tiers": tier_ids},
            )
        self.benefit_ids = benefit_ids

    def _media(self, media_id: str, owner_id: str, rng: random.Random) -> dict[str, Any]:
        base = f"https://c10.patreonusercontent.com/4/patreon-media/{media_id}"
        known = {
            "created_at": iso(days_ago(rng.uniform(300, 1500))),
            "download_url": f"{base}/original.png?token-time={rng.randrange(10**9, 2 * 10**9)}",
            "file_name": f"tier-{owner_id}.png",
            "image_urls": {"default": f"{base}/default.png", "thumbnail": f"{base}/thumb.png"},
            "metadata": {"dimensions": {"w": 1200, "h": 800}},
            "mimetype": "image/png",
            "owner_id": owner_id,
            "owner_relationship": "image",
            "owner_type": "reward",
            "size_bytes": rng.randrange(20_000, 900_000),
            "state": "ready",
            "upload_expires_at": iso(days_ago(rng.uniform(300, 1500))),
            "upload_parameters": {},
            "upload_url": "",
        }
        return self.fill("media", known, rng)

    def _build_campaign(self) -> None:
        rng = self.rng
        tier_ids = [t.id for t in self.tiers if not t.deleted]
        self.live_access_rule_ids = []
        for kind, tier_id in (("public", None), ("patron", None), ("tier", tier_ids[2])):
            rule_id = self.new_numeric_id()
            self.live_access_rule_ids.append(rule_id)
            self.entities[("live-access-rule", rule_id)] = Entity(
                self.fill("live-access-rule", {"access_rule_type": kind}, rng), {"tier": tier_id}
            )
        known = {
            "created_at": iso(days_ago(2100)),
            "creation_name": f"{words(rng, 2)} comics",
            "currency": "USD",
            "discord_server_id": str(rng.randrange(10**17, 10**18)),
            "google_analytics_id": None,
            "has_rss": True,
            "has_sent_rss_notify": True,
            "image_small_url": f"https://c10.patreonusercontent.com/campaign/{self.campaign_id}/small.png",
            "image_url": f"https://c10.patreonusercontent.com/campaign/{self.campaign_id}/banner.png",
            "is_charged_immediately": True,
            "is_monthly": True,
            "is_nsfw": False,
            "main_video_embed": None,
            "main_video_url": None,
            "name": self.vanity.title(),
            "one_liner": None,
            "pay_per_name": "month",
            "pledge_url": f"/join/{self.vanity}",  # relative, as Patreon sends it [PD]
            "published_at": iso(days_ago(2090)),
            "rss_artwork_url": None,
            "rss_feed_title": None,  # [GO] shows null
            "show_earnings": False,
            "summary": f"<p>{sentence(rng, 20)}</p>",
            "thanks_embed": None,
            "thanks_msg": sentence(rng, 7),
            "thanks_video_url": None,
            "url": f"https://www.patreon.com/{self.vanity}",
            "vanity": self.vanity,
        }
        self.entities[("campaign", self.campaign_id)] = Entity(
            self.fill("campaign", known, rng),
            {
                "benefits": list(self.benefit_ids),
                "creator": self.creator_id,
                "goals": [],  # deprecated, always empty [PD 2024-12]
                "tiers": tier_ids,
                "live_access_rules": list(self.live_access_rule_ids),
            },
        )

    # --- members ----------------------------------------------------------------------------

    def _build_members(self, count: int) -> None:
        rng = self.rng
        getrandbits = rng.getrandbits
        random_ = rng.random
        weights = (0.45, 0.75, 0.93, 1.0)  # cumulative: Supporter, Fan, Insider, Producer
        for _ in range(count):
            roll = random_()
            if roll < 0.62:
                sub = random_()
                kind = Kind.GIFTED if sub < 0.02 else Kind.FREE_TRIAL if sub < 0.05 else Kind.ACTIVE
            elif roll < 0.70:
                kind = Kind.DECLINED
            elif roll < 0.82:
                kind = Kind.FORMER
            else:
                kind = Kind.FOLLOWER
            tier: int | None = None
            if kind is not Kind.FOLLOWER:
                pick = random_()
                tier = next(i for i, edge in enumerate(weights) if pick < edge)
                if kind is Kind.FORMER and random_() < 0.25:
                    tier = 5  # the deleted tier
            self._add_record(kind, tier, 12 if random_() < 0.08 else 1, 1 + random_() * 900, getrandbits(128))

    def _add_record(
        self, kind: Kind, tier: int | None, cadence: int, start_days: float, bits: int
    ) -> MemberRecord:
        seq = len(self.records)
        record = MemberRecord(seq, _uuid4(bits), kind, tier, cadence, start_days)
        # Shipping tiers collect an address; a few others gave one earlier. Followers never did.
        if tier is not None:
            record.address = tier == 2 or (bits & 0xFF) < 38
        if (bits >> 8) & 0xF == 0:
            record.currency = "EUR"
        self.records.append(record)
        self.order.append(record)
        self.seqs.append(seq)
        self.by_id[record.id] = record
        if kind in ENTITLED_KINDS and tier is not None:
            self.tier_patrons[tier] += 1
        return record

    def add_member(self, kind: Kind, tier: int | None, *, cadence: int = 1) -> MemberRecord:
        return self._add_record(kind, tier, cadence, 0.0, self.rng.getrandbits(128))

    def set_member_state(self, record: MemberRecord, kind: Kind, tier: int | None) -> None:
        # A downgrade or cancellation must not lower what was paid or move the last charge back.
        record.history = self.payment_history(record)
        if record.kind in ENTITLED_KINDS and record.tier is not None:
            self.tier_patrons[record.tier] -= 1
        record.kind = kind
        record.tier = tier
        if kind in ENTITLED_KINDS and tier is not None:
            self.tier_patrons[tier] += 1
            if tier == 2:
                record.address = True

    def remove_member(self, record: MemberRecord) -> None:
        self.set_member_state(record, Kind.FOLLOWER, None)
        index = bisect.bisect_left(self.seqs, record.seq)
        del self.seqs[index]
        del self.order[index]
        del self.by_id[record.id]
        self.deleted.add(record.seq)

    def member_by_id(self, member_id: str) -> MemberRecord | None:
        return self.by_id.get(member_id)

    def tier_index(self, tier_id: str) -> int | None:
        for index, tier in enumerate(self.tiers):
            if tier.id == tier_id and not tier.deleted:
                return index
        return None

    @property
    def published_tier_ids(self) -> list[str]:
        return [t.id for t in self.tiers if t.published and not t.deleted]

    def _person(self, seq: int) -> tuple[str, str, str | None]:
        # One 64-bit draw sliced into fields: the hot path of every page renders this per member.
        word = self.stream(seq, 1).getrandbits(64)
        first = values.FIRST_NAMES[(word & 0xFFFF) % len(values.FIRST_NAMES)]
        last = values.LAST_NAMES[((word >> 16) & 0xFFFF) % len(values.LAST_NAMES)]
        # Members can have no email (RaiderIO/keystone.guru#1538).
        email = None if (word >> 32) % 100 == 0 else f"{first.lower()}.{last.lower()}.{seq}@example.com"
        return first, last, email

    def user_of(self, seq: int) -> SandboxUser:
        first, last, email = self._person(seq)
        return SandboxUser(str(USER_ID_BASE + seq), f"{first} {last}", email)

    def payment_history(self, record: MemberRecord) -> tuple[int, float | None]:
        """(campaign_lifetime_support_cents, last charge timestamp or None) as rendered now: what
        the member's kind and tier give, never below what it had before a change."""
        tier = self.tiers[record.tier] if record.tier is not None else None
        amount = tier.amount_cents if tier is not None else 0
        start = record.start_days
        months = max(1, int(start // 30))
        charged: float | None = days_ago(start % (30.0 * record.cadence))
        kind = record.kind
        lifetime = amount * months
        if kind in (Kind.GIFTED, Kind.FOLLOWER):
            lifetime, charged = 0, None
        elif kind is Kind.FREE_TRIAL:
            lifetime = 0
        elif kind is Kind.DECLINED:
            lifetime = amount * (months - 1)
        elif kind is Kind.FORMER:
            ended = start / 3
            charged = days_ago(ended)
            lifetime = amount * max(1, months - int(ended // 30))
        if record.history is not None:
            paid_before, charged_before = record.history
            lifetime = max(lifetime, paid_before)
            if charged_before is not None and (
                charged is None or charged < charged_before or kind is Kind.FORMER
            ):
                charged = charged_before  # and a cancellation charges nothing: its last charge stays
        return lifetime, charged

    def member_attributes(self, record: MemberRecord) -> dict[str, Any]:
        rng = self.stream(record.seq, 2)
        first, last, email = self._person(record.seq)
        kind = record.kind
        tier = self.tiers[record.tier] if record.tier is not None else None
        amount = tier.amount_cents if tier is not None else 0
        cadence_days = 30.0 * record.cadence
        start = record.start_days
        months = max(1, int(start // 30))
        last_charge_days = start % cadence_days
        known: dict[str, Any] = {
            "email": email,
            "full_name": f"{first} {last}",
            "is_follower": False,  # deprecated, always false [PD]
            "is_free_trial": kind is Kind.FREE_TRIAL,
            "is_gifted": kind is Kind.GIFTED,
            "note": sentence(rng, 6) if rng.random() < 0.05 else "",
            "pledge_cadence": record.cadence,
            "pledge_relationship_start": iso(days_ago(start)),
            "last_charge_status": "Paid",
            "last_charge_date": iso(days_ago(last_charge_days)),
            "next_charge_date": iso(days_ago(last_charge_days - cadence_days), micro=False),
            "currently_entitled_amount_cents": amount,
            "will_pay_amount_cents": amount * record.cadence,
            "campaign_lifetime_support_cents": amount * months,
            "patron_status": "active_patron",
        }
        if kind is Kind.ACTIVE and rng.random() < 0.04:
            known["last_charge_status"] = "Pending"
        elif kind is Kind.GIFTED:
            known.update(
                currently_entitled_amount_cents=0,
                will_pay_amount_cents=0,
                campaign_lifetime_support_cents=0,
                last_charge_status=None,
                last_charge_date=None,
                next_charge_date=None,
                pledge_cadence=None,
            )
        elif kind is Kind.FREE_TRIAL:
            known.update(last_charge_status="Free Trial", campaign_lifetime_support_cents=0)
        elif kind is Kind.DECLINED:
            known.update(
                patron_status="declined_patron",
                last_charge_status="Declined",
                currently_entitled_amount_cents=0,
                campaign_lifetime_support_cents=amount * (months - 1),
            )
        elif kind is Kind.FORMER:
            ended = start / 3
            known.update(
                patron_status="former_patron",
                last_charge_status=rng.choice(("Paid", "Paid", "Refunded", "Deleted")),
                last_charge_date=iso(days_ago(ended)),
                next_charge_date=None,
                currently_entitled_amount_cents=0,
                will_pay_amount_cents=0,
                campaign_lifetime_support_cents=amount * max(1, months - int(ended // 30)),
            )
        elif kind is Kind.FOLLOWER:
            # Never pledged: patron_status and every charge field null [PD; sponsorkit PR #51];
            # the [PD] webhook sample shows currently_entitled_amount_cents null for a follower.
            known.update(
                patron_status=None,
                last_charge_status=None,
                last_charge_date=None,
                next_charge_date=None,
                currently_entitled_amount_cents=None,
                will_pay_amount_cents=0,
                campaign_lifetime_support_cents=0,
                pledge_cadence=None,
                pledge_relationship_start=None,
            )
        if record.history is not None:  # changed since the world was made: keep its history monotonic
            paid, charged = self.payment_history(record)
            known["campaign_lifetime_support_cents"] = paid
            if charged is not None:
                known["last_charge_date"] = iso(charged)
        known["lifetime_support_cents"] = known["campaign_lifetime_support_cents"]  # deprecated twin [PD]
        attributes = self.fill("member", known, rng)
        if record.overrides:
            attributes.update(record.overrides)
        return attributes

    def member_relationships(
        self, record: MemberRecord, names: Iterable[str] | None = None
    ) -> dict[str, RelationshipValue]:
        """Linkage of a member's relationships (only `names`, when given: pledge history costs)."""
        wanted = set(names) if names is not None else None
        result: dict[str, RelationshipValue] = {}
        if wanted is None or "address" in wanted:
            result["address"] = record.address_id
        if wanted is None or "campaign" in wanted:
            result["campaign"] = self.campaign_id
        if wanted is None or "currently_entitled_tiers" in wanted:
            tier = self.tiers[record.tier] if record.tier is not None else None
            entitled = record.kind in ENTITLED_KINDS and tier is not None and not tier.deleted
            result["currently_entitled_tiers"] = [tier.id] if entitled and tier is not None else []
        if wanted is None or "pledge_history" in wanted:
            result["pledge_history"] = self._pledge_event_ids(record)
        if wanted is None or "user" in wanted:
            result["user"] = record.user_id
        return result

    def _pledge_plan(self, record: MemberRecord) -> list[tuple[int, str, float, str, str]]:
        """(k, type, days ago, payment_status, pledge_payment_status), newest first.

        Upgrades and downgrades are never returned by Patreon (platform-documentation#41).
        """
        if record.kind is Kind.FOLLOWER or record.tier is None:
            return []
        start = record.start_days
        plan = [
            (0, "pledge_start", start, "Free Trial" if record.kind is Kind.FREE_TRIAL else "Paid", "valid")
        ]
        if record.kind not in (Kind.GIFTED, Kind.FREE_TRIAL):
            end = start / 3 if record.kind is Kind.FORMER else 0.0
            step = 30.0 * record.cadence
            charges = [start - step * n for n in range(1, int((start - end) // step) + 1)]
            for day in charges[-SUBSCRIPTION_EVENTS_SHOWN:]:
                plan.append((len(plan), "subscription", day, "Paid", "valid"))
            if record.kind is Kind.DECLINED:
                plan.append((len(plan), "subscription", 2.0, "Declined", "declined"))
            if record.kind is Kind.FORMER:
                plan.append((len(plan), "pledge_delete", end, "Paid", "valid"))
        plan.reverse()
        return plan

    def _pledge_event_ids(self, record: MemberRecord) -> list[str]:
        base = PLEDGE_EVENT_ID_BASE + record.seq * PLEDGE_EVENTS_PER_MEMBER
        return [str(base + step[0]) for step in self._pledge_plan(record)]

    def _pledge_event_attributes(
        self, record: MemberRecord, step: tuple[int, str, float, str, str]
    ) -> dict[str, Any]:
        assert record.tier is not None
        tier = self.tiers[record.tier]
        _, kind, days, status, payment = step
        return {
            "amount_cents": 0 if record.kind is Kind.GIFTED else tier.amount_cents,
            "currency_code": record.currency,  # the patron's currency, not the campaign's [PD]
            "date": iso(days_ago(days)),
            "payment_status": status,
            "pledge_payment_status": payment,
            "tier_id": tier.id,
            "tier_title": tier.title,
            "type": kind,
        }

    def pledge_event(self, event_id: str) -> tuple[MemberRecord, dict[str, Any]] | None:
        number = int(event_id) - PLEDGE_EVENT_ID_BASE if event_id.isdigit() else -1
        record = self._record_at(number // PLEDGE_EVENTS_PER_MEMBER) if number >= 0 else None
        if record is None:
            return None
        k = number % PLEDGE_EVENTS_PER_MEMBER
        for step in self._pledge_plan(record):
            if step[0] == k:
                return record, self.fill(
                    "pledge-event", self._pledge_event_attributes(record, step), self.stream(record.seq, 5)
                )
        return None

    def _record_at(self, seq: int) -> MemberRecord | None:
        if 0 <= seq < len(self.records) and seq not in self.deleted:
            return self.records[seq]
        return None

    def _lazy_seq(self, resource_id: str, base: int) -> MemberRecord | None:
        return self._record_at(int(resource_id) - base) if resource_id.isdigit() else None

    def patron_user_attributes(self, record: MemberRecord) -> dict[str, Any]:
        rng = self.stream(record.seq, 3)
        first, last, email = self._person(record.seq)
        word = rng.getrandbits(64)

        def chance(shift: int, percent: int) -> bool:
            return (word >> shift) % 100 < percent

        user_id = record.user_id
        known = {
            "about": sentence(rng, 10) if chance(0, 20) else None,
            "can_see_nsfw": None if chance(7, 30) else chance(14, 50),
            "created": iso(days_ago(record.start_days + 1 + (word >> 21) % 600)),
            "email": email,
            "first_name": None if chance(31, 5) else first,
            "full_name": f"{first} {last}",
            "hide_pledges": None if chance(38, 30) else chance(45, 20),
            "image_url": f"https://c8.patreon.com/3/200/{user_id}",
            "is_creator": False,
            "is_email_verified": not chance(52, 5),
            "last_name": None if chance(57, 15) else last,
            "like_count": (word >> 40) % 300,
            "social_connections": _social_connections(rng),
            "thumb_url": f"https://c8.patreon.com/3/100/{user_id}",
            "url": f"https://www.patreon.com/user?u={user_id}",
            "vanity": None,  # deprecated [PD 2024-12]
        }
        return self.fill("user", known, rng)

    def address_attributes(self, record: MemberRecord) -> dict[str, Any]:
        rng = self.stream(record.seq, 4)
        first, last, _ = self._person(record.seq)
        country, state, postal = rng.choice(values.COUNTRIES)
        known = {
            "addressee": None if rng.random() < 0.05 else f"{first} {last}",
            "city": rng.choice(("Springfield", "Riverton", "Lakeside", "Hillcrest", "Fairview")),
            "country": country,
            "created_at": iso(days_ago(record.start_days)),
            "line_1": f"{rng.randrange(1, 999)} {rng.choice(values.WORDS).title()} Street",
            "line_2": f"Apt {rng.randrange(1, 40)}" if rng.random() < 0.3 else None,
            "phone_number": None if country == "US" else f"+44 20 7946 0{rng.randrange(100, 999)}",
            "postal_code": postal,
            "state": state,
        }
        return self.fill("address", known, rng)

    # --- posts ------------------------------------------------------------------------------

    def _build_posts(self, count: int) -> None:
        self.post_ids: list[str] = []
        for index in range(count):
            self.add_post(days=count * 7 - index * 7 + 1, published=index % 9 != 4)

    def add_post(self, *, days: float = 0.0, published: bool = True, title: str | None = None) -> str:
        rng = self.rng
        post_id = self.new_numeric_id()
        is_public = rng.random() < 0.3
        post_title = title or words(rng, 3).title()
        slug = post_title.lower().replace(" ", "-")
        embed = rng.random() < 0.2
        known = {
            "app_id": None,
            "app_status": None,
            "content": f"<p>{sentence(rng, 30)}</p>",
            "embed_data": {"url": f"https://www.youtube.com/watch?v={post_id}"} if embed else None,
            "embed_url": f"https://www.youtube.com/watch?v={post_id}" if embed else None,
            "is_paid": rng.random() < 0.1,
            "is_public": is_public,
            "published_at": iso(days_ago(days)) if published else None,
            "tiers": None if is_public else self.published_tier_ids[rng.randrange(0, 3) :],
            "title": post_title,
            "url": f"/posts/{slug}-{post_id}",
        }
        self.entities[("post", post_id)] = Entity(
            self.fill("post", known, rng), {"user": self.creator_id, "campaign": self.campaign_id}
        )
        self.post_ids.append(post_id)
        return post_id

    # --- generic access (what the JSON:API layer reads) -----------------------------------------

    def exists(self, type_name: str, resource_id: str) -> bool:
        if (type_name, resource_id) in self.entities:
            return True
        if type_name == "member":
            return resource_id in self.by_id
        if type_name == "user":
            return self._lazy_seq(resource_id, USER_ID_BASE) is not None
        if type_name == "address":
            record = self._lazy_seq(resource_id, ADDRESS_ID_BASE)
            return record is not None and record.address
        if type_name == "pledge-event":
            return self.pledge_event(resource_id) is not None
        return False

    def attributes(self, type_name: str, resource_id: str) -> dict[str, Any]:
        """Every attribute of one resource (the JSON:API layer picks what `fields` asks for)."""
        entity = self.entities.get((type_name, resource_id))
        if entity is not None:
            attributes = entity.attributes
            if type_name == "campaign":
                attributes = dict(attributes, patron_count=self.patron_count())
            elif type_name == "tier":
                attributes = self._tier_with_counts(resource_id, attributes)
            return attributes
        if type_name == "member":
            return self.member_attributes(self.by_id[resource_id])
        if type_name == "user":
            return self.patron_user_attributes(self._require(self._lazy_seq(resource_id, USER_ID_BASE)))
        if type_name == "address":
            return self.address_attributes(self._require(self._lazy_seq(resource_id, ADDRESS_ID_BASE)))
        if type_name == "pledge-event":
            found = self.pledge_event(resource_id)
            if found is not None:
                return found[1]
        raise KeyError((type_name, resource_id))

    def relationships(self, type_name: str, resource_id: str) -> dict[str, RelationshipValue]:
        entity = self.entities.get((type_name, resource_id))
        if entity is not None:
            return entity.relationships
        if type_name == "member":
            return self.member_relationships(self.by_id[resource_id])
        if type_name == "user":
            record = self._require(self._lazy_seq(resource_id, USER_ID_BASE))
            memberships = [] if record.seq in self.deleted else [record.id]
            return {"campaign": None, "memberships": memberships}
        if type_name == "address":
            record = self._require(self._lazy_seq(resource_id, ADDRESS_ID_BASE))
            return {"campaigns": [self.campaign_id], "user": record.user_id}
        if type_name == "pledge-event":
            found = self.pledge_event(resource_id)
            if found is not None:
                record = found[0]
                tier = self.tiers[record.tier] if record.tier is not None else None
                return {
                    "campaign": self.campaign_id,
                    "patron": record.user_id,
                    "tier": tier.id if tier is not None and not tier.deleted else None,
                }
        raise KeyError((type_name, resource_id))

    def related(self, type_name: str, resource_id: str, name: str) -> RelationshipValue:
        """Linkage ids of one relationship; empty (None / []) when the world has nothing there."""
        value = self.relationships(type_name, resource_id).get(name)
        if value is None:
            target = relationships_of(type_name).get(name)
            return [] if target is not None and target[1] else None
        return value

    @staticmethod
    def _require(record: MemberRecord | None) -> MemberRecord:
        if record is None:
            raise KeyError("no such resource")
        return record

    def patron_count(self) -> int:
        return sum(count for index, count in self.tier_patrons.items() if not self.tiers[index].deleted)

    def _tier_with_counts(self, tier_id: str, attributes: dict[str, Any]) -> dict[str, Any]:
        index = self.tier_index(tier_id)
        count = self.tier_patrons[index] if index is not None else 0
        limit = attributes.get("user_limit")
        remaining = max(0, limit - count) if isinstance(limit, int) else None
        return dict(attributes, patron_count=count, remaining=remaining)


_PLATFORMS = ("deviantart", "discord", "facebook", "reddit", "spotify", "twitch", "twitter", "youtube")


def _social_connections(rng: random.Random) -> dict[str, Any]:
    # Each value is null or {user_id, url?} [GO; PD-hist; PAT]; about one in seven is connected.
    word = rng.getrandbits(64)
    result: dict[str, Any] = {}
    for index, platform in enumerate(_PLATFORMS):
        if (word >> (index * 8)) & 0xFF < 37:
            result[platform] = {"user_id": str(10**17 + (word >> index) % 9 * 10**17 + index), "url": None}
        else:
            result[platform] = None
    return result
