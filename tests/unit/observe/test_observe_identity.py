"""Certificate and bundle identities for metrics, on a real dev PKI."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from gate.observe.identity import bundle_sha256, leaf_certificate_identity
from gate.provenance import create_dev_pki


def test_leaf_identity_is_the_first_certificate_of_the_chain(tmp_path: Path) -> None:
    pki = create_dev_pki(tmp_path)
    chain = pki.signer_chain.read_bytes()
    leaf = x509.load_pem_x509_certificates(chain)[0]
    identity = leaf_certificate_identity(chain)
    assert identity.sha256 == hashlib.sha256(leaf.public_bytes(encoding=Encoding.DER)).hexdigest()
    assert identity.not_after_epoch_s == leaf.not_valid_after_utc.timestamp()
    assert bundle_sha256(pki.root_ca.read_bytes()) == hashlib.sha256(pki.root_ca.read_bytes()).hexdigest()


def test_no_certificate_is_an_error() -> None:
    with pytest.raises(ValueError):
        leaf_certificate_identity(b"not a certificate")
