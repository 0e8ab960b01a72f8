"""Who is entitled, right now: entitlement rules, a member mirror, typed change events.

- ``entitlement_of(member, document)`` / ``memberships_of(identity_document, campaign_id=None)``
  -> ``Entitlement`` (tiers, highest tier, ``is_paying``, ``status``, ``reason``);
- ``member_include()`` / ``member_fields()`` (and the identity pair) request exactly what it reads;
- ``MemberMirror`` / ``AsyncMemberMirror``: one campaign's members in SQLite or PostgreSQL, kept
  true by ``resync(client, campaign_id)`` and ``apply(event)``, with ``on_change`` callbacks.

See docs/membership.md.
"""

from __future__ import annotations

from patreon_generated import LIBRARY_VERSION as __version__  # one version: patreon_runtime.version
from patreon_members.changes import (
    BecamePaying,
    Change,
    ChangeKind,
    Joined,
    Left,
    PaymentDeclined,
    Source,
    StatusChanged,
    StoppedPaying,
    TierChanged,
    diff,
)
from patreon_members.entitlement import (
    STATUSES,
    EntitledTier,
    Entitlement,
    Status,
    entitlement_of,
    entitlements_of,
    memberships_of,
)
from patreon_members.errors import (
    ForeignCampaignError,
    MembersError,
    MirrorError,
    MirrorStorageError,
    MissingFieldsError,
    NotAMemberEventError,
    StorageProblem,
)
from patreon_members.fields import identity_fields, identity_include, member_fields, member_include
from patreon_members.mirror import AsyncChangeCallback, AsyncMemberMirror, ChangeCallback, MemberMirror
from patreon_members.reports import ResyncReport

__all__ = [
    "STATUSES",
    "AsyncChangeCallback",
    "AsyncMemberMirror",
    "BecamePaying",
    "Change",
    "ChangeCallback",
    "ChangeKind",
    "EntitledTier",
    "Entitlement",
    "ForeignCampaignError",
    "Joined",
    "Left",
    "MemberMirror",
    "MembersError",
    "MirrorError",
    "MirrorStorageError",
    "MissingFieldsError",
    "NotAMemberEventError",
    "PaymentDeclined",
    "ResyncReport",
    "Source",
    "Status",
    "StatusChanged",
    "StoppedPaying",
    "StorageProblem",
    "TierChanged",
    "__version__",
    "diff",
    "entitlement_of",
    "entitlements_of",
    "identity_fields",
    "identity_include",
    "member_fields",
    "member_include",
    "memberships_of",
]
