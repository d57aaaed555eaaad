"""Loading trust anchors and signer credentials: every mistake is a ConfigError that says what to fix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from gate.errors import ConfigError
from gate.provenance import DevPki, SignerConfig, TrustAnchors


def _split(chain: bytes) -> list[bytes]:
    marker = b"-----BEGIN CERTIFICATE-----"
    return [marker + part for part in chain.split(marker) if part.strip()]


def test_signer_config_loads_and_hides_the_key(trusted_pki: DevPki) -> None:
    config = SignerConfig.from_files(trusted_pki.signer_chain, trusted_pki.signer_key)
    assert config.alg == "es256"
    assert b"PRIVATE KEY" not in repr(config).encode()
    assert len(config.leaf_fingerprint) == 64


def test_trust_anchors_keep_exactly_the_given_roots(trusted_pki: DevPki, untrusted_pki: DevPki) -> None:
    bundle = trusted_pki.root_ca.read_bytes() + untrusted_pki.root_ca.read_bytes()
    assert len(TrustAnchors.from_pem(bundle).fingerprints) == 2


@pytest.mark.parametrize(
    "pem", [b"", b"not a certificate", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"]
)
def test_trust_anchors_reject_non_pem(pem: bytes) -> None:
    with pytest.raises(ConfigError, match="trust anchor"):
        TrustAnchors.from_pem(pem)


def test_trust_anchors_reject_a_signer_certificate(trusted_pki: DevPki) -> None:
    with pytest.raises(ConfigError, match="not a CA certificate"):
        TrustAnchors.from_pem(trusted_pki.signer_chain.read_bytes())


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"nope\.pem"):
        TrustAnchors.from_pem_file(tmp_path / "nope.pem")


def test_key_from_another_pki_is_refused(trusted_pki: DevPki, untrusted_pki: DevPki) -> None:
    with pytest.raises(ConfigError, match="does not belong to the signer certificate"):
        SignerConfig.from_files(trusted_pki.signer_chain, untrusted_pki.signer_key)


def test_chain_with_intermediate_first_is_refused(trusted_pki: DevPki) -> None:
    leaf, intermediate = _split(trusted_pki.signer_chain.read_bytes())
    with pytest.raises(ConfigError, match="start with the signer"):
        SignerConfig.from_pem(intermediate + leaf, trusted_pki.signer_key.read_bytes())


def test_chain_whose_issuer_does_not_match_is_refused(trusted_pki: DevPki, untrusted_pki: DevPki) -> None:
    leaf = _split(trusted_pki.signer_chain.read_bytes())[0]
    foreign_intermediate = _split(untrusted_pki.signer_chain.read_bytes())[1]
    with pytest.raises(ConfigError, match="out of order"):
        SignerConfig.from_pem(leaf + foreign_intermediate, trusted_pki.signer_key.read_bytes())


def test_encrypted_key_is_refused(trusted_pki: DevPki) -> None:
    key = serialization.load_pem_private_key(trusted_pki.signer_key.read_bytes(), None)
    encrypted = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"secret"),
    )
    with pytest.raises(ConfigError, match="encrypted"):
        SignerConfig.from_pem(trusted_pki.signer_chain.read_bytes(), encrypted)


def test_sec1_key_is_normalised_to_pkcs8(trusted_pki: DevPki) -> None:
    key = serialization.load_pem_private_key(trusted_pki.signer_key.read_bytes(), None)
    sec1 = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    assert sec1.startswith(b"-----BEGIN EC PRIVATE KEY-----")
    config = SignerConfig.from_pem(trusted_pki.signer_chain.read_bytes(), sec1)
    assert config.key_pem.startswith(b"-----BEGIN PRIVATE KEY-----")


def test_expired_signer_is_refused(trusted_pki: DevPki) -> None:
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=3 * 365)
    with pytest.raises(ConfigError, match="expired"):
        SignerConfig.from_pem(
            trusted_pki.signer_chain.read_bytes(), trusted_pki.signer_key.read_bytes(), now=later
        )
