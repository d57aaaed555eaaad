"""Phone photos with HDR gain maps through the whole gate: accepted, GPS stripped everywhere, signed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from gate.core.pipeline import Pipeline
from gate.imaging import probe, read_metadata
from gate.imaging.jpeg import JpegLayout
from gate.model import Verdict
from gate.provenance import (
    DevPki,
    GenerationClaim,
    SignerConfig,
    TrustAnchors,
    Verifier,
    attach_manifest,
    verify_manifest,
)
from tests.unit.imaging.images import jpeg_bytes
from tests.unit.imaging.multipicture import mpo

REAL = Path(__file__).parents[2] / "fixtures" / "real"


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (51.0, 30.0, 12.5)
    return exif


CASES = {
    "iphone-gain-map": (REAL / "apple-gainmap.jpg").read_bytes(),
    "gps-in-gain-map-only": mpo(jpeg_bytes(icc=False), jpeg_bytes(exif=gps_exif(), icc=False)),
    "three-pictures": mpo(jpeg_bytes(), jpeg_bytes(icc=False), jpeg_bytes(exif=gps_exif(), icc=False)),
}


def pictures(data: bytes) -> int:
    layout = probe(data).layout_for(data)
    assert isinstance(layout, JpegLayout)
    return len(layout.images)


@pytest.mark.parametrize("synthetic", [False, True], ids=["photo", "synthetic"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_multi_picture_photos_are_approved_stripped_and_stay_whole(
    gate: Pipeline, name: str, synthetic: bool
) -> None:
    data = CASES[name]
    outcome = gate.evaluate(data, synthetic=synthetic, source="cli")
    assert outcome.verdict is Verdict.APPROVED, outcome.decision.reason_codes
    assert "metadata.stripped" in outcome.actions
    assert ("manifest.attached" in outcome.actions) is synthetic
    published = outcome.output
    assert published is not None
    assert read_metadata(published, probe(published)).paths("location") == ()
    assert pictures(published) == pictures(data)
    with Image.open(io.BytesIO(published)) as image:
        image.seek(image.n_frames - 1)
        image.load()
    # What the gate published passes the gate again unchanged: the manifest verifies over every picture.
    again = gate.evaluate(published, synthetic=synthetic, source="cli")
    assert again.verdict is Verdict.APPROVED, again.decision.reason_codes
    assert again.actions == ()


def test_a_signed_gain_map_photo_with_gps_is_stripped_and_its_manifest_renewed(
    gate: Pipeline, pki: DevPki
) -> None:
    claim = GenerationClaim(model_name="m", model_version="1", provider="p")
    config = SignerConfig.from_files(pki.signer_chain, pki.signer_key)
    original = attach_manifest(CASES["gps-in-gain-map-only"], "image/jpeg", config, claim)
    assert pictures(original) == 2
    outcome = gate.evaluate(original, synthetic=True, source="cli")
    assert outcome.verdict is Verdict.APPROVED, outcome.decision.reason_codes
    assert outcome.actions == ("metadata.stripped", "manifest.renewed")
    published = outcome.output
    assert published is not None and pictures(published) == 2
    assert read_metadata(published, probe(published)).paths("location") == ()
    report = verify_manifest(
        published, "image/jpeg", Verifier.create(TrustAnchors.from_pem_file(pki.root_ca))
    )
    assert report.state == "trusted" and report.is_ai_generated
