"""Segments that JPEG parsers size differently are refused, so no reader sees bytes the gate skipped.

c2pa-rs reads JPEG with img-parts 0.4, which takes DNL, DHP and EXP to have no length field (it skips to
the next 0xFF, into their payload) and RST0-7 to have one. A payload the gate skips by its length would
then be segments to c2pa: a C2PA manifest or an XMP packet the metadata check never saw.
"""

from __future__ import annotations

import io
import struct

import pytest
from PIL import Image

from gate.errors import ImageUndecodable
from gate.imaging import jpeg, probe, read_metadata, strip_identifiers
from tests.unit.imaging.images import camera_exif, jpeg_bytes, xmp_packet

# An APP1 XMP packet naming a remote manifest: what a hiding place would hold.
HIDDEN = jpeg.segment_bytes(
    jpeg.APP1,
    jpeg.XMP_PREFIX
    + xmp_packet(attributes='xmlns:dcterms="http://purl.org/dc/terms/" dcterms:provenance="https://x/m"'),
)


def after_soi(*segments: bytes) -> bytes:
    data = jpeg_bytes()
    return data[:2] + b"".join(segments) + data[2:]


def segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


@pytest.mark.parametrize("marker", [0xDC, 0xDE, 0xDF], ids=["DNL", "DHP", "EXP"])
def test_dnl_and_hierarchical_markers_are_refused(marker: int) -> None:
    with pytest.raises(ImageUndecodable, match="DNL or hierarchical"):
        probe(after_soi(segment(marker, HIDDEN)))


@pytest.mark.parametrize("payload", [HIDDEN, b"\x00\x10\x00\x00"], ids=["hiding", "too long"])
def test_a_dri_segment_holds_one_restart_interval_and_nothing_else(payload: bytes) -> None:
    with pytest.raises(ImageUndecodable, match="DRI"):
        probe(after_soi(segment(0xDD, payload)))


def test_the_reserved_jpg_marker_is_uninspected() -> None:
    # No decoder reads JPG (0xC8), so its payload would be published unseen.
    found = read_metadata(data := after_soi(segment(0xC8, b"Jane Doe")), probe(data))
    assert [item.kind for item in found.items] == ["uninspected"]
    assert not found.manifest_ruled_out


@pytest.mark.parametrize("marker", [0xD0, 0xD7, 0x01], ids=["RST0", "RST7", "TEM"])
def test_standalone_markers_outside_scan_data_are_refused(marker: int) -> None:
    with pytest.raises(ImageUndecodable, match="outside scan data"):
        probe(after_soi(bytes((0xFF, marker)), segment(jpeg.COM, HIDDEN)))


@pytest.mark.parametrize("interval", [2, 255, 511])
def test_restart_intervals_written_by_an_encoder_still_pass(interval: int) -> None:
    # A DRI segment and RSTn markers inside the scan, as cameras and libjpeg write them (255 and 511 put
    # 0xFF into the DRI payload).
    buffer = io.BytesIO()
    Image.new("RGB", (4096, 48), "red").save(buffer, "JPEG", restart_marker_blocks=interval)
    data = buffer.getvalue()
    assert b"\xff\xdd\x00\x04" in data and b"\xff\xd0" in data
    found = read_metadata(data, probe(data))
    assert found.manifest_ruled_out


def test_fill_bytes_before_a_restart_marker_stay_inside_the_scan() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "red").save(buffer, "JPEG", restart_marker_blocks=2)
    data = buffer.getvalue()
    first_rst = data.index(b"\xff\xd0")
    assert probe(data[:first_rst] + b"\xff\xff" + data[first_rst:]).width == 64  # mid-scan
    assert probe(data[:-2] + b"\xff\xff\xd5\xff\xd9").width == 64  # a last restart before EOI


def _with_fill(data: bytes, count: int) -> bytes:
    """`data` with `count` fill bytes (0xFF) before every marker segment, EOI included (T.81 B.1.1.2)."""
    layout = jpeg.walk(data)
    starts = [seg.start for seg in layout.segments] + [len(data) - 2]
    out, pos = [], 0
    for start in starts:
        out += [data[pos:start], b"\xff" * count]
        pos = start
    return b"".join([*out, data[pos:]])


@pytest.mark.parametrize("count", [1, 2, 7])
@pytest.mark.parametrize("icc", [True, False])
def test_fill_bytes_before_any_marker_are_legal_and_change_nothing_the_gate_reads(
    count: int, icc: bool
) -> None:
    plain = jpeg_bytes(exif=camera_exif(), comment=b"a comment", xmp=xmp_packet(), icc=icc)
    filled = _with_fill(plain, count)
    assert len(filled) > len(plain)
    want, got = read_metadata(plain, probe(plain)), read_metadata(filled, probe(filled))
    assert got.items == want.items  # the same fields, no segment uninspected for its fill
    assert [seg.marker for seg in jpeg.walk(filled).segments] == [
        seg.marker for seg in jpeg.walk(plain).segments
    ]
    # The strip edits the segments in place and keeps the fill: its output reads like the plain one's.
    stripped = strip_identifiers(filled, probe(filled))
    assert (
        read_metadata(stripped, probe(stripped)).items
        == read_metadata(
            strip_identifiers(plain, probe(plain)), probe(strip_identifiers(plain, probe(plain)))
        ).items
    )
