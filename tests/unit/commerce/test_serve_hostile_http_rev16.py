"""`gate serve`'s port against hostile HTTP (usersrev16): lengths Python's int() reads but HTTP does not
write, and a client that trickles its request.

Before: `Content-Length: ²` (a Latin-1 superscript two passes str.isdigit) and a chunk size of `-5` raised
inside the handler: no answer at all, and the standard library printed a traceback with the client's address
to stderr. A client sending one byte every few seconds never tripped the 10 s read timeout and held its
thread for as long as it liked. The server is the real one on a free port, as in test_commerce_serve.py.
"""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import gate.commerce.http as commerce_http
from gate.cli.run import processor_factory
from gate.commerce.assembly import Served, build_server
from gate.commerce.webhook import WEBHOOK_PATH
from gate.settings import load_settings
from tests.commerce_webhooks import write_public_key

HEAD = f"POST {WEBHOOK_PATH} HTTP/1.1\r\nHost: shop\r\n".encode()


@pytest.fixture
def port(tmp_path: Path) -> Iterator[int]:
    (tmp_path / "media").mkdir()
    key = write_public_key(tmp_path / "commerce-public.pem")
    settings = load_settings(
        fetch={"file_roots": [str(tmp_path / "media")]}, commerce={"webhook_public_key": str(key)}
    )
    factory = processor_factory(settings)
    served: Served = build_server(settings, factory.config, factory.fetch, host="127.0.0.1", port=0)
    served.server.start()
    yield served.server.port
    served.server.stop()
    served.close()


def _status(port: int, request: bytes) -> int | None:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(request)
        head = conn.recv(4096)
    return int(head.split(b" ", 2)[1]) if head else None


@pytest.mark.parametrize(
    ("headers_and_body", "status"),
    [
        (b"Content-Length: \xb2\r\n\r\n{}", 411),  # Latin-1 superscript two: isdigit() but not int()
        ("Content-Length: \u0663\r\n\r\n{}".encode(), 411),  # Arabic-Indic three, UTF-8 on the wire
        (b"Content-Length: +2\r\n\r\n{}", 411),
        (b"Content-Length: 2\r\nContent-Length: 900\r\n\r\n{}", 411),  # two lengths: which one?
        (b"Transfer-Encoding: chunked\r\n\r\n-5\r\nabc\r\n", 400),  # int('-5', 16) == -5
        (b"Transfer-Encoding: chunked\r\n\r\n0x2\r\n{}\r\n0\r\n\r\n", 400),
        (b"Transfer-Encoding: chunked\r\n\r\n1_0\r\n{}\r\n0\r\n\r\n", 400),
        (b"Transfer-Encoding: chunked\r\n\r\n" + b"f" * 40 + b"\r\n", 400),
    ],
)
def test_a_length_http_does_not_write_is_refused_with_an_answer_and_no_traceback(
    port: int, headers_and_body: bytes, status: int, capfd: pytest.CaptureFixture[str]
) -> None:
    assert _status(port, HEAD + headers_and_body) == status
    assert "Traceback" not in capfd.readouterr().err


def test_the_same_lengths_written_as_http_writes_them_still_pass(port: int) -> None:
    """The neighbours: one plain length and plain hex chunks reach the signature check (401, unsigned)."""
    assert _status(port, HEAD + b"Content-Length: 2\r\n\r\n{}") == 401
    assert _status(port, HEAD + b"Content-Length:  2 \r\n\r\n{}") == 401
    assert _status(port, HEAD + b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n") == 401
    assert _status(port, HEAD + b"Transfer-Encoding: chunked\r\n\r\n2;ext=1\r\n{}\r\n0\r\n\r\n") == 401


def test_a_client_trickling_its_body_is_cut_off_at_the_request_deadline(
    port: int, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """One byte every 0.3 s never leaves the socket quiet for READ_TIMEOUT_S; the request deadline ends it
    with a 408 (the trickle would otherwise go on for its whole 40 bytes, 12 s)."""
    monkeypatch.setattr(commerce_http, "REQUEST_DEADLINE_S", 1.0, raising=False)
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(HEAD + b"Content-Length: 40\r\n\r\n")
        answer = b""
        for _ in range(40):
            time.sleep(0.3)
            if select.select([conn], [], [], 0)[0]:
                answer = conn.recv(4096)
                break
            conn.sendall(b" ")
    assert answer.startswith(b"HTTP/1.0 408"), answer[:40]
    assert b"send it at once" in answer
    assert "Traceback" not in capfd.readouterr().err


def test_a_client_trickling_its_headers_is_dropped_quietly_at_the_deadline(
    port: int, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(commerce_http, "REQUEST_DEADLINE_S", 1.0, raising=False)
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(HEAD)
        closed = False
        for n in range(40):
            time.sleep(0.3)
            if select.select([conn], [], [], 0)[0]:
                closed = conn.recv(4096) == b""
                break
            conn.sendall(f"X-Slow-{n}: 1\r\n".encode())
    assert closed, "the server closed the connection"
    assert "Traceback" not in capfd.readouterr().err
