"""The observability HTTP endpoint: ``/metrics``, ``/healthz`` and ``/readyz`` for Prometheus and Kubernetes.

It also serves one admin action, ``POST /admin/resume`` (release a tripped flood guard), when given one. The
action is protected: with a configured token, only ``Authorization: Bearer <token>`` is accepted (compared
in constant time); without one, only loopback clients are, so that binding 0.0.0.0 for Prometheus never
opens it to the network (`kubectl exec <pod> -- gate resume` still works).

A stdlib `ThreadingHTTPServer` in a daemon thread: no extra dependency, and a slow scrape never blocks a
probe. It serves only what it is given (a metrics registry and a health object) and logs no request data.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Protocol, cast

from prometheus_client.exposition import choose_encoder

from gate.observe.metrics import GateMetrics

__all__ = ["AdminActions", "HealthSource", "ObservabilityServer"]

_LOG = logging.getLogger(__name__)
_TEXT = "text/plain; charset=utf-8"
_RESUME = "/admin/resume"
_PATHS = frozenset({"/metrics", "/healthz", "/readyz", _RESUME})
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"})


class HealthSource(Protocol):
    """What the runner exposes about its own health."""

    def alive(self, max_stall_s: float) -> bool:
        """True unless the loop has made no progress for `max_stall_s` seconds."""

    def ready(self) -> bool:
        """True once the runner can take traffic (assigned, transactions initialised)."""


class AdminActions:
    """What the admin endpoint may do, and who may ask."""

    def __init__(self, resume: Callable[[], bool] | None = None, token: str | None = None) -> None:
        """`resume()` releases the flood guard (False: it was not tripped); `token`: see the module doc."""
        self.resume = resume
        self.token = token

    def allowed(self, client_host: str, authorization: str | None) -> bool:
        """The token when one is configured, else a loopback client."""
        if self.token:
            offered = (authorization or "").removeprefix("Bearer ").encode()
            return hmac.compare_digest(offered, self.token.encode())
        try:
            return ipaddress.ip_address(client_host).is_loopback
        except ValueError:
            return False


class _Server(ThreadingHTTPServer):
    # Handler threads must not keep the process alive on shutdown.
    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        metrics: GateMetrics,
        health: HealthSource,
        stall: float,
        admin: AdminActions,
    ) -> None:
        super().__init__(address, _Handler)
        self.metrics = metrics
        self.health = health
        self.max_stall_s = stall
        self.admin = admin


class _Handler(BaseHTTPRequestHandler):
    server_version = "gate"
    sys_version = ""  # do not advertise the Python version to whoever can reach the port

    def do_GET(self) -> None:
        server = cast(_Server, self.server)
        path = self._route()
        if path == "/metrics":
            encoder, content_type = choose_encoder(self.headers.get("Accept", ""))
            self._reply(HTTPStatus.OK, encoder(server.metrics.registry), content_type)
        elif path == "/healthz":
            self._probe(lambda: server.health.alive(server.max_stall_s))
        elif path == "/readyz":
            self._ready(server.health)
        else:
            self._reply(HTTPStatus.NOT_FOUND, b"not found\n")

    def do_POST(self) -> None:
        server = cast(_Server, self.server)
        if self._route() != _RESUME or server.admin.resume is None:
            self._reply(HTTPStatus.NOT_FOUND, b"not found\n")
            return
        if not server.admin.allowed(self.client_address[0], self.headers.get("Authorization")):
            self._reply(
                HTTPStatus.FORBIDDEN, b"forbidden: call from the pod itself or send the admin token\n"
            )
            return
        if server.admin.resume():
            _LOG.warning("flood guard resume requested through the admin endpoint")
            self._reply(HTTPStatus.ACCEPTED, b"resuming: the gate consumes again on its next poll\n")
        else:
            self._reply(HTTPStatus.CONFLICT, b"nothing to resume: the flood guard is not tripped\n")

    def _ready(self, health: HealthSource) -> None:
        # The reason (e.g. the flood guard's) is our own fixed-format text, never event data.
        reason_of = getattr(health, "not_ready_reason", None)
        try:
            ok = bool(health.ready())
            reason = None if ok or reason_of is None else reason_of()
        except Exception:
            _LOG.warning("health check raised", exc_info=True)
            ok, reason = False, None
        if ok:
            self._reply(HTTPStatus.OK, b"ok\n")
        else:
            self._reply(HTTPStatus.SERVICE_UNAVAILABLE, f"unavailable: {reason or 'not ready'}\n".encode())

    def _probe(self, check: Callable[[], bool]) -> None:
        try:
            ok = bool(check())
        except Exception:
            # A health object that raises is not healthy: fail closed, and say so in the logs.
            _LOG.warning("health check raised", exc_info=True)
            ok = False
        if ok:
            self._reply(HTTPStatus.OK, b"ok\n")
        else:
            self._reply(HTTPStatus.SERVICE_UNAVAILABLE, b"unavailable\n")

    def _reply(self, status: HTTPStatus, body: bytes, content_type: str = _TEXT) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _route(self) -> str:
        # The query string is dropped and unknown paths are not echoed: scanners and mistyped URLs can carry
        # anything, and none of it should reach our logs.
        path = (getattr(self, "path", None) or "").split("?", 1)[0]
        return path if path in _PATHS else "other"

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # The default writes the raw request line and client address to stderr, unstructured.
        status = int(code) if isinstance(code, int) or str(code).isdigit() else 0
        # The method token is attacker-chosen on a malformed request (it then gets a 501), so bound it too.
        method = getattr(self, "command", None) or ""
        fields = {"http_method": method if method in _METHODS else "other", "http_path": self._route()}
        _LOG.debug("http request", extra={**fields, "status": status})

    def log_message(self, format: str, *args: Any) -> None:
        # Errors (bad request lines, timeouts): keep the template, drop the arguments, which quote the input.
        _LOG.debug("http server notice: %s", format)


class ObservabilityServer:
    """Serves `/metrics`, `/healthz` and `/readyz` on `host:port` (port 0 picks a free port)."""

    def __init__(
        self,
        metrics: GateMetrics,
        health: HealthSource,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        max_stall_s: float = 60.0,
        admin: AdminActions | None = None,
    ) -> None:
        """Nothing is bound until `start()`; `max_stall_s` is passed to ``health.alive``."""
        self._admin = admin or AdminActions()
        self._metrics = metrics
        self._health = health
        self._address = (host, port)
        self._max_stall_s = max_stall_s
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The bound port (the real one when constructed with port 0); valid after `start()`."""
        if self._server is None:
            raise RuntimeError("ObservabilityServer is not started")
        return int(self._server.server_address[1])

    def start(self) -> ObservabilityServer:
        """Bind and serve in a daemon thread; returns self."""
        if self._server is not None:
            raise RuntimeError("ObservabilityServer already started")
        self._server = _Server(self._address, self._metrics, self._health, self._max_stall_s, self._admin)
        # A 0.1 s poll keeps stop() (and so shutdown and tests) quick, for ten idle wake-ups a second.
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="gate-observability-http",
            daemon=True,
        )
        self._thread.start()
        _LOG.info("observability endpoint listening", extra={"port": self.port})
        return self

    def stop(self) -> None:
        """Stop serving and release the port; safe to call twice."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> ObservabilityServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
