"""The loopback redirect listener for `patreon login`: catch one OAuth callback on 127.0.0.1.

A desktop tool has no public URL, so the browser is sent back to a port on this machine
(RFC 8252 §7.3, loopback interface redirection). Only 127.0.0.1 is bound, never all
interfaces, and the listener stops after the first callback whose `state` is the one this login
issued. Any page the user visits can point the browser at this port with parameters of its
choosing, so a callback with another state is refused with a fixed plain-text answer, never read
further and never echoed, and the wait goes on for the real one.
"""

from __future__ import annotations

import hmac
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

from patreon_cli.failures import AUTH, CLIError

HOST = "127.0.0.1"
CALLBACK_PATH = "/callback"

_NOT_THIS_LOGIN = b"This is not the login the patreon command started; it was ignored.\n"
_DONE_PAGE = (
    b"<!doctype html><html><head><title>patreon login</title></head><body>"
    b"<h1>Done</h1><p>You can close this tab and go back to the terminal.</p></body></html>"
)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    callback_url: str | None
    received: threading.Event
    path: str
    expected_state: str | None


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        if parts.path != self.server.path or not ("code" in query or "error" in query):
            # Browsers also ask for /favicon.ico; only the real callback ends the wait.
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        if not self._state_matches(query.get("state")):
            self._answer(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", _NOT_THIS_LOGIN)
            return
        self._answer(HTTPStatus.OK, "text/html; charset=utf-8", _DONE_PAGE)  # fixed text, nothing echoed
        if not self.server.received.is_set():
            host, port = self.server.server_address[:2]
            self.server.callback_url = f"http://{host!s}:{port}{self.path}"
            self.server.received.set()

    def _state_matches(self, given: list[str] | None) -> bool:
        expected = self.server.expected_state
        if expected is None or not given:
            return False  # nothing issued yet, or no state: nothing to trust
        return hmac.compare_digest(given[0].encode("utf-8", "surrogatepass"), expected.encode("utf-8"))

    def _answer(self, status: HTTPStatus, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        # The request line holds the authorization code: keep it out of the terminal.
        pass


class LoopbackListener:
    """Listens on 127.0.0.1:`port` (0 picks a free port) until one callback arrives."""

    def __init__(self, port: int = 0, path: str = CALLBACK_PATH) -> None:
        try:
            self._server = _Server((HOST, port), _Handler)
        except OSError as exc:
            raise CLIError(
                f"cannot listen on {HOST}:{port} for the login callback ({exc.strerror})",
                hint="pass another --port (and register that redirect URI with your Patreon client)",
            ) from None
        self._server.callback_url = None
        self._server.received = threading.Event()
        self._server.path = path
        self._server.expected_state = None
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="patreon-login-callback", daemon=True
        )

    @property
    def redirect_uri(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}{self._server.path}"

    def expect_state(self, state: str) -> None:
        """The state of the authorize URL about to be opened: only a callback carrying it ends the wait."""
        if not state:
            raise ValueError("the login state must not be empty")
        self._server.expected_state = state

    def __enter__(self) -> LoopbackListener:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def wait(self, timeout: float) -> str:
        """The full callback URL the browser was redirected to."""
        if not self._server.received.wait(timeout) or self._server.callback_url is None:
            raise CLIError(
                f"no login callback arrived within {timeout:g} s", AUTH, hint="run `patreon login` again"
            )
        return self._server.callback_url
