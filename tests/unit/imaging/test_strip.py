"""strip_identifiers: pixel-lossless, removes exactly the kinds asked for, keeps everything else."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from gate.imaging import KINDS, probe, read_metadata, strip_identifiers
from gate.imaging.exif import tiff_block
from gate.imaging.jpeg import segment_bytes, walk
from tests.unit.imaging.images import (
    camera_exif,
    decoded,
    icc_profile,
    jpeg_bytes,
    photoshop_resource,
    png_bytes,
    tiff_with_gps_pointers,
    tiff_with_thumbnail_ifd_tags,
    webp_bytes,
    with_app13,
    with_app13_iptc,
    xmp_packet,
)

FIXTURES = ["camera_jpeg", "ai_png", "camera_webp"]


def kinds_of(data: bytes) -> set[str]:
    return {item.kind for item in read_metadata(data, probe(data)).items}


@pytest.mark.parametrize("fixture", FIXTURES)
@pytest.mark.parametrize(
    "kinds",
    [
        frozenset({"location", "device_id"}),
        frozenset({"location"}),
        frozenset({"owner", "person"}),
        frozenset({"free_text", "json_text"}),
        frozenset(KINDS),
    ],
)
def test_strip_removes_exactly_the_kinds(
    fixture: str, kinds: frozenset[str], request: pytest.FixtureRequest
) -> None:
    data: bytes = request.getfixturevalue(fixture)
    before = kinds_of(data)
    out = strip_identifiers(data, probe(data), kinds)
    assert kinds_of(out) == before - kinds
    assert decoded(out) == decoded(data)


@pytest.mark.parametrize("fixture", FIXTURES)
def test_strip_keeps_markers_icc_and_orientation(fixture: str, request: pytest.FixtureRequest) -> None:
    data: bytes = request.getfixturevalue(fixture)
    out = strip_identifiers(data, probe(data))
    assert read_metadata(out, probe(out)).ai_markers == read_metadata(data, probe(data)).ai_markers
    with Image.open(io.BytesIO(out)) as image:
        assert image.info["icc_profile"] == icc_profile()
        exif = image.getexif()
        assert exif[0x0112] == 6  # Orientation
        assert exif[0x013B] == "Jane Doe"  # Artist is an owner field, not stripped by default
        assert 0x8825 not in exif
        assert 0xA431 not in exif.get_ifd(0x8769)


def test_jpeg_strip_changes_only_metadata_segments(camera_jpeg: bytes) -> None:
    out = strip_identifiers(camera_jpeg, probe(camera_jpeg))
    assert len(out) < len(camera_jpeg)  # the XMP packet shrank
    sos = camera_jpeg.index(b"\xff\xda")
    assert out.endswith(camera_jpeg[sos:])  # scan data byte-identical
    segments_before = [s.marker for s in walk(camera_jpeg).segments]
    segments_after = [s.marker for s in walk(out).segments]
    assert segments_after == segments_before


def test_exif_is_blanked_in_place_without_traces(camera_jpeg: bytes) -> None:
    out = strip_identifiers(camera_jpeg, probe(camera_jpeg))
    app1 = walk(out).segments[0]
    assert (app1.end - app1.start) == (
        walk(camera_jpeg).segments[0].end - walk(camera_jpeg).segments[0].start
    )
    for secret in (b"BODY-SN-998877", b"LENS-SN-112233", b"XMP-SN-1", b"Leeds", b"51,30.2N"):
        assert secret in camera_jpeg
        assert secret not in out


def test_nothing_to_strip_returns_the_same_object() -> None:
    for data in (jpeg_bytes(), png_bytes(), webp_bytes()):
        assert strip_identifiers(data, probe(data)) is data
    data = jpeg_bytes(comment=b"hello")
    assert strip_identifiers(data, probe(data)) is data  # free text is not stripped by default


def test_png_text_chunks_are_dropped_with_valid_crcs(ai_png: bytes) -> None:
    out = strip_identifiers(ai_png, probe(ai_png), frozenset({"free_text", "json_text"}))
    probe(out)  # re-walks with CRC checks
    with Image.open(io.BytesIO(out)) as image:
        assert "parameters" not in image.text
        assert "prompt" not in image.text
        assert image.text["Author"] == "Jane Doe"


def test_xmp_rewrite_keeps_prefixes_and_other_properties(camera_jpeg: bytes) -> None:
    out = strip_identifiers(camera_jpeg, probe(camera_jpeg))
    with Image.open(io.BytesIO(out)) as image:
        packet = image.info["xmp"]
    assert b"<Iptc4xmpExt:AIPromptInformation>" in packet
    assert b'tiff:Orientation="1"' in packet
    assert b"aux:SerialNumber" not in packet
    assert b"ns0:" not in packet


def test_webp_header_stays_consistent(camera_webp: bytes) -> None:
    out = strip_identifiers(camera_webp, probe(camera_webp), frozenset(KINDS))
    assert int.from_bytes(out[4:8], "little") == len(out) - 8
    with Image.open(io.BytesIO(out)) as image:
        assert image.getexif()[0x0112] == 6


def test_unknown_kind_is_a_programming_error(camera_jpeg: bytes) -> None:
    with pytest.raises(ValueError, match="unknown metadata kinds"):
        strip_identifiers(camera_jpeg, probe(camera_jpeg), frozenset({"gps"}))


def test_strip_png_raw_profile_drops_the_chunk() -> None:
    payload = camera_exif().tobytes()
    info = PngInfo()
    info.add_text("Raw profile type exif", f"\nexif\n{len(payload):8d}\n{payload.hex()}\n", zip=True)
    data = png_bytes(info)
    out = strip_identifiers(data, probe(data))
    assert kinds_of(out) == set()
    assert decoded(out) == decoded(data)


def test_iptc_iim_location_is_stripped_and_other_resources_kept() -> None:
    data = with_app13_iptc(jpeg_bytes(), {80: b"Jane Doe", 90: b"Leeds", 120: b"caption"})
    out = strip_identifiers(data, probe(data))
    assert kinds_of(out) == {"owner", "free_text"}
    assert b"Leeds" not in out
    assert b"8BIM\x03\xed" in out  # the resolution resource survives
    assert b"8BIM\x04\x25" not in out  # the IIM digest would be stale, so it goes
    assert decoded(out) == decoded(data)


def test_photoshop_exif_and_xmp_resources_holding_a_stripped_kind_are_dropped_whole() -> None:
    gps_exif = tiff_block(camera_exif().tobytes())
    creator_only = xmp_packet("<dc:creator>Jane Doe</dc:creator>")
    resolution = photoshop_resource(0x03ED, b"\x00\x48\x00\x00\x00\x01\x00\x01" * 2)
    data = with_app13(
        jpeg_bytes(),
        photoshop_resource(0x0422, gps_exif),
        photoshop_resource(0x0424, creator_only),
        resolution,
    )
    out = strip_identifiers(data, probe(data))  # location and device ids
    assert b"8BIM\x04\x22" not in out  # held GPS and serial numbers
    assert b"8BIM\x04\x24" in out and resolution in out  # hold neither
    left = read_metadata(out, probe(out))
    assert {item.kind for item in left.items} == {"owner"}
    assert decoded(out) == decoded(data)
    out = strip_identifiers(data, probe(data), frozenset({"owner"}))
    assert b"8BIM\x04\x22" not in out and b"8BIM\x04\x24" not in out  # both name an owner


def test_dropping_only_an_exif_resource_keeps_the_iptc_digest_which_is_still_right() -> None:
    iim = b"\x1c\x02\x50\x00\x08Jane Doe"  # By-line: an owner, not stripped by default
    digest = photoshop_resource(0x0425, hashlib.md5(iim).digest())  # a stale one is unread, and dropped
    gps_exif = photoshop_resource(0x0422, tiff_block(camera_exif().tobytes()))
    data = with_app13(jpeg_bytes(), photoshop_resource(0x0404, iim), digest, gps_exif)
    out = strip_identifiers(data, probe(data))
    assert digest in out and iim in out
    assert b"8BIM\x04\x22" not in out


def test_gps_behind_thousands_of_pointers_is_stripped_in_one_pass() -> None:
    data = jpeg_bytes()
    data = data[:2] + segment_bytes(0xE1, b"Exif\x00\x00" + tiff_with_gps_pointers(2000)) + data[2:]
    out = strip_identifiers(data, probe(data))
    assert kinds_of(out) == set()
    assert decoded(out) == decoded(data)


def test_thumbnail_ifd_tags_are_stripped_like_ifd0_tags() -> None:
    data = jpeg_bytes()
    data = data[:2] + segment_bytes(0xE1, b"Exif\x00\x00" + tiff_with_thumbnail_ifd_tags()) + data[2:]
    out = strip_identifiers(data, probe(data), frozenset({"location", "owner"}))
    assert kinds_of(out) == set()
    assert b"Jane Doe" not in out
    assert decoded(out) == decoded(data)


@pytest.mark.parametrize("aim", [8, 0, 0xFFFFFFFF], ids=["ifd0-table", "header", "past-the-end"])
def test_a_thumbnail_gps_pointer_aimed_elsewhere_goes_alone(aim: int) -> None:
    # The thumbnail IFD is read leniently, so its GPS pointer may aim at something that is not a GPS
    # table: stripping removes the pointer and leaves what it aims at (here IFD0, with Orientation 6).
    data = jpeg_bytes()
    exif_segment = segment_bytes(0xE1, b"Exif\x00\x00" + tiff_with_thumbnail_ifd_tags(gps_pointer=aim))
    data = data[:2] + exif_segment + data[2:]
    out = strip_identifiers(data, probe(data))
    assert "location" not in kinds_of(out)
    assert len(out) == len(data)
    with Image.open(io.BytesIO(out)) as image:
        assert image.getexif()[0x0112] == 6


def test_xmp_that_cannot_be_rewritten_faithfully_is_dropped() -> None:
    # One prefix bound to two namespaces: rewriting with stable prefixes is impossible, so the packet goes.
    packet = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:p="http://ns.adobe.com/exif/1.0/aux/" p:SerialNumber="1"/>'
        b'<rdf:Description xmlns:p="http://purl.org/dc/elements/1.1/"><p:title>t</p:title></rdf:Description>'
        b"</rdf:RDF></x:xmpmeta>"
    )
    data = jpeg_bytes(xmp=packet)
    out = strip_identifiers(data, probe(data))
    assert b"adobe:ns:meta" not in out
    assert decoded(out) == decoded(data)
