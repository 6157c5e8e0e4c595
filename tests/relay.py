"""A TCP relay in front of the test PostgreSQL that a test can cut, like a dead switch."""

from __future__ import annotations

import socket
import threading


class Relay:
    """Forwards TCP to the database until ``stall()``: then open links die and new ones hang."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.stalled = False
        self.links: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            with self.lock:
                self.links.append(client)
                if self.stalled:
                    continue  # accepted, never answered
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.links.append(upstream)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                if self.stalled:  # a link that raced the stall dies like the others
                    break
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _drop_links(self) -> None:
        with self.lock:
            links, self.links = self.links, []
        for s in links:
            try:
                s.shutdown(socket.SHUT_RDWR)
                s.close()
            except OSError:
                pass

    def stall(self) -> None:
        self.stalled = True
        self._drop_links()

    def resume(self) -> None:
        self.stalled = False
        self._drop_links()

    def close(self) -> None:
        self.server.close()
        self._drop_links()
