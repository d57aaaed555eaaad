"""Trusted time: signatures time-stamped by the development TSA (real RFC 3161 over real HTTP), signers
that expire, and TSAs that are down, slow, refuse or answer garbage."""

from __future__ import annotations

import datetime as dt
import io
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import c2pa
import pytest
from cryptography import x509

from gate.errors import ConfigError
from gate.provenance import (
    DevPki,
    GenerationClaim,
    PreparedSigner,
    SignerConfig,
    TrustAnchors,
    Verifier,
    attach_manifest,
    create_dev_pki,
    verify_manifest,
)
from gate.provenance.dev_tsa import DevTsa, TsaCredential, time_stamp_response
from gate.provenance.tsa import TimestampUnavailable, TsaOptions, host_allowed

from .conftest import make_image

LIFETIME = dt.timedelta(seconds=4)
CLAIM = GenerationClaim(model_name="m", model_version="1", provider="p", policy_version="1")


@pytest.fixture(scope="module")
def short_lived(tmp_path_factory: pytest.TempPathFactory) -> DevPki:
    """A dev PKI whose signer expires seconds after it is made; its TSA lives on."""
    return create_dev_pki(tmp_path_factory.mktemp("short"), leaf_lifetime=LIFETIME)


@pytest.fixture(scope="module")
def foreign(tmp_path_factory: pytest.TempPathFactory) -> DevPki:
    return create_dev_pki(tmp_path_factory.mktemp("foreign"), organisation="someone else")


@pytest.fixture(scope="module")
def dev_tsa(short_lived: DevPki) -> Iterator[DevTsa]:
    with DevTsa(TsaCredential.from_files(short_lived.tsa_chain, short_lived.tsa_key)) as tsa:
        yield tsa


@pytest.fixture(scope="module")
def foreign_tsa(foreign: DevPki) -> Iterator[DevTsa]:
    with DevTsa(TsaCredential.from_files(foreign.tsa_chain, foreign.tsa_key)) as tsa:
        yield tsa


# How long the slow TSA takes to answer: far past the signer's 0.5 s budget and any stall of the machine.
TSA_DELAY_S = 20.0


def _options(url: str, **extra: object) -> TsaOptions:
    return TsaOptions(url, ("127.0.0.1",), **extra)  # type: ignore[arg-type]


def _success_codes(data: bytes, verifier: Verifier) -> list[str]:
    with c2pa.Reader("image/jpeg", io.BytesIO(data), context=verifier.context) as reader:
        store = json.loads(reader.json())
    return [entry["code"] for entry in store["validation_results"]["activeManifest"]["success"]]


def test_expired_signer_with_and_without_trusted_time(
    short_lived: DevPki, dev_tsa: DevTsa, foreign_tsa: DevTsa
) -> None:
    anchors = TrustAnchors.from_pem_file(short_lived.root_ca)
    config = SignerConfig.from_files(short_lived.signer_chain, short_lived.signer_key)
    signed = {
        "our TSA": attach_manifest(
            make_image(), "image/jpeg", PreparedSigner.create(config, anchors, _options(dev_tsa.url)), CLAIM
        ),
        "an untrusted TSA": attach_manifest(
            make_image(),
            "image/jpeg",
            PreparedSigner.create(config, anchors, _options(foreign_tsa.url)),
            CLAIM,
        ),
        "no TSA": attach_manifest(make_image(), "image/jpeg", PreparedSigner.create(config, anchors), CLAIM),
    }
    verifier = Verifier.create(anchors)
    assert {name: verify_manifest(data, "image/jpeg", verifier).state for name, data in signed.items()} == {
        name: "trusted" for name in signed
    }
    assert {"timeStamp.validated", "timeStamp.trusted"} <= set(_success_codes(signed["our TSA"], verifier))
    # c2pa-rs compares whole seconds: wait until the certificate is over a second past its notAfter.
    expiry = x509.load_pem_x509_certificates(short_lived.signer_chain.read_bytes())[0].not_valid_after_utc
    time.sleep(max(0.0, (expiry - dt.datetime.now(dt.UTC)).total_seconds() + 1.2))
    # The signer has expired: only a trusted time-stamp proves it signed while it was valid.
    fresh = Verifier.create(anchors)
    reports = {name: verify_manifest(data, "image/jpeg", fresh) for name, data in signed.items()}
    assert (reports["our TSA"].state, reports["our TSA"].cause) == ("trusted", None)
    for name in ("an untrusted TSA", "no TSA"):
        # Not tampered: untrusted (quarantine), naming the expiry as the cause.
        assert (reports[name].state, reports[name].cause) == ("untrusted", "signingCredential.expired")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    ("behaviour", "why"), [("down", "down"), ("slow", "slow"), ("garbage", "garbage"), ("error", "refused")]
)
def test_a_tsa_that_gives_no_time_stamp_is_named_and_bounded(
    behaviour: str, why: str, trusted_pki: DevPki, signer: PreparedSigner
) -> None:
    config = SignerConfig.from_files(trusted_pki.signer_chain, trusted_pki.signer_key)
    credential = TsaCredential.from_files(trusted_pki.tsa_chain, trusted_pki.tsa_key)
    with DevTsa(credential, behaviour="ok" if behaviour == "down" else behaviour, delay_s=TSA_DELAY_S) as tsa:  # type: ignore[arg-type]
        url = f"http://127.0.0.1:{_closed_port()}/" if behaviour == "down" else tsa.url
        stamped = PreparedSigner.create(config, None, _options(url, timeout_s=0.5))
        started = time.monotonic()
        with pytest.raises(TimestampUnavailable) as caught:
            attach_manifest(make_image(), "image/jpeg", stamped, CLAIM)
        assert caught.value.why == why
        # Bounded by tsa.timeout_s (0.5 s), not by the TSA's answer; the room left is for a loaded machine.
        assert time.monotonic() - started < TSA_DELAY_S / 2
        # sign_without: the image is signed anyway, without trusted time.
        fallback = PreparedSigner.create(
            config, None, _options(url, timeout_s=0.5, on_failure="sign_without")
        )
        signed = attach_manifest(make_image(), "image/jpeg", fallback, CLAIM)
        assert verify_manifest(signed, "image/jpeg", Verifier.create(None)).state == "untrusted"


@pytest.mark.parametrize(
    ("url", "hosts", "message"),
    [
        ("http://tsa.example.com/", ("other.example.com",), "not in tsa.allow_hosts"),
        ("ftp://127.0.0.1/", ("127.0.0.1",), "http:// or https://"),
        ("127.0.0.1", ("127.0.0.1",), "http:// or https://"),
    ],
)
def test_tsa_configuration_is_checked(url: str, hosts: tuple[str, ...], message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace(".", r"\.").replace("/", "/")):
        TsaOptions(url, hosts)


@pytest.mark.parametrize(
    ("host", "allowed", "ok"),
    [
        ("tsa.example.com", ("tsa.example.com",), True),
        ("TSA.example.com.", ("tsa.example.com",), True),
        ("a.tsa.example.com", ("*.example.com",), True),
        ("example.com", ("*.example.com",), False),
        ("badexample.com", ("*.example.com",), False),
        ("tsa.example.com.evil.net", ("tsa.example.com",), False),
        ("127.0.0.1", (), False),
    ],
)
def test_host_allow_list(host: str, allowed: tuple[str, ...], ok: bool) -> None:
    assert host_allowed(host, allowed) is ok


def test_the_dev_tsa_rejects_a_query_it_cannot_read(trusted_pki: DevPki) -> None:
    from asn1crypto import tsp  # noqa: PLC0415

    credential = TsaCredential.from_files(trusted_pki.tsa_chain, trusted_pki.tsa_key)
    reply = time_stamp_response(b"\x30\x00", credential)
    status = tsp.PKIStatusInfo.load(reply[2:])
    assert (reply[0], reply[1], status["status"].native) == (0x30, len(reply) - 2, "rejection")


def test_the_dev_tsa_needs_its_credential(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="gate keys init"):
        TsaCredential.from_files(tmp_path / "missing.pem", tmp_path / "missing-key.pem")
