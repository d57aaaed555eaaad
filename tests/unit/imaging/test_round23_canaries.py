"""Twenty-third image round: canaries in places no round planted in (`round23_places`), written before
reading the readers, and what real files of twelve Debian packages showed.

No leak on main among 66 places (EXIF SubIFDs, owner fields typed BYTE/UNDEFINED/UTF-8, IPTC, resources,
XMP and ICC inside IFD0, GPS text and destination-only positions, IFD1's owner and GPS, eleven makers'
notes, PNG sPLT/pCAL/iCCP names, iTXt's language tag and translated keyword, keywords, unknown compression,
ImageMagick raw profiles, gIFx/gIFt, a JPEG comment in UTF-16, IPTC split over two APP13s, reversed ICC
chunks, a valid extended XMP, XML references/comments/CDATA/PIs/rdf:about/xml:lang/namespace URIs, WebP
EXIF before VP8X and ICCP after the image, ICC dmnd/vued/scrd/targ/private tags/later mluc records, GIF and
TIFF): kept as neighbours.
Found in real files and closed: a camera profile's measured chart (`targ`, CGATS) read as free text held
9 RawTherapee profiles (27 images) for phone numbers, national ids and coordinates its Lab values spelled
(`gate/imaging/cgats.py`); the scanner's `::9` in a palette (and a tRNS) read as IPv6 and a brush's
pressure curve read as coordinates (round 22's open classes).
"""

from __future__ import annotations

import pytest

from gate.core.pipeline import Pipeline
from gate.imaging.cgats import is_cgats, readable
from gate.imaging.notices import holds_credit
from gate.model import Verdict
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.round15_cases import after_soi, base_jpeg, chunk, png_with, seg
from tests.unit.imaging.round17_places import _profile_with
from tests.unit.imaging.round23_places import clean, found, leaks


@pytest.fixture(scope="module")
def gate() -> Pipeline:
    return PipelineSpec().build()


def _published(gate: Pipeline, data: bytes) -> bytes | None:
    evaluation = gate.evaluate(data, synthetic=False)
    if evaluation.verdict is not Verdict.APPROVED:
        return None
    return evaluation.output if evaluation.output is not None else data


def test_no_canary_is_published(gate: Pipeline) -> None:
    leaked = []
    for name, data in sorted(found().items()):
        assert leaks(data), name  # the case holds what it should
        published = _published(gate, data)
        if published is not None and leaks(published):
            leaked.append(name)
    assert leaked == []


def test_clean_neighbours_are_approved(gate: Pipeline) -> None:
    held = [name for name, data in sorted(clean().items()) if _published(gate, data) is None]
    assert held == []


def test_a_refused_shape_says_why(gate: Pipeline) -> None:
    places = found()
    codes = {
        name: {r.reason.code for r in gate.evaluate(places[name], synthetic=False).decision.reasons}
        for name in ("gif_comment_frame2", "tiff_iptc", "png_ztxt_method1", "webp_exif_before_vp8x")
    }
    assert codes == {
        "gif_comment_frame2": {"image.unsupported"},
        "tiff_iptc": {"image.unsupported"},
        "png_ztxt_method1": {"image.undecodable"},
        "webp_exif_before_vp8x": {"image.undecodable"},
    }


# ---- CGATS charts in ICC text ---------------------------------------------------------------------
_CHART = (
    'CTI3\n\nDESCRIPTOR "Argyll Calibration Target chart information 3"\nORIGINATOR "{who}"\n'
    "NUMBER_OF_FIELDS 7\nBEGIN_DATA_FORMAT\nSAMPLE_ID RGB_R RGB_G RGB_B LAB_L LAB_A LAB_B\nEND_DATA_FORMAT\n"
    "NUMBER_OF_SETS 3\nBEGIN_DATA\n1 48.858300 2.294500 06.12 95.106 -0.312 1.7023\n"
    "{sample} 0.00000 100.000 12.5 33.3333 7.7009 90.0123\n"
    "3 77.009 0.0123 12 55.01 -12.4 -1.5e-02\nEND_DATA\n"
)


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        (
            _CHART.format(who="Argyll target", sample="2"),
            ["ORIGINATOR", "SAMPLE_ID", "1 06.12", "\n3 12"],
            ["48.8583"],
        ),
        (
            _CHART.format(who="jane.roe@example.com", sample="A2"),
            ["jane.roe@example.com", "\nA2\n"],
            ["33.3333"],
        ),
        (_CHART.format(who="x", sample="+44 7700 900123"), ["+44 7700 900123"], ["95.106", "1.7023"]),
        ("Phone 48.858300 2.294500", ["48.858300 2.294500"], []),  # not a chart: read as written
    ],
)
def test_a_chart_is_read_without_its_measurements(text: str, kept: list[str], dropped: list[str]) -> None:
    out = readable(text)
    assert all(part in out for part in kept), out
    assert not any(part in out for part in dropped), out


@pytest.mark.parametrize(
    ("first", "chart"),
    [("CTI3", True), ("CGATS.17", True), ("IT8.7/2", True), ("ISO12642", True), ("  CTI1  ", True),
     ("CGATS", False), ("Notes: CTI3", False), ("", False)],
)  # fmt: skip
def test_which_texts_are_charts(first: str, chart: bool) -> None:
    assert is_cgats(first + "\nBEGIN_DATA\nEND_DATA") is chart


# ---- what stays open -------------------------------------------------------------------------------
@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="imaging: a LUT's numbers (mft2/mAB, 13-216 KB in RawTherapee's Canon, Nikon, Pentax, Sony and "
    "Panasonic camera profiles) are read as spelled text, and random runs read as an e-mail or a greeting: "
    "17 of 171 images carrying a real profile held; the runs cannot simply go (an address can be planted "
    "there): telling a LUT's smooth samples from planted text is open",
)
def test_a_lut_of_random_looking_numbers_is_not_held(gate: Pipeline) -> None:
    grid = bytes([2, 2, 2, 0]) + bytes(36)  # in, out, grid points; a 3x3 matrix of zeros
    body = b"mft2" + bytes(4) + grid + b"\0\x02\0\x02"  # 2 entries in, 2 entries out
    curves_in = b"\0\0\xff\xff" * 3
    clut = b"X9@qe.hkv" * 6 + bytes(6)  # 8 grid points x 3 outputs x 2 bytes = 48 bytes, random-looking text
    curves_out = b"\0\0\xff\xff" * 3
    profile = _profile_with({b"A2B0": body + curves_in + clut + curves_out})
    data = after_soi(base_jpeg(), seg(0xE2, b"ICC_PROFILE\0\x01\x01" + profile))
    assert _published(gate, data) is not None


# ---- a maker's credit in free text (tuxpaint-data: "Made by Jim Trice, using resources ...") ------------
@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Created with The GIMP. Made by Jim Trice, using resources from the stamp collection.", True),
        ("Created with The GIMP by VorK77", True),
        ("Icon by Jane Roe", True),
        ("Photographs by Ōe", True),
        ("photo by Анна", True),
        ("Made by Acme", True),  # a company's credit is held as its notice is (redimg22)
        ("Created with The GIMP", False),
        ("Made by hand in Peru", False),
        ("designed by our team", False),
        ("Layer by layer", False),
        ("Standby mode", False),
        ("Rendered by Blender", False),
    ],
)
def test_a_makers_credit_names_a_holder(text: str, credit: bool) -> None:
    assert holds_credit(text) is credit


def test_a_credit_in_a_png_comment_is_held_as_an_owner_field(gate: Pipeline) -> None:
    text = b"Created with The GIMP. Made by Jim Trice, using resources from the stamp collection."
    evaluation = gate.evaluate(png_with(before_idat=[chunk(b"tEXt", b"Comment\0" + text)]), synthetic=False)
    reasons = {(r.reason.code, r.reason.entity, r.reason.path) for r in evaluation.decision.reasons}
    assert ("metadata.personal_data", "PERSON", "/png/tEXt/Comment") in reasons
