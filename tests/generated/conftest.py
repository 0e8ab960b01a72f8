"""The `mode` fixture (tests/stores/_drivers.py): a scenario runs with Patreon and with AsyncPatreon."""

from __future__ import annotations

from tests.stores.conftest import mode

__all__ = ["mode"]
