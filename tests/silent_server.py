"""A server that no longer answers, for the tests of the watch that ends the wait for it
(expertenrat.store.server_watch): a relay whose network breaks, and a guard that lets
the server answer again should the work wait regardless (so the test fails, not hangs)."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator

GUARD_S = 60  # how long work may wait for the silent server before it answers again


@contextlib.contextmanager
def silenced(silence: Callable[[], None], restore: Callable[[], None]) -> Iterator[None]:
    """``silence()`` for the block; ``restore()`` after it, or after ``GUARD_S``."""
    silence()
    guard = threading.Timer(GUARD_S, restore)
    guard.start()
    try:
        yield
    finally:
        guard.cancel()
        restore()


class SilentRelay:
    """A TCP relay in front of a server whose network can break without a word (a WLAN
    gone, a VPN dropped, a cable pulled on the way): what is sent is taken and lost,
    nothing comes back, and new connections are taken but never answered."""

    def __init__(self, port: int) -> None:
        self._target = port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._silent = threading.Event()
        self._sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def break_down(self) -> None:
        """From now on nothing passes, in either direction."""
        self._silent.set()

    def close(self) -> None:
        """Close every connection (the client sees its server hang up) and the relay."""
        for sock in [self._listener, *self._sockets]:
            with contextlib.suppress(OSError):  # not connected
                sock.shutdown(socket.SHUT_RDWR)  # wakes the threads waiting on it
            sock.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:  # closed
                return
            self._sockets.append(client)
            if self._silent.is_set():
                continue
            server = socket.create_connection(("127.0.0.1", self._target))
            self._sockets.append(server)
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pass, args=(source, target), daemon=True).start()

    def _pass(self, source: socket.socket, target: socket.socket) -> None:
        while True:
            try:
                data = source.recv(65536)
                if not data:
                    target.shutdown(socket.SHUT_WR)
                    return
                if not self._silent.is_set():
                    target.sendall(data)
            except OSError:
                return
