"""A real local HTTPS server with a test-generated CA, so the fetcher's TLS, caps and timeouts are exercised
end to end without the internet."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import ipaddress
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

# How long /slow waits before answering and /trickle takes to send its body.
SLOW_S = 20.0
BODY = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # 1,032 bytes


@dataclass
class TlsServer:
    """The running server: its port, the CA file that trusts it, and the requests it received."""

    port: int
    ca_file: Path
    requests: list[tuple[str, str]] = field(default_factory=list)  # (Host header, path with query)
    body: bytes = BODY  # what /ok serves
    sha256: str = hashlib.sha256(BODY).hexdigest()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"https://{host}:{self.port}{path}"


def _write_pki(directory: Path) -> tuple[Path, Path, Path]:
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "gate test CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    san = x509.SubjectAlternativeName(
        [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(san, critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_file, cert_file, key_file = directory / "ca.pem", directory / "server.pem", directory / "server.key"
    ca_file.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return ca_file, cert_file, key_file


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # needed for chunked bodies
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server.state.requests.append((self.headers.get("Host", ""), self.path))
        route = self.path.partition("?")[0]
        # The client often gives up first (caps, timeouts), which is what those tests want.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError, ssl.SSLError):
            _ROUTES.get(route, _not_found)(self)


def _send(handler: _Handler, status: int, body: bytes = b"", **headers: str) -> None:
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _not_found(handler: _Handler) -> None:
    _send(handler, 404, b"not here")


def _chunked(handler: _Handler, chunks: int, pause_s: float) -> None:
    handler.send_response(200)
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    for _ in range(chunks):
        piece = b"x" * 1024
        handler.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        handler.wfile.flush()
        time.sleep(pause_s)
    handler.wfile.write(b"0\r\n\r\n")


def _declares_more_than_it_sends(handler: _Handler) -> None:
    # Only a client that trusts Content-Length refuses this at once; one that streams waits and times out.
    handler.send_response(200)
    handler.send_header("Content-Length", "8192")
    handler.end_headers()
    handler.wfile.write(b"x" * 100)
    handler.wfile.flush()
    time.sleep(1)


def _redirect(location: str) -> Any:
    def route(handler: _Handler) -> None:
        target = location.replace("{port}", str(handler.server.server_address[1]))
        _send(handler, 302, Location=target)

    return route


_ROUTES = {
    "/ok": lambda h: _send(h, 200, BODY, Content_Type="image/png"),
    "/big-declared": _declares_more_than_it_sends,
    "/big-chunked": lambda h: _chunked(h, chunks=64, pause_s=0),
    # Far slower than any client budget of the tests (0.2-0.5 s) plus a loaded machine's stalls: a client
    # that waits for the server, not its budget, is seen at once (the handler threads are daemons).
    "/slow": lambda h: (time.sleep(SLOW_S), _send(h, 200, BODY)),
    "/trickle": lambda h: _chunked(h, chunks=int(SLOW_S / 0.1), pause_s=0.1),
    "/redirect-same-host": _redirect("/ok"),
    "/redirect-other-host": _redirect("https://localhost:{port}/ok"),
    "/redirect-plain-http": _redirect("http://127.0.0.1:{port}/ok"),
    "/redirect-loop": _redirect("/redirect-loop"),
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: TlsServer
    tls: ssl.SSLContext

    def finish_request(self, request: Any, client_address: Any) -> None:
        # Handshake in the handler thread, so a stalled client never blocks the accept loop.
        with self.tls.wrap_socket(request, server_side=True) as tls_socket:
            super().finish_request(tls_socket, client_address)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # failed handshakes are expected (the untrusted-certificate test); the client side asserts


@pytest.fixture(scope="session")
def _tls_server_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsServer]:
    ca_file, cert_file, key_file = _write_pki(tmp_path_factory.mktemp("pki"))
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert_file, key_file)
    server = _Server(("127.0.0.1", 0), _Handler)
    server.tls = tls
    server.state = TlsServer(port=server.server_address[1], ca_file=ca_file)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.state
    server.shutdown()
    server.server_close()


@pytest.fixture
def tls_server(_tls_server_session: TlsServer) -> TlsServer:
    """The session's HTTPS server with an empty request log."""
    _tls_server_session.requests.clear()
    return _tls_server_session
