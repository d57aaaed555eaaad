"""A development PKI for C2PA signing: root CA -> intermediate CA -> leaf signer, ES256 (P-256).

Production keys come from a KMS/HSM; this exists so `gate demo`, tests and local runs can sign and verify
with a chain c2pa-rs accepts. The subject names describe the role, never a person (no personal data
ends up in manifests through the certificate).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from gate.errors import ConfigError
from gate.provenance.trust import EMAIL_PROTECTION, TIME_STAMPING

ROOT_FILE = "root-ca.pem"
CHAIN_FILE = "signer-chain.pem"
KEY_FILE = "signer-key.pem"
TSA_CHAIN_FILE = "tsa-chain.pem"
TSA_KEY_FILE = "tsa-key.pem"

# Back-dated so that small clock skew between machines never makes a fresh certificate "not yet valid".
_BACKDATE = dt.timedelta(days=1)
_CA_LIFETIME = dt.timedelta(days=2 * 365)
_LEAF_LIFETIME = dt.timedelta(days=365)


@dataclass(frozen=True, slots=True)
class DevPki:
    """Where `create_dev_pki` wrote its files."""

    root_ca: Path
    signer_chain: Path
    signer_key: Path
    tsa_chain: Path  # the development time-stamp authority (dev_tsa), under the same root
    tsa_key: Path


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _ca_certificate(
    subject: x509.Name,
    key: ec.EllipticCurvePrivateKey,
    issuer: x509.Name,
    issuer_key: ec.EllipticCurvePrivateKey,
    *,
    path_length: int | None,
    now: dt.datetime,
) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _BACKDATE)
        .not_valid_after(now + _CA_LIFETIME)
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False
        )
    )
    return builder.sign(issuer_key, hashes.SHA256())


def _key_usage(*, cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not cert_sign,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def leaf_certificate(
    key: ec.EllipticCurvePrivateKey,
    issuer: x509.Name,
    issuer_key: ec.EllipticCurvePrivateKey,
    *,
    common_name: str,
    organisation: str,
    ekus: Sequence[str],
    not_before: dt.datetime,
    not_after: dt.datetime,
) -> x509.Certificate:
    """An end-entity certificate as c2pa-rs wants one, for a signer or a time-stamp authority."""
    # c2pa-rs rejects a signer without digitalSignature, an EKU, an AKI, or one marked CA. Which EKUs it
    # accepts is the trust configuration's `allowed_ekus`.
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, organisation))
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.ObjectIdentifier(oid) for oid in ekus]),
            critical=TIME_STAMPING in ekus,  # RFC 3161 2.3: a TSA's EKU is critical
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False
        )
    )
    return builder.sign(issuer_key, hashes.SHA256())


def _write(path: Path, data: bytes, mode: int) -> None:
    # Create with the final mode so a private key is never world-readable, not even briefly.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.chmod(path, mode)  # O_CREAT leaves an existing file's mode alone (the --force case)


def create_dev_pki(
    directory: Path,
    *,
    force: bool = False,
    organisation: str = "gate development",
    ekus: Sequence[str] = (EMAIL_PROTECTION,),
    leaf_lifetime: dt.timedelta = _LEAF_LIFETIME,
) -> DevPki:
    """Write a fresh dev root CA, signer chain (leaf then intermediate) and PKCS#8 key into `directory`.

    Call it again with another directory for a second, independent (mutually untrusted) PKI. `ekus` are
    the signer's extended key usages (dotted OIDs); `leaf_lifetime` how long it stays valid from now.
    Raises ConfigError if any target file exists and `force` is false.
    """
    directory.mkdir(parents=True, exist_ok=True)
    pki = DevPki(
        directory / ROOT_FILE,
        directory / CHAIN_FILE,
        directory / KEY_FILE,
        directory / TSA_CHAIN_FILE,
        directory / TSA_KEY_FILE,
    )
    if not force:
        for path in (pki.root_ca, pki.signer_chain, pki.signer_key, pki.tsa_chain, pki.tsa_key):
            if path.exists():
                raise ConfigError(f"{path} already exists; use --force to overwrite it")

    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = _name("gate development root CA", organisation)
    root = _ca_certificate(root_name, root_key, root_name, root_key, path_length=1, now=now)

    inter_key = ec.generate_private_key(ec.SECP256R1())
    inter_name = _name("gate development intermediate CA", organisation)
    inter = _ca_certificate(inter_name, inter_key, root_name, root_key, path_length=0, now=now)

    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = leaf_certificate(
        leaf_key,
        inter_name,
        inter_key,
        common_name="gate development signer",
        organisation=organisation,
        ekus=ekus,
        not_before=now - _BACKDATE if leaf_lifetime >= _BACKDATE else now,
        not_after=now + leaf_lifetime,
    )

    tsa_key = ec.generate_private_key(ec.SECP256R1())
    tsa = leaf_certificate(
        tsa_key,
        inter_name,
        inter_key,
        common_name="gate development time-stamp authority",
        organisation=organisation,
        ekus=(TIME_STAMPING,),
        not_before=now - _BACKDATE,
        not_after=now + _CA_LIFETIME,
    )

    pem = serialization.Encoding.PEM
    _write(pki.root_ca, root.public_bytes(pem), 0o644)
    _write(pki.signer_chain, leaf.public_bytes(pem) + inter.public_bytes(pem), 0o644)
    _write(pki.signer_key, _pkcs8(leaf_key), 0o600)
    _write(pki.tsa_chain, tsa.public_bytes(pem) + inter.public_bytes(pem), 0o644)
    _write(pki.tsa_key, _pkcs8(tsa_key), 0o600)
    return pki


def _pkcs8(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
