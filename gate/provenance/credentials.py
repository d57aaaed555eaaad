"""Trust anchors and signing credentials, loaded and checked before c2pa ever sees them.

c2pa-rs reports a bad chain or a mismatched key late and vaguely ("COSE error"), so every check it would
fail is made here first, with a ConfigError that says what to fix. Messages never quote certificate content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtensionOID

from gate.errors import ConfigError

_PEM = serialization.Encoding.PEM
_SPKI = serialization.PublicFormat.SubjectPublicKeyInfo

# c2pa signing algorithm per key type; RSA must use PSS in C2PA, hence PS256.
_EC_ALGS = {"secp256r1": "es256", "secp384r1": "es384", "secp521r1": "es512"}


def read_file(path: Path, what: str) -> bytes:
    """The bytes of a configuration file; ConfigError naming it if it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the {what} file {path}: {exc.strerror}") from None


def _load_certs(pem: bytes, what: str) -> list[x509.Certificate]:
    try:
        certs = x509.load_pem_x509_certificates(pem)
    except ValueError:
        raise ConfigError(f"the {what} is not a PEM bundle of X.509 certificates") from None
    if not certs:
        raise ConfigError(f"the {what} holds no certificate")
    return certs


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


@dataclass(frozen=True, slots=True)
class TrustAnchors:
    """Root certificates whose signers verify as "trusted". Exactly these: no built-in list is added."""

    pem: str
    fingerprints: tuple[str, ...]

    @classmethod
    def from_pem(cls, pem: bytes) -> TrustAnchors:
        """Parse a PEM bundle of CA certificates; ConfigError if it is not one."""
        certs = _load_certs(pem, "trust anchor bundle")
        for index, cert in enumerate(certs, start=1):
            if not _is_ca(cert):
                raise ConfigError(
                    f"trust anchor #{index} is not a CA certificate (BasicConstraints CA=true); "
                    "list root or intermediate CA certificates, not signer certificates"
                )
        normalised = "".join(c.public_bytes(_PEM).decode("ascii") for c in certs)
        return cls(pem=normalised, fingerprints=tuple(_fingerprint(c) for c in certs))

    @classmethod
    def from_pem_file(cls, path: Path) -> TrustAnchors:
        """Read and parse a PEM bundle of trust anchors."""
        return cls.from_pem(read_file(path, "trust anchor"))


@dataclass(frozen=True, slots=True)
class SignerConfig:
    """A checked signing credential: chain (leaf first) and the leaf's private key as PKCS#8 PEM."""

    alg: str
    chain_pem: bytes
    key_pem: bytes = field(repr=False)
    leaf_fingerprint: str
    leaf_ekus: tuple[str, ...] = ()  # the signer certificate's extended key usages, dotted

    @classmethod
    def from_pem(cls, chain_pem: bytes, key_pem: bytes, *, now: dt.datetime | None = None) -> SignerConfig:
        """Check a chain and key the way c2pa-rs will; ConfigError naming the fix if anything is off."""
        chain = _load_certs(chain_pem, "signer certificate chain")
        leaf = chain[0]
        if _is_ca(leaf):
            raise ConfigError(
                "the signer chain must start with the signer (leaf) certificate, then its issuing CA(s); "
                "the first certificate is a CA"
            )
        for child, issuer in itertools.pairwise(chain):
            try:
                child.verify_directly_issued_by(issuer)
            except (ValueError, TypeError, InvalidSignature):
                raise ConfigError(
                    "the signer chain is out of order: each certificate must be followed by the CA that "
                    "issued it (leaf first, root last or omitted)"
                ) from None
        _check_leaf(leaf, now or dt.datetime.now(dt.UTC))
        key = _load_key(key_pem)
        if key.public_key().public_bytes(_PEM, _SPKI) != leaf.public_key().public_bytes(_PEM, _SPKI):
            raise ConfigError(
                "the private key does not belong to the signer certificate (first in the chain); "
                "pair the key file with the chain it was issued for"
            )
        pkcs8 = key.private_bytes(_PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        normalised_chain = b"".join(c.public_bytes(_PEM) for c in chain)
        usage = leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value  # _check_leaf: present
        ekus = tuple(oid.dotted_string for oid in usage)
        return cls(_alg_for(key), normalised_chain, pkcs8, _fingerprint(leaf), ekus)

    @classmethod
    def from_files(cls, chain_pem: Path, key_pem: Path) -> SignerConfig:
        """Read and check `signer-chain.pem` and `signer-key.pem`."""
        return cls.from_pem(read_file(chain_pem, "signer chain"), read_file(key_pem, "signer key"))


_SigningKey = ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey | rsa.RSAPrivateKey


def _load_key(key_pem: bytes) -> _SigningKey:
    try:
        key = serialization.load_pem_private_key(key_pem, password=None)
    except TypeError:
        raise ConfigError("the signer key is encrypted; provide an unencrypted PKCS#8 PEM key") from None
    except ValueError:
        raise ConfigError("the signer key is not a PEM private key") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey | rsa.RSAPrivateKey):
        raise ConfigError("the signer key type is not supported by C2PA; use EC P-256/P-384, Ed25519 or RSA")
    return key


def _alg_for(key: _SigningKey) -> str:
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return "ed25519"
    if isinstance(key, rsa.RSAPrivateKey):
        return "ps256"
    alg = _EC_ALGS.get(key.curve.name)
    if alg is None:
        raise ConfigError("the signer key's elliptic curve is not supported by C2PA; use P-256 or P-384")
    return alg


def _check_leaf(leaf: x509.Certificate, now: dt.datetime) -> None:
    if not leaf.not_valid_before_utc <= now <= leaf.not_valid_after_utc:
        raise ConfigError("the signer certificate is expired or not yet valid; issue a new one")
    try:
        usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is None or not usage.digital_signature:
        raise ConfigError("the signer certificate needs KeyUsage digitalSignature")
    for oid, what in (
        (ExtensionOID.EXTENDED_KEY_USAGE, "an ExtendedKeyUsage (e.g. emailProtection)"),
        (ExtensionOID.AUTHORITY_KEY_IDENTIFIER, "an AuthorityKeyIdentifier"),
    ):
        try:
            leaf.extensions.get_extension_for_oid(oid)
        except x509.ExtensionNotFound:
            raise ConfigError(f"the signer certificate needs {what} for C2PA") from None
