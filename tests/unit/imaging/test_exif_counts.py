"""A known EXIF tag holds the numbers its standard says, and no more (truth table): a count raised past
that turns the value into bytes no reader interprets as the tag's numbers, which are `unread` and
stripped; the unused part of an entry's 4-byte value field is padding, zeros or stripped."""

from __future__ import annotations

import struct

import pytest

from gate.imaging import probe, read_metadata, strip_identifiers
from gate.imaging.exif import Tiff
from tests.unit.imaging.images import jpeg_bytes, tiff_with_values, with_exif_block

TEXT = b"jane.doe@example.com +49 151 23456789 "


def text_of(size: int) -> bytes:
    return (TEXT * (size // len(TEXT) + 1))[:size]


SHORT, LONG, RATIONAL = 3, 4, 5
IFD0 = "ifd0"
EXIF = "exif"

# (where, tag, type, value bytes, unread?): neighbours the standard allows (or cameras write) stay read.
CASES = {
    "orientation-1": (IFD0, 0x0112, SHORT, b"\x06\x00", False),
    "orientation-2-inline": (IFD0, 0x0112, SHORT, b"\x06\x00\x00\x00", False),  # fits the value field
    "orientation-20": (IFD0, 0x0112, SHORT, text_of(40), True),
    "xresolution-1": (IFD0, 0x011A, RATIONAL, struct.pack("<II", 72, 1), False),
    "xresolution-5": (IFD0, 0x011A, RATIONAL, text_of(40), True),
    "jpeg-interchange-format-1": (IFD0, 0x0201, LONG, struct.pack("<I", 0), False),
    "jpeg-interchange-format-27": (IFD0, 0x0201, LONG, text_of(108), True),
    "reference-black-white-6": (IFD0, 0x0214, RATIONAL, struct.pack("<12I", *([0, 1, 255, 1] * 3)), False),
    "reference-black-white-7": (IFD0, 0x0214, RATIONAL, text_of(56), True),
    "strip-offsets-256": (IFD0, 0x0111, LONG, bytes(4 * 256), False),
    "strip-offsets-257": (IFD0, 0x0111, LONG, text_of(4 * 257), True),
    "transfer-function-768": (IFD0, 0x012D, SHORT, bytes(2 * 768), False),
    "lens-specification-4": (EXIF, 0xA432, RATIONAL, struct.pack("<8I", 24, 1, 70, 1, 28, 10, 28, 10), False),
    "lens-specification-12": (EXIF, 0xA432, RATIONAL, text_of(96), True),
    "subject-location-4": (
        EXIF,
        0xA214,
        SHORT,
        struct.pack("<4H", 10, 20, 30, 40),
        False,
    ),  # as cameras write
    "subject-location-30": (EXIF, 0xA214, SHORT, text_of(60), True),
    "exif-image-width-2": (EXIF, 0xA002, SHORT, struct.pack("<2H", 640, 0), False),  # as cameras write
    "iso-3": (EXIF, 0x8827, SHORT, struct.pack("<3H", 100, 200, 0), False),
    "iso-50": (EXIF, 0x8827, SHORT, text_of(100), True),
    "exposure-time-9": (EXIF, 0x829A, RATIONAL, text_of(72), True),
    "undefined-type": (EXIF, 0x829A, 99, text_of(48), True),
}


def _tiff(where: str, tag: int, typ: int, value: bytes) -> bytes:
    entry = (tag, typ, value)
    return tiff_with_values([entry]) if where == IFD0 else tiff_with_values([], [entry])


@pytest.mark.parametrize("case", sorted(CASES))
def test_counts_past_the_standard_are_unread_and_stripped(case: str) -> None:
    where, tag, typ, value, unread = CASES[case]
    data = with_exif_block(jpeg_bytes(icc=False), _tiff(where, tag, typ, value))
    found = read_metadata(data, probe(data))
    assert bool(found.paths("unread")) is unread, found.paths("unread")
    stripped = strip_identifiers(data, probe(data))
    if unread:
        assert TEXT[:8] not in stripped
        assert read_metadata(stripped, probe(stripped)).paths("unread") == ()
    else:
        assert stripped is data


def _one_entry_tiff(tag: int, typ: int, count: int, field: bytes) -> bytes:
    return b"II*\x00" + struct.pack("<IH", 8, 1) + struct.pack("<HHI", tag, typ, count) + field + bytes(4)


@pytest.mark.parametrize(
    ("field", "hidden"),
    [(b"\x06\x00\x00\x00", False), (b"\x06\x00ab", True), (b"\x06\x00\x00!", True)],
    ids=["zeros", "text", "one-byte"],
)
def test_the_unused_part_of_a_value_field_is_padding(field: bytes, hidden: bool) -> None:
    tiff = _one_entry_tiff(0x0112, SHORT, 1, field)  # Orientation: one SHORT in a 4-byte field
    assert bool(Tiff(tiff).unreferenced()) is hidden
    data = with_exif_block(jpeg_bytes(icc=False), tiff)
    stripped = strip_identifiers(data, probe(data))
    assert (stripped is not data) is hidden
    assert read_metadata(stripped, probe(stripped)).paths("unread") == ()


def test_a_count_past_the_block_is_no_numbers_either() -> None:
    # 0x40000000 LONGs: far past the block, so no value is read; the entry itself is not the tag's.
    tiff = _one_entry_tiff(0x0112, LONG, 0x4000_0000, struct.pack("<I", 8))
    data = with_exif_block(jpeg_bytes(icc=False), tiff)
    assert read_metadata(data, probe(data)).paths("unread") == ("/exif/Orientation",)
    stripped = strip_identifiers(data, probe(data))
    assert read_metadata(stripped, probe(stripped)).paths("unread") == ()
