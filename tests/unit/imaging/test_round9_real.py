"""Ninth image round: layouts found in real files of others that the gate failed on (goexif's and
commons-imaging's test photos), each rebuilt by hand so the test holds without the file."""

from __future__ import annotations

import struct

from gate.imaging import probe, read_metadata, strip_identifiers
from tests.unit.imaging.images import decoded, jpeg_bytes, with_exif_block

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
