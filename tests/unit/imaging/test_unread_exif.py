"""EXIF the gate reads past without judging (tags outside its list, bytes no IFD points to, a third IFD) is
`unread`: reported, and removed losslessly by the default strip."""

from __future__ import annotations

import struct
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from gate.imaging import probe, read_metadata, strip_identifiers
from gate.imaging.exif import Tiff, read_items
from gate.imaging.exif_edit import strip
from tests.unit.imaging.images import chunk as png_chunk
from tests.unit.imaging.images import decoded, jpeg_bytes, png_bytes, webp_bytes

CANARY = b"CANARY-7f3a jane.doe@example.com"


def exif_with(tag: int, value: str) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = 1
    exif[tag] = value
    return exif


def _entry(tag: int, typ: int, count: int, value: int) -> bytes:
    return struct.pack("<HHII", tag, typ, count, value)


def tiff_with_tail(tail: bytes) -> bytes:
    """IFD0 with Orientation only, then `tail`: bytes no IFD points to."""
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHIHH", 0x0112, 3, 1, 1, 0) + struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd0 + tail


def tiff_with_third_ifd(value: bytes) -> bytes:
    """IFD0 -> IFD1 -> IFD2, where IFD2 holds an ASCII tag with `value`: readers stop at IFD1."""
    ifd0_at = 8
    ifd1_at = ifd0_at + 2 + 12 + 4
    ifd2_at = ifd1_at + 2 + 12 + 4
    value_at = ifd2_at + 2 + 12 + 4
    orientation = struct.pack("<HHIHH", 0x0112, 3, 1, 1, 0)
    ifd0 = struct.pack("<H", 1) + orientation + struct.pack("<I", ifd1_at)
    ifd1 = struct.pack("<H", 1) + orientation + struct.pack("<I", ifd2_at)
    ifd2 = struct.pack("<H", 1) + _entry(0x010D, 2, len(value), value_at) + struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd0 + ifd1 + ifd2 + value


CASES: dict[str, tuple[bytes, str]] = {
    "DocumentName": (exif_with(0x010D, CANARY.decode()).tobytes()[6:], "/exif/DocumentName"),
    "HostComputer": (exif_with(0x013C, CANARY.decode()).tobytes()[6:], "/exif/HostComputer"),
    "PageName": (exif_with(0x011D, CANARY.decode()).tobytes()[6:], "/exif/PageName"),
    "private-tag": (exif_with(0xC7A1, CANARY.decode()).tobytes()[6:], "/exif/0xC7A1"),
    "unreferenced-bytes": (tiff_with_tail(CANARY), "/exif/unreferenced"),
    "third-ifd": (tiff_with_third_ifd(CANARY), "/exif/unreferenced"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_unread_exif_is_reported_and_stripped_to_zeros(case: str) -> None:
    tiff, path = CASES[case]
    items, _ = read_items(tiff)
    assert (path, "unread") in {(item.path, item.kind) for item in items}
    stripped = strip(tiff, frozenset({"unread"}))
    assert stripped is not None and len(stripped) == len(tiff)
    assert b"CANARY" not in stripped
    assert not [item for item in read_items(stripped)[0] if item.kind == "unread"]
    assert Tiff(stripped).unpack("H", 8) == (1,)  # Orientation survives


def test_known_technical_tags_are_not_unread_and_their_text_is_read() -> None:
    exif = Image.Exif()
    exif[0x0112], exif[0x010F], exif[0x0110], exif[0x0131] = 6, "Apple", "iPhone 15", "17.1"
    sub = exif.get_ifd(0x8769)
    sub[0x829A], sub[0x9003], sub[0xA002], sub[0xA434] = (1, 120), "2024:05:01 10:00:00", 4032, "main camera"
    items, _ = read_items(exif.tobytes()[6:])
    assert {(item.path, item.kind, item.value) for item in items} == {
        ("/exif/Make", "free_text", "Apple"),
        ("/exif/Model", "free_text", "iPhone 15"),
        ("/exif/Software", "free_text", "17.1"),
        ("/exif/DateTimeOriginal", "free_text", "2024:05:01 10:00:00"),
        ("/exif/LensModel", "free_text", "main camera"),
    }


def _with_exif_jpeg(tiff: bytes) -> bytes:
    base = jpeg_bytes(icc=False)
    payload = b"Exif\x00\x00" + tiff
    return base[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + base[2:]


def _png(tiff: bytes) -> bytes:
    image = png_bytes()
    at = image.index(b"IDAT") - 4
    return image[:at] + png_chunk(b"eXIf", tiff) + image[at:]


def _webp(tiff: bytes) -> bytes:
    image = webp_bytes()
    body = image[12:] + b"EXIF" + struct.pack("<I", len(tiff)) + tiff + b"\x00" * (len(tiff) & 1)
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body


@pytest.mark.parametrize("wrap", [_with_exif_jpeg, _png, _webp], ids=["jpeg", "png", "webp"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_every_container_strips_unread_exif_by_default(wrap: Callable[[bytes], bytes], case: str) -> None:
    data = wrap(CASES[case][0])
    found = probe(data)
    assert "unread" in {item.kind for item in read_metadata(data, found).items}
    stripped = strip_identifiers(data, found)
    assert CANARY not in stripped and b"CANARY" not in stripped
    assert decoded(stripped) == decoded(data)


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=0, max_size=64), st.integers(0, 40))
def test_stripping_unread_always_leaves_no_nonzero_unreferenced_byte(tail: bytes, cut: int) -> None:
    tiff = tiff_with_tail(tail)[: max(26, len(tiff_with_tail(tail)) - cut)]
    stripped = strip(tiff, frozenset({"unread"})) or tiff
    assert Tiff(stripped).unreferenced() == []


def tiff_with_thumbnail(thumbnail: bytes) -> bytes:
    """IFD0 (Orientation) -> IFD1 pointing at `thumbnail` with JPEGInterchangeFormat and its length."""
    ifd1_at = 8 + 2 + 12 + 4
    thumb_at = ifd1_at + 2 + 24 + 4
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHIHH", 0x0112, 3, 1, 1, 0) + struct.pack("<I", ifd1_at)
    ifd1 = (
        struct.pack("<H", 2)
        + _entry(0x0201, 4, 1, thumb_at)
        + _entry(0x0202, 4, 1, len(thumbnail))
        + struct.pack("<I", 0)
    )
    return b"II*\x00" + struct.pack("<I", 8) + ifd0 + ifd1 + thumbnail


@pytest.mark.parametrize(
    ("thumbnail", "unread"),
    [
        (jpeg_bytes(icc=False), False),  # JFIF and coding segments only
        (jpeg_bytes(exif=exif_with(0x010E, CANARY.decode()), icc=False), True),  # its own EXIF
        (jpeg_bytes(icc=False, comment=CANARY), True),
        (b"not a jpeg " + CANARY, True),
    ],
    ids=["plain", "own-exif", "comment", "not-jpeg"],
)
def test_a_thumbnail_with_metadata_of_its_own_is_unread_and_cut(thumbnail: bytes, unread: bool) -> None:
    tiff = tiff_with_thumbnail(thumbnail)
    paths = {item.path for item in read_items(tiff)[0] if item.kind == "unread"}
    assert ("/exif/thumbnail" in paths) is unread
    stripped = strip(tiff, frozenset({"unread"}))
    if unread:
        assert stripped is not None and CANARY not in stripped
        assert Tiff(stripped).thumbnail() is None
    else:
        assert stripped is None
