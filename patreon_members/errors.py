"""The membership layer's errors, all under the library's one root, ``PatreonError``.

Each names what to do: the ``fields``/``include`` to add, the database (file, or host:port/db of a
server: never a DSN password) that failed and how.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from patreon_auth.errors import PatreonError

StorageProblem = Literal["locked", "full", "read_only", "gone", "unavailable", "other"]


class MembersError(PatreonError):
    """Anything the membership layer refuses or cannot do."""


class MissingFieldsError(MembersError, ValueError):
    """A member was read without a field or include that entitlement needs.

    Never answered as "not entitled": a member whose ``patron_status`` was not requested is not a
    follower. ``fields`` (JSON:API type -> attribute names) and ``include`` name what to add to the
    request; ``patreon_members.member_fields()`` / ``member_include()`` request exactly that.
    """

    def __init__(self, what: str, *, fields: Mapping[str, Sequence[str]], include: Sequence[str]) -> None:
        self.fields: dict[str, tuple[str, ...]] = {
            kind: tuple(names) for kind, names in fields.items() if names
        }
        self.include: tuple[str, ...] = tuple(include)
        asks = [f"fields[{kind}]={','.join(names)}" for kind, names in self.fields.items()]
        if self.include:
            asks.append(f"include={','.join(self.include)}")
        super().__init__(
            f"{what} was read without what entitlement needs: request {' and '.join(asks)} "
            "(patreon_members.member_fields() and member_include() ask for exactly that)"
        )


class MirrorError(MembersError):
    """The member mirror refused an input or a call (nothing was changed)."""


class NotAMemberEventError(MirrorError, TypeError):
    """``apply`` was given something other than a verified member delivery (a post event, raw bytes)."""


class ForeignCampaignError(MirrorError):
    """A delivery or resync for a campaign other than the one this mirror keeps."""


class MirrorStorageError(MirrorError):
    """The mirror's database could not be read or written: locked, full, read-only or gone.

    ``where`` names the SQLite file or the PostgreSQL server (host:port/dbname, no password);
    ``problem`` says which. A webhook receiver answers non-2xx on it, so Patreon sends again.
    """

    def __init__(self, message: str, *, where: str, problem: StorageProblem) -> None:
        super().__init__(message)
        self.where = where
        self.problem: StorageProblem = problem


__all__ = [
    "ForeignCampaignError",
    "MembersError",
    "MirrorError",
    "MirrorStorageError",
    "MissingFieldsError",
    "NotAMemberEventError",
    "StorageProblem",
]
