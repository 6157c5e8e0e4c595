"""A TCP relay between the app and a real PostgreSQL server that a test can break on purpose.

- ``stall()``: like a dead switch; open links die and new ones hang.
- ``freeze()``: like a server stopped with SIGSTOP; links stay open, but nothing is forwarded
  and new connections are accepted and never answered. ``resume()`` lets everything flow again.
"""

from __future__ import annotations

import socket
import threading
import time


class Relay:
    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.stalled = False
        self.frozen = False
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
            threading.Thread(target=self._link, args=(client,), daemon=True).start()

    def _link(self, client: socket.socket) -> None:
        while self.frozen:  # a stopped server answers nobody, not even a new connection
            time.sleep(0.01)
        try:
            upstream = socket.create_connection(self.target)
        except OSError:
            client.close()
            return
        with self.lock:
            self.links.append(upstream)
        for a, b in ((client, upstream), (upstream, client)):
            threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                while self.frozen:
                    time.sleep(0.01)
                data = src.recv(65536)
                if not data or self.stalled:  # a link that raced the stall dies like the others
                    break
                while self.frozen:
                    time.sleep(0.01)
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

    def freeze(self) -> None:
        self.frozen = True

    def resume(self) -> None:
        if self.frozen:
            self.frozen = False
            return
        self.stalled = False
        self._drop_links()

    def close(self) -> None:
        self.frozen = False
        self.server.close()
        self._drop_links()
