"""What a secret leak looks like: every way an object or error turns into text someone may read.

`renderings(obj)` is str and repr; for an exception it walks `__cause__` and `__context__` to the
end (suppressed contexts too: `raise ... from None` hides a context from tracebacks, not from
code that walks the chain), and renders each link's args, the repr of its attributes, the URL and
body of any httpx request or response it carries (a token call's form body holds `client_secret`
and the refresh token) and the formatted traceback text.

Not searched: the headers of a request an error carries. An API error's `.request` is the request
that was sent, and its `Authorization` header is the token by definition; httpx masks it in repr,
and holding the request is the documented point of `APIStatusError.request`.
`Secrets` holds the values in play and says where one showed up.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator

import attrs
import httpx

# Shorter values could match by chance (a 4-character prefix in a masked display is by design).
MIN_SECRET_LENGTH = 12


@attrs.define
class Secrets:
    """The secret values a test has put in play, by name."""

    values: dict[str, str] = attrs.field(factory=dict)

    def add(self, name: str, value: str | None) -> None:
        if value:
            assert len(value) >= MIN_SECRET_LENGTH, f"{name} is too short to search for reliably"
            self.values[name] = value

    def found_in(self, text: str) -> list[str]:
        return [name for name, value in self.values.items() if value in text]

    def assert_clean(self, text: str, where: str) -> None:
        leaked = self.found_in(text)
        assert not leaked, f"{', '.join(leaked)} leaked in {where}: {text[:2000]!r}"

    def assert_object_clean(self, obj: object, where: str) -> None:
        for how, text in renderings(obj):
            self.assert_clean(text, f"{how} of {where}")


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    pending: list[BaseException] = [error]
    while pending:
        link = pending.pop()
        if id(link) in seen:
            continue
        seen.add(id(link))
        yield link
        pending += [e for e in (link.__cause__, link.__context__) if e is not None]


def _body(message: httpx.Request | httpx.Response) -> str:
    try:
        return message.content.decode("utf-8", "replace")
    except (httpx.RequestNotRead, httpx.ResponseNotRead):  # streamed and never read: nothing held
        return ""


def _http_message(value: object) -> list[str]:
    if isinstance(value, httpx.Request):
        return [str(value.url), _body(value)]
    if isinstance(value, httpx.Response):
        request = value._request
        return [_body(value), *(_http_message(request) if request is not None else [])]
    return []


def renderings(obj: object) -> list[tuple[str, str]]:
    """(how, text) pairs: every text an object or error becomes, for the sweep to search."""
    found = [("str", str(obj)), ("repr", repr(obj))]
    if not isinstance(obj, BaseException):
        return found
    found.append(("traceback", "".join(traceback.format_exception(obj))))
    for number, link in enumerate(_chain(obj)):
        name = f"chain[{number}] {type(link).__name__}"
        found += [(f"{name} str", str(link)), (f"{name} repr", repr(link)), (f"{name} args", repr(link.args))]
        for attribute, value in vars(link).items():
            if attribute.startswith("__"):
                continue
            found.append((f"{name}.{attribute}", repr(value)))
            found += [(f"{name}.{attribute} (http)", text) for text in _http_message(value)]
        for attribute in ("request", "response"):
            try:
                value = getattr(link, attribute, None)
            except RuntimeError:  # httpx raises when the exception has no request attached
                continue
            found += [(f"{name}.{attribute} (http)", text) for text in _http_message(value)]
    return found
