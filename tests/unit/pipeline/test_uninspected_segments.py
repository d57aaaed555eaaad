"""Bytes the gate does not read are never approved: `gate check --not-synthetic` on hidden segments."""

from __future__ import annotations

import pytest
from PIL.PngImagePlugin import PngInfo

from gate.core.pipeline import Pipeline
from gate.imaging.jpeg import segment_bytes
from gate.model import Verdict
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.images import chunk, jpeg_bytes, photoshop_resource, png_bytes, with_app13

SECRET = b"john.doe@example.com +49 151 23456789"
JPEG, PNG = jpeg_bytes(), png_bytes()
APP4_JPEG = JPEG[:2] + segment_bytes(0xE4, SECRET) + JPEG[2:]


def text_png(keyword: str) -> bytes:
    info = PngInfo()
    info.add_text(keyword, SECRET.decode())
    return png_bytes(info)


def private_chunk_png() -> bytes:
    at = PNG.index(b"IDAT") - 4
    return PNG[:at] + chunk(b"prVt", SECRET) + PNG[at:]


def photoshop_jpeg(tail: bytes) -> bytes:
    """An APP13 Photoshop segment: one resolution resource block, then `tail`."""
    resolution = photoshop_resource(0x03ED, b"\x00\x48\x00\x00\x00\x01\x00\x01" * 2)
    return with_app13(JPEG, resolution, tail)


@pytest.fixture(scope="module")
def plain_gate() -> Pipeline:
    return PipelineSpec().build()


@pytest.mark.parametrize(
    ("data", "verdict", "code", "path"),
    [
        (JPEG, Verdict.APPROVED, None, None),
        (PNG, Verdict.APPROVED, None, None),
        (
            JPEG[:2] + segment_bytes(0xF7, SECRET) + JPEG[2:],
            Verdict.QUARANTINED,
            "metadata.uninspected",
            "/jpeg/FFF7/0",
        ),
        (text_png("Comment"), Verdict.QUARANTINED, "metadata.personal_data", None),
        (photoshop_jpeg(b"\x00"), Verdict.APPROVED, None, None),
    ],
    ids=["jpeg", "png", "jpeg-jpgn", "png-text-control", "app13-padding"],
)
def test_hidden_segments_are_quarantined(
    plain_gate: Pipeline, data: bytes, verdict: Verdict, code: str | None, path: str | None
) -> None:
    decision = plain_gate.evaluate(data, synthetic=False, source="cli").decision
    assert decision.verdict is verdict, decision.reason_codes
    if code is not None:
        assert code in decision.reason_codes
    if path is not None:
        (decided,) = [d for d in decision.reasons if d.reason.code == code]
        assert decided.reason.path == path
        assert decided.reason.detail == path.split("/")[2]
        assert decided.rule == "default_outcome"
        assert "john" not in str(decided.as_dict())


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (APP4_JPEG, "/jpeg/APP4/0"),
        (private_chunk_png(), "/png/prVt/0"),
        # Bytes after the last Photoshop resource block that parses (the rest of a resource Photoshop
        # continued in a second APP13): cut from the segment.
        (photoshop_jpeg(SECRET), "/iptc/unread"),
    ],
    ids=["jpeg-app4", "png-private-chunk", "app13-tail"],
)
def test_segments_no_decoder_needs_are_removed_before_publishing(
    plain_gate: Pipeline, data: bytes, path: str
) -> None:
    evaluation = plain_gate.evaluate(data, synthetic=False, source="cli")
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    (decided,) = [d for d in evaluation.decision.reasons if d.reason.code == "metadata.uninspected"]
    assert (decided.reason.path, decided.reason.detail) == (path, "strippable")
    assert evaluation.output is not None
    assert SECRET not in evaluation.output
    assert "john" not in str(decided.as_dict())
