"""What Commerce sends `gate serve`: documented product-save payloads, signed like Commerce signs them.

The payload follows Adobe's published `observer.catalog_product_save_*` example (eventName, data.product
with store_id, entity_id, sku, ..., media_gallery, and data.data_object); gallery entries as the Admin
posts them: saved ones with a `value_id`, new uploads without one and named `/m/y/name.jpg.tmp`.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from gate.commerce.signature import SIGNATURE_HEADER, sign_body
from gate.commerce.webhook import WEBHOOK_PATH
from gate.core.policy import default_policy_path


@cache
def commerce_key() -> rsa.RSAPrivateKey:
    """The key pair Commerce would generate (Regenerate key pair): RSA 2048, made once per session."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def write_public_key(path: Path, key: rsa.RSAPrivateKey | None = None) -> Path:
    """The public key as the Admin shows it (PEM), written to `path`."""
    public = (key or commerce_key()).public_key()
    path.write_bytes(
        public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return path


def new_image(file: str, position: int = 1) -> dict[str, Any]:
    """A gallery entry for an image uploaded in the Admin and not saved yet."""
    return {
        "file": file,
        "media_type": "image",
        "label": "",
        "position": str(position),
        "disabled": "0",
        "removed": "",
        "types": [],
    }


def saved_image(file: str, value_id: int) -> dict[str, Any]:
    """A gallery entry for an image saved before."""
    return {**new_image(file), "value_id": str(value_id), "record_id": str(value_id)}


def product_save(images: dict[str, dict[str, Any]], *, sku: str = "Pr-1") -> dict[str, Any]:
    """The default `observer.catalog_product_save_before` payload with `images` in its media gallery."""
    return {
        "eventName": "catalog_product_save_before",
        "data": {
            "product": {
                "_edit_mode": True,
                "store_id": 0,
                "entity_id": "1",
                "attribute_set_id": "16",
                "type_id": "simple",
                "sku": sku,
                "name": "Product 1",
                "tax_class_id": "0",
                "description": "<p>Product 1 description</p>",
                "price": "10.00",
                "media_gallery": {"images": images, "values": []},
            },
            "data_object": {},
        },
    }


@dataclass(frozen=True)
class Answer:
    """What `gate serve` answered: HTTP status and the JSON body."""

    status: int
    body: dict[str, Any]


def post(
    port: int,
    body: bytes,
    *,
    signature: str | None = "sign",
    key: rsa.RSAPrivateKey | None = None,
    path: str = WEBHOOK_PATH,
) -> Answer:
    """POST `body` as Commerce would: signed by `key` (default the session's) unless `signature` says
    otherwise (None: no header; any other string: sent as is)."""
    headers = {"Content-Type": "application/json"}
    if signature == "sign":
        headers[SIGNATURE_HEADER] = sign_body(key or commerce_key(), body)
    elif signature is not None:
        headers[SIGNATURE_HEADER] = signature
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Answer(response.status, json.loads(response.read()))
    except urllib.error.HTTPError as exc:
        text = exc.read()
        try:
            return Answer(exc.code, json.loads(text))
        except ValueError:
            return Answer(exc.code, {"text": text.decode()})


def encode(payload: dict[str, Any]) -> bytes:
    """The JSON bytes Commerce would send."""
    return json.dumps(payload).encode()


def strict_policy(path: Path, version: str) -> Path:
    """The shipped policy, but real photos without a manifest wait for a person."""
    text = default_policy_path().read_text(encoding="utf-8")
    text = text.replace('version: "2026.12.2"', f'version: "{version}"')
    rule = "match: {code: provenance.missing, synthetic: false}\n    outcome: approve"
    assert rule in text
    path.write_text(text.replace(rule, rule.replace("approve", "quarantine")), encoding="utf-8")
    return path
