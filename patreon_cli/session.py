"""What a command talks to: Patreon (or a served sandbox) with stored credentials, or an embedded sandbox.

With `--sandbox` nothing is read from or written to the config directory: a fresh deterministic
sandbox lives in this process for this one command, and its creator token is the login.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from patreon_auth import PatreonCreatorClient, PatreonUserClient, Token
from patreon_auth.oauth import OAuthClient
from patreon_auth.stores import FileStore, MemoryStore
from patreon_auth.stores.base import CompareAndSetStore, TokenStore
from patreon_cli.config import ENV_CLIENT_ID, ENV_CLIENT_SECRET, ConfigDir, Credentials, resolve_config_dir
from patreon_cli.failures import CLIError, not_configured

if TYPE_CHECKING:
    from patreon_sandbox import Sandbox

APP_NAME = "patreon-cli"  # goes into the User-Agent next to the library's name and version


@attrs.frozen
class SandboxOptions:
    seed: int
    members: int


class Session:
    """Builds clients and stores for one command run; `close()` releases them."""

    def __init__(
        self,
        *,
        config_dir: str | None,
        base_url: str | None,
        client_id: str | None,
        sandbox: SandboxOptions | None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self.environ = environ if environ is not None else os.environ
        self._config_dir_flag = config_dir
        self._base_url_flag = base_url
        self._client_id_flag = client_id
        self.sandbox_options = sandbox
        self._sandbox: Sandbox | None = None
        self._typed_secret: str | None = None
        self._closers: list[object] = []

    # --- where things live ------------------------------------------------------------------------

    @property
    def uses_sandbox(self) -> bool:
        return self.sandbox_options is not None

    @property
    def config(self) -> ConfigDir:
        return ConfigDir(resolve_config_dir(self._config_dir_flag, self.environ))

    def credentials(self) -> Credentials:
        if self.uses_sandbox:
            sandbox = self.sandbox()
            return Credentials(sandbox.client_id, sandbox.client_secret, sandbox.base_url)
        credentials = self.config.credentials(
            self.environ, client_id=self._client_id_flag, base_url=self._base_url_flag
        )
        if self._typed_secret:
            credentials = attrs.evolve(credentials, client_secret=self._typed_secret)
        return credentials

    @property
    def served_sandbox_url(self) -> str | None:
        """`--sandbox` with `--base-url URL`: a sandbox served elsewhere, not an embedded one."""
        return self._base_url_flag if self.uses_sandbox and self._base_url_flag else None

    def for_served_sandbox(self, base_url: str, client_id: str, client_secret: str) -> Session:
        """A session against a served sandbox's API client, saving to this session's config dir."""
        served = Session(
            config_dir=self._config_dir_flag,
            base_url=base_url,
            client_id=client_id,
            sandbox=None,
            environ=self.environ,
        )
        served.use_client_secret(client_secret)
        return served

    def use_client_secret(self, secret: str) -> None:
        """A secret typed at the prompt: used for this run, and saved with the rest by `login`."""
        self._typed_secret = secret

    def require_client(self) -> tuple[str, str, str]:
        """Client id, client secret and base URL, or a message saying where to put them."""
        credentials = self.credentials()
        if not credentials.client_id or not credentials.client_secret:
            raise not_configured(
                f"no API client configured (set {ENV_CLIENT_ID} and {ENV_CLIENT_SECRET}, or log in)"
            )
        return credentials.client_id, credentials.client_secret, credentials.base_url

    # --- the embedded sandbox -----------------------------------------------------------------------

    def sandbox(self, redirect_uris: Sequence[str] = ()) -> Sandbox:
        """The embedded sandbox, built on first use (`redirect_uris` only count on that first use)."""
        if self._sandbox is None:
            options = self.sandbox_options or SandboxOptions(seed=7, members=100)
            try:
                from patreon_sandbox import Sandbox
            except ImportError as exc:
                raise CLIError(
                    f"--sandbox needs the sandbox package ({exc.name} is missing)",
                    hint="pip install 'patreonkit[sandbox]'",
                ) from None
            if redirect_uris:
                self._sandbox = Sandbox(
                    seed=options.seed, members=options.members, redirect_uris=redirect_uris
                )
            else:
                self._sandbox = Sandbox(seed=options.seed, members=options.members)
            self._closers.append(self._sandbox)
        return self._sandbox

    # --- tokens and clients -------------------------------------------------------------------------

    def store(self) -> CompareAndSetStore:
        """Where the token lives: the config dir's token file, or memory for the embedded sandbox."""
        if self.uses_sandbox:
            return MemoryStore(self.sandbox().creator_token())
        return FileStore(self.config.token_file)

    def current_token(self, store: TokenStore) -> Token:
        token = store.get()
        if token is None:
            raise not_configured(f"not logged in (no token in {self.config.token_file})")
        return token

    def creator_client(self) -> PatreonCreatorClient:
        """A client acting with the stored token, refreshing it into the same store."""
        store = self.store()
        self.current_token(store)  # fail early with "not logged in" rather than on the first request
        credentials = self.credentials()
        client = PatreonCreatorClient(
            # Without a client id/secret the token still works until it needs a refresh,
            # which then fails with a RefreshError that says so.
            client_id=credentials.client_id or "",
            client_secret=credentials.client_secret or "",
            store=store,
            base_url=credentials.base_url,
            name=APP_NAME,
            transport=self.sandbox().transport() if self.uses_sandbox else None,
        )
        self._closers.append(client)
        return client

    def oauth_client(self) -> OAuthClient:
        client_id, client_secret, base_url = self.require_client()
        oauth = OAuthClient(
            client_id=client_id,
            client_secret=client_secret,
            base_url=base_url,
            transport=self.sandbox().transport() if self.uses_sandbox else None,
            headers={"User-Agent": APP_NAME},
        )
        self._closers.append(oauth)
        return oauth

    def user_client(self, redirect_uri: str, scopes: Sequence[str]) -> PatreonUserClient:
        if self.uses_sandbox:
            self.sandbox(redirect_uris=[redirect_uri])
        client_id, client_secret, base_url = self.require_client()
        users = PatreonUserClient(
            client_id=client_id,
            client_secret=client_secret,
            redirect_uri=redirect_uri,
            scopes=scopes,
            base_url=base_url,
            name=APP_NAME,
            transport=self.sandbox().transport() if self.uses_sandbox else None,
        )
        self._closers.append(users)
        return users

    def close(self) -> None:
        for closeable in reversed(self._closers):
            close = getattr(closeable, "close", None)
            if callable(close):
                close()
        self._closers.clear()
