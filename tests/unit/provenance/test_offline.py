"""Verification makes no network calls, even when a manifest points at a URL.

c2pa-rs does its own networking in Rust, so patching Python's socket module would prove nothing. Instead a
local TCP listener counts connections, and a control run with c2pa's default settings shows it would see one.
"""

from __future__ import annotations

import io
import socket
import threading
from collections.abc import Iterator

import c2pa
import pytest

from gate.provenance import PreparedSigner, Verifier, verify_manifest

from .conftest import make_image


class _Listener:
    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port: int = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[_Listener]:
    server = _Listener()
    yield server
    server.close()


@pytest.fixture
def remote_only_image(signer: PreparedSigner, listener: _Listener) -> bytes:
    """An image whose manifest is not embedded, only referenced by URL (XMP provenance)."""
    with c2pa.Builder({"claim_generator_info": [{"name": "remote-test"}]}, context=signer.context) as builder:
        builder.set_intent(
            c2pa.C2paBuilderIntent.CREATE, c2pa.C2paDigitalSourceType.TRAINED_ALGORITHMIC_MEDIA
        )
        builder.set_no_embed()
        builder.set_remote_url(f"http://127.0.0.1:{listener.port}/manifest.c2pa")
        out = io.BytesIO()
        builder.sign(signer.signer, "image/jpeg", io.BytesIO(make_image()), out)
    return out.getvalue()


def test_remote_manifest_is_not_fetched(
    remote_only_image: bytes, verifier: Verifier, listener: _Listener
) -> None:
    report = verify_manifest(remote_only_image, "image/jpeg", verifier)
    assert report.state == "unreadable"
    assert report.status_codes == ("manifest.inaccessible",)
    assert listener.connections == 0


def test_control_default_settings_would_fetch(remote_only_image: bytes, listener: _Listener) -> None:
    with pytest.raises(c2pa.C2paError):
        c2pa.Reader("image/jpeg", io.BytesIO(remote_only_image), context=c2pa.Context())
    assert listener.connections >= 1  # so the test above can fail
