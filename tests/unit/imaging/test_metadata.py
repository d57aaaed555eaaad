"""read_metadata: which paths, kinds and AI markers each kind of file yields (truth tables)."""

from __future__ import annotations

import json

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from gate.errors import ImageUndecodable
from gate.imaging import ImageMetadata, MetadataItem, exif, probe, read_metadata
from gate.imaging.exif import tiff_block
from gate.imaging.jpeg import segment_bytes
from tests.unit.imaging.images import (
    AI_XMP,
    COMFY_PROMPT,
    camera_exif,
    chunk,
    handmade_png,
    jpeg_bytes,
    photoshop_resource,
    png_bytes,
    tiff_with_gps_pointers,
    tiff_with_overlapping_gps_tables,
    tiff_with_thumbnail_ifd_tags,
    with_app13,
    with_app13_iptc,
    xmp_packet,
)

EXIF_ITEMS = {
    ("/exif/ImageDescription", "free_text"),
    ("/exif/Artist", "owner"),
    ("/exif/UserComment", "free_text"),
    ("/exif/BodySerialNumber", "device_id"),
    ("/exif/LensSerialNumber", "device_id"),
    ("/exif/GPSInfo/GPSLatitudeRef", "location"),
    ("/exif/GPSInfo/GPSLatitude", "location"),
    ("/exif/GPSInfo/GPSLongitudeRef", "location"),
    ("/exif/GPSInfo/GPSLongitude", "location"),
    ("/exif/Software", "free_text"),  # a known tag: its text is scanned all the same
}
XMP_ITEMS = {
    ("/xmp/exif:GPSLatitude", "location"),
    ("/xmp/exif:GPSLongitude", "location"),
    ("/xmp/Iptc4xmpExt:AIPromptInformation", "free_text"),
    ("/xmp/Iptc4xmpExt:AIPromptWriterName", "person"),
    ("/xmp/dc:creator", "owner"),
    ("/xmp/dc:title", "free_text"),
    ("/xmp/aux:SerialNumber", "device_id"),
    ("/xmp/photoshop:City", "location"),
    # Properties of mapped namespaces the gate does not map (tiff:Orientation, DigitalSourceType): their
    # text is scanned, named by position.
    ("/xmp/tiff:*2", "free_text"),
    ("/xmp/Iptc4xmpExt:*5", "free_text"),
}
EXIF_MARKERS = {"exif:Software=Adobe Firefly"}
XMP_MARKERS = {"xmp:AIPromptInformation", "xmp:DigitalSourceType=trainedAlgorithmicMedia"}


def meta(data: bytes) -> ImageMetadata:
    return read_metadata(data, probe(data))


def pairs(metadata: ImageMetadata) -> set[tuple[str, str]]:
    return {(item.path, item.kind) for item in metadata.items}


def value(metadata: ImageMetadata, path: str) -> str | None:
    (item,) = [item for item in metadata.items if item.path == path]
    return item.value


def test_camera_jpeg_truth_table(camera_jpeg: bytes) -> None:
    found = meta(camera_jpeg)
    assert pairs(found) == EXIF_ITEMS | XMP_ITEMS | {("/jpeg/COM/0", "free_text")}
    assert set(found.ai_markers) == EXIF_MARKERS | XMP_MARKERS
    assert found.has_c2pa is False
    assert found.strippable_kinds == {"location", "device_id", "owner", "person", "free_text"}


def test_ai_png_truth_table(ai_png: bytes) -> None:
    found = meta(ai_png)
    png_items = {
        ("/png/tEXt/parameters", "free_text"),
        ("/png/tEXt/prompt", "json_text"),
        ("/png/zTXt/workflow", "json_text"),
        ("/png/tEXt/Author", "owner"),
        ("/png/tEXt/Software", "free_text"),  # read for a generator's name, and scanned
    }
    assert pairs(found) == EXIF_ITEMS | XMP_ITEMS | png_items
    png_markers = {
        "png:a1111-parameters",
        "png:comfyui-prompt",
        "png:comfyui-workflow",
        "png:Software=ComfyUI",
    }
    assert set(found.ai_markers) == EXIF_MARKERS | XMP_MARKERS | png_markers


def test_camera_webp_truth_table(camera_webp: bytes) -> None:
    found = meta(camera_webp)
    assert pairs(found) == EXIF_ITEMS | XMP_ITEMS
    assert set(found.ai_markers) == EXIF_MARKERS | XMP_MARKERS


def test_values_are_given_to_the_scanner_only_for_text_kinds(camera_jpeg: bytes) -> None:
    found = meta(camera_jpeg)
    assert value(found, "/exif/UserComment") == "call +44 20 7946 0958"
    assert value(found, "/exif/Artist") == "Jane Doe"
    assert value(found, "/xmp/Iptc4xmpExt:AIPromptWriterName") == "John Smith"
    assert value(found, "/xmp/dc:creator") == "Jane Doe"
    assert value(found, "/jpeg/COM/0") == "ring 07700 900123"
    assert {item.value for item in found.items if item.kind in ("location", "device_id")} == {None}


def test_json_text_is_handed_over_parsed(ai_png: bytes) -> None:
    (item,) = [item for item in meta(ai_png).items if item.path == "/png/tEXt/prompt"]
    assert item.json == json.loads(COMFY_PROMPT)


def test_reprs_never_show_values(camera_jpeg: bytes, ai_png: bytes) -> None:
    for data in (camera_jpeg, ai_png):
        shown = repr(meta(data))
        for secret in ("Jane", "7946", "John", "jane@example.com", "red sneaker", "07700"):
            assert secret not in shown


def test_clean_image_has_nothing() -> None:
    assert meta(jpeg_bytes()) == ImageMetadata(has_c2pa=False, references_manifest=False)
    assert meta(png_bytes()) == ImageMetadata(has_c2pa=False, references_manifest=False)


@pytest.mark.parametrize(
    ("keyword", "text", "expected_kind", "expected_markers"),
    [
        ("parameters", "Steps: 20, Sampler: Euler a, Seed: 1", "free_text", ("png:a1111-parameters",)),
        ("parameters", "just words", "free_text", ("png:parameters",)),
        ("prompt", '{"1": {"class_type": "CLIPTextEncode"}}', "json_text", ("png:comfyui-prompt",)),
        ("prompt", "a cat", "free_text", ("png:prompt-text",)),
        ("workflow", '{"nodes": []}', "json_text", ("png:comfyui-workflow",)),
        ("Comment", '{"prompt": "a cat", "steps": 28}', "json_text", ()),  # NovelAI
        ("Comment", "hello", "free_text", ()),
        ("Description", "hello", "free_text", ()),
        ("Author", "Jane Doe", "owner", ()),
        ("Copyright", "Jane Doe", "owner", ()),
        ("Source", "Canon EOS", "free_text", ()),
        ("Whatever", "unknown keys are scanned too", "free_text", ()),
    ],
)
def test_png_text_keywords(
    keyword: str, text: str, expected_kind: str, expected_markers: tuple[str, ...]
) -> None:
    info = PngInfo()
    info.add_text(keyword, text)
    found = meta(png_bytes(info))
    expected = (MetadataItem(f"/png/tEXt/{keyword}", expected_kind),)  # type: ignore[arg-type]
    if keyword not in ("parameters", "prompt", "workflow", "Author", "Copyright"):
        # A keyword the gate gives no meaning is the writer's text: scanned too.
        expected += (MetadataItem(f"/png/tEXt/{keyword}/keyword", "free_text"),)
    assert found.items == expected
    assert found.items[0].value == text
    assert found.items[-1].value == (text if len(expected) == 1 else keyword)
    assert found.ai_markers == expected_markers


@pytest.mark.parametrize(("keyword", "markers"), [("Software", ()), ("Creation Time", ())])
def test_png_keywords_that_promise_no_personal_data_are_scanned_without_their_context(
    keyword: str, markers: tuple[str, ...]
) -> None:
    """A keyword says what its text should be, not what it is (redimg round: an address under Software
    was published unscanned): the text is free text, read without the keyword's context."""
    info = PngInfo()
    info.add_text(keyword, "GIMP 2.10")
    found = meta(png_bytes(info))
    assert found == ImageMetadata(
        has_c2pa=False,
        references_manifest=False,
        ai_markers=markers,
        items=(MetadataItem(f"/png/tEXt/{keyword}", "free_text"),),
    )
    assert found.items[0].value == "GIMP 2.10" and not found.items[0].named_context


def test_itxt_and_ztxt_are_decoded() -> None:
    info = PngInfo()
    info.add_itxt("Description", "zürich café", lang="de", tkey="Beschreibung", zip=True)
    info.add_text("Title", "compressed title", zip=True)
    found = meta(png_bytes(info))
    assert pairs(found) == {
        ("/png/iTXt/Description", "free_text"),
        ("/png/iTXt/Description/keyword", "free_text"),
        ("/png/zTXt/Title", "free_text"),
        ("/png/zTXt/Title/keyword", "free_text"),
    }
    assert value(found, "/png/iTXt/Description") == "zürich café"
    assert value(found, "/png/iTXt/Description/keyword") == "Description\nde\nBeschreibung"


def test_png_exif_chunk_is_read() -> None:
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0xA431] = "SN1"
    assert pairs(meta(png_bytes(exif=exif))) == {("/exif/BodySerialNumber", "device_id")}


def test_imagemagick_raw_exif_profile_is_read() -> None:
    payload = camera_exif().tobytes()  # starts with Exif\0\0, as ImageMagick copies it from a JPEG
    info = PngInfo()
    info.add_text("Raw profile type exif", f"\nexif\n{len(payload):8d}\n{payload.hex()}\n", zip=True)
    assert pairs(meta(png_bytes(info))) == EXIF_ITEMS


def test_xp_tags_and_unicode_user_comment() -> None:
    exif = Image.Exif()
    exif[0x9C9D] = "Jäne".encode("utf-16-le") + b"\x00\x00"  # XPAuthor
    exif[0x9C9C] = "a note".encode("utf-16-le")  # XPComment
    exif.get_ifd(0x8769)[0x9286] = b"UNICODE\x00" + "héllo".encode("utf-16-le")
    exif.get_ifd(0x8769)[0xA430] = "Owner Name"  # CameraOwnerName
    found = meta(jpeg_bytes(exif=exif))
    assert pairs(found) == {
        ("/exif/XPAuthor", "owner"),
        ("/exif/XPComment", "free_text"),
        ("/exif/UserComment", "free_text"),
        ("/exif/CameraOwnerName", "owner"),
    }
    assert value(found, "/exif/XPAuthor") == "Jäne"
    assert value(found, "/exif/UserComment") == "héllo"


def test_a1111_parameters_in_exif_user_comment_is_an_ai_marker() -> None:
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9286] = b"UNICODE\x00" + "cat\nSteps: 20, Sampler: Euler".encode("utf-16-le")
    assert meta(jpeg_bytes(exif=exif)).ai_markers == ("exif:a1111-parameters",)


@pytest.mark.parametrize(
    ("snippet", "markers"),
    [
        (
            '<Iptc4xmpExt:DigitalSourceType rdf:resource="http://cv.iptc.org/newscodes/digitalsourcetype/'
            'compositeWithTrainedAlgorithmicMedia"/>',
            ("xmp:DigitalSourceType=compositeWithTrainedAlgorithmicMedia",),
        ),
        (
            "<Iptc4xmpExt:DigitalSourceType>http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"
            "</Iptc4xmpExt:DigitalSourceType>",
            (),
        ),
        ("<Iptc4xmpExt:AISystemUsed>Firefly</Iptc4xmpExt:AISystemUsed>", ("xmp:AISystemUsed",)),
    ],
)
def test_xmp_ai_markers(snippet: str, markers: tuple[str, ...]) -> None:
    found = meta(jpeg_bytes(xmp=xmp_packet(snippet)))
    assert found.ai_markers == markers
    assert pairs(found) == {("/xmp/Iptc4xmpExt:*0", "free_text")}  # the marker's own text is scanned


def test_xmp_in_attribute_form_with_other_prefixes() -> None:
    packet = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:ext="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"'
        b' xmlns:a="http://ns.adobe.com/exif/1.0/aux/" a:SerialNumber="123" ext:AIPromptInformation="p"/>'
        b"</rdf:RDF></x:xmpmeta>"
    )
    found = meta(jpeg_bytes(xmp=packet))
    assert pairs(found) == {
        ("/xmp/aux:SerialNumber", "device_id"),
        ("/xmp/Iptc4xmpExt:AIPromptInformation", "free_text"),
    }


def _with_app11(data: bytes, body: bytes) -> bytes:
    return data[:2] + b"\xff\xeb" + (len(body) + 2).to_bytes(2, "big") + body + data[2:]


# A JUMBF superbox labelled c2pa in APP11, as c2pa-rs writes it; only its head matters here.
C2PA_JUMBF = (
    b"JP\x00\x01\x00\x00\x00\x01" + b"\x00\x00\x00\x40jumb\x00\x00\x00\x28jumd" + b"c2pa" + b"\x00" * 40
)


def test_jpeg_app11_c2pa_is_reported() -> None:
    assert meta(_with_app11(jpeg_bytes(), C2PA_JUMBF)).has_c2pa is True


def test_png_cabx_chunk_is_c2pa() -> None:
    assert meta(handmade_png(4, 4, chunk(b"caBX", b"\x00\x00\x00\x08jumb"))).has_c2pa is True


DC_TERMS = 'xmlns:dcterms="http://purl.org/dc/terms/" dcterms:provenance="https://x/m"'
# name -> (image, whether a manifest is ruled out)
MANIFEST_CASES: dict[str, tuple[bytes, bool]] = {
    "plain jpeg": (jpeg_bytes(), True),
    "plain png": (png_bytes(), True),
    "xmp without provenance": (jpeg_bytes(xmp=xmp_packet("<dc:format>image/jpeg</dc:format>")), True),
    "remote manifest in xmp": (jpeg_bytes(xmp=xmp_packet(attributes=DC_TERMS)), False),
    "other prefix": (jpeg_bytes(xmp=xmp_packet(attributes=DC_TERMS.replace("dcterms", "d"))), False),
    "utf-16 xmp": (jpeg_bytes(xmp=("\ufeff" + xmp_packet().decode()).encode("utf-16-be")), False),
    "embedded c2pa jpeg": (_with_app11(jpeg_bytes(), C2PA_JUMBF), False),
    "embedded c2pa png": (handmade_png(4, 4, chunk(b"caBX", b"\x00\x00\x00\x08jumb")), False),
    "unknown jumbf": (_with_app11(jpeg_bytes(), b"JP\x00\x01\x00\x00\x00\x01" + b"\x00" * 40), False),
    "unknown png chunk": (handmade_png(4, 4, chunk(b"prVt", b"anything")), False),
}


@pytest.mark.parametrize("name", MANIFEST_CASES)
def test_manifest_is_ruled_out_only_when_every_segment_was_read(name: str) -> None:
    # The provenance check skips c2pa exactly when this is True, so every doubt must make it False.
    data, ruled_out = MANIFEST_CASES[name]
    assert meta(data).manifest_ruled_out is ruled_out


@pytest.mark.parametrize("exif_resource", [0x0422, 0x0423], ids=["exif-data-1", "exif-data-3"])
def test_exif_and_xmp_in_photoshop_resources_are_read_like_their_app1_copies(exif_resource: int) -> None:
    # Photoshop writes EXIF and XMP to APP1, but the resource format has a slot for each and other tools
    # fill it: what is found there is what the APP1 copy would give, under /photoshop.
    exif = tiff_block(camera_exif().tobytes())
    data = with_app13(
        jpeg_bytes(), photoshop_resource(exif_resource, exif), photoshop_resource(0x0424, AI_XMP)
    )
    found = meta(data)
    assert pairs(found) == {("/photoshop" + path, kind) for path, kind in EXIF_ITEMS | XMP_ITEMS}
    assert set(found.ai_markers) == EXIF_MARKERS | XMP_MARKERS
    assert value(found, "/photoshop/exif/Artist") == "Jane Doe"
    assert not found.has_c2pa and not found.references_manifest  # c2pa-rs reads XMP from APP1 only


def test_a_photoshop_exif_resource_with_the_app1_prefix_is_read_too() -> None:
    data = with_app13(jpeg_bytes(), photoshop_resource(0x0422, camera_exif().tobytes()))
    assert pairs(meta(data)) == {("/photoshop" + path, kind) for path, kind in EXIF_ITEMS}


def test_a_photoshop_exif_resource_that_is_not_tiff_stays_unread() -> None:
    # No reader takes it for EXIF (ExifTool calls "EXIF data 3" an unknown binary format), so it is one
    # more resource the gate does not read, like a thumbnail or print settings.
    # It is published all the same, so it is `unread`: the default strip drops it.
    data = with_app13(jpeg_bytes(), photoshop_resource(0x0423, b"\x00\x01 not a TIFF stream"))
    assert pairs(meta(data)) == {("/iptc/resource/0", "unread")}


def test_many_gps_pointers_give_one_item_per_gps_entry_not_per_pointer_pair() -> None:
    # Listing every GPS table once per pointer made k pointers k * k items (2,000: 4 million, a minute).
    data = jpeg_bytes()
    data = data[:2] + segment_bytes(0xE1, b"Exif\x00\x00" + tiff_with_gps_pointers(2000)) + data[2:]
    items = meta(data).items
    assert len(items) == 2000
    assert {(item.path, item.kind) for item in items} == {("/exif/GPSInfo/GPSLatitudeRef", "location")}


def test_tags_in_the_thumbnail_ifd_are_read() -> None:
    data = jpeg_bytes()
    data = data[:2] + segment_bytes(0xE1, b"Exif\x00\x00" + tiff_with_thumbnail_ifd_tags()) + data[2:]
    found = meta(data)
    assert pairs(found) == {("/exif/Artist", "owner"), ("/exif/GPSInfo/GPSLatitudeRef", "location")}
    assert value(found, "/exif/Artist") == "Jane Doe"


def test_tables_read_over_each_other_are_refused_before_they_multiply() -> None:
    # 500 pointers into one 3 KB run used to read 128,000 entries; a block holds at most one per 12 bytes.
    with pytest.raises(ImageUndecodable, match="more IFD entries than it has room for"):
        exif.read_items(tiff_with_overlapping_gps_tables(500))


@pytest.mark.parametrize("blank", [b"", b"\x00" * 8, b" \n"], ids=["empty", "nul", "whitespace"])
def test_a_blank_photoshop_xmp_resource_is_no_packet(blank: bytes) -> None:
    assert meta(with_app13(jpeg_bytes(), photoshop_resource(0x0424, blank))).items == ()


def test_iptc_iim_in_app13() -> None:
    data = with_app13_iptc(
        jpeg_bytes(),
        {80: b"Jane Doe", 90: b"Leeds", 101: b"United Kingdom", 120: "Caf\u00e9 shoot".encode(), 122: b"Ed"},
    )
    found = meta(data)
    assert pairs(found) == {
        ("/iptc/By-line", "owner"),
        ("/iptc/City", "location"),
        ("/iptc/Country", "location"),
        ("/iptc/Caption-Abstract", "free_text"),
        ("/iptc/Writer-Editor", "person"),
        ("/iptc/resource/1", "unread"),  # the helper's digest is stale: no MD5 of the block, so unread
    }
    assert value(found, "/iptc/Caption-Abstract") == "Caf\u00e9 shoot"
    assert value(found, "/iptc/City") is None
