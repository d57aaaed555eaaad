"""Coding segments (DQT, DHT, DAC, SOFn, SOS) are parsed table by table (truth tables built by mutating
real encoders' segments): what decoders accept passes, a "table" that is not one (an APPn renamed DHT or
DQT, text after the last table, fields out of range) is refused, and floods of valid tables end in limits."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gate.errors import ImageLimitExceeded, ImageUndecodable
from gate.imaging import coding, jpeg, probe, read_metadata
from gate.imaging.exif import _has_metadata as exif_thumbnail_has_metadata
from gate.imaging.jpeg import segment_bytes
from gate.imaging.limits import MAX_TABLES
from tests.unit.imaging.images import pixels

TEXT = b"jane.doe@example.com, +49 151 23456789, 12 Acacia Avenue, London"
REAL = Path(__file__).parents[2] / "fixtures" / "real" / "apple-gainmap.jpg"


def _pillow(mode: str = "RGB", **options: object) -> bytes:
    buf = io.BytesIO()
    pixels().convert(mode).save(buf, "JPEG", **options)
    return buf.getvalue()


# What real encoders write: libjpeg-turbo through Pillow in its modes and options, and an iPhone-style
# HDR photo (another encoder, two pictures).
ENCODED = {
    "baseline-420": _pillow(quality=90),
    "baseline-444": _pillow(quality=90, subsampling=0),
    "progressive": _pillow(progressive=True),
    "optimised-huffman": _pillow(optimize=True),
    "grayscale": _pillow("L"),
    "cmyk": _pillow("CMYK"),
    "restart-interval": _pillow(restart_marker_blocks=1),
    "iphone-gain-map": REAL.read_bytes(),
}


def _segments(data: bytes, marker: int) -> list[jpeg.Segment]:
    return [seg for seg in jpeg.walk(data).segments if seg.marker == marker]


def _replace(data: bytes, seg: jpeg.Segment, new: bytes) -> bytes:
    return data[: seg.start] + new + data[seg.end :]


def _payload(data: bytes, marker: int) -> bytes:
    return _segments(data, marker)[0].payload(data)


BASE = ENCODED["baseline-420"]
DQT_PAYLOAD, DHT_PAYLOAD = _payload(BASE, 0xDB), _payload(BASE, 0xC4)
SOF_PAYLOAD, SOS_PAYLOAD = _payload(BASE, 0xC0), _payload(BASE, 0xDA)
# DHT: class/destination, 16 counts, symbols. A DC table with one code of length 1 holding category 0.
TINY_DC = b"\x00\x01" + bytes(15) + b"\x00"


def _with(marker: int, payload: bytes) -> bytes:
    """BASE with its first segment of `marker` replaced by one holding `payload`."""
    return _replace(BASE, _segments(BASE, marker)[0], segment_bytes(marker, payload))


def _before_frame(*segments: bytes) -> bytes:
    at = _segments(BASE, 0xC0)[0].start
    return BASE[:at] + b"".join(segments) + BASE[at:]


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_what_real_encoders_write_is_accepted(name: str) -> None:
    data = ENCODED[name]
    assert probe(data).width > 0
    assert read_metadata(data, probe(data)).paths("uninspected") == ()


ACCEPTED = {
    "dqt-16-bit": _with(0xDB, b"\x10" + struct.pack(">64H", *range(1, 65))),
    "dqt-two-tables": _with(0xDB, DQT_PAYLOAD + b"\x01" + DQT_PAYLOAD[1:65]),
    "dht-two-tables": _with(0xC4, DHT_PAYLOAD + b"\x01" + DHT_PAYLOAD[1:]),
    "dht-unused-tiny": _before_frame(segment_bytes(0xC4, b"\x03" + TINY_DC[1:])),
    "dac-valid": _before_frame(segment_bytes(0xCC, b"\x00\x10\x10\x05")),
}

REFUSED = {
    "app1-renamed-dht": _before_frame(segment_bytes(0xC4, TEXT)),
    "app1-renamed-dqt": _before_frame(segment_bytes(0xDB, TEXT)),
    "text-after-dqt-table": _with(0xDB, DQT_PAYLOAD + TEXT),
    "text-after-dht-table": _with(0xC4, DHT_PAYLOAD + TEXT),
    "dqt-empty": _before_frame(segment_bytes(0xDB, b"")),
    "dqt-precision-2": _with(0xDB, b"\x20" + DQT_PAYLOAD[1:]),
    "dqt-destination-4": _with(0xDB, b"\x04" + DQT_PAYLOAD[1:]),
    "dqt-short": _with(0xDB, DQT_PAYLOAD[:-1]),
    "dht-class-2": _with(0xC4, b"\x20" + DHT_PAYLOAD[1:]),
    "dht-destination-4": _with(0xC4, b"\x04" + DHT_PAYLOAD[1:]),
    "dht-symbols-missing": _with(0xC4, DHT_PAYLOAD[:-1]),
    "dht-code-space-overflow": _before_frame(segment_bytes(0xC4, b"\x00\x03" + bytes(15) + b"\x00\x01\x02")),
    "dht-all-ones-code": _before_frame(segment_bytes(0xC4, b"\x00\x02" + bytes(15) + b"\x00\x01")),
    "dht-dc-category-17": _before_frame(segment_bytes(0xC4, TINY_DC[:-1] + b"\x11")),
    "dac-odd-length": _before_frame(segment_bytes(0xCC, b"\x00\x10\x10")),
    "dac-crossed-bounds": _before_frame(segment_bytes(0xCC, b"\x00\x01")),
    "dac-ac-zero": _before_frame(segment_bytes(0xCC, b"\x10\x00")),
    "sof-text-after-components": _with(0xC0, SOF_PAYLOAD + TEXT[:3]),
    "sof-five-components": _with(0xC0, SOF_PAYLOAD[:5] + b"\x05" + SOF_PAYLOAD[6:] + SOF_PAYLOAD[6:12]),
    "sof-precision-9": _with(0xC0, b"\x09" + SOF_PAYLOAD[1:]),
    "sof-sampling-0": _with(0xC0, SOF_PAYLOAD[:7] + b"\x00" + SOF_PAYLOAD[8:]),
    "sof-quant-table-4": _with(0xC0, SOF_PAYLOAD[:8] + b"\x04" + SOF_PAYLOAD[9:]),
    "sof-duplicate-id": _with(0xC0, SOF_PAYLOAD[:9] + SOF_PAYLOAD[6:7] + SOF_PAYLOAD[10:]),
    "sos-unknown-component": _with(0xDA, SOS_PAYLOAD[:1] + b"\x09" + SOS_PAYLOAD[2:]),
    "sos-text-after-header": _with(0xDA, SOS_PAYLOAD + TEXT[:4]),
    "sos-spectral-end-64": _with(0xDA, SOS_PAYLOAD[:-2] + b"\x40" + SOS_PAYLOAD[-1:]),
    "sos-table-4": _with(0xDA, SOS_PAYLOAD[:2] + b"\x40" + SOS_PAYLOAD[3:]),
}


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_valid_tables_a_decoder_accepts_pass(case: str) -> None:
    data = ACCEPTED[case]
    assert data != BASE
    assert probe(data).width == 64


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_table_segment_that_is_not_tables_is_refused(case: str) -> None:
    with pytest.raises(ImageUndecodable, match=r"malformed|too short") as caught:
        probe(REFUSED[case])
    assert "jane" not in str(caught.value)


def test_a_thumbnail_with_a_renamed_table_segment_is_unread() -> None:
    # Inside an EXIF thumbnail the same walk runs: a "DHT" of text makes the thumbnail unread (stripped).
    assert exif_thumbnail_has_metadata(_before_frame(segment_bytes(0xC4, TEXT)))
    assert not exif_thumbnail_has_metadata(BASE)


def test_a_flood_of_valid_tables_ends_in_limits_fast() -> None:
    table = b"\x10" + bytes([0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7D]) + bytes(range(1, 163))
    per_segment = 65_000 // len(table)
    segment = segment_bytes(0xC4, table * per_segment)
    at_limit = _before_frame(*[segment] * (MAX_TABLES // per_segment))
    assert probe(at_limit).width == 64
    flood = _before_frame(*[segment] * (MAX_TABLES // per_segment + 1))
    with pytest.raises(ImageLimitExceeded, match="coding tables"):  # about 15 ms here, not a timeout
        probe(flood)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([0xDB, 0xC4, 0xCC]), st.binary(max_size=300))
def test_any_table_payload_is_whole_tables_or_refused(marker: int, payload: bytes) -> None:
    """No exception but ImageUndecodable; what passes is tables to its last byte (one byte less cuts a
    table and fails)."""
    try:
        count = coding.check_tables(payload, marker, 0, len(payload))
    except ImageUndecodable:
        return
    assert count >= 1
    with pytest.raises(ImageUndecodable):
        coding.check_tables(payload[:-1], marker, 0, len(payload) - 1)


def _libjpeg_builds(counts: bytes) -> bool:
    """libjpeg's jpeg_make_d_derived_tbl: canonical codes length by length, refused once the next code
    no longer fits its length."""
    code = 0
    for length, count in enumerate(counts, start=1):
        code += count
        if code >= 1 << length:
            return False
        code <<= 1
    return True


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(0, 16), min_size=16, max_size=16))
def test_a_huffman_table_passes_exactly_when_libjpeg_would_build_its_code(counts: list[int]) -> None:
    total = sum(counts)
    table = b"\x10" + bytes(counts) + bytes(total)  # an AC table: any symbol values
    try:
        coding.check_tables(table, 0xC4, 0, len(table))
        passed = True
    except ImageUndecodable:
        passed = False
    assert passed is (_libjpeg_builds(bytes(counts)) and total <= 256)
