"""Fields the gate once trusted by their name are read and scanned: EXIF Make, Model, Software and the other
known technical tags (every NUL-separated part), XMP properties of mapped namespaces the gate does not map,
Photoshop resources and IIM datasets beyond the named ones. Findings name entity and pointer, never value."""

from __future__ import annotations

import pytest
from PIL import Image

from gate.core.pipeline import Pipeline
from gate.imaging import probe, read_metadata, strip_identifiers
from gate.model import Verdict
from tests.unit.imaging.images import (
    jpeg_bytes,
    photoshop_resource,
    png_bytes,
    tiff_with_values,
    webp_bytes,
    with_app13,
    with_exif_block,
    xmp_packet,
)

# Personal data as people hide it: full-width forms, a zero-width space, an HTML entity, a Cyrillic
# look-alike letter, a phone number grouped with narrow no-break spaces.
HOSTILE = {
    "plain": ("jane.doe@example.com", "EMAIL_ADDRESS"),
    "full-width": (
        "\uff4a\uff41\uff4e\uff45\uff20\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.com",
        "EMAIL_ADDRESS",
    ),
    "zero-width": ("jane\u200b.doe@exa\u200bmple.com", "EMAIL_ADDRESS"),
    "entity": ("jane.doe&#64;example.com", "EMAIL_ADDRESS"),
    "look-alike": ("j\u0430ne.doe@example.com", "EMAIL_ADDRESS"),
    "phone-nnbsp": ("+33\u202f6\u202f12\u202f34\u202f56\u202f78", "PHONE_NUMBER"),
}
# What cameras, phones and editors really write there: nothing to find.
CLEAN_CAMERA_TEXT = {
    0x010F: ["Apple", "NIKON CORPORATION", "Canon", "samsung", "Google", "FUJIFILM", "SONY"],
    0x0110: ["iPhone 15 Pro", "NIKON Z 6_2", "Canon EOS R5", "SM-S918B", "Pixel 8 Pro", "X-T5", "ILCE-7M4"],
    0x0131: [
        *("17.4.1", "Ver.01.00", "HDR+ 1.0.540104767zd"),
        "Adobe Photoshop Lightroom Classic 13.2 (Macintosh)",
    ],
    0x0132: ["2024:05:01 10:00:00"],
}


def exif_with(tag: int, text: str | bytes, ifd: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = 1
    if ifd is None:
        exif[tag] = text
    else:
        exif.get_ifd(ifd)[tag] = text
    return exif


def personal(evaluation: object) -> set[tuple[str | None, str | None]]:
    reasons = evaluation.decision.reasons  # type: ignore[attr-defined]
    return {(r.reason.entity, r.reason.path) for r in reasons if r.reason.code == "metadata.personal_data"}


def no_value_in_reasons(evaluation: object, text: str) -> None:
    for reason in evaluation.decision.reasons:  # type: ignore[attr-defined]
        assert text not in str(reason.as_dict())


def known_text(tag: int, raw: bytes, *, in_exif_ifd: bool = False) -> bytes:
    """A JPEG whose EXIF holds `raw` as an ASCII field, written by hand: UTF-8 and NULs as they come."""
    entry = [(tag, 2, raw + b"\x00")]
    orientation = [(0x0112, 3, b"\x01\x00")]
    tiff = tiff_with_values(orientation, entry) if in_exif_ifd else tiff_with_values(orientation + entry)
    return with_exif_block(jpeg_bytes(icc=False), tiff)


@pytest.mark.parametrize("variant", sorted(HOSTILE))
@pytest.mark.parametrize(
    ("tag", "in_exif_ifd", "path"),
    [
        (0x010F, False, "/exif/Make"),
        (0x0110, False, "/exif/Model"),
        (0x0131, False, "/exif/Software"),
        (0x0132, False, "/exif/DateTime"),
        (0xA434, True, "/exif/LensModel"),
        (0xA433, True, "/exif/LensMake"),
        (0x0110, True, "/exif/Model"),  # writers mix the IFDs
    ],
)
def test_known_exif_text_is_scanned(
    gate: Pipeline, variant: str, tag: int, in_exif_ifd: bool, path: str
) -> None:
    text, entity = HOSTILE[variant]
    evaluation = gate.evaluate(known_text(tag, text.encode(), in_exif_ifd=in_exif_ifd), synthetic=False)
    assert evaluation.verdict is not Verdict.APPROVED
    assert (entity, path) in personal(evaluation)
    no_value_in_reasons(evaluation, text)


def test_latin1_text_in_a_known_tag_is_read_as_latin1(gate: Pipeline) -> None:
    data = known_text(0x0110, "Camera of J\u00fcrgen M\u00fcller, +49 30 901820".encode("latin-1"))
    assert ("PHONE_NUMBER", "/exif/Model") in personal(gate.evaluate(data, synthetic=False))
    meta = read_metadata(data, probe(data))
    item = next(i for i in meta.items if i.path == "/exif/Model")
    assert item.value is not None and "J\u00fcrgen" in item.value


def test_text_after_the_first_nul_of_a_known_tag_is_scanned(gate: Pipeline) -> None:
    evaluation = gate.evaluate(known_text(0x010F, b"Canon\x00jane.doe@example.com"), synthetic=False)
    assert ("EMAIL_ADDRESS", "/exif/Make") in personal(evaluation)


@pytest.mark.parametrize("container", ["png", "webp"])
def test_known_exif_text_is_scanned_in_every_container(gate: Pipeline, container: str) -> None:
    exif = exif_with(0x0110, "call +44 20 7946 0958")
    data = {"png": png_bytes, "webp": webp_bytes}[container](exif=exif)
    assert ("PHONE_NUMBER", "/exif/Model") in personal(gate.evaluate(data, synthetic=False))


@pytest.mark.parametrize(("tag", "values"), sorted(CLEAN_CAMERA_TEXT.items()))
def test_what_cameras_write_in_known_tags_passes(gate: Pipeline, tag: int, values: list[str]) -> None:
    for text in values:
        evaluation = gate.evaluate(jpeg_bytes(exif=exif_with(tag, text)), synthetic=False)
        assert evaluation.verdict is Verdict.APPROVED, (text, evaluation.decision.reason_codes)
        assert evaluation.actions == ()


def test_a_long_byte_run_in_a_known_tag_is_unread_and_stripped(gate: Pipeline) -> None:
    # DeviceSettingDescription is UNDEFINED: bytes the gate does not read as text, so they go.
    exif = exif_with(0xA40B, b"\x00\x00\x00\x00Jane Doe's camera +44 20 7946 0958", 0x8769)
    exif.get_ifd(0x8769)[0x9000] = b"0232"  # ExifVersion: 4 bytes, a version, stays
    data = jpeg_bytes(exif=exif)
    assert read_metadata(data, probe(data)).paths("unread") == ("/exif/DeviceSettingDescription",)
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.actions == ("metadata.stripped",)
    assert evaluation.output is not None and b"Jane Doe" not in evaluation.output
    assert b"0232" in evaluation.output


@pytest.mark.parametrize("variant", sorted(HOSTILE))
def test_iim_datasets_beyond_the_named_ones_are_scanned(gate: Pipeline, variant: str) -> None:
    text, entity = HOSTILE[variant]
    iim = b"".join(
        b"\x1c\x02" + bytes([number]) + len(value).to_bytes(2, "big") + value
        for number, value in ((15, b"PRD"), (20, text.encode()), (27, b"Studio 4"))
    )
    evaluation = gate.evaluate(with_app13(jpeg_bytes(), photoshop_resource(0x0404, iim)), synthetic=False)
    assert (entity, "/iptc/2:20") in personal(evaluation)  # SupplementalCategory
    no_value_in_reasons(evaluation, text)


@pytest.mark.parametrize(
    "resource",
    [
        photoshop_resource(0x041A, "Slice jane.doe@example.com".encode("utf-16-be")),  # slices: names, URLs
        photoshop_resource(0x041E, b"\x00\x00\x00\x01https://example.com/jane"),  # URL list
        photoshop_resource(0x0421, b"\x00\x00\x00\x01\x01Adobe Photoshop"),  # version info
        photoshop_resource(0x03ED, b"\x00\x48" * 9),  # resolution info of the wrong size
        b"8BIM\x03\xed\x09Jane Doe!" + (16).to_bytes(4, "big") + bytes(16),  # a named resource
    ],
    ids=["slices", "urls", "version", "resolution-too-long", "named"],
)
def test_other_photoshop_resources_are_unread_and_stripped(gate: Pipeline, resource: bytes) -> None:
    kept = photoshop_resource(0x03ED, b"\x00\x48\x00\x00\x00\x01\x00\x01" * 2)  # resolution: numbers
    data = with_app13(jpeg_bytes(), kept, resource)
    assert read_metadata(data, probe(data)).paths("unread") == ("/iptc/resource/1",)
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.actions == ("metadata.stripped",)
    assert evaluation.output is not None and resource not in evaluation.output
    assert kept in evaluation.output
    assert read_metadata(evaluation.output, probe(evaluation.output)).items == ()


def test_the_iim_preview_is_unread_and_stripped_but_named_datasets_stay_read(gate: Pipeline) -> None:
    iim = b"\x1c\x02\xca\x00\x08JPEGDATA" + b"\x1c\x02\x0f\x00\x03PRD"  # 2:202 ObjectPreviewData, 2:15
    data = with_app13(jpeg_bytes(), photoshop_resource(0x0404, iim))
    items = read_metadata(data, probe(data)).items
    found = {(item.path, item.kind) for item in items}
    assert found == {("/iptc/2:202", "unread"), ("/iptc/2:15", "free_text")}
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.actions == ("metadata.stripped",)
    assert evaluation.output is not None
    assert b"JPEGDATA" not in evaluation.output and b"PRD" in evaluation.output


XMP_NS = (
    'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" '
    'xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#" '
    'xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" '
    'xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/1.0/"'
)
# What Lightroom, Photoshop and an Ultra HDR phone write in known namespaces: nothing to find.
CLEAN_XMP = (
    "<xmp:CreatorTool>Adobe Photoshop Lightroom Classic 13.2 (Macintosh)</xmp:CreatorTool>",
    "<xmp:CreateDate>2024-05-01T10:00:00.52+02:00</xmp:CreateDate>",
    "<xmpMM:DocumentID>xmp.did:0180117407206811822AA5A7E1B6D8A1</xmpMM:DocumentID>",
    "<xmpMM:InstanceID>xmp.iid:8f3a2c1d-5b6e-4c7d-9e0f-a1b2c3d4e5f6</xmpMM:InstanceID>",
    '<xmpMM:History><rdf:Seq><rdf:li stEvt:action="saved" stEvt:instanceID="xmp.iid:0280117407206811"'
    ' stEvt:when="2024-05-01T10:22:11+02:00" stEvt:softwareAgent="Adobe Photoshop 25.0 (Macintosh)"'
    ' stEvt:changed="/"/></rdf:Seq></xmpMM:History>',
    "<crs:Version>16.2</crs:Version><crs:Exposure2012>+0.35</crs:Exposure2012>",
    "<crs:Temperature>5500</crs:Temperature><crs:RawFileName>IMG_1234.CR3</crs:RawFileName>",
    "<hdrgm:Version>1.0</hdrgm:Version><hdrgm:GainMapMax>2.3</hdrgm:GainMapMax>",
    "<dc:format>image/jpeg</dc:format><photoshop:ColorMode>3</photoshop:ColorMode>",
    "<exif:ExposureTime>1/120</exif:ExposureTime><exif:DateTimeOriginal>2024-05-01T10:00:00</exif:DateTimeOriginal>",
)


def xmp_jpeg(*properties: str, attributes: str = "") -> bytes:
    return jpeg_bytes(icc=False, xmp=xmp_packet(*properties, attributes=f"{XMP_NS} {attributes}"))


@pytest.mark.parametrize("variant", sorted(HOSTILE))
@pytest.mark.parametrize(
    ("template", "path"),
    [
        ("<xmp:CreatorTool>{}</xmp:CreatorTool>", "/xmp/xmp:*0"),
        ("<crs:RawFileName>{}</crs:RawFileName>", "/xmp/crs:*0"),
        ("<dc:format>{}</dc:format>", "/xmp/dc:*0"),  # dc is mapped; format is not
        ("<tiff:Make>{}</tiff:Make>", "/xmp/tiff:*0"),
        ("<exif:DateTimeOriginal>{}</exif:DateTimeOriginal>", "/xmp/exif:*0"),
        ("<photoshop:JaneDoe>{}</photoshop:JaneDoe>", "/xmp/photoshop:*0"),  # a name the image chose
        (
            '<xmpMM:History><rdf:Seq><rdf:li stEvt:softwareAgent="{}"/></rdf:Seq></xmpMM:History>',
            "/xmp/xmpMM:*0",
        ),
        ('<dc:relation rdf:resource="mailto:{}"/>', "/xmp/dc:*0"),
    ],
)
def test_unmapped_properties_of_known_namespaces_are_scanned(
    gate: Pipeline, variant: str, template: str, path: str
) -> None:
    text, entity = HOSTILE[variant]
    escaped = text.replace("&", "&amp;")
    evaluation = gate.evaluate(xmp_jpeg(template.format(escaped)), synthetic=False)
    assert evaluation.verdict is not Verdict.APPROVED
    assert (entity, path) in personal(evaluation)
    no_value_in_reasons(evaluation, text)
    assert "JaneDoe" not in str([r.as_dict() for r in evaluation.decision.reasons])


def test_rdf_about_is_scanned(gate: Pipeline) -> None:
    data = jpeg_bytes(
        icc=False,
        xmp=xmp_packet("<dc:format>image/jpeg</dc:format>").replace(
            b'rdf:about=""', b'rdf:about="jane.doe@example.com"'
        ),
    )
    assert ("EMAIL_ADDRESS", "/xmp/rdf:about/0") in personal(gate.evaluate(data, synthetic=False))


def test_what_editors_and_phones_write_in_known_namespaces_passes(gate: Pipeline) -> None:
    data = xmp_jpeg(*CLEAN_XMP)
    meta = read_metadata(data, probe(data))
    assert len(meta.paths("free_text")) == 15  # every property is read
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    assert evaluation.actions == ()


def test_stripping_free_text_removes_what_the_xmp_reader_read_past() -> None:
    packet = xmp_packet("<xmp:CreatorTool>jane.doe@example.com</xmp:CreatorTool>", attributes=XMP_NS).replace(
        b'rdf:about=""', b'rdf:about="john@example.com"'
    )
    data = jpeg_bytes(icc=False, xmp=packet)
    stripped = strip_identifiers(data, probe(data), frozenset({"free_text"}))
    assert b"jane.doe" not in stripped and b"john@" not in stripped
    assert read_metadata(stripped, probe(stripped)).paths("free_text") == ()
