"""Bytes after the end of an image: cut off by the strip, because the gate publishes only what it read."""

from __future__ import annotations

import io
import struct
from collections.abc import Callable

import pytest

from gate.errors import ImageUndecodable
from gate.imaging import jpeg, probe, read_metadata, strip_identifiers
from tests.unit.imaging.images import camera_exif, jpeg_bytes, pixels, png_bytes, webp_bytes


def mpo_bytes() -> bytes:
    """A two-picture MPO as Pillow writes it: an MPF APP2 index, then a second JPEG after the first EOI."""
    buf = io.BytesIO()
    pixels().save(buf, "MPO", save_all=True, append_images=[pixels()], exif=camera_exif().tobytes())
    return buf.getvalue()


def _trailing_removed(
    data: bytes, end: int, container: str, *, exact: bool = True, also: tuple[str, ...] = ()
) -> None:
    """`data` is accepted, its bytes after `end` listed as unread (besides `also`) and cut off by the
    default strip."""
    found = probe(data)
    assert read_metadata(data, found).paths("unread") == (*also, f"/{container}/trailing/0")
    stripped = strip_identifiers(data, found)
    assert stripped == data[:end] if exact else len(stripped) == end
    assert read_metadata(stripped, probe(stripped)).paths("unread") == ()


def test_a_concatenated_jpeg_is_cut_off_with_its_gps() -> None:
    # `cat plain.jpg gps.jpg`: every reader stops at the first EOI, so the GPS never reaches anyone who
    # reads the image, and the strip removes it before it is published.
    first, second = jpeg_bytes(), jpeg_bytes(exif=camera_exif())
    _trailing_removed(first + second, len(first), "jpeg")


@pytest.mark.parametrize(
    ("make", "tail", "container"),
    [
        (png_bytes, b"tEXtAuthor\x00Jane Doe, 12 Acacia Avenue", "png"),
        (webp_bytes, b"EXIF\x10\x00\x00\x00" + b"A" * 16, "webp"),
        # A complete EXIF chunk outside the RIFF size the walk honours: cut off with the rest.
        (webp_bytes, b"EXIF" + struct.pack("<I", 8) + b"II*\x00\x08\x00\x00\x00", "webp"),
        (jpeg_bytes, b"\x14", "jpeg"),  # an Olympus D320L's one byte after EOI
    ],
)
def test_appended_data_is_cut_off(make: Callable[[], bytes], tail: bytes, container: str) -> None:
    image = make()
    _trailing_removed(image + tail, len(image), container)


@pytest.mark.parametrize("padding", [b"\x00", b"\x00" * 16, b"\xff\xff\x00"])
@pytest.mark.parametrize("make", [jpeg_bytes, png_bytes, webp_bytes])
def test_a_little_zero_or_ff_padding_is_accepted(make: Callable[[], bytes], padding: bytes) -> None:
    data = make() + padding
    found = probe(data)
    assert (found.width, found.height) == (64, 48)
    assert read_metadata(data, found).items == ()


@pytest.mark.parametrize("tail", [b"\x00" * 17, b"\x00\x00\x01", b"\xff\xd9", b" "])
@pytest.mark.parametrize(
    ("make", "container"), [(jpeg_bytes, "jpeg"), (png_bytes, "png"), (webp_bytes, "webp")]
)
def test_anything_beyond_a_little_padding_is_cut_off(
    make: Callable[[], bytes], container: str, tail: bytes
) -> None:
    image = make()
    _trailing_removed(image + tail, len(image), container)


def test_bytes_after_the_last_picture_of_a_multi_picture_jpeg_are_cut_off() -> None:
    data = mpo_bytes()
    # Not byte for byte: the rewritten MPF index gives the primary picture its true size, and the 16
    # spaces Pillow ends it with, which no tag points to, are zeroed.
    appended = data + b"appended after the last picture"
    _trailing_removed(appended, len(data), "jpeg", exact=False, also=("/jpeg/APP2/unreferenced",))


def test_multi_picture_jpeg_as_pillow_writes_it_is_read_picture_by_picture() -> None:
    # Pillow writes the EXIF into every picture: the second one's GPS is found under /mpf/1.
    data = mpo_bytes()
    paths = read_metadata(data, probe(data)).paths("location")
    assert any(path.startswith("/exif/GPSInfo") for path in paths)
    assert any(path.startswith("/mpf/1/exif/GPSInfo") for path in paths)


def test_multi_picture_index_without_its_images_publishes_the_primary_alone() -> None:
    # The index names a picture the file does not hold (a tool shrank the file and kept the index): no
    # picture it lists is read, so the index goes (`/jpeg/APP2/dangling`) and the primary is published.
    data = mpo_bytes()
    first = data[: data.index(b"\xff\xd9\xff\xd8") + 2]  # the first picture alone, its MPF index intact
    found = probe(first)
    assert "/jpeg/APP2/dangling" in read_metadata(first, found).paths("unread")
    stripped = strip_identifiers(first, found)
    assert b"MPF\x00" not in stripped
    assert read_metadata(stripped, probe(stripped)).paths("unread") == ()


def _with_gap(gap: bytes) -> tuple[bytes, bytes]:
    """A JPEG with EXIF, and the same with `gap` between its EXIF segment and the next one (as three
    Truepic files of c2pa-org/public-testfiles have two zeros, left where a segment was cut out)."""
    plain = jpeg_bytes(exif=camera_exif(), icc=False)
    exif = next(seg for seg in jpeg.walk(plain).segments if seg.marker == jpeg.APP1)
    return plain, plain[: exif.end] + gap + plain[exif.end :]


@pytest.mark.parametrize("zeros", [1, 2, 16])
def test_a_few_zero_bytes_between_segments_are_cut_out(zeros: int) -> None:
    plain, data = _with_gap(bytes(zeros))
    found = probe(data)
    assert read_metadata(data, found).paths("unread") == ("/jpeg/gap/0",)
    stripped = strip_identifiers(data, found)
    assert stripped == strip_identifiers(plain, probe(plain))
    assert read_metadata(stripped, probe(stripped)).paths("unread") == ()


@pytest.mark.parametrize(
    "gap",
    [b"?>", b"\x00\x00text", b"\x01", b"\x00" * 3 + b"\x01", b"\x00\x0eAdobe\x00d\x80\x00\x00\x00\x01"],
    ids=["xmp-end", "zeros-text", "one", "zeros-one", "adobe-body"],
)
def test_a_few_other_bytes_between_segments_are_stray_and_cut_out(gap: bytes) -> None:
    # A camera-trap manager wrote an XMP segment 2 bytes short ("?>" follows it); Illustrator CS5 left an
    # APP14 body of 14 bytes outside any segment. libjpeg, Pillow and c2pa-rs skip them to the next 0xFF.
    plain, data = _with_gap(gap)
    found = probe(data)
    assert read_metadata(data, found).paths("unread") == ("/jpeg/stray/0",)
    stripped = strip_identifiers(data, found)
    assert stripped == strip_identifiers(plain, probe(plain))


@pytest.mark.parametrize(
    "gap",
    [bytes(17), b"seventeen bytes!!", b"ab\xffcd"],
    ids=["17-zeros", "17-bytes", "with-0xff"],
)
def test_anything_else_between_segments_is_refused(gap: bytes) -> None:
    with pytest.raises(ImageUndecodable, match=r"JPEG is (corrupt|truncated)"):
        probe(_with_gap(gap)[1])


def test_zero_bytes_right_after_soi_are_refused() -> None:
    plain = jpeg_bytes(icc=False)
    with pytest.raises(ImageUndecodable, match="expected a marker"):  # (the sniff refuses it first)
        jpeg.walk(plain[:2] + b"\x00\x00" + plain[2:])
