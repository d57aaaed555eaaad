"""Tenth image round: two classes of real files of others that the gate published with bytes it never
read, each rebuilt by hand so the test holds without the file.

- libgd's TGA conformance PNGs (ImageMagick conversions) carry `tga:author` = a person's name in a tEXt
  chunk; only the keyword "Author" itself counted as an owner, and the scanner read "Ricky True" as words.
- libavif's Pixel test photos carry the HDR+ maker note (24 KB of base64 of encrypted camera data) as
  `GCamera:hdrp_makernote`: only the older spelling `HdrPlusMakernote` was known to be a blob.
"""

from __future__ import annotations

import base64
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gate.imaging import probe, read_metadata, strip_identifiers
from gate.imaging.jpeg import segment_bytes
from tests.unit.imaging.images import chunk, decoded, jpeg_bytes, png_bytes, xmp_packet

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
