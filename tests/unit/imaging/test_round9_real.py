"""Ninth image round: layouts found in real files of others that the gate failed on (goexif's and
commons-imaging's test photos), each rebuilt by hand so the test holds without the file."""

from __future__ import annotations

import struct

import pytest

from gate.errors import ImageUndecodable
from gate.imaging import jpeg, probe, read_metadata, strip_identifiers
from tests.unit.imaging.images import camera_exif, decoded, jpeg_bytes, with_exif_block
from tests.unit.imaging.multipicture import mpo

STRIPPED = frozenset({"location", "device_id", "owner", "free_text", "unread"})


def _entry(tag: int, typ: int, count: int, value: int) -> bytes:
    return struct.pack("<HHII", tag, typ, count, value)


def tiff_with_a_value_over_its_header() -> bytes:
    """IFD0 holding Orientation and an unknown tag whose 72 bytes start at offset 1, over the TIFF header
    and IFD0 itself (goexif's corrupt/infinite_loop_exif.jpg has such an entry)."""
    ifd0 = struct.pack("<H", 2) + _entry(0x0112, 3, 1, 6) + _entry(0x0000, 7, 72, 1) + struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd0 + b"CANARY-HEADER-OVERLAP".ljust(64, b"\x00")


def test_a_value_claiming_the_tiff_header_is_stripped_without_breaking_the_block() -> None:
    data = with_exif_block(jpeg_bytes(), tiff_with_a_value_over_its_header())
    assert ("unread", "/exif/0x0000") in [(i.kind, i.path) for i in read_metadata(data, probe(data)).items]
    out = strip_identifiers(data, probe(data), STRIPPED)
    assert b"CANARY" not in out
    assert [i for i in read_metadata(out, probe(out)).items if i.kind == "unread"] == []
    assert decoded(out) == decoded(data)


def _entry_at(data: bytes, number: int) -> int:
    at = data.index(b"MPF\x00") + 4
    (table,) = struct.unpack_from("<I", data, at + 8 + 2 + 12 * 2 + 8)
    return at + table + 16 * number


def _with_entry(data: bytes, number: int, *, size: int | None = None, offset: int | None = None) -> bytes:
    out = bytearray(data)
    entry = _entry_at(data, number)
    if size is not None:
        struct.pack_into("<I", out, entry + 4, size)
    if offset is not None:
        struct.pack_into("<I", out, entry + 8, offset)
    return bytes(out)


PRIMARY = jpeg_bytes(icc=False)
SECOND = jpeg_bytes(exif=camera_exif(), icc=False)  # a picture with GPS and serials of its own
WHOLE = mpo(PRIMARY, SECOND)
PRIMARY_END = WHOLE.index(b"\xff\xd9\xff\xd8") + 2


@pytest.mark.parametrize(
    "data",
    [
        WHOLE[: PRIMARY_END + len(SECOND) // 2],  # the second picture cut short, as a transfer stops
        WHOLE[:PRIMARY_END],  # the index kept after the pictures went (commons-imaging's 2024-04-30_G012.JPG)
        _with_entry(WHOLE, 1, size=10**6),  # a size past the end of the file
        _with_entry(WHOLE, 1, offset=10**6),  # an offset past the end of the file
    ],
    ids=["truncated-second", "stale-index", "size-past-end", "offset-past-end"],
)
def test_an_index_naming_bytes_past_the_end_publishes_the_primary_alone(data: bytes) -> None:
    """What was not read whole (the pictures the index lists) goes with the index; the primary stays."""
    found = probe(data)
    paths = read_metadata(data, found).paths("unread")
    assert "/jpeg/APP2/dangling" in paths
    assert not [p for p in read_metadata(data, found).paths("location") if p.startswith("/mpf/")]
    out = strip_identifiers(data, found)
    assert b"MPF\x00" not in out and b"\xff\xd9\xff\xd8" not in out
    assert len(jpeg.walk(out).images) == 1
    assert read_metadata(out, probe(out)).paths("unread") == ()
    assert decoded(out) == decoded(data)


def test_a_listed_picture_whose_own_index_runs_past_the_end_is_still_refused() -> None:
    nested = mpo(PRIMARY, SECOND)[:-10]  # its index names a picture cut short
    data = mpo(PRIMARY, nested + b"\xff\xd9")
    with pytest.raises(ImageUndecodable):
        probe(data)
