"""Truth table of the webhook signature check: only the configured key's signature over this body passes."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from gate.commerce.signature import SignatureCheck, WebhookSignature, sign_body
from gate.commerce.webhook import PayloadInvalid, parse_product_save
from gate.errors import ConfigError
from tests.commerce_webhooks import commerce_key

BODY = b'{"eventName":"catalog_product_save_before","data":{"product":{"sku":"Pr-1"}}}'
OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _verifier() -> WebhookSignature:
    pem = (
        commerce_key()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return WebhookSignature.from_pem(pem)


def _raw_signature(message: bytes, key: rsa.RSAPrivateKey | None = None) -> str:
    signed = (key or commerce_key()).sign(message, padding.PKCS1v15(), hashes.SHA256())
    return base64.b64encode(signed).decode()


@pytest.mark.parametrize(
    ("header", "body", "expected"),
    [
        # Commerce's way (Adobe's documentation): RSA SHA-256 over the base64 of the body.
        (sign_body(commerce_key(), BODY), BODY, SignatureCheck.VALID),
        # Over the raw body bytes (a tool signing what it sends).
        (_raw_signature(BODY), BODY, SignatureCheck.VALID),
        # Surrounding whitespace in the header is not the signature's.
        (" " + sign_body(commerce_key(), BODY) + "\n", BODY, SignatureCheck.VALID),
        # The body changed by one byte after signing.
        (sign_body(commerce_key(), BODY), BODY.replace(b"Pr-1", b"Pr-2"), SignatureCheck.INVALID),
        # Signed by another key pair (e.g. before "Regenerate key pair").
        (sign_body(OTHER_KEY, BODY), BODY, SignatureCheck.INVALID),
        # Well-formed base64 that is no signature.
        (base64.b64encode(b"x" * 256).decode(), BODY, SignatureCheck.INVALID),
        # An HMAC-SHA256 with the public key's text as the secret (a misreading of the docs) is not it.
        (base64.b64encode(b"\x00" * 32).decode(), BODY, SignatureCheck.INVALID),
        # Absent or empty header.
        (None, BODY, SignatureCheck.MISSING),
        ("", BODY, SignatureCheck.MISSING),
        ("   ", BODY, SignatureCheck.MISSING),
        # Not base64, or longer than any RSA signature could be.
        ("not base64!", BODY, SignatureCheck.MALFORMED),
        ("QUJD=" + "A" * 10, BODY, SignatureCheck.MALFORMED),
        ("A" * 4096, BODY, SignatureCheck.MALFORMED),
    ],
)
def test_signature_truth_table(header: str | None, body: bytes, expected: SignatureCheck) -> None:
    assert _verifier().check(body, header) is expected


def test_a_signature_over_base64_cannot_be_replayed_as_a_raw_body_that_parses() -> None:
    # The raw-body form accepts base64(BODY) as a body signed by Commerce's signature of BODY: that body is
    # base64 text, which is never a JSON object, so it is never decided.
    replayed = base64.b64encode(BODY)
    assert _verifier().check(replayed, sign_body(commerce_key(), BODY)) is SignatureCheck.VALID
    with pytest.raises(PayloadInvalid):
        parse_product_save(replayed)


def test_the_key_must_be_an_rsa_public_key_in_pem() -> None:
    with pytest.raises(ConfigError, match="not a PEM public key"):
        WebhookSignature.from_pem(b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
    ec_pem = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    with pytest.raises(ConfigError, match="must be an RSA key"):
        WebhookSignature.from_pem(ec_pem)
