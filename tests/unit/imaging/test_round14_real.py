"""Fourteenth image round: classes of real files of others (3,272 of 14 new sources) the gate misread.

- Lightroom's Camera Raw settings the coordinate and phone detectors read as personal data, holding
  real exports (Ashampoo/kim's photo_5 and photo_37): Upright's perspective corrections
  (crs:UprightTransform_N, a 3 x 3 matrix near the identity ending in 1) read as coordinates, and a
  radial-gradient mask (crs:CircularGradientBasedCorrections), whose slider values, one a line
  ("+50", "0.503248", "340.781006"), read together as a phone number.
- An empty owner field as Lightroom writes it (`<dc:rights><rdf:Alt><rdf:li xml:lang="x-default"/>`, kim's
  photo_25, a Canon export) held the photo as naming a person: the language tag was read as the value.
- JPEG XL photos (kim's camera exports) were refused as broken files (`image.undecodable`): the gate
  does not read JPEG XL, so it now says so (`image.unsupported`, `image/jxl`), as it does for HEIC/AVIF.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gate.core.pipeline import Pipeline
from gate.imaging import xmp
from gate.imaging.camera_raw import CAMERA_RAW_CLARK, camera_raw_text, setting_leaf, setting_vector
from gate.imaging.jpeg import segment_bytes
from gate.model import Verdict
from gate.scanning.walk import scan_text
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.images import jpeg_bytes, xmp_packet

CRS = 'xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"'
XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"
# Lines as Lightroom Classic wrote them in kim's photo_37 (a Nikon D7200 export).
UPRIGHT = (
    "1.000000000,0.000000000,0.000000000,0.000000000,1.000000000,0.000000000,0.000000000,0.000000000,1.000000000",
    "1.066300504,0.025984937,-0.025539485,0.010894824,1.088947749,-0.021391182,0.017185023,0.049733695,1.000000000",
    "1.395543247,0.059107101,-0.059107101,0.253149986,1.232556603,-0.162274375,0.290117842,0.101836526,1.000000000",
)
# kim's photo_5 (a Fujifilm X-T20 export): one radial-gradient correction, as Lightroom nests it.
CIRCULAR = (
    "<crs:CircularGradientBasedCorrections><rdf:Seq><rdf:li rdf:parseType='Resource'>"
    "<crs:CorrectionActive>true</crs:CorrectionActive><crs:CorrectionAmount>1.000000</crs:CorrectionAmount>"
    "<crs:CorrectionMasks><rdf:Seq><rdf:li rdf:parseType='Resource'>"
    "<crs:Angle>0.000000</crs:Angle><crs:Bottom>0.503248</crs:Bottom><crs:Feather>+50</crs:Feather>"
    "<crs:Flipped>true</crs:Flipped><crs:Left>0.491508</crs:Left><crs:MaskValue>1.000000</crs:MaskValue>"
    "<crs:Midpoint>+50</crs:Midpoint><crs:Right>0.594848</crs:Right><crs:Roundness>0</crs:Roundness>"
    "<crs:Top>0.328390</crs:Top><crs:Version>+2</crs:Version><crs:What>Mask/CircularGradient</crs:What>"
    "</rdf:li></rdf:Seq></crs:CorrectionMasks>"
    "<crs:CorrectionRangeMask rdf:parseType='Resource'><crs:ColorAmount>0.500000</crs:ColorAmount>"
    "<crs:DepthFeather>0.500000</crs:DepthFeather><crs:DepthMax>1.000000</crs:DepthMax>"
    "<crs:DepthMin>0.000000</crs:DepthMin><crs:LumFeather>0.500000</crs:LumFeather>"
    "<crs:LumMax>1.000000</crs:LumMax><crs:LumMin>0.000000</crs:LumMin><crs:Type>0</crs:Type>"
    "<crs:Version>+2</crs:Version></crs:CorrectionRangeMask>"
    + "".join(f"<crs:Local{n}>0.000000</crs:Local{n}>" for n in ("Blacks2012", "Brightness", "Clarity2012"))
    + "<crs:LocalSharpness>0.299758</crs:LocalSharpness><crs:LocalToningHue>340.781006</crs:LocalToningHue>"
    "<crs:What>Correction</crs:What></rdf:li></rdf:Seq></crs:CircularGradientBasedCorrections>"
)
# The leaves of CIRCULAR one a line, as `xmp._text` joins them for the scanner.
CIRCULAR_TEXT = "\n".join(
    [
        *("true", "1.000000", "0.000000", "0.503248", "+50", "true", "0.491508", "1.000000", "+50"),
        *("0.594848", "0", "0.328390", "+2", "Mask/CircularGradient", "0.500000", "0.500000", "1.000000"),
        *("0.000000", "0.500000", "1.000000", "0.000000", "0", "+2", *(["0.000000"] * 13), "0.299758"),
        *("0.000000", "340.781006", "0.000000", "0.000000", "Correction"),
    ]
)


@pytest.fixture(scope="module")
def plain_gate() -> Pipeline:
    return PipelineSpec().build()


def _jpeg(*properties: str) -> bytes:
    data = jpeg_bytes(icc=False)
    return data[:2] + segment_bytes(0xE1, XMP_ID + xmp_packet(*properties, attributes=CRS)) + data[2:]


def _upright(*lines: str) -> str:
    return "".join(
        f"<crs:UprightTransform_{n}>{line}</crs:UprightTransform_{n}>" for n, line in enumerate(lines)
    )


def test_the_real_settings_read_as_personal_data_without_the_camera_raw_reading() -> None:
    """The failure this round fixes: as plain text, the scanner finds a place and a phone in them."""
    assert {f.entity for f in scan_text(UPRIGHT[1], path="/x")} == {"LOCATION"}
    assert {f.entity for f in scan_text(CIRCULAR_TEXT, path="/x")} == {"PHONE_NUMBER"}


@pytest.mark.parametrize(
    ("line", "setting"),
    [
        *((line, True) for line in UPRIGHT),
        # Neighbours: still scanned.
        ("48.858400,2.294500,0,0,1,0,0,0,1", False),  # a place in a matrix's first cells (beyond 4)
        ("1.0,0.0,0.0,0.0,1.0,0.0,0.0,0.0,2.0", False),  # nine numbers not ending in 1: not a homography
        ("1.066300504,0.025984937,-0.025539485,0.010894824,1.088947749,-0.021391182,0.017185023,1.0", False),
        ("3.5,3.9,0,0,1,0,0,0,1", True),  # within 4 of (0, 0): open sea in the Gulf of Guinea
    ],
)
def test_a_line_is_a_camera_raw_setting_only_in_its_shape(line: str, setting: bool) -> None:
    assert setting_vector(line) is setting


@pytest.mark.parametrize(
    ("leaf", "setting"),
    [
        ("+50", True),
        ("0.503248", True),
        ("340.781006", True),
        ("-100", True),
        ("123456", True),  # six digits: a slider cannot hold a phone number, an account or a card
        # Neighbours: still scanned.
        ("1234567", False),  # seven digits: a local phone number's length
        ("+4915123456789", False),
        ("Mask/CircularGradient", False),
        ("0.5 0.5", False),  # two numbers: `setting_vector`'s to judge
    ],
)
def test_a_leaf_is_a_slider_value_only_when_one_short_number(leaf: str, setting: bool) -> None:
    assert setting_leaf(leaf) is setting


def test_a_simple_setting_stays_text_and_a_structured_one_loses_its_slider_values() -> None:
    name = f"{CAMERA_RAW_CLARK}Temperature"
    assert camera_raw_text(name, "5500") == "5500"
    assert camera_raw_text(name, CIRCULAR_TEXT) == "\n".join(
        ["true", "true", "Mask/CircularGradient", "Correction"]
    )


def test_only_camera_raw_properties_lose_their_setting_lines() -> None:
    name = f"{CAMERA_RAW_CLARK}UprightTransform_1"
    assert camera_raw_text(name, UPRIGHT[1]) == ""
    assert camera_raw_text("{http://purl.org/dc/elements/1.1/}description", UPRIGHT[1]) == UPRIGHT[1]
    assert camera_raw_text(name, f"{UPRIGHT[1]}\ncall +49 151 23456789") == "call +49 151 23456789"


_CELL = st.floats(min_value=-4, max_value=4, allow_nan=False).map(lambda v: f"{v:.9f}")


@settings(max_examples=200, deadline=None)
@given(st.lists(_CELL, min_size=8, max_size=8))
def test_every_upright_matrix_lightroom_can_write_is_a_setting(cells: list[str]) -> None:
    assert setting_vector(",".join([*cells, "1.000000000"]))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["+50", "0.503248", "true", "0", "Correction"]), max_size=6),
    st.from_regex(r"\+?[1-9]\d{6,13}", fullmatch=True),
    st.lists(st.sampled_from(["+2", "1.000000", "Mask/CircularGradient"]), max_size=6),
)
def test_a_long_number_among_settings_is_always_scanned(
    before: list[str], number: str, after: list[str]
) -> None:
    text = "\n".join([*before, number, *after])
    assert number in camera_raw_text(f"{CAMERA_RAW_CLARK}Anything", text).split("\n")


@pytest.mark.parametrize(
    ("name", "properties", "verdict"),
    [
        ("upright transforms", (_upright(*UPRIGHT),), Verdict.APPROVED),
        ("circular gradient mask", (CIRCULAR,), Verdict.APPROVED),
        ("both", (_upright(*UPRIGHT), CIRCULAR), Verdict.APPROVED),
        # Neighbours: personal data beside the settings is still found.
        (
            "phone in a mask's leaf",
            (CIRCULAR.replace("Mask/CircularGradient", "+49 151 23456789"),),
            Verdict.QUARANTINED,
        ),
        ("place in a matrix", (_upright("48.858400,2.294500,0,0,1,0,0,0,1"),), Verdict.QUARANTINED),
    ],
)
def test_real_lightroom_settings_are_approved_and_their_neighbours_held(
    plain_gate: Pipeline, name: str, properties: tuple[str, ...], verdict: Verdict
) -> None:
    evaluation = plain_gate.evaluate(_jpeg(*properties), synthetic=False)
    assert evaluation.verdict is verdict, (name, evaluation.decision.reason_codes)


@pytest.mark.parametrize(
    "head",
    [
        b"\xff\x0a\xfa\x7f\x01\x90\x08\x80\x04\x00\x00",  # a bare codestream
        b"\x00\x00\x00\x0cJXL \r\n\x87\n\x00\x00\x00\x14ftypjxl \x00\x00\x00\x00jxl ",  # the container
    ],
)
def test_a_jpeg_xl_photo_is_refused_as_an_unsupported_format(plain_gate: Pipeline, head: bytes) -> None:
    evaluation = plain_gate.evaluate(head + bytes(64), synthetic=False)
    assert evaluation.verdict is Verdict.REJECTED
    reasons = [reason.as_dict() for reason in evaluation.decision.reasons]
    assert {"code": "image.unsupported", "detail": "image/jxl"}.items() <= reasons[0].items()


def _rights(li: str) -> str:
    return f"<dc:rights><rdf:Alt>{li}</rdf:Alt></dc:rights>"


@pytest.mark.parametrize(
    ("name", "properties", "person"),
    [
        ("empty dc:rights (Lightroom)", (_rights('<rdf:li xml:lang="x-default"/>'),), False),
        ("empty dc:rights in German", (_rights('<rdf:li xml:lang="de-DE"></rdf:li>'),), False),
        ("empty creator", ("<dc:creator><rdf:Seq><rdf:li/></rdf:Seq></dc:creator>",), False),
        (
            "empty contact info",
            ("<Iptc4xmpCore:CreatorContactInfo rdf:parseType='Resource'/>",),
            False,
        ),
        # Neighbours: a name anywhere in the field is still a name.
        ("dc:rights naming someone", (_rights('<rdf:li xml:lang="x-default">Jane Roe</rdf:li>'),), True),
        ("a name as the language tag", (_rights('<rdf:li xml:lang="Ricky True"/>'),), True),
        ("a name as a long language tag", (_rights('<rdf:li xml:lang="ricky-trueman"/>'),), True),
        ("a name in a parse type", ("<dc:creator rdf:parseType='Ricky True'/>",), True),
        (
            "contact info with an address",
            (
                "<Iptc4xmpCore:CreatorContactInfo rdf:parseType='Resource'>"
                "<Iptc4xmpCore:CiEmailWork>jroe@example.com</Iptc4xmpCore:CiEmailWork>"
                "</Iptc4xmpCore:CreatorContactInfo>",
            ),
            True,
        ),
    ],
)
def test_an_owner_field_empty_but_for_rdf_structure_names_nobody(
    plain_gate: Pipeline, name: str, properties: tuple[str, ...], person: bool
) -> None:
    core = 'xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"'
    data = jpeg_bytes(icc=False)
    packet = xmp_packet(*properties, attributes=core)
    evaluation = plain_gate.evaluate(
        data[:2] + segment_bytes(0xE1, XMP_ID + packet) + data[2:], synthetic=False
    )
    entities = {r.reason.entity for r in evaluation.decision.reasons}
    assert ("PERSON" in entities) is person, (name, evaluation.decision.reason_codes)
    assert evaluation.verdict is (Verdict.QUARANTINED if person else Verdict.APPROVED), name


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[A-Za-z][A-Za-z .'-]{6,30}", fullmatch=True))  # longer than any short tag (6)
def test_a_language_tag_that_could_hold_a_name_keeps_the_owner_field_a_name(tag: str) -> None:
    """Only `x-default` and 2-3 letter tags with a region are structure; anything longer is read."""
    packet = xmp_packet(_rights(f'<rdf:li xml:lang="{tag}"/>'))
    items, _ = xmp.read_items(packet)
    (rights,) = [item for item in items if item.path == "/xmp/dc:rights"]
    assert rights.value is not None
    assert bool(rights.value.strip()) is (tag != "x-default")
