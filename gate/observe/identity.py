"""Identities an SRE wants on a dashboard: which trust anchors and which signer certificate are loaded.

Only digests and dates leave this module: a certificate's subject can name a person, so it never becomes a
label. The sha256 of a certificate is the SHA-256 of its DER encoding (what `openssl x509 -fingerprint
-sha256` prints, lowercase without colons); of a trust-anchor bundle, the SHA-256 of the file's bytes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes

__all__ = ["CertificateIdentity", "bundle_sha256", "leaf_certificate_identity"]


@dataclass(frozen=True, slots=True)
class CertificateIdentity:
    """A certificate as metrics see it."""

    sha256: str
    not_after_epoch_s: float


def bundle_sha256(data: bytes) -> str:
    """The SHA-256 of a PEM bundle's bytes, lowercase hex."""
    return hashlib.sha256(data).hexdigest()


def leaf_certificate_identity(chain_pem: bytes) -> CertificateIdentity:
    """The first certificate of a PEM chain (the signer's leaf): its fingerprint and expiry.

    Raises ValueError when `chain_pem` holds no certificate.
    """
    certificates = x509.load_pem_x509_certificates(chain_pem)
    if not certificates:
        raise ValueError("no certificate in the signer chain")
    leaf = certificates[0]
    return CertificateIdentity(
        sha256=leaf.fingerprint(hashes.SHA256()).hex(),
        not_after_epoch_s=leaf.not_valid_after_utc.timestamp(),
    )
