"""Ninth image round: layouts found in real files of others that the gate failed on (goexif's and
commons-imaging's test photos), each rebuilt by hand so the test holds without the file."""

from __future__ import annotations

import struct

import pytest

from gate.errors import ImageUndecodable
from gate.imaging import jpeg, probe, read_metadata, strip_identifiers
from tests.unit.imaging.images import camera_exif, decoded, icc_profile, jpeg_bytes, with_exif_block
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


def _with_icc_segments(*parts: tuple[int, int, bytes]) -> bytes:
    """A JPEG with APP2 ICC_PROFILE segments of (sequence number, count, part)."""
    plain = jpeg_bytes(icc=False)
    segments = b"".join(
        jpeg.segment_bytes(jpeg.APP2, b"ICC_PROFILE\x00" + bytes((number, count)) + part)
        for number, count, part in parts
    )
    return plain[:2] + segments + plain[2:]


def _tag_outside(profile: bytes) -> bytes:
    out = bytearray(profile)
    struct.pack_into(">I", out, 132 + 4, len(profile) + 100)  # the first tag's offset, past the end
    return bytes(out)


PROFILE = icc_profile()


@pytest.mark.parametrize(
    ("parts", "kind", "path"),
    [
        # TwelveMonkeys' exif-empty-icc-profile.jpeg: a segment holding no profile at all
        ([(1, 1, b"")], "unread", "/icc/jpeg/empty"),
        # its invalid-icc-duplicate-sequence-numbers-*.jpg and invalid-icc-single-chunk-bad-sequence-*.jpg
        ([(1, 1, PROFILE), (1, 1, PROFILE)], "uninspected", "/icc/jpeg/unnumbered"),
        ([(0, 0, PROFILE)], "uninspected", "/icc/jpeg/unnumbered"),
        # its cmm-exception-invalid-icc-profile-data.jpg, and a profile with no header
        ([(1, 1, _tag_outside(PROFILE))], "uninspected", "/icc/jpeg/unreadable"),
        ([(1, 1, b"not a profile" * 20)], "uninspected", "/icc/jpeg/unreadable"),
    ],
    ids=["empty", "duplicate-numbers", "number-zero", "tag-outside", "no-header"],
)
def test_a_profile_no_colour_engine_reads_is_removed_when_empty_else_held(
    parts: list[tuple[int, int, bytes]], kind: str, path: str
) -> None:
    data = _with_icc_segments(*parts)
    found = probe(data)
    items = [(i.kind, i.path) for i in read_metadata(data, found).items]
    assert (kind, path) in items
    out = strip_identifiers(data, found)
    if kind == "unread":
        assert b"ICC_PROFILE" not in out and decoded(out) == decoded(data)
    else:
        assert out == data  # held whole: nothing of it is edited


def test_a_profile_in_order_reads_as_before() -> None:
    half = len(PROFILE) // 2
    data = _with_icc_segments((2, 2, PROFILE[half:]), (1, 2, PROFILE[:half]))
    items = read_metadata(data, probe(data)).items
    assert not [i for i in items if i.kind in ("unread", "uninspected")]


def test_a_jfif_thumbnail_shorter_than_its_size_is_cut_like_any_other() -> None:
    # TwelveMonkeys' jfif-grayscale-thumbnail.jpg: a 127x76 thumbnail of one byte a pixel where JFIF
    # says three. No decoder reads it; the strip leaves the 14-byte header with a 0x0 thumbnail.
    plain = jpeg_bytes(icc=False)
    app0 = next(seg for seg in jpeg.walk(plain).segments if seg.marker == jpeg.APP0)
    header = bytearray(app0.payload(plain)[:14])
    header[12:14] = bytes((12, 10))
    data = (
        plain[: app0.start]
        + jpeg.segment_bytes(jpeg.APP0, bytes(header) + b"CANARY" * 20)
        + plain[app0.end :]
    )
    found = probe(data)
    assert read_metadata(data, found).paths("unread") == ("/jpeg/APP0/thumbnail",)
    out = strip_identifiers(data, found)
    assert b"CANARY" not in out and decoded(out) == decoded(data)


def tiff_with_ifd1_inside_ifd0() -> bytes:
    """IFD0 whose next-IFD pointer aims inside its own table (so IFD1 reads IFD0's entries shifted), and
    an unknown tag: removing that tag shifts the entries IFD1 reads, as in goexif's infinite_loop_exif.jpg."""
    entries = [
        _entry(0x0112, 3, 1, 6),
        _entry(0x0131, 2, 4, int.from_bytes(b"Cam\x00", "little")),
        _entry(0xC4A5, 7, 4, int.from_bytes(b"CANA", "little")),  # PrintIM: not a tag the gate reads
        _entry(0x011A, 5, 1, 0),
    ]
    ifd0 = struct.pack("<H", len(entries)) + b"".join(entries) + struct.pack("<I", 8 + 2 + 12 + 2)
    return b"II*\x00" + struct.pack("<I", 8) + ifd0 + bytes(16)


def test_an_exif_block_the_edit_cannot_clean_goes_whole() -> None:
    data = with_exif_block(jpeg_bytes(), tiff_with_ifd1_inside_ifd0())
    found = probe(data)
    assert "unread" in {i.kind for i in read_metadata(data, found).items}
    out = strip_identifiers(data, found, STRIPPED)
    assert [i for i in read_metadata(out, probe(out)).items if i.kind in STRIPPED] == []
    assert decoded(out) == decoded(data)
