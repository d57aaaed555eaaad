"""Segments and chunks the gate does not read (truth tables): `unread` and removed by the strip when no
decoder needs them, else `uninspected`, which the strip leaves (and the metadata check refuses)."""

from __future__ import annotations

import struct

import pytest
from PIL.PngImagePlugin import PngInfo

from gate.imaging import KINDS, probe, read_metadata, strip_identifiers
from gate.imaging.jpeg import segment_bytes
from tests.unit.imaging.images import (
    AI_XMP,
    camera_exif,
    chunk,
    jpeg_bytes,
    png_bytes,
    webp_bytes,
    with_app13_iptc,
)

SECRET = b"john.doe@example.com +49 151 23456789"


def with_segment(jpeg: bytes, marker: int, payload: bytes) -> bytes:
    """`jpeg` with one more marker segment straight after SOI."""
    return jpeg[:2] + segment_bytes(marker, payload) + jpeg[2:]


def with_chunk(png: bytes, *chunks: bytes) -> bytes:
    """`png` with `chunks` before its first IDAT."""
    at = png.index(b"IDAT") - 4
    return png[:at] + b"".join(chunks) + png[at:]


def with_webp_chunk(webp: bytes, fourcc: bytes, payload: bytes) -> bytes:
    body = webp + fourcc + struct.pack("<I", len(payload)) + payload + b"\x00" * (len(payload) & 1)
    return body[:4] + struct.pack("<I", len(body) - 8) + body[8:]


def ducky(*tags: tuple[int, bytes]) -> bytes:
    return b"Ducky" + b"".join(struct.pack(">HH", tag, len(v)) + v for tag, v in tags) + b"\x00\x00"


def ducky_text(text: str) -> bytes:
    return struct.pack(">I", len(text)) + text.encode("utf-16-be")


QUALITY = (1, struct.pack(">I", 60))
ADOBE = b"Adobe\x00\x64\x00\x00\x00\x00\x01"
PLAIN_JPEG = jpeg_bytes(exif=camera_exif(), xmp=AI_XMP)  # JFIF, Exif, XMP, ICC_PROFILE
PNG_INFO = PngInfo()
PNG_INFO.add_text("Author", "Jane Doe")
COMMON_PNG = with_chunk(
    png_bytes(PNG_INFO, exif=camera_exif()),  # iCCP, eXIf, tEXt
    chunk(b"pHYs", struct.pack(">IIB", 2835, 2835, 1)),
    chunk(b"gAMA", struct.pack(">I", 45455)),
    chunk(b"tIME", struct.pack(">HBBBBB", 2026, 11, 26, 10, 0, 0)),
    chunk(b"cHRM", bytes(32)),
    chunk(b"iDOT", bytes(28)),
)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(PLAIN_JPEG, id="jpeg-jfif-exif-xmp-icc"),
        pytest.param(with_segment(PLAIN_JPEG, 0xEE, ADOBE), id="jpeg-adobe-app14"),
        pytest.param(with_segment(PLAIN_JPEG, 0xEC, ducky(QUALITY)), id="jpeg-ducky-app12"),
        pytest.param(with_app13_iptc(PLAIN_JPEG, {80: b"Jane"}), id="jpeg-photoshop-app13"),
        pytest.param(COMMON_PNG, id="png-phys-gama-iccp-time-chrm-idot"),
        pytest.param(webp_bytes(exif=camera_exif(), xmp=AI_XMP), id="webp-vp8x-iccp-exif-xmp"),
    ],
)
def test_common_segments_are_inspected(data: bytes) -> None:
    assert read_metadata(data, probe(data)).paths("uninspected") == ()


SEGMENTS_AND_CHUNKS = [
    # (image, path, kind): `unread` when no decoder needs it (the strip removes it), else `uninspected`.
    pytest.param(with_segment(PLAIN_JPEG, 0xE4, SECRET), "/jpeg/APP4/0", "unread", id="jpeg-app4"),
    pytest.param(
        with_segment(PLAIN_JPEG, 0xE6, b"GoPro\x00" + SECRET), "/jpeg/APP6/0", "unread", id="jpeg-app6"
    ),
    pytest.param(
        with_segment(PLAIN_JPEG, 0xE1, b"QVCI\x00" + SECRET), "/jpeg/APP1/0", "unread", id="jpeg-app1-other"
    ),
    pytest.param(
        with_segment(PLAIN_JPEG, 0xE2, b"FPXR\x00" + SECRET), "/jpeg/APP2/0", "unread", id="jpeg-fpxr"
    ),
    pytest.param(
        with_segment(PLAIN_JPEG, 0xEC, b"[picture info]" + SECRET),
        "/jpeg/APP12/0",
        "unread",
        id="pictureinfo",
    ),
    pytest.param(
        with_segment(PLAIN_JPEG, 0xEB, b"JP\x00\x01\x00\x00\x00\x01\x00\x00\x00\x30jumb" + SECRET),
        "/jpeg/APP11/0",
        "unread",
        id="jpeg-jumbf-not-c2pa",
    ),
    # Canon's CIFF heap in APP0 (PowerShot A5): a whole directory of maker fields, owner name included.
    pytest.param(
        with_segment(PLAIN_JPEG, 0xE0, b"II\x1a\x00\x00\x00HEAPCCDR" + SECRET),
        "/jpeg/APP0/0",
        "unread",
        id="ciff",
    ),
    pytest.param(with_segment(PLAIN_JPEG, 0xF7, SECRET), "/jpeg/FFF7/0", "uninspected", id="jpeg-jpgn"),
    pytest.param(
        with_segment(PLAIN_JPEG, 0xEC, ducky(QUALITY, (9, SECRET))),
        "/jpeg/APP12/Ducky/9",
        "uninspected",
        id="ducky-tag",
    ),
    pytest.param(with_chunk(COMMON_PNG, chunk(b"prVt", SECRET)), "/png/prVt/0", "unread", id="png-private"),
    pytest.param(with_chunk(COMMON_PNG, chunk(b"pCAL", SECRET)), "/png/pCAL/0", "unread", id="png-pcal"),
    pytest.param(
        with_chunk(png_bytes(), chunk(b"gAMA", bytes(4) + SECRET)),
        "/png/gAMA/0",
        "unread",
        id="png-long-gama",
    ),
    pytest.param(
        with_chunk(COMMON_PNG, chunk(b"PRVT", SECRET)), "/png/PRVT/0", "uninspected", id="png-critical"
    ),
    pytest.param(
        png_bytes()[:-12] + chunk(b"IEND", SECRET), "/png/IEND/0", "uninspected", id="png-iend-with-data"
    ),
    pytest.param(with_webp_chunk(webp_bytes(), b"ABCD", SECRET), "/webp/ABCD/0", "unread", id="webp-unknown"),
    pytest.param(
        with_webp_chunk(webp_bytes(), b"\x01~/\x02", SECRET),
        "/webp/0x017e2f02/0",
        "unread",
        id="webp-odd-fourcc",
    ),
    # RIFF INFO text (artist, copyright, title) as a WebP writer left it, and Photoshop's PSAI chunk.
    pytest.param(
        with_webp_chunk(webp_bytes(), b"IART", SECRET), "/webp/IART/0", "unread", id="webp-info-iart"
    ),
    pytest.param(
        with_webp_chunk(webp_bytes(), b"PSAI", b"8BIM" + SECRET), "/webp/PSAI/0", "unread", id="webp-psai"
    ),
    pytest.param(
        with_webp_chunk(webp_bytes(), b"ANIM", bytes(6) + SECRET),
        "/webp/ANIM/0",
        "uninspected",
        id="webp-long-anim",
    ),
]


@pytest.mark.parametrize(("data", "path", "kind"), SEGMENTS_AND_CHUNKS)
def test_unknown_segments_are_items_without_content(data: bytes, path: str, kind: str) -> None:
    found = read_metadata(data, probe(data))
    assert found.paths(kind) == (path,)
    item = next(item for item in found.items if item.kind == kind)
    assert item.value is None
    assert "john" not in repr(found)
    assert not found.manifest_ruled_out  # c2pa may read what the gate does not


@pytest.mark.parametrize(("data", "path", "kind"), SEGMENTS_AND_CHUNKS)
def test_the_strip_removes_what_no_decoder_needs_and_leaves_the_rest(
    data: bytes, path: str, kind: str
) -> None:
    out = strip_identifiers(data, probe(data))
    left = read_metadata(out, probe(out))
    if kind == "unread":
        assert SECRET not in out
        assert path not in left.paths("unread") + left.paths("uninspected")
        assert left.manifest_ruled_out
    else:
        assert SECRET in out
        assert left.paths("uninspected") == (path,)


def test_unknown_chunks_are_numbered_per_type() -> None:
    data = with_chunk(png_bytes(), chunk(b"prVt", b"a"), chunk(b"prVt", b"b"), chunk(b"zzZz", b"c"))
    assert read_metadata(data, probe(data)).paths("unread") == (
        "/png/prVt/0",
        "/png/prVt/1",
        "/png/zzZz/0",
    )


def test_ducky_comment_and_copyright_are_read() -> None:
    data = with_segment(
        PLAIN_JPEG, 0xEC, ducky(QUALITY, (2, ducky_text("call 555")), (3, ducky_text("J. Doe")))
    )
    found = {(item.path, item.kind, item.value) for item in read_metadata(data, probe(data)).items}
    assert ("/jpeg/APP12/Ducky/Comment", "free_text", "call 555") in found
    assert ("/jpeg/APP12/Ducky/Copyright", "owner", "J. Doe") in found


@pytest.mark.parametrize("kinds", [frozenset({"location", "device_id"}), KINDS])
def test_strip_leaves_uninspected_segments_alone(kinds: frozenset[str]) -> None:
    segment = segment_bytes(0xF7, SECRET)
    data = with_segment(PLAIN_JPEG, 0xF7, SECRET)
    out = strip_identifiers(data, probe(data), kinds)
    left = read_metadata(out, probe(out))
    assert segment in out
    assert left.paths("uninspected") == ("/jpeg/FFF7/0",)
    assert left.paths("location") == ()
    assert "uninspected" not in left.strippable_kinds
