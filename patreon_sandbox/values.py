"""Plausible attribute values from a schema entry: by enum, format, JSON type and name.

The world sets what carries meaning (amounts, statuses, dates that must agree); every other
attribute, including any the spec adds later, gets a value from ``fake_value`` here.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from patreon_generated.schema import AttributeInfo

# A fixed "now" keeps a seed's world identical on every run and machine.
WORLD_NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
_WORLD_NOW_TS = WORLD_NOW.timestamp()
DAY = 86_400.0

# Share of nullable attributes without a rule of their own that come back null.
NULL_RATE = 0.25

FIRST_NAMES = (
    "Ada", "Alan", "Amara", "Bea", "Bilal", "Carmen", "Chen", "Dara", "Diego", "Elif", "Emeka", "Farah",
    "Finn", "Grace", "Hana", "Hugo", "Ines", "Ivan", "Jae", "Jonas", "Kai", "Kemal", "Lena", "Luca",
    "Maya", "Mateo", "Nadia", "Noor", "Olu", "Omar", "Priya", "Quinn", "Rosa", "Ravi", "Sana", "Sven",
    "Tariq", "Tess", "Uma", "Vera", "Wei", "Yara", "Yusuf", "Zoe",
)  # fmt: skip
LAST_NAMES = (
    "Abara", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jansen",
    "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi", "Silva",
    "Tanaka", "Ueda", "Varga", "Wong", "Xu", "Yilmaz", "Zhang",
)  # fmt: skip
WORDS = (
    "amber", "bright", "cedar", "delta", "ember", "fable", "grove", "harbor", "indigo", "juniper",
    "kettle", "lantern", "meadow", "nova", "orbit", "pixel", "quill", "river", "signal", "timber",
    "umber", "velvet", "willow", "zenith",
)  # fmt: skip
COUNTRIES = (("US", "CA", "94110"), ("GB", None, "SW1A 1AA"), ("DE", None, "10115"), ("CA", "ON", "M5V 2T6"))
CURRENCIES = ("USD", "EUR", "GBP", "CAD")


def iso(timestamp: float, *, micro: bool = True) -> str:
    """ISO-8601 with an offset; Patreon sends it with or without microseconds [PD samples]."""
    moment = dt.datetime.fromtimestamp(timestamp, dt.UTC)
    if not micro:
        moment = moment.replace(microsecond=0)
    return moment.isoformat()


def days_ago(days: float) -> float:
    return _WORLD_NOW_TS - days * DAY


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def sentence(rng: random.Random, count: int = 8) -> str:
    text = words(rng, count)
    return text[:1].upper() + text[1:] + "."


def person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)


def _string_for(name: str, info: AttributeInfo, rng: random.Random) -> str:
    if info["format"] == "uri" or name.endswith("_url") or name == "url":
        return f"https://www.patreon.com/{rng.choice(WORDS)}/{rng.randrange(10**6, 10**7)}"
    if name == "email" or name.endswith("_email"):
        return f"{rng.choice(FIRST_NAMES).lower()}.{rng.randrange(10**5)}@example.com"
    if name.endswith("_id") or name.endswith("_ids"):
        return str(rng.randrange(10**8, 10**9))
    if name in {"description", "summary", "about", "content", "note"} or name.endswith("_msg"):
        return sentence(rng, rng.randint(6, 16))
    if "name" in name or "title" in name:
        return words(rng, 2).title()
    if name.endswith("currency") or name == "currency_code":
        return rng.choice(CURRENCIES)
    return words(rng, 2)


def fake_value(name: str, info: AttributeInfo, rng: random.Random, *, allow_null: bool = True) -> Any:
    """A value that fits ``info`` (enum, format, JSON type), shaped by the attribute's name."""
    if allow_null and info["nullable"] and rng.random() < NULL_RATE:
        return None
    if info["enum"]:
        return rng.choice(info["enum"])
    if info["format"] == "date-time":
        return iso(days_ago(rng.uniform(1, 1000)), micro=rng.random() < 0.5)
    json_type = info["json_type"]
    if json_type == "boolean":
        return rng.random() < 0.5
    if json_type == "integer":
        if name.endswith("_cents"):
            return rng.randrange(1, 200) * 100
        return rng.randrange(0, 500)
    if json_type == "number":
        return round(rng.uniform(0, 100), 2)
    if json_type == "object":
        return {"source": rng.choice(WORDS)}
    if json_type == "array":
        return [str(rng.randrange(10**17, 10**18)) for _ in range(rng.randint(0, 2))]
    return _string_for(name, info, rng)


_MASK64 = (1 << 64) - 1


class Stream(random.Random):
    """A `random.Random` that is cheap to create: splitmix64 instead of seeding a Mersenne Twister.

    Every lazily rendered resource gets its own stream (so it reads the same every time); seeding
    a Mersenne Twister costs more than rendering the resource, this costs next to nothing.
    """

    _state: int

    def seed(self, a: object = None, /, *args: object) -> None:
        self._state = (a if isinstance(a, int) else 0) & _MASK64
        self.gauss_next = None

    def _next(self) -> int:
        self._state = z = (self._state + 0x9E3779B97F4A7C15) & _MASK64
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
        return z ^ (z >> 31)

    def random(self) -> float:
        return (self._next() >> 11) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k: int) -> int:
        if k <= 64:
            return self._next() >> (64 - k)
        value = 0
        for _ in range(0, k, 64):
            value = (value << 64) | self._next()
        return value >> (-k % 64)
