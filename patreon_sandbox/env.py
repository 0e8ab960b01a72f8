"""A served sandbox as the `PATREON_*` variables the docs' examples read, as a dotenv file or `export` lines.

Every example in docs/ finds Patreon through `PATREON_BASE_URL`, `PATREON_CLIENT_ID`,
`PATREON_CLIENT_SECRET`, `PATREON_ACCESS_TOKEN`, `PATREON_REFRESH_TOKEN` (and the OAuth pages
`PATREON_REDIRECT_URI`). `patreon sandbox serve --env-file .env` and `patreon sandbox env` write
them for a served sandbox, so the quickstart runs against it with no glue code.

The values are sandbox credentials (they protect nothing outside this machine), but the file is
still written mode 0600 and renamed into place, as every credential file of this project is.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import tempfile
from collections.abc import Mapping
from pathlib import Path

from patreon_auth.token import Token

# In the order the docs introduce them (docs/quickstart.md "Your first calls").
ENV_NAMES = (
    "PATREON_BASE_URL",
    "PATREON_CLIENT_ID",
    "PATREON_CLIENT_SECRET",
    "PATREON_ACCESS_TOKEN",
    "PATREON_REFRESH_TOKEN",
    "PATREON_REDIRECT_URI",
)
# What a dotenv value may hold unquoted: sandbox ids, secrets and tokens are URL-safe base64 and
# URLs are plain ASCII; anything else is refused rather than written in a form a reader may misparse.
_PLAIN = re.compile(r"^[A-Za-z0-9_\-.:/?=&%+~@\[\]]*$")


def sandbox_env(
    *, base_url: str, client_id: str, client_secret: str, token: Token, redirect_uri: str | None
) -> dict[str, str]:
    """The docs' variables for one served sandbox (its creator token included)."""
    env = {
        "PATREON_BASE_URL": base_url,
        "PATREON_CLIENT_ID": client_id,
        "PATREON_CLIENT_SECRET": client_secret,
        "PATREON_ACCESS_TOKEN": token.access_token,
        "PATREON_REFRESH_TOKEN": token.refresh_token or "",
    }
    if redirect_uri:
        env["PATREON_REDIRECT_URI"] = redirect_uri
    return env


def dotenv_text(env: Mapping[str, str]) -> str:
    """`NAME=value` lines: read by python-dotenv, `docker --env-file`, and `set -a; . ./.env; set +a`."""
    lines = []
    for name, value in env.items():
        if not _PLAIN.match(value):
            raise ValueError(f"{name} holds characters a dotenv file would need quoting for")
        lines.append(f"{name}={value}")
    return "\n".join(lines) + "\n"


def export_text(env: Mapping[str, str]) -> str:
    """`export NAME=value` lines, quoted for a POSIX shell: `eval "$(patreon sandbox env)"`."""
    return "".join(f"export {name}={shlex.quote(value)}\n" for name, value in env.items())


def write_env_file(path: str | os.PathLike[str], env: Mapping[str, str]) -> Path:
    """Write `dotenv_text(env)` to `path`: a 0600 temp file in the same directory, renamed over it."""
    target = Path(path)
    text = dotenv_text(env)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return target


__all__ = ["ENV_NAMES", "dotenv_text", "export_text", "sandbox_env", "write_env_file"]
