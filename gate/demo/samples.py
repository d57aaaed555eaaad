"""The demo's sample set: realistic ingest events with the verdict each should get under the default policy.

Used by `gate demo`, the integration tests and the benchmarks, so the three exercise the same cases.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gate.demo.images import (
    A1111_PARAMETERS,
    camera_exif,
    jpeg_bytes,
    parcel_banner,
    png_bytes,
    product_image,
    tamper_jpeg,
)
from gate.model import Verdict
from gate.provenance import DevPki, GenerationClaim, SignerConfig, attach_manifest

CLEAN_PARAMETERS = {
    "prompt": "a leather handbag on a marble table, soft studio lighting",
    "negative_prompt": "blurry, lowres, watermark",
    "steps": 30,
    "sampler": "DPM++ 2M Karras",
    "cfg_scale": 7,
    "seed": 3482910023,
    "width": 640,
    "height": 480,
    "model_hash": "a9f3c2d1e0",
}
BANNER_PARAMETERS = {
    **CLEAN_PARAMETERS,
    "prompt": "a parcel on a doorstep with a shipping label, personalised thank-you banner",
}
# OCR needs legible text: the banner keeps this size whatever size the other samples are made at.
BANNER_SIZE = (960, 540)
MODEL = {"name": "sdxl-base", "version": "1.0", "provider": "stability.ai"}


@dataclass(frozen=True)
class Sample:
    """One ingest record to produce, and what the gate should decide about it."""

    name: str
    value: bytes
    expected: Verdict
    expected_codes: tuple[str, ...] = ()
    description: str = ""
    key: bytes = field(default=b"")


def _event(
    event_id: str,
    data: bytes,
    media_type: str,
    *,
    generation: dict[str, Any] | None = None,
    source: str = "studio-gen",
    sha256: str | None = None,
) -> bytes:
    event: dict[str, Any] = {
        "event_id": event_id,
        "occurred_at": "2026-11-26T10:00:00Z",
        "source": source,
        "asset": {"data": base64.b64encode(data).decode("ascii"), "media_type": media_type},
        "context": {"store": "eu-main", "sku": f"SKU-{event_id[-4:]}"},
    }
    if sha256 is not None:
        event["asset"]["sha256"] = sha256
    if generation is not None:
        event["generation"] = generation
    return json.dumps(event, sort_keys=True).encode()


def _synthetic(parameters: dict[str, Any]) -> dict[str, Any]:
    return {
        "synthetic": True,
        "model": MODEL,
        "parameters": parameters,
        "training_data_sources": ["licensed-stock"],
    }


def _signed(data: bytes, pki: DevPki) -> bytes:
    claim = GenerationClaim(
        model_name="sdxl-base",
        model_version="1.0",
        provider="stability.ai",
        parameters={"steps": 30, "seed": 1},
    )
    return attach_manifest(
        data, "image/jpeg", SignerConfig.from_files(pki.signer_chain, pki.signer_key), claim
    )


def build_samples(
    trusted: DevPki,
    untrusted: DevPki,
    *,
    size: tuple[int, int] = (640, 480),
    prefix: str = "demo",
) -> list[Sample]:
    """The sample set. `trusted` must be the PKI whose root the gate trusts and signs with."""
    width, height = size

    def image(seed: int) -> bytes:
        return jpeg_bytes(product_image(width, height, seed=seed))

    def eid(n: int) -> str:
        return f"{prefix}-{n:04d}"

    dirty = {**CLEAN_PARAMETERS, "prompt": "handbag like the one jane.doe@example.com ordered, marble table"}
    tracking = {**CLEAN_PARAMETERS, "session": "PHPSESSID=9f8e7d6c5b4a39281706f5e4d3c2b1a0"}
    signed = _signed(image(1), trusted)
    wrong_hash = "0" * 64
    samples = [
        Sample(
            "synthetic, signed by a trusted signer",
            _event(eid(1), signed, "image/jpeg", generation=_synthetic(CLEAN_PARAMETERS)),
            Verdict.APPROVED,
        ),
        Sample(
            "synthetic, no manifest: gate attaches one",
            _event(eid(2), image(2), "image/jpeg", generation=_synthetic(CLEAN_PARAMETERS)),
            Verdict.APPROVED,
            ("provenance.missing",),
        ),
        Sample(
            "real photo, no manifest",
            _event(eid(3), image(3), "image/jpeg", source="photo-studio", generation={"synthetic": False}),
            Verdict.APPROVED,
            ("provenance.missing",),
        ),
        Sample(
            "real photo with GPS and camera serial: stripped",
            _event(
                eid(4),
                jpeg_bytes(product_image(width, height, seed=4), exif=camera_exif()),
                "image/jpeg",
                source="photo-studio",
                generation={"synthetic": False},
            ),
            Verdict.APPROVED,
            ("provenance.missing", "metadata.personal_data"),
        ),
        Sample(
            "customer email in the prompt",
            _event(eid(5), image(5), "image/jpeg", generation=_synthetic(dirty)),
            Verdict.QUARANTINED,
            ("params.personal_data",),
        ),
        Sample(
            "session cookie in the parameters",
            _event(eid(6), image(6), "image/jpeg", generation=_synthetic(tracking)),
            Verdict.QUARANTINED,
            ("params.personal_data",),
        ),
        Sample(
            "signed by an untrusted signer",
            _event(
                eid(7),
                _signed(image(7), untrusted),
                "image/jpeg",
                source="vendor-x",
                generation=_synthetic(CLEAN_PARAMETERS),
            ),
            Verdict.QUARANTINED,
            ("provenance.untrusted",),
        ),
        Sample(
            "tampered after signing",
            _event(eid(8), tamper_jpeg(signed), "image/jpeg", generation=_synthetic(CLEAN_PARAMETERS)),
            Verdict.REJECTED,
            ("provenance.invalid",),
        ),
        Sample(
            "A1111 PNG that does not declare itself synthetic",
            _event(
                eid(9),
                png_bytes(
                    product_image(width // 2, height // 2, seed=9), text={"parameters": A1111_PARAMETERS}
                ),
                "image/png",
                source="marketplace-upload",
            ),
            Verdict.QUARANTINED,
            ("provenance.undeclared_synthetic",),
        ),
        Sample(
            "owner's name in EXIF",
            _event(
                eid(10),
                jpeg_bytes(
                    product_image(width, height, seed=10),
                    exif=camera_exif(gps=False, serial=False, artist=True),
                ),
                "image/jpeg",
                source="photo-studio",
                generation={"synthetic": False},
            ),
            Verdict.QUARANTINED,
            ("metadata.personal_data",),
        ),
        Sample(
            "customer's address rendered on a parcel in a personalised banner",
            _event(
                eid(13),
                jpeg_bytes(
                    parcel_banner(
                        *BANNER_SIZE, label=("Maria Schmidt", "48 Elm Road", "Leeds LS6 2AB"), seed=14
                    )
                ),
                "image/jpeg",
                source="personalised-banner",
                generation=_synthetic(BANNER_PARAMETERS),
            ),
            Verdict.QUARANTINED,
            ("pixels.personal_data",),
        ),
        Sample(
            "declared sha256 does not match",
            _event(eid(11), image(11), "image/jpeg", sha256=wrong_hash),
            Verdict.REJECTED,
            ("asset.hash_mismatch",),
        ),
        Sample(
            "truncated JPEG",
            _event(eid(12), image(12)[:3000], "image/jpeg"),
            Verdict.REJECTED,
            ("image.undecodable",),
        ),
        Sample(
            "garbage bytes instead of an event",
            b"\x00\x01not-json\xff" * 8,
            Verdict.REJECTED,
            ("event.invalid",),
        ),
    ]
    return [
        Sample(s.name, s.value, s.expected, s.expected_codes, s.description, key=_key(s, f"{prefix}-raw-{n}"))
        for n, s in enumerate(samples, start=1)
    ]


def _key(sample: Sample, fallback: str) -> bytes:
    try:
        return str(json.loads(sample.value)["event_id"]).encode()
    except (ValueError, KeyError):
        return fallback.encode()


def write_samples(samples: list[Sample], directory: Path) -> None:
    """Write each sample's event to `directory` (for `gate check --event` by hand)."""
    directory.mkdir(parents=True, exist_ok=True)
    for n, sample in enumerate(samples, start=1):
        (directory / f"{n:02d}.json").write_bytes(sample.value)
