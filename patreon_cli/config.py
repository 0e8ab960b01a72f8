"""Where the command keeps its state, and which credentials win.

One config directory holds `config.json` (client id, client secret, base URL; mode 0600 because
of the secret) and `token.json` (a patreon_auth FileStore). Precedence is the usual one:
flags, then environment (PATREON_CLIENT_ID, PATREON_CLIENT_SECRET, PATREON_BASE_URL), then the
file, so CI can run without touching the file and tests can point PATREON_CONFIG_DIR anywhere.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import attrs

from patreon_auth.stores.filesystem import make_private_dirs
from patreon_cli.failures import CLIError
from patreon_runtime.safe_json import loads as safe_json_loads

APP_NAME = "patreonkit"
CONFIG_FILE = "config.json"
TOKEN_FILE = "token.json"
DEFAULT_BASE_URL = "https://www.patreon.com"

ENV_CONFIG_DIR = "PATREON_CONFIG_DIR"
ENV_CLIENT_ID = "PATREON_CLIENT_ID"
ENV_CLIENT_SECRET = "PATREON_CLIENT_SECRET"
ENV_BASE_URL = "PATREON_BASE_URL"


def default_config_dir() -> Path:
    try:
        import platformdirs
    except ImportError:
        raise CLIError(
            "cannot find the config directory without platformdirs",
            hint=f"install the cli extra (pip install '{APP_NAME}[cli]') or pass --config-dir / set {ENV_CONFIG_DIR}",
        ) from None
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def resolve_config_dir(flag: str | None, environ: Mapping[str, str]) -> Path:
    if flag:
        return Path(flag).expanduser()
    if environ.get(ENV_CONFIG_DIR):
        return Path(environ[ENV_CONFIG_DIR]).expanduser()
    return default_config_dir()


@attrs.frozen(repr=False)
class Credentials:
    """The OAuth client (app) the command acts as, and the Patreon origin it talks to."""

    client_id: str | None
    client_secret: str | None
    base_url: str

    def __repr__(self) -> str:
        secret = "<redacted>" if self.client_secret else None
        return (
            f"Credentials(client_id={self.client_id!r}, client_secret={secret!r}, base_url={self.base_url!r})"
        )


class ConfigDir:
    """The files in one config directory."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def config_file(self) -> Path:
        return self.path / CONFIG_FILE

    @property
    def token_file(self) -> Path:
        return self.path / TOKEN_FILE

    def read(self) -> dict[str, str]:
        try:
            data = safe_json_loads(self.config_file.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise CLIError(
                f"cannot read {self.config_file} ({type(exc).__name__})", hint="fix or delete the file"
            ) from None
        if not isinstance(data, dict):
            raise CLIError(f"{self.config_file} is not a JSON object", hint="fix or delete the file")
        return {str(key): str(value) for key, value in data.items() if value is not None}

    def write(self, values: Mapping[str, str]) -> None:
        """Atomically replace config.json; created 0600 since it holds the client secret."""
        # Every directory it creates is 0700, parents included: mkdir(parents=True) would make
        # the parents 0777 minus the umask (world-writable under umask 000).
        make_private_dirs(self.path)
        fd, tmp_name = tempfile.mkstemp(dir=self.path, prefix=".config.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(dict(values), handle, indent=2, sort_keys=True)
                handle.write("\n")
            os.replace(tmp_name, self.config_file)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
            raise

    def credentials(
        self,
        environ: Mapping[str, str],
        *,
        client_id: str | None = None,
        base_url: str | None = None,
    ) -> Credentials:
        stored = self.read()
        return Credentials(
            client_id=client_id or environ.get(ENV_CLIENT_ID) or stored.get("client_id"),
            client_secret=environ.get(ENV_CLIENT_SECRET) or stored.get("client_secret"),
            base_url=(
                base_url or environ.get(ENV_BASE_URL) or stored.get("base_url") or DEFAULT_BASE_URL
            ).rstrip("/"),
        )
