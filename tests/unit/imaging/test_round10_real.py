"""Tenth image round: three classes of real files of others that the gate published with bytes it never
read, each rebuilt by hand so the test holds without the file.

- libgd's TGA conformance PNGs (ImageMagick conversions) carry `tga:author` = a person's name in a tEXt
  chunk; only the keyword "Author" itself counted as an owner, and the scanner read "Ricky True" as words.
- libavif's Pixel test photos carry the HDR+ maker note (24 KB of base64 of encrypted camera data) as
  `GCamera:hdrp_makernote`: only the older spelling `HdrPlusMakernote` was known to be a blob.
- imazen/ultrahdr's test photo has an MPF index that does not parse: the photo was refused.
"""

from __future__ import annotations

import base64
import os
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gate.imaging import jpeg, probe, read_metadata, strip_identifiers
from gate.imaging.jpeg import segment_bytes
from tests.unit.imaging.images import camera_exif, chunk, decoded, jpeg_bytes, png_bytes, xmp_packet
from tests.unit.imaging.multipicture import mpo

XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"
GCAMERA = 'xmlns:GCamera="http://ns.google.com/photos/1.0/camera/"'
SERIAL = b"SN-778812340099"


def _png_text(keyword: str, text: str) -> bytes:
    data = png_bytes()
    at = data.index(b"IDAT") - 4
    return (
        data[:at] + chunk(b"tEXt", keyword.encode("latin-1") + b"\x00" + text.encode("latin-1")) + data[at:]
    )


def _kinds(data: bytes) -> dict[str, str]:
    return {item.path: item.kind for item in read_metadata(data, probe(data)).items}


@pytest.mark.parametrize(
    ("keyword", "text", "kind"),
    [
        ("tga:author", "Ricky True", "owner"),  # libgd's tests/tga/conformance/*.png
        ("dc:creator", "Ricky True", "owner"),
        ("AUTHOR", "Ricky True", "owner"),
        ("author", "Ricky True", "owner"),
        ("Author", "Ricky True", "owner"),
        ("x:Artist", "Ricky True", "owner"),
        ("photo:owner", "Ricky True", "owner"),
        ("copyright", "Ricky True", "owner"),
        # Neighbours that name no person: a profile's vendor, software, a comment, a title.
        ("icc:copyright", "Copyright (c) 1998 Hewlett-Packard Company", "free_text"),
        ("tga:software", "TGAEdit", "free_text"),
        ("tga:comment", "Sample 16 bit uncompressed true color image", "free_text"),
        ("Title", "PNG color-correction test image", "free_text"),
        ("authority", "Ricky True", "free_text"),  # a word that only starts like one
    ],
)
def test_a_png_keyword_naming_an_author_under_any_prefix_or_case_is_an_owner(
    keyword: str, text: str, kind: str
) -> None:
    data = _png_text(keyword, text)
    assert _kinds(data)[f"/png/tEXt/{keyword}"] == kind


def _jpeg_with_xmp(*properties: str, attributes: str = "") -> bytes:
    data = jpeg_bytes(icc=False)
    packet = xmp_packet(*properties, attributes=f"{GCAMERA} {attributes}".strip())
    return data[:2] + segment_bytes(0xE1, XMP_ID + packet) + data[2:]


BLOB = base64.b64encode(SERIAL + os.urandom(600)).decode()
WRAPPED = "\n".join(BLOB[i : i + 76] for i in range(0, len(BLOB), 76))  # as MIME encoders wrap it


TYPED = base64.b64encode(b"CANARY-TYPED-VALUE").decode()


@pytest.mark.parametrize(
    ("data", "marker"),
    [
        (_jpeg_with_xmp(f"<GCamera:hdrp_makernote>{BLOB}</GCamera:hdrp_makernote>"), BLOB[:64]),
        (_jpeg_with_xmp(f"<GCamera:hdrp_makernote>{WRAPPED}</GCamera:hdrp_makernote>"), BLOB[:64]),
        (_jpeg_with_xmp(attributes=f'GCamera:AnyNameAtAll="{BLOB}"'), BLOB[:64]),
        (_jpeg_with_xmp(f"<dc:source>{BLOB}</dc:source>"), BLOB[:64]),  # a mapped namespace too
        (
            _jpeg_with_xmp(
                f'<GCamera:note rdf:datatype="http://www.w3.org/2001/XMLSchema#base64Binary">{TYPED}</GCamera:note>'
            ),
            TYPED,
        ),
    ],
    ids=["element", "wrapped", "attribute", "mapped-namespace", "typed-base64"],
)
def test_an_xmp_value_that_is_a_base64_blob_is_unread_and_removed(data: bytes, marker: str) -> None:
    assert marker.encode() in data
    assert "unread" in _kinds(data).values()
    out = strip_identifiers(data, probe(data))
    assert marker.encode() not in out
    assert "unread" not in _kinds(out).values()
    assert decoded(out) == decoded(data)


@pytest.mark.parametrize(
    "value",
    [
        "A" * 255,  # one character short of a blob
        " ".join(["word"] * 80),  # long text of words
        "xmp.did:6B36616418AF977799D4D22C0BAB9968",
    ],
)
def test_text_that_is_no_blob_stays_and_is_read(value: str) -> None:
    data = _jpeg_with_xmp(f"<GCamera:note>{value}</GCamera:note>")
    kinds = _kinds(data)
    assert "unread" not in kinds.values()
    assert "free_text" in kinds.values()


@given(st.binary(min_size=192, max_size=600), st.integers(min_value=4, max_value=120))
def test_any_wrapped_base64_of_192_bytes_or_more_is_a_blob(raw: bytes, width: int) -> None:
    text = base64.b64encode(raw).decode()
    wrapped = "\n".join(text[i : i + width] for i in range(0, len(text), width))
    data = _jpeg_with_xmp(f"<GCamera:hdrp_makernote>{wrapped}</GCamera:hdrp_makernote>")
    assert "unread" in _kinds(data).values()


# An Ultra HDR JPEG whose MPF index does not parse as TIFF (imazen/ultrahdr's test_ultrahdr.jpg: its encoder
# writes each IFD entry's count in 8 bytes, so the third entry reads as an ASCII value of 2.9 GB). Pillow
# and libjpeg show the primary and ignore the index; the gate refused the photo as undecodable.
GAIN_MAP = jpeg_bytes(exif=camera_exif(), icc=False)  # a second picture with GPS and serials of its own
ULTRA_HDR = mpo(jpeg_bytes(icc=False), GAIN_MAP)
TIFF_AT = ULTRA_HDR.index(b"MPF\x00") + 4


def _broken_index(at: int, raw: bytes) -> bytes:
    return ULTRA_HDR[: TIFF_AT + at] + raw + ULTRA_HDR[TIFF_AT + at + len(raw) :]


def _eight_byte_counts() -> bytes:
    """The index as imazen/ultrahdr writes it: tag, type, an 8-byte count, a 4-byte value or offset."""
    entries = [(0xB000, 7, 4, b"0100"), (0xB001, 4, 1, struct.pack("<I", 2)), (0xB002, 7, 32, b"")]
    table_at = 8 + 2 + 16 * len(entries) + 4
    ifd = struct.pack("<H", len(entries)) + b"".join(
        struct.pack("<HHQ", tag, typ, count) + (value or struct.pack("<I", table_at))
        for tag, typ, count, value in entries
    )
    payload = b"MPF\x00II*\x00" + struct.pack("<I", 8) + ifd + bytes(4) + bytes(32)
    start = TIFF_AT - 8
    (length,) = struct.unpack_from(">H", ULTRA_HDR, start + 2)
    return ULTRA_HDR[:start] + segment_bytes(0xE2, payload) + ULTRA_HDR[start + 2 + length :]


@pytest.mark.parametrize(
    "data",
    [
        _eight_byte_counts(),
        _broken_index(0, b"XX*\x00"),  # no TIFF header
        _broken_index(4, struct.pack("<I", 60000)),  # the index IFD past the segment
        _broken_index(8, struct.pack("<H", 900)),  # more entries than the segment holds
        _broken_index(10 + 12 * 2 + 4, struct.pack("<I", 60000)),  # the MP entries past the segment
    ],
    ids=["eight-byte-counts", "no-tiff-header", "ifd-past-end", "ifd-too-long", "entries-past-end"],
)
def test_an_mpf_index_that_does_not_parse_publishes_the_primary_alone(data: bytes) -> None:
    found = probe(data)
    assert "/jpeg/APP2/unreadable" in read_metadata(data, found).paths("unread")
    assert not [p for p in read_metadata(data, found).paths("location") if p.startswith("/mpf/")]
    out = strip_identifiers(data, found)
    assert b"MPF\x00" not in out and b"\xff\xd9\xff\xd8" not in out  # the index and the gain map went
    assert len(jpeg.walk(out).images) == 1
    assert read_metadata(out, probe(out)).paths("unread") == ()
    assert decoded(out) == decoded(data)


def test_the_real_ultra_hdr_file_with_a_broken_index_publishes_its_primary() -> None:
    data = (Path(__file__).parents[2] / "fixtures" / "real" / "imazen-ultrahdr-broken-mpf.jpg").read_bytes()
    found = probe(data)
    assert read_metadata(data, found).paths("unread") == ("/jpeg/APP2/unreadable", "/jpeg/trailing/0")
    out = strip_identifiers(data, found)
    assert out.count(b"\xff\xd8") == 1 and b"MPF\x00" not in out
    assert read_metadata(out, probe(out)).paths("unread") == ()
    assert decoded(out) == decoded(data)
