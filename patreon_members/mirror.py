"""MemberMirror and AsyncMemberMirror: one campaign's members, kept true by resyncs and webhooks.

Written once, async (patreon_members/_async/mirror.py); the sync twin is generated from it by
generator/unasync.py. See docs/membership.md for the schema, the ordering rules and the changes.
"""

from __future__ import annotations

from patreon_members._async.mirror import AsyncMemberMirror, delivery_digest
from patreon_members._sync.mirror import MemberMirror
from patreon_members.changes import AsyncChangeCallback, ChangeCallback

__all__ = ["AsyncChangeCallback", "AsyncMemberMirror", "ChangeCallback", "MemberMirror", "delivery_digest"]
