"""Every way a command can fail, as one message and one exit code.

Scripts branch on exit codes, so each family of failure keeps its own number (documented in
docs/cli.md); messages come from the typed errors, which already keep secrets out of their text.
"""

from __future__ import annotations

from patreon_auth.errors import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    MissingScopeError,
    NotFoundError,
    OAuthError,
    PatreonError,
    PermissionDeniedError,
    RateLimitError,
    RefreshError,
    ResponseValidationError,
    StateMismatchError,
    TokenStoreError,
)
from patreon_cli.termination import INTERRUPTED as INTERRUPTED
from patreon_cli.termination import TERMINATED as TERMINATED

OK = 0
FAILURE = 1  # anything not listed below
USAGE = 2  # argparse uses 2 for bad arguments; bad --fields/--include values join it
NOT_CONFIGURED = 3  # no credentials or no token: run `patreon login` or pass --sandbox
AUTH = 4  # 401, OAuth error, refresh failed, state mismatch
FORBIDDEN = 5  # 403 or a scope the token lacks
NOT_FOUND = 6
RATE_LIMITED = 7
UNAVAILABLE = 8  # connection error, timeout, 5xx
BAD_RESPONSE = 9  # a body that is not what the spec says
STORE = 10  # the token file cannot be read or written
# 11 is `patreon spec check`'s DRIFT (patreon_cli/commands/spec.py)
OUTPUT = 12  # the output (a file, its directory, stdout) cannot be written: a directory, disk full
MIRROR = 13  # the member mirror's database (`members sync`/`who --db`) is locked, full, read-only or gone
# 130 (Ctrl-C) and 143 (SIGTERM) live with the signal handlers, which must not import this module.


# The creator token has every v2 scope [PD _clients.md]; a user login has only those asked for.
SCOPE_HINT = (
    "log in again asking for the scope (`patreon login --scope ...`), or import the creator token "
    "from the developer portal (`patreon login --creator-token`), which has every scope"
)


class CLIError(Exception):
    """A failure with a message meant for the user and the exit code to leave with."""

    def __init__(self, message: str, exit_code: int = FAILURE, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.hint = hint


def output_error(what: str, exc: OSError) -> CLIError:
    """`cannot write {what}: No space left on device`: the OS's words, no traceback."""
    reason = exc.strerror or type(exc).__name__
    return CLIError(f"cannot write {what}: {reason}", OUTPUT)


def not_configured(what: str) -> CLIError:
    return CLIError(
        what,
        NOT_CONFIGURED,
        hint="run `patreon login` first, or add --sandbox to try it against the built-in sandbox",
    )


def describe(error: PatreonError) -> CLIError:
    """The message and exit code for a library error (order matters: subclasses first)."""
    text = str(error) or type(error).__name__
    if isinstance(error, StateMismatchError):
        return CLIError(f"login failed: {text}", AUTH, hint="start `patreon login` again")
    if isinstance(error, OAuthError) and error.error == "invalid_client":
        # Before RefreshError: a refresh refused for the client's credentials has not spent the
        # refresh token, and logging in again with the same wrong secret would fail the same way.
        return CLIError(
            "Patreon rejected the client id or client secret (invalid_client)",
            NOT_CONFIGURED,
            hint="copy both again from your client in the developer portal into PATREON_CLIENT_ID and "
            "PATREON_CLIENT_SECRET (they take precedence over what `patreon login` saved); "
            "the token itself is not spent",
        )
    if isinstance(error, RefreshError):
        return CLIError(
            f"could not refresh the token: {text}",
            AUTH,
            hint="the refresh token may be used up or revoked: run `patreon login` again",
        )
    if isinstance(error, OAuthError):
        return CLIError(f"OAuth failed: {text}", AUTH)
    if isinstance(error, MissingScopeError):
        return CLIError(text, FORBIDDEN, hint=SCOPE_HINT)
    if isinstance(error, AuthenticationError):
        # Patreon answers 401, not 403, when the token lacks a scope [PD _errors.md].
        hint = SCOPE_HINT if error.missing_scopes or "scope" in text else "run `patreon login` again"
        return CLIError(f"Patreon rejected the token (401): {text}", AUTH, hint=hint)
    if isinstance(error, PermissionDeniedError):
        return CLIError(
            f"not allowed (403): {text}", FORBIDDEN, hint=SCOPE_HINT if error.missing_scopes else None
        )
    if isinstance(error, NotFoundError):
        return CLIError(f"not found (404): {text}", NOT_FOUND)
    if isinstance(error, RateLimitError):
        wait = f"; retry after {error.retry_after:g} s" if error.retry_after else ""
        return CLIError(f"rate limited by Patreon (429){wait}", RATE_LIMITED)
    if isinstance(error, APIStatusError):
        code = UNAVAILABLE if error.status_code >= 500 else FAILURE
        return CLIError(f"Patreon answered {error.status_code}: {text}", code)
    if isinstance(error, APIConnectionError):
        return CLIError(f"cannot reach Patreon: {text}", UNAVAILABLE)
    if isinstance(error, ResponseValidationError):
        return CLIError(f"unexpected response from Patreon: {text}", BAD_RESPONSE)
    if isinstance(error, TokenStoreError):
        return CLIError(text, STORE)
    return CLIError(text, FAILURE)
