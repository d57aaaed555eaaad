"""EXIF strip on layouts real writers produce: a value that runs over a table, a pointer of the wrong type.

Both came from real files (a Traveler SX330Z's MakerNote ends 8 bytes into IFD1; a GPS pointer typed as
ASCII in a file of Pillow's tests): the strip left the block unparseable or the GPS table in place, so
the gate failed with `gate.error` instead of publishing the stripped photo.
"""

from __future__ import annotations

import struct

from gate.imaging import probe, read_metadata, strip_identifiers
from tests.unit.imaging.images import decoded, jpeg_bytes, with_exif_block

STRIPPED = frozenset({"location", "device_id", "unread"})


def _entry(tag: int, typ: int, count: int, value: int | bytes) -> bytes:
    raw = struct.pack("<I", value) if isinstance(value, int) else value.ljust(4, b"\x00")
    return struct.pack("<HHI", tag, typ, count) + raw


def _items(data: bytes) -> list[tuple[str, str | None]]:
    return [(item.kind, item.path) for item in read_metadata(data, probe(data)).items]


def tiff_with_makernote_over_ifd1() -> bytes:
    """IFD0 (Exif pointer, next IFD1) -> Exif IFD holding a MakerNote whose declared size runs 8 bytes into
    IFD1's table, which holds XResolution/YResolution."""
    ifd0_at = 8
    exif_at = ifd0_at + 2 + 12 + 4
    note_at = exif_at + 2 + 12 + 4
    note = b"SERIAL-4711-CANARY" + bytes(14)
    ifd1_at = note_at + len(note)
    res_at = ifd1_at + 2 + 24 + 4
    ifd0 = struct.pack("<H", 1) + _entry(0x8769, 4, 1, exif_at) + struct.pack("<I", ifd1_at)
    exif = struct.pack("<H", 1) + _entry(0x927C, 7, len(note) + 8, note_at) + struct.pack("<I", 0)
    ifd1 = (
        struct.pack("<H", 2)
        + _entry(0x011A, 5, 1, res_at)
        + _entry(0x011B, 5, 1, res_at + 8)
        + struct.pack("<I", 0)
    )
    resolutions = struct.pack("<4I", 72, 1, 72, 1)
    return b"II*\x00" + struct.pack("<I", ifd0_at) + ifd0 + exif + note + ifd1 + resolutions


def tiff_with_gps_pointer_typed_ascii() -> bytes:
    """IFD0 whose GPS pointer has type ASCII and a count of 30: its value field still holds the table's
    offset, which readers follow; the table holds a reference and a latitude of three rationals."""
    ifd0_at = 8
    gps_at = ifd0_at + 2 + 12 + 4
    lat_at = gps_at + 2 + 24 + 4
    ifd0 = struct.pack("<H", 1) + _entry(0x8825, 2, 30, gps_at) + struct.pack("<I", 0)
    gps = struct.pack("<H", 2) + _entry(1, 2, 2, b"N\x00") + _entry(2, 5, 3, lat_at) + struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", ifd0_at) + ifd0 + gps + struct.pack("<6I", 48, 1, 51, 1, 4711, 100)


def test_a_value_running_over_a_table_is_zeroed_around_it() -> None:
    data = with_exif_block(jpeg_bytes(), tiff_with_makernote_over_ifd1())
    assert ("device_id", "/exif/MakerNote") in _items(data)
    out = strip_identifiers(data, probe(data), STRIPPED)
    assert _items(out) == []
    assert b"SERIAL-4711" not in out
    assert struct.pack("<4I", 72, 1, 72, 1) in out  # IFD1's values, still pointed to by its intact table
    assert decoded(out) == decoded(data)


def test_a_gps_pointer_of_another_type_takes_its_table_along() -> None:
    data = with_exif_block(jpeg_bytes(), tiff_with_gps_pointer_typed_ascii())
    assert {kind for kind, _ in _items(data)} == {"location"}
    out = strip_identifiers(data, probe(data), STRIPPED)
    assert _items(out) == []
    assert struct.pack("<I", 4711) not in out and b"N\x00\x00\x00" not in out
    assert decoded(out) == decoded(data)
