"""Twelfth image round: every Lightroom Classic export since version 13 was held as `metadata.personal_data`
LOCATION (hurd300403/Gainmap's 31 Ultra HDR exports): Camera Raw settings hold numeric vectors the
coordinate detector reads as latitude and longitude: Point Color's 19 numbers ("-1.000000" unused), mask
curves and ranges ("0.031250 0.008371"), brush dabs ("d 0.494281 0.601323"). Such a line is now a
setting's (19 numbers, or all within [-1, 1], a square of open sea; since redimg23 a pair there is no
place in any namespace without a geo cue); coordinates anywhere else, or beside other numbers, are still
found (truth table).
"""

from __future__ import annotations

import pytest

from gate.core.pipeline import Pipeline
from gate.imaging.jpeg import segment_bytes
from gate.model import Verdict
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.images import jpeg_bytes, xmp_packet

CRS = 'xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"'
XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"
UNUSED = ", ".join(["-1.000000"] * 19)


def _seq(name: str, *items: str) -> str:
    lis = "".join(f"<rdf:li>{item}</rdf:li>" for item in items)
    return f"<crs:{name}><rdf:Seq>{lis}</rdf:Seq></crs:{name}>"


def _jpeg(*properties: str, attributes: str = CRS) -> bytes:
    data = jpeg_bytes(icc=False)
    packet = xmp_packet(*properties, attributes=attributes)
    return data[:2] + segment_bytes(0xE1, XMP_ID + packet) + data[2:]


CASES = {
    "point-colors-unused": (_jpeg(_seq("PointColors", UNUSED)), False),
    "point-colors-set": (
        _jpeg(_seq("PointColors", "4.712389, 0.500000, 0.500000, 0.25, 1.5, 1.2" + ", 0.100000" * 13)),
        False,
    ),
    "look-parameters": (
        _jpeg(
            "<crs:Look rdf:parseType='Resource'><crs:Name>Adobe Color</crs:Name><crs:Parameters"
            f" rdf:parseType='Resource'>{_seq('PointColors', UNUSED)}</crs:Parameters></crs:Look>"
        ),
        False,
    ),
    "mask-curve": (
        _jpeg(_seq("MaskCurve", "0.031250 0.008371", "0.062500 0.016822", "1.000000 1.000000")),
        False,
    ),
    "range-mask": (_jpeg(_seq("LumRange", "0.779545 0.944165 1.000000 1.000000")), False),
    "brush-dabs": (_jpeg(_seq("Dabs", "d 0.494281 0.601323", "d 0.496172 0.601306")), False),
    # Coordinates are still coordinates: in a Camera Raw property, beside other numbers, or elsewhere.
    "crs-coordinates": (_jpeg(_seq("Dabs", "48.858400, 2.294500")), True),
    "crs-coordinates-in-a-vector": (_jpeg(_seq("LumRange", "48.858400 2.294500 0.5")), True),
    "crs-coordinates-after-d": (_jpeg(_seq("Dabs", "d 48.858400 2.294500")), True),
    "crs-coordinates-in-text": (_jpeg(_seq("Dabs", "shot at 48.858400, 2.294500")), True),
    "other-namespace-vector": (
        _jpeg(
            '<xmp:Label xmlns:xmp="http://ns.adobe.com/xap/1.0/">-1.286389, 36.817223</xmp:Label>',
            attributes="",
        ),
        True,
    ),
    # (redimg23) Within a degree of (0, 0) lies open sea, in any namespace: a place only with a geo cue.
    "other-namespace-open-sea": (
        _jpeg(
            '<xmp:Label xmlns:xmp="http://ns.adobe.com/xap/1.0/">-1.000000, -1.000000</xmp:Label>',
            attributes="",
        ),
        False,
    ),
}


@pytest.fixture(scope="module")
def plain_gate() -> Pipeline:
    return PipelineSpec().build()


@pytest.mark.parametrize("case", sorted(CASES))
def test_camera_raw_vectors_are_settings_and_coordinates_stay_found(plain_gate: Pipeline, case: str) -> None:
    data, location = CASES[case]
    evaluation = plain_gate.evaluate(data, synthetic=False, source="cli")
    found = "metadata.personal_data" in evaluation.decision.reason_codes
    assert found is location, evaluation.decision.reason_codes
    assert evaluation.verdict is (Verdict.QUARANTINED if location else Verdict.APPROVED)


def test_a_long_vector_with_runs_of_separators_is_read_in_one_pass(plain_gate: Pipeline) -> None:
    # One regular expression over such a line backtracked for minutes (three spaces, 16 numbers: 20 s);
    # the check's time limit turned that into gate.timeout.
    line = "   ".join(["0.1"] * 400) + " x"
    evaluation = plain_gate.evaluate(_jpeg(_seq("MaskCurve", line)), synthetic=False, source="cli")
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
