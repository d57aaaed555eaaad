"""The port `gate serve` listens on: the webhook, `/healthz`, `/readyz` and `/metrics`.

A stdlib `ThreadingHTTPServer` (as the streaming gate's observability endpoint): no new dependency, one
thread per connection, so a slow decision never blocks a probe or a scrape. A webhook is one short request
per product save, not a load that would call for an event loop. The body's length is checked from
`Content-Length` before a byte of it is read (413 past `commerce.max_body_bytes`; 411 without one); a
chunked body is read only up to the limit; lengths are ASCII digits (hex for chunks) as HTTP writes them,
not whatever Python's int() accepts. A client that stops sending times out, and one that trickles a byte
now and then is cut off when the whole request has taken REQUEST_DEADLINE_S. Nothing from a request
reaches the logs: paths are reported only when they are the service's own.
"""

from __future__ import annotations

import io
import logging
import re
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast

from prometheus_client.exposition import choose_encoder

from gate.commerce.service import Reply, WebhookService
from gate.commerce.signature import SIGNATURE_HEADER
from gate.commerce.webhook import WEBHOOK_PATH
from gate.observe.metrics import GateMetrics

_LOG = logging.getLogger("gate.commerce.http")
_PATHS = frozenset({WEBHOOK_PATH, "/healthz", "/readyz", "/metrics"})
_TEXT = "text/plain; charset=utf-8"
# After refusing a body it did not read, the server drains what the client still sends, for at most this
# long and this much, before closing: closing with unread input resets the connection, and a reset can
# discard the 413 from the client's buffer before the client reads it (a lingering close, as Apache does).
_LINGER_SECONDS = 1.0
_LINGER_BYTES = 1 << 20
# A client that sends nothing for this long is dropped.
READ_TIMEOUT_S = 10.0
# A request (line, headers and body) must have arrived within this long: a client sending one byte every few
# seconds never trips READ_TIMEOUT_S and would hold a thread for as long as it liked, and a few hundred such
# clients hold as many threads. Commerce sends a whole request at once, and its hook gives up long before.
REQUEST_DEADLINE_S = 30.0
_DIGITS = re.compile(rb"[0-9]{1,19}")  # Content-Length (RFC 9110 8.6): ASCII digits only
_HEX = re.compile(rb"[0-9A-Fa-f]{1,16}")  # a chunk size (RFC 9112 7.1): ASCII hex digits only


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self, address: tuple[str, int], service: WebhookService, metrics: GateMetrics, max_body: int
    ):
        super().__init__(address, _Handler)
        self.service = service
        self.metrics = metrics
        self.max_body = max_body

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A request that failed outside the answers above (the client went away, or its deadline passed
        while its headers arrived): one log line naming the error's type. The standard library prints a
        traceback with the client's address to stderr instead."""
        _LOG.warning("webhook connection dropped", extra={"error_type": _current_error_type()})


class _Handler(BaseHTTPRequestHandler):
    server_version = "gate"
    sys_version = ""
    timeout = READ_TIMEOUT_S

    def setup(self) -> None:
        """The standard set-up, with a request reader that stops at REQUEST_DEADLINE_S."""
        super().setup()
        self.rfile = io.BufferedReader(
            _DeadlineReader(self.connection, time.monotonic() + REQUEST_DEADLINE_S)
        )

    def do_GET(self) -> None:
        server = cast(_Server, self.server)
        path = self._route()
        if path == "/metrics":
            encoder, content_type = choose_encoder(self.headers.get("Accept", ""))
            self._send(Reply(200, encoder(server.metrics.registry), content_type))
        elif path == "/healthz":
            self._send(Reply(200, b"ok\n", _TEXT))
        elif path == "/readyz":
            ok = server.service.ready()
            self._send(Reply(200, b"ok\n", _TEXT) if ok else Reply(503, b"unavailable: not ready\n", _TEXT))
        else:
            self._send(Reply(404, b"not found\n", _TEXT))

    def do_POST(self) -> None:
        server = cast(_Server, self.server)
        if self._route() != WEBHOOK_PATH:
            self._send(Reply(404, b"not found\n", _TEXT))
            return
        try:
            try:
                body = self._read_body(server.max_body)
            except TimeoutError:
                raise _Refused(408, "bad_request", _SLOW) from None
        except _Refused as refused:
            self.close_connection = True  # the rest of the body is never read: the connection is done
            self._send(server.service.refuse(refused.answer, refused.status, refused.message))
            self._linger()
            return
        self._send(server.service.handle(body, self.headers.get(SIGNATURE_HEADER)))

    def _read_body(self, limit: int) -> bytes:
        """The body, by Content-Length or chunked, never more than `limit` bytes read; _Refused otherwise."""
        encoding = (self.headers.get("Transfer-Encoding") or "").strip().lower()
        if encoding == "chunked":
            return _read_chunked(self.rfile, limit)
        lengths = {v.strip() for v in self.headers.get_all("Content-Length") or ()}
        length = lengths.pop().encode("latin-1", "replace") if len(lengths) == 1 else b""
        if encoding or not _DIGITS.fullmatch(length):
            raise _Refused(411, "bad_request", "send the body with one Content-Length of digits (or chunked)")
        size = int(length)
        if size > limit:
            raise _too_large(f"the request body is {size} bytes", limit)
        body = self.rfile.read(size)
        if len(body) != size:
            raise _Refused(400, "bad_request", "the body ended before Content-Length")
        return body

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Cache-Control", "no-store")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(reply.body)

    def _linger(self) -> None:
        """Send the answer, stop writing, and drain the unread rest of the request (bounded), so the
        client reads the answer instead of a connection reset."""
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            deadline = time.monotonic() + _LINGER_SECONDS
            drained = 0
            while drained < _LINGER_BYTES and (left := deadline - time.monotonic()) > 0:
                self.connection.settimeout(left)
                chunk = self.connection.recv(65536)
                if not chunk:
                    break
                drained += len(chunk)
        except OSError:
            pass  # the client went away or stayed silent: either way the connection is done

    def _route(self) -> str:
        path = (getattr(self, "path", None) or "").split("?", 1)[0]
        return path if path in _PATHS else "other"

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        status = int(code) if isinstance(code, int) or str(code).isdigit() else 0
        _LOG.debug("http request", extra={"http_path": self._route(), "status": status})

    def log_message(self, format: str, *args: Any) -> None:
        _LOG.debug("http server notice: %s", format)  # the arguments quote the request: dropped


_SLOW = f"the request did not arrive within {REQUEST_DEADLINE_S:.0f} s; send it at once"


def _current_error_type() -> str:
    return type(sys.exc_info()[1]).__name__


class _DeadlineReader(io.RawIOBase):
    """A socket's input that raises TimeoutError once `deadline` (monotonic) has passed, or when nothing
    arrives for READ_TIMEOUT_S before it."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        super().__init__()
        self._sock, self._deadline = sock, deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request deadline passed")
        self._sock.settimeout(min(READ_TIMEOUT_S, left))
        return self._sock.recv_into(buffer)


class _Refused(Exception):
    """A body the service will not read (HTTP status, the `answer` metric label, what to do)."""

    def __init__(self, status: int, answer: str, message: str) -> None:
        super().__init__(message)
        self.status, self.answer, self.message = status, answer, message


def _too_large(what: str, limit: int) -> _Refused:
    message = (
        f"{what}; the limit is {limit} (commerce.max_body_bytes). Send fewer fields (the hook's <fields>) "
        "or raise the limit"
    )
    return _Refused(413, "too_large", message)


def _read_chunked(stream: io.BufferedIOBase, limit: int) -> bytes:
    """A chunked body (RFC 9112 section 7.1), refused as soon as it passes `limit` bytes."""
    chunks: list[bytes] = []
    total = 0
    while True:
        line = stream.readline(1026)  # a size line: hex digits, maybe extensions; never this long
        size_text = line.split(b";", 1)[0].strip()
        if not _HEX.fullmatch(size_text):  # int(_, 16) also takes '-5', '0x10' and '1_0'
            raise _Refused(400, "bad_request", "the chunked body is malformed")
        size = int(size_text, 16)
        if size == 0:
            while stream.readline(1026).strip():  # trailer fields, up to the empty line
                pass
            return b"".join(chunks)
        total += size
        if total > limit:
            raise _too_large(f"the request body is more than {limit} bytes", limit)
        chunk = stream.read(size)
        if len(chunk) != size or stream.read(2) != b"\r\n":
            raise _Refused(400, "bad_request", "the chunked body is malformed")
        chunks.append(chunk)


class WebhookServer:
    """Serves a `WebhookService` and the gate's metrics on `host:port` (port 0: a free one)."""

    def __init__(
        self, service: WebhookService, metrics: GateMetrics, host: str, port: int, *, max_body_bytes: int
    ) -> None:
        self._server = _Server((host, port), service, metrics, max_body_bytes)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The bound port."""
        return int(self._server.server_address[1])

    def serve_forever(self) -> None:
        """Serve in this thread until `stop()` is called from another."""
        self._server.serve_forever(poll_interval=0.1)

    def start(self) -> WebhookServer:
        """Serve in a daemon thread (tests); returns self."""
        self._thread = threading.Thread(target=self.serve_forever, name="gate-commerce-http", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
