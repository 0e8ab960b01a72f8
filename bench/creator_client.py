"""A creator client costs what a plain client costs: construction and first call, side by side.

Issue 14: the creator client used to build a second httpx.Client just for token refresh (each
loads the certificate bundle). Now the refresh is yielded by the auth flow and sent on the API
client's own pool, so `PatreonCreatorClient(...)` + one call should be <= 1.1x `Patreon(token=...)`
+ the same call, against the sandbox served on loopback (real httpx transports on both sides).
"""

from __future__ import annotations

from typing import Any

from bench.export_memory import served_sandbox
from bench.timing import paired
from patreon_auth import PatreonCreatorClient, Token
from patreon_generated import Patreon

TARGET = 1.1
ROUNDS = 41


def _token(info: dict[str, Any]) -> Token:
    raw = info["creator_token"]
    return Token(access_token=raw["access_token"], refresh_token=raw["refresh_token"])


def run() -> list[str]:
    with served_sandbox(10) as info:
        token = _token(info)

        def plain() -> None:
            with Patreon(token=token.access_token, base_url=info["base_url"]) as client:
                client.identity.get()

        def creator() -> None:
            with PatreonCreatorClient(
                client_id=info["client_id"],
                client_secret=info["client_secret"],
                token=token,
                base_url=info["base_url"],
            ) as client:
                client.identity.get()

        plain()
        creator()  # warm both paths (imports, the server's first answers)
        result = paired(creator, plain, ROUNDS)
    verdict = "ok" if result.ratio <= TARGET else "OVER TARGET"
    return [
        "creator client: construction + first call vs plain Patreon(token=...)",
        f"  plain {result.floor * 1e3:.1f} ms, creator {result.ours * 1e3:.1f} ms, "
        f"ratio {result.ratio:.2f}x (target <= {TARGET}x): {verdict}",
    ]


if __name__ == "__main__":
    print("\n".join(run()))
