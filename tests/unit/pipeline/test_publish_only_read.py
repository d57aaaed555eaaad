"""Publish only what was read: unread EXIF is stripped (and a manifest renewed), or the event quarantined."""

from __future__ import annotations

import pytest
from PIL import Image

from gate.imaging import probe, read_metadata
from gate.model import Verdict
from gate.pipeline import Pipeline
from gate.provenance import DevPki, GenerationClaim, SignerConfig, attach_manifest
from tests.unit.imaging.images import jpeg_bytes, png_bytes, webp_bytes

CANARY = "CANARY-host-7f3a"


def unread_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = 1
    exif[0x013C] = CANARY  # HostComputer: the gate reads past it
    exif[0x010D] = CANARY  # DocumentName
    return exif


def images() -> dict[str, tuple[bytes, str]]:
    exif = unread_exif()
    return {
        "jpeg": (jpeg_bytes(exif=exif), "image/jpeg"),
        "png": (png_bytes(exif=exif), "image/png"),
        "webp": (webp_bytes(exif=exif), "image/webp"),
    }


def signed(pki: DevPki, data: bytes, media_type: str) -> bytes:
    claim = GenerationClaim(model_name="m", model_version="1", provider="p")
    return attach_manifest(data, media_type, SignerConfig.from_files(pki.signer_chain, pki.signer_key), claim)


@pytest.mark.parametrize("kind", ["jpeg", "png", "webp"])
def test_unread_exif_is_stripped_before_publishing(gate: Pipeline, kind: str) -> None:
    data, _ = images()[kind]
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    assert "metadata.uninspected" in evaluation.decision.reason_codes
    assert evaluation.actions == ("metadata.stripped",)
    assert evaluation.output is not None and CANARY.encode() not in evaluation.output
    assert read_metadata(evaluation.output, probe(evaluation.output)).items == ()


@pytest.mark.parametrize("kind", ["jpeg", "png"])
def test_unread_exif_in_a_signed_image_renews_the_manifest(gate: Pipeline, pki: DevPki, kind: str) -> None:
    data, media_type = images()[kind]
    evaluation = gate.evaluate(signed(pki, data, media_type), synthetic=True)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    assert evaluation.actions == ("metadata.stripped", "manifest.renewed")
    assert evaluation.output is not None and CANARY.encode() not in evaluation.output


@pytest.mark.parametrize("kind", ["jpeg", "png"])
def test_without_a_signer_a_signed_image_with_unread_exif_is_quarantined_as_uninspected(
    gate_without_signer: Pipeline, pki: DevPki, kind: str
) -> None:
    data, media_type = images()[kind]
    evaluation = gate_without_signer.evaluate(signed(pki, data, media_type), synthetic=True)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert "metadata.uninspected" in evaluation.decision.reason_codes
    assert evaluation.output is None or CANARY.encode() not in evaluation.output
