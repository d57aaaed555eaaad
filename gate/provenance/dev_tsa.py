"""A development RFC 3161 time-stamp authority: `gate demo` and the tests sign with trusted time through it.

Its certificate is issued by the dev PKI's intermediate CA (`create_dev_pki` writes `tsa-chain.pem` and
`tsa-key.pem`), with the critical timeStamping purpose RFC 3161 requires, so a gate that trusts the dev
root trusts its time-stamps too. It answers time-stamp queries over HTTP on the loopback interface. Not a
production TSA: no audit log, no clock discipline, one key on disk.

`behaviour` lets tests play a TSA that misbehaves: "slow" (answers after `delay_s`), "garbage" (HTTP 200
with bytes that are no time-stamp response), "error" (HTTP 500).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Literal

from asn1crypto import algos, cms, core, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from gate.errors import ConfigError

Behaviour = Literal["ok", "slow", "garbage", "error"]
QUERY_TYPE = "application/timestamp-query"
REPLY_TYPE = "application/timestamp-reply"
_DEV_POLICY = "1.3.6.1.4.1.55555.3161.1"  # a private arc: "gate development time-stamping policy"
_MAX_QUERY = 16 * 1024


@dataclass(frozen=True, slots=True)
class TsaCredential:
    """The TSA's certificate chain (leaf first) and key."""

    chain: tuple[x509.Certificate, ...]
    key: ec.EllipticCurvePrivateKey = field(repr=False)

    @classmethod
    def from_files(cls, chain_pem: Path, key_pem: Path) -> TsaCredential:
        """Read `tsa-chain.pem` and `tsa-key.pem` as `create_dev_pki` writes them."""
        try:
            chain = tuple(x509.load_pem_x509_certificates(chain_pem.read_bytes()))
            key = serialization.load_pem_private_key(key_pem.read_bytes(), password=None)
        except (OSError, ValueError) as exc:
            raise ConfigError(
                f"cannot load the development TSA credential ({exc}); run `gate keys init`"
            ) from None
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ConfigError("the development TSA key must be an EC key")
        return cls(chain, key)


def time_stamp_response(query: bytes, credential: TsaCredential, now: dt.datetime | None = None) -> bytes:
    """The DER TimeStampResp answering a DER TimeStampReq (a rejection if the query cannot be read)."""
    try:
        request = tsp.TimeStampReq.load(query)
        imprint = request["message_imprint"]
        imprint.native  # noqa: B018 - parse now: a malformed query is rejected, not signed
    except (ValueError, TypeError):
        # TimeStampResp ::= SEQUENCE { status PKIStatusInfo } when there is no token (asn1crypto insists on
        # one, so the outer SEQUENCE is written here; the status is a few bytes, a one-byte length).
        status = bytes(tsp.PKIStatusInfo({"status": "rejection", "fail_info": {"bad_data_format"}}).dump())
        return b"\x30" + bytes([len(status)]) + status
    leaf = credential.chain[0]
    leaf_der = leaf.public_bytes(serialization.Encoding.DER)
    info = {
        "version": "v1",
        "policy": _DEV_POLICY,
        "message_imprint": imprint,
        "serial_number": secrets.randbits(63),
        "gen_time": (now or dt.datetime.now(dt.UTC)).replace(microsecond=0),
        "accuracy": {"seconds": 1},
    }
    if request["nonce"].native is not None:
        info["nonce"] = request["nonce"].native
    tst_info = tsp.TSTInfo(info)
    content = tst_info.dump()
    attributes = cms.CMSAttributes(
        [
            {"type": "content_type", "values": ["tst_info"]},
            {"type": "message_digest", "values": [hashlib.sha256(content).digest()]},
            {
                "type": "signing_certificate_v2",
                "values": [
                    {"certs": [{"hash_algorithm": {"algorithm": "sha256"}, "cert_hash": _sha256(leaf_der)}]}
                ],
            },
        ]
    )
    signature = credential.key.sign(attributes.dump(), ec.ECDSA(hashes.SHA256()))
    certificate = asn1_x509.Certificate.load(leaf_der)
    signer = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": {
                        "issuer": certificate.issuer,
                        "serial_number": certificate.serial_number,
                    }
                }
            ),
            "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
            "signed_attrs": attributes,
            "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "sha256_ecdsa"}),
            "signature": signature,
        }
    )
    certificates = [
        asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in credential.chain
    ]
    signed = cms.SignedData(
        {
            "version": "v3",
            "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
            "encap_content_info": {"content_type": "tst_info", "content": core.ParsableOctetString(content)},
            "certificates": certificates if request["cert_req"].native else [],
            "signer_infos": [signer],
        }
    )
    token = cms.ContentInfo({"content_type": "signed_data", "content": signed})
    return bytes(tsp.TimeStampResp({"status": {"status": "granted"}, "time_stamp_token": token}).dump())


def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


class DevTsa:
    """The development TSA as a loopback HTTP server on a free port; a context manager."""

    def __init__(
        self, credential: TsaCredential, *, behaviour: Behaviour = "ok", delay_s: float = 0.0
    ) -> None:
        self.credential = credential
        self.behaviour = behaviour
        self.delay_s = delay_s
        self.requests = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="dev-tsa", daemon=True)

    @property
    def url(self) -> str:
        """Where to send time-stamp queries."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def start(self) -> DevTsa:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> DevTsa:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _handler(tsa: DevTsa) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            tsa.requests += 1
            length = int(self.headers.get("Content-Length") or 0)
            if length > _MAX_QUERY or self.headers.get("Content-Type") != QUERY_TYPE:
                self._answer(400, b"", "text/plain")
                return
            query = self.rfile.read(length)
            if tsa.behaviour == "error":
                self._answer(500, b"", "text/plain")
                return
            if tsa.behaviour == "slow":
                threading.Event().wait(tsa.delay_s)
            body = b"\x30\x03\x02\x01\x63" if tsa.behaviour == "garbage" else b""
            self._answer(200, body or time_stamp_response(query, tsa.credential), REPLY_TYPE)

        def _answer(self, status: int, body: bytes, content_type: str) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up (a timeout test); nothing to tell it

        def log_message(self, format: str, *args: object) -> None:
            return  # quiet: tests and the demo have their own logs

    return Handler
