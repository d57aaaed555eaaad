"""A phone number written as a JSON number (447911123456, 4915123456789) is never signed into a manifest
under a key that does not say "a number": it reads as a valid international number once "+" is put
before it. Seeds, steps and sizes stay signed: their keys say what the number is."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from gate.assets import FetchedAsset
from gate.core.event import parse_event
from gate.core.pipeline import Pipeline
from gate.core.remediate import minimise_parameters
from gate.demo.images import jpeg_bytes, product_image
from gate.model import Verdict
from gate.provenance import DevPki, TrustAnchors, Verifier, verify_manifest
from gate.scanning.detectors.phone import international_without_plus

IMAGE = base64.b64encode(jpeg_bytes(product_image(96, 64))).decode()

# (key, value, signed)
TRUTH_TABLE: list[tuple[str, Any, bool]] = [
    ("sampler", 447911123456, False),  # a UK mobile
    ("scheduler", 4915123456789, False),  # a German mobile
    ("sampler_name", "33612345678", False),  # a French mobile, as a string of digits
    ("style", 99912345678, True),  # no country calling code 999
    ("preset", 14155552671, False),  # a US number
    ("lora_weight", 3.5, True),
    ("clip_skip", 2, True),
    ("sampler", "euler_a", True),
    ("seed", 447911123456, True),  # the key says seed
    ("noise_seed", 4915123456789, True),
    ("subseed", 14155552671, True),
    ("steps", 30, True),
    ("width", 1024, True),
    ("cfg_scale", 7, True),
    ("batch_size", 16777216, True),
    ("model_hash", "4915123456789", True),
    ("timestamp", 1733400000, True),
    ("tile", 12345678, True),  # eight digits: no valid number begins "+1234"
]


@pytest.mark.parametrize(("key", "value", "signed"), TRUTH_TABLE)
def test_only_numbers_whose_key_says_number_are_signed(key: str, value: Any, signed: bool) -> None:
    kept = minimise_parameters({key: value}, frozenset([key]), [])
    assert (key in kept) is signed


@pytest.mark.parametrize(
    ("value", "phone"),
    [(447911123456, True), ("4915123456789", True), (14155552671, True), (True, False), (7.5, False),
     (12345678, False), ("004915123456789", False), (1234567890123456, False), ("+447911123456", False),
     ("٤٤٧٩١١١٢٣٤٥٦", False), (0, False), (-447911123456, False)],
)  # fmt: skip
def test_international_without_plus(value: object, phone: bool) -> None:
    assert international_without_plus(value) is phone


def test_a_phone_number_as_a_json_number_is_not_published(gate: Pipeline, pki: DevPki) -> None:
    doc = {
        "event_id": "evt-number-phone-1",
        "occurred_at": "2026-12-05T10:00:00Z",
        "source": "studio",
        "asset": {"data": IMAGE, "media_type": "image/jpeg"},
        "generation": {
            "synthetic": True,
            "model": {"name": "m", "version": "1", "provider": "p"},
            "parameters": {"sampler": 447911123456, "seed": 4915123456789, "steps": 30},
        },
    }
    parsed = parse_event(json.dumps(doc).encode())
    evaluation = gate.evaluate_event(parsed, FetchedAsset.of(base64.b64decode(IMAGE), parsed.asset, "inline"))
    if evaluation.verdict is not Verdict.APPROVED:
        return  # found under its key: nothing is published
    assert evaluation.output is not None
    assert b"447911123456" not in evaluation.output
    report = verify_manifest(
        evaluation.output, "image/jpeg", Verifier.create(TrustAnchors.from_pem_file(pki.root_ca))
    )
    signed = (report.generator_assertion or {}).get("parameters", {})
    assert "sampler" not in signed
    assert signed.get("steps") == 30  # the rest is signed as before
