"""A loopback TCP proxy that can forward one request and then lose its reply (applied, unanswered)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time


class ReplyDroppingProxy:
    """Relays bytes to ``127.0.0.1:target_port``. ``drop_reply_to(marker)`` arms it: the next client
    chunk containing ``marker`` is forwarded, the server's answer is swallowed, and the connection
    is cut, as when a network drops between a server that applied a write and its client."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._marker: bytes | None = None
        self._guard = threading.Lock()
        self.dropped = 0
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def drop_reply_to(self, marker: bytes | None) -> None:
        with self._guard:
            self._marker = marker

    def _take_marker(self, data: bytes) -> bool:
        with self._guard:
            if self._marker is not None and self._marker in data:
                self._marker = None
                self.dropped += 1
                return True
            return False

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            swallow = threading.Event()
            threading.Thread(target=self._up, args=(client, upstream, swallow), daemon=True).start()
            threading.Thread(target=self._down, args=(client, upstream, swallow), daemon=True).start()

    def _up(self, client: socket.socket, upstream: socket.socket, swallow: threading.Event) -> None:
        with contextlib.suppress(OSError):
            while data := client.recv(65536):
                if self._take_marker(data):
                    swallow.set()
                    upstream.sendall(data)
                    time.sleep(0.05)  # the server applies it and answers into the void
                    break
                upstream.sendall(data)
        for sock in (client, upstream):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _down(self, client: socket.socket, upstream: socket.socket, swallow: threading.Event) -> None:
        with contextlib.suppress(OSError):
            while data := upstream.recv(65536):
                if not swallow.is_set():
                    client.sendall(data)

    def close(self) -> None:
        self._closed = True
        self._listener.close()
