"""Multi-picture JPEGs (MPF: HDR gain maps, camera previews): read, checked picture by picture, stripped."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from gate.errors import ImageLimitExceeded, ImageUndecodable
from gate.imaging import probe, read_metadata, strip_identifiers
from gate.imaging.jpeg import JpegLayout, segment_bytes
from tests.unit.imaging.images import AI_XMP, camera_exif, decoded, jpeg_bytes
from tests.unit.imaging.multipicture import mpo

REAL = Path(__file__).parents[2] / "fixtures" / "real"
PRIMARY = jpeg_bytes(icc=False)
PLAIN = jpeg_bytes(icc=False, comment=b"")


def gps_only() -> Image.Exif:
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (51.0, 30.0, 12.5)
    return exif


GAIN_MAP = jpeg_bytes(exif=gps_only(), icc=False)
CAMERA = jpeg_bytes(exif=camera_exif(), icc=False)


def layout(data: bytes) -> JpegLayout:
    found = probe(data).layout_for(data)
    assert isinstance(found, JpegLayout)
    return found


def test_real_iphone_gain_map_is_accepted_and_its_gps_found() -> None:
    data = (REAL / "apple-gainmap.jpg").read_bytes()
    found = probe(data)
    assert (found.width, found.height) == (384, 512)
    assert len(layout(data).images) == 2
    paths = read_metadata(data, found).paths("location")
    assert "/exif/GPSInfo/GPSLatitudeRef" in paths
    stripped = strip_identifiers(data, found)
    again = probe(stripped)
    assert read_metadata(stripped, again).paths("location") == ()
    assert len(layout(stripped).images) == 2
    with Image.open(io.BytesIO(stripped)) as image:
        assert image.n_frames == 2
        image.seek(1)
        image.load()


@pytest.mark.parametrize("pictures", [1, 2, 3])
def test_made_multi_picture_jpegs_are_walked_picture_by_picture(pictures: int) -> None:
    data = mpo(PRIMARY, *[PLAIN] * pictures)
    walked = layout(data)
    assert len(walked.images) == pictures + 1
    assert walked.images[-1][1] == len(data)
    assert {seg.image for seg in walked.segments} == set(range(pictures + 1))


@pytest.mark.parametrize("order", ["<", ">"])
def test_gps_in_a_further_picture_is_location_under_its_number(order: str) -> None:
    data = mpo(PRIMARY, PLAIN, GAIN_MAP, order=order)
    paths = read_metadata(data, probe(data)).paths("location")
    assert paths and all(path.startswith("/mpf/2/exif/GPSInfo") for path in paths)


def test_every_kind_is_read_in_further_pictures() -> None:
    data = mpo(PRIMARY, CAMERA, jpeg_bytes(xmp=AI_XMP, icc=False, comment=b"ring 07700 900123"))
    meta = read_metadata(data, probe(data))
    kinds = {(item.path.split("/")[2], item.kind) for item in meta.items}
    expected = {("1", "location"), ("1", "device_id"), ("1", "owner"), ("2", "person"), ("2", "free_text")}
    assert expected <= kinds
    assert "xmp:DigitalSourceType=trainedAlgorithmicMedia" in meta.ai_markers


def assert_same_pictures(data: bytes, stripped: bytes, count: int) -> None:
    """The first `count` pictures of two multi-picture files decode to the same pixels."""
    with Image.open(io.BytesIO(data)) as before, Image.open(io.BytesIO(stripped)) as after:
        for frame in range(count):
            before.seek(frame)
            after.seek(frame)
            assert before.tobytes() == after.tobytes()


@pytest.mark.parametrize("gaps", [(), (b"\x00" * 310,), (b"\xff" * 3,)])
def test_stripping_keeps_the_index_true_and_pixels_identical(gaps: tuple[bytes, ...]) -> None:
    data = mpo(PRIMARY, jpeg_bytes(xmp=AI_XMP, exif=camera_exif(), icc=False), GAIN_MAP, gaps=gaps)
    found = probe(data)
    stripped = strip_identifiers(data, found, frozenset({"location", "device_id", "person"}))
    assert len(stripped) != len(data)  # the XMP rewrite moved the last picture
    again = probe(stripped)
    meta = read_metadata(stripped, again)
    assert not {item.kind for item in meta.items} & {"location", "device_id", "person"}
    assert len(layout(stripped).images) == 3
    assert_same_pictures(data, stripped, 3)
    assert decoded(stripped) == decoded(data)


def _patched_entry(data: bytes, number: int, size: int | None = None, offset: int | None = None) -> bytes:
    at = data.index(b"MPF\x00") + 4
    (table,) = struct.unpack_from("<I", data, at + 8 + 2 + 12 * 2 + 8)
    out = bytearray(data)
    entry = at + table + 16 * number
    if size is not None:
        struct.pack_into("<I", out, entry + 4, size)
    if offset is not None:
        struct.pack_into("<I", out, entry + 8, offset)
    return bytes(out)


GOOD = mpo(PRIMARY, PLAIN, GAIN_MAP)
FIRST, SECOND = len(PLAIN), len(GAIN_MAP)


@pytest.mark.parametrize(
    "data",
    [
        _patched_entry(GOOD, 2, offset=struct.unpack_from("<I", GOOD, 0)[0] & 0),  # offset 0: a loop
        _patched_entry(GOOD, 1, size=FIRST - 7),  # the index lies about the size
        _patched_entry(GOOD, 1, size=FIRST + 7),
        _patched_entry(GOOD, 0, offset=4),  # the primary is not first
        mpo(PRIMARY, PLAIN, GAIN_MAP, lie={2: (SECOND, 200)}),  # inside the primary image
        mpo(PRIMARY, PLAIN, lie={1: (FIRST, 40)}),
        mpo(PRIMARY, b"\x00\x00" + PLAIN[2:]),  # no SOI where the index points
        mpo(PRIMARY, PLAIN[:-30]),  # truncated
        mpo(PRIMARY, mpo(PLAIN, GAIN_MAP)),  # a listed picture with an index of its own
        mpo(PRIMARY, PLAIN, PLAIN, lie={2: (FIRST, 0)}),
    ],
    ids=[
        "offset-zero",
        "size-short",
        "size-long",
        "primary-not-first",
        "inside-primary",
        "into-primary-header",
        "no-soi",
        "truncated",
        "nested-index",
        "second-entry-offset-zero",
    ],
)
def test_malformed_indexes_are_refused(data: bytes) -> None:
    with pytest.raises(ImageUndecodable):
        probe(data)


def test_overlapping_pictures_are_refused() -> None:
    data = mpo(PRIMARY, PLAIN, PLAIN)
    at = data.index(b"MPF\x00") + 4
    first_offset = len(data) - 2 * FIRST - (at)
    overlapping = _patched_entry(data, 2, offset=first_offset)
    with pytest.raises(ImageUndecodable, match="overlap"):
        probe(overlapping)


def test_an_index_with_an_unknown_tag_is_uninspected() -> None:
    data = mpo(PRIMARY, PLAIN, extra_tags=((0xB0FE, 7, 4, 0x41424344),))  # no tag of DC-007
    items = read_metadata(data, probe(data)).items
    assert [item.path for item in items if item.kind == "uninspected"] == ["/jpeg/APP2/0"]


def test_bytes_in_the_index_no_tag_points_to_are_unread_and_zeroed() -> None:
    # Panasonic's LX7 ends its index with 0xFF fill and a stray 0xD8; a hostile writer with an address.
    data = mpo(PRIMARY, GAIN_MAP, tail=b"jane@example.com")
    assert read_metadata(data, probe(data)).paths("unread") == ("/jpeg/APP2/unreferenced",)
    stripped = strip_identifiers(data, probe(data), frozenset({"unread"}))
    assert b"jane@example.com" not in stripped and len(stripped) == len(data)
    assert read_metadata(stripped, probe(stripped)).paths("unread") == ()
    assert layout(stripped).images == layout(data).images
    padded = mpo(PRIMARY, PLAIN, tail=bytes(64))  # zeros carry nothing: Nikon pads its index
    assert read_metadata(padded, probe(padded)).items == ()


@pytest.mark.parametrize("between", [b"jane@example.com", b"\xff" * 45 + b"\x1b\x1e\x1f" * 150, PLAIN])
def test_bytes_between_pictures_are_cut_out_and_the_index_moved(between: bytes) -> None:
    # No reader reads them: each picture is found by its offset. A Panasonic LX7 leaves ~450 bytes there;
    # a JPEG there that the index does not list is no picture of the file either.
    data = mpo(PRIMARY, GAIN_MAP, CAMERA, gaps=(b"", between))
    assert "/jpeg/between/0" in read_metadata(data, probe(data)).paths("unread")
    stripped = strip_identifiers(data, probe(data), frozenset({"unread", "location", "device_id"}))
    assert between not in stripped
    assert read_metadata(stripped, probe(stripped)).paths("unread") == ()
    assert len(layout(stripped).images) == 3
    assert_same_pictures(data, stripped, 3)


def test_a_manifest_in_a_further_picture_is_unread() -> None:
    jumbf = b"JP\x02\x11\x00\x00\x00\x01" + b"\x00\x00\x00\x20jumb\x00\x00\x00\x18jumdc2pa" + bytes(16)
    with_app11 = PLAIN[:2] + segment_bytes(0xEB, jumbf) + PLAIN[2:]
    data = mpo(PRIMARY, with_app11)
    meta = read_metadata(data, probe(data))
    assert not meta.has_c2pa
    assert meta.paths("unread") == ("/mpf/1/jpeg/APP11/0",)  # no reader reads it: the strip removes it
    assert not meta.manifest_ruled_out


def test_further_pictures_are_held_to_the_dimension_limits() -> None:
    big = jpeg_bytes(icc=False)
    at = big.index(b"\xff\xc0") + 5
    huge = big[:at] + struct.pack(">HH", 40000, 40000) + big[at + 4 :]
    with pytest.raises(ImageLimitExceeded):
        probe(mpo(PRIMARY, huge))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    entries=st.lists(
        st.tuples(st.integers(0, 2 * len(GOOD)), st.integers(0, 2 * len(GOOD))), min_size=1, max_size=2
    ),
    order=st.sampled_from(["<", ">"]),
)
def test_any_index_is_accepted_only_when_it_tells_the_truth(
    entries: list[tuple[int, int]], order: str
) -> None:
    """Whatever the entries say, probe either refuses or returns pictures that tile the file after EOI."""
    data = mpo(PRIMARY, PLAIN, GAIN_MAP, order=order, lie=dict(enumerate(entries, start=1)))
    try:
        found = layout(data)
    except ImageUndecodable:
        return
    starts = [start for start, _ in found.images]
    assert starts == sorted(starts)
    for (_, end), (start, _) in zip(found.images, found.images[1:], strict=False):
        assert end <= start
    assert found.images[-1][1] <= len(data)
    for start, _ in found.images:
        assert data.startswith(b"\xff\xd8", start)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_mutated_multi_picture_jpegs_fail_only_as_undecodable_or_limits(data: st.DataObject) -> None:
    raw = bytearray(GOOD)
    for _ in range(data.draw(st.integers(1, 6))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    mutated = bytes(raw)
    try:
        found = probe(mutated)
        read_metadata(mutated, found)
        strip_identifiers(mutated, found)
    except (ImageUndecodable, ImageLimitExceeded):
        pass
