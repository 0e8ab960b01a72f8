"""The sweep finds a secret wherever it looks: a sweep that cannot fail would prove nothing."""

from __future__ import annotations

import httpx
import pytest

from .sweep import Secrets

SECRET = "planted-secret-0123456789"


class Leaky:
    def __repr__(self) -> str:
        return f"Leaky(token={SECRET!r})"


def _raise_with_context() -> None:
    request = httpx.Request("POST", "https://example.test/token", data={"client_secret": SECRET})
    try:
        raise httpx.ConnectError("refused", request=request)
    except httpx.ConnectError:
        raise RuntimeError("could not connect") from None  # hidden from tracebacks, not from the chain


def _error_with_context() -> BaseException:
    try:
        _raise_with_context()
    except RuntimeError as error:
        return error
    raise AssertionError("unreachable")


@pytest.mark.parametrize(
    "obj",
    [Leaky(), ValueError(f"bad token {SECRET}"), KeyError(SECRET), _error_with_context()],
    ids=["repr", "message", "args", "suppressed context's request body"],
)
def test_a_planted_secret_is_found(obj: object) -> None:
    secrets = Secrets()
    secrets.add("planted", SECRET)
    with pytest.raises(AssertionError, match="planted leaked"):
        secrets.assert_object_clean(obj, "the planted object")


def test_a_clean_object_passes() -> None:
    secrets = Secrets()
    secrets.add("planted", SECRET)
    secrets.assert_object_clean(RuntimeError("could not connect"), "a clean error")
