"""Adobe Commerce webhook signatures: `x-adobe-commerce-webhook-signature` checked against the Admin's key.

Commerce signs each webhook request with the private key of the pair generated under Stores > Configuration
> Adobe Services > Webhooks: RSA PKCS#1 v1.5 with SHA-256, the signature base64 in the header. Adobe's
documentation and both of its verification examples sign the *base64 encoding* of the request body (the
App Builder action receives the body base64-encoded and verifies that string); a signature over the raw
body bytes is accepted as well, so a proxy or tool that signs what it sends also verifies. Accepting both
lets nothing new through: base64 text is never a JSON object and a JSON object (`{...}`) is never base64
text, so a signature made for one form cannot be replayed as the other with a body that gets decided.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from enum import StrEnum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from gate.errors import ConfigError

SIGNATURE_HEADER = "x-adobe-commerce-webhook-signature"
# An RSA-8192 signature is 1 KiB, 1.4 KiB in base64: a longer header is not a signature.
_MAX_HEADER_CHARS = 2_048


class SignatureCheck(StrEnum):
    """The outcome of checking one request; only `VALID` lets it be decided."""

    VALID = "valid"
    MISSING = "signature.missing"  # no header, or an empty one
    MALFORMED = "signature.malformed"  # not base64, or too long to be a signature
    INVALID = "signature.invalid"  # well-formed, but not made by the configured key over this body


@dataclass(frozen=True, slots=True)
class WebhookSignature:
    """Verifies request bodies against the Commerce public key (safe to share between threads)."""

    public_key: rsa.RSAPublicKey

    @classmethod
    def from_pem(cls, pem: bytes) -> WebhookSignature:
        """The verifier for a PEM public key (`-----BEGIN PUBLIC KEY-----`, as the Admin shows it)."""
        try:
            key = serialization.load_pem_public_key(pem)
        except (ValueError, TypeError):
            raise ConfigError(
                "commerce.webhook_public_key is not a PEM public key; copy the key from Stores > "
                "Configuration > Adobe Services > Webhooks, including its BEGIN/END lines"
            ) from None
        if not isinstance(key, rsa.RSAPublicKey):
            raise ConfigError(
                "commerce.webhook_public_key must be an RSA key (Commerce signs webhooks with RSA SHA-256)"
            )
        return cls(key)

    def check(self, body: bytes, header: str | None) -> SignatureCheck:
        """Whether `header` (the signature header's value, None when absent) signs `body`."""
        if header is None or not header.strip():
            return SignatureCheck.MISSING
        text = header.strip()
        if len(text) > _MAX_HEADER_CHARS:
            return SignatureCheck.MALFORMED
        try:
            signature = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            return SignatureCheck.MALFORMED
        for message in (base64.b64encode(body), body):
            try:
                self.public_key.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
            except InvalidSignature:
                continue
            return SignatureCheck.VALID
        return SignatureCheck.INVALID


def sign_body(private_key: rsa.RSAPrivateKey, body: bytes) -> str:
    """The header value Commerce sends for `body` (base64 of the signature over base64(body)).

    What Commerce does, for `gate serve`'s own tests and for operators checking a deployment by hand.
    """
    signature = private_key.sign(base64.b64encode(body), padding.PKCS1v15(), hashes.SHA256())
    return base64.b64encode(signature).decode("ascii")
