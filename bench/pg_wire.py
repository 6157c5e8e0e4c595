"""A counting TCP relay in front of PostgreSQL: how many round trips a client makes.

Every message the client sends is parsed; a simple query ('Q') or the Sync ('S') closing an
extended-protocol batch is the end of one round trip (the client then waits for the answer).
"""

from __future__ import annotations

import socket
import struct
import threading

from sqlalchemy.engine import make_url

SSL_REQUEST, GSS_REQUEST = 80877103, 80877104


class CountingRelay:
    def __init__(self, url: str):
        u = make_url(url)
        self.target = (u.host or "localhost", u.port or 5432)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.url = u.set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)
        self.round_trips = 0
        self.statements: list[str] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            for sock in (client, upstream):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, from_client: bool) -> None:
        buf, started = b"", not from_client
        try:
            while data := src.recv(65536):
                dst.sendall(data)
                if not from_client:
                    continue
                buf += data
                while True:
                    if not started:  # untyped start-up messages: SSL/GSS request, then StartupMessage
                        if len(buf) < 8:
                            break
                        size, code = struct.unpack("!ii", buf[:8])
                        if len(buf) < size:
                            break
                        buf = buf[size:]
                        started = code not in (SSL_REQUEST, GSS_REQUEST)
                        continue
                    if len(buf) < 5:
                        break
                    kind, size = buf[:1], struct.unpack("!i", buf[1:5])[0]
                    if len(buf) < size + 1:
                        break
                    body, buf = buf[5 : size + 1], buf[size + 1 :]
                    if kind in (b"Q", b"S"):
                        with self._lock:
                            self.round_trips += 1
                    if kind in (b"Q", b"P"):
                        text = body.split(b"\0", 2)[1 if kind == b"P" else 0].decode(errors="replace")
                        with self._lock:
                            self.statements.append(" ".join(text.split())[:60])
        except OSError:
            pass
        finally:
            for sock in (src, dst):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def take(self) -> tuple[int, list[str]]:
        with self._lock:
            n, s = self.round_trips, self.statements
            self.round_trips, self.statements = 0, []
        return n, s
