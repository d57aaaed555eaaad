"""Floods of tiny metadata fields end in image.limits before the scanner reads each (truth tables at the
bounds): IIM datasets in one APP13 segment, tags in one ICC profile. 10 000 datasets cost 1.5 s of scans,
20 000 ICC tags 0.7 s of walking, on the default path."""

from __future__ import annotations

import struct

import pytest

from gate.core.checks.base import CheckContext
from gate.core.checks.metadata import MetadataCheck
from gate.imaging import probe, read_metadata
from gate.imaging.jpeg import segment_bytes
from gate.imaging.limits import MAX_ICC_TAGS, MAX_METADATA_ITEMS
from gate.scanning import ScanLimits
from tests.unit.imaging.images import jpeg_bytes
from tests.unit.imaging.test_icc import jpeg_with
from tests.unit.imaging.test_icc_tags import with_tags

JPEG = jpeg_bytes(icc=False)


def with_keywords(count: int) -> bytes:
    iim = b"\x1c\x02\x19\x00\x01a" * count  # Keywords "a"
    payload = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim
    return JPEG[:2] + segment_bytes(0xED, payload) + JPEG[2:]


def with_icc_tags(count: int) -> bytes:
    gamma = b"para" + bytes(4) + struct.pack(">HHi", 0, 0, 0x00023333)
    base = with_tags()
    (own,) = struct.unpack_from(">I", base, 128)
    # Distinct signatures: LittleCMS refuses a profile that repeats one.
    return jpeg_with(with_tags(*[(b"a%03d" % index, gamma) for index in range(count - own)]))


def codes(data: bytes) -> list[str]:
    ctx = CheckContext(data=data, declared_media_type=None, probe=probe(data))
    return [reason.code for reason in MetadataCheck(ScanLimits()).run(ctx).reasons]


@pytest.mark.parametrize(
    ("make", "bound"), [(with_keywords, MAX_METADATA_ITEMS), (with_icc_tags, MAX_ICC_TAGS)]
)
def test_a_flood_of_fields_is_image_limits_one_past_the_bound(make: object, bound: int) -> None:
    assert callable(make)
    at_bound = make(bound)
    assert len(read_metadata(at_bound, probe(at_bound)).items) <= MAX_METADATA_ITEMS  # read, not refused
    assert codes(make(bound + 1)) == ["image.limits"]  # refused before any field is scanned
