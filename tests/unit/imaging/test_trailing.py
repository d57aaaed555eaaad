"""Bytes after the end of an image: refused, because the gate publishes only what it has inspected."""

from __future__ import annotations

import io
import struct
from collections.abc import Callable

import pytest

from gate.errors import ImageUndecodable
from gate.imaging import probe, read_metadata
from tests.unit.imaging.images import camera_exif, jpeg_bytes, pixels, png_bytes, webp_bytes

AFTER_END = "bytes after the end of the image"


def mpo_bytes() -> bytes:
    """A two-picture MPO as Pillow writes it: an MPF APP2 index, then a second JPEG after the first EOI."""
    buf = io.BytesIO()
    pixels().save(buf, "MPO", save_all=True, append_images=[pixels()], exif=camera_exif().tobytes())
    return buf.getvalue()


def test_concatenated_jpegs_are_refused() -> None:
    # `cat plain.jpg gps.jpg`: every reader stops at the first EOI, so the GPS would ride along unseen.
    second = jpeg_bytes(exif=camera_exif())
    with pytest.raises(ImageUndecodable, match=f"JPEG has {len(second)} {AFTER_END}"):
        probe(jpeg_bytes() + second)


@pytest.mark.parametrize(
    ("data", "container"),
    [
        (png_bytes() + b"tEXtAuthor\x00Jane Doe, 12 Acacia Avenue", "PNG"),
        (webp_bytes() + b"EXIF\x10\x00\x00\x00" + b"A" * 16, "WebP"),
    ],
)
def test_appended_data_is_refused(data: bytes, container: str) -> None:
    with pytest.raises(ImageUndecodable, match=f"{container} has \\d+ {AFTER_END}") as caught:
        probe(data)
    assert "Jane" not in str(caught.value)


def test_data_past_a_webp_riff_size_is_refused_even_when_well_formed() -> None:
    # A complete EXIF chunk outside the RIFF size the walk honours: never listed, never stripped.
    exif_chunk = b"EXIF" + struct.pack("<I", 8) + b"II*\x00\x08\x00\x00\x00"
    with pytest.raises(ImageUndecodable, match=AFTER_END):
        probe(webp_bytes() + exif_chunk)


@pytest.mark.parametrize("padding", [b"\x00", b"\x00" * 16, b"\xff\xff\x00"])
@pytest.mark.parametrize("make", [jpeg_bytes, png_bytes, webp_bytes])
def test_a_little_zero_or_ff_padding_is_accepted(make: Callable[[], bytes], padding: bytes) -> None:
    data = make() + padding
    found = probe(data)
    assert (found.width, found.height) == (64, 48)
    assert read_metadata(data, found).items == ()


@pytest.mark.parametrize("tail", [b"\x00" * 17, b"\x00\x00\x01", b"\xff\xd9", b" "])
@pytest.mark.parametrize("make", [jpeg_bytes, png_bytes, webp_bytes])
def test_anything_beyond_a_little_padding_is_refused(make: Callable[[], bytes], tail: bytes) -> None:
    with pytest.raises(ImageUndecodable, match=AFTER_END):
        probe(make() + tail)


def test_multi_picture_jpeg_as_pillow_writes_it_is_read_picture_by_picture() -> None:
    # Pillow writes the EXIF into every picture: the second one's GPS is found under /mpf/1.
    data = mpo_bytes()
    paths = read_metadata(data, probe(data)).paths("location")
    assert any(path.startswith("/exif/GPSInfo") for path in paths)
    assert any(path.startswith("/mpf/1/exif/GPSInfo") for path in paths)


def test_multi_picture_index_without_its_images_is_refused() -> None:
    data = mpo_bytes()
    first = data[: data.index(b"\xff\xd9\xff\xd8") + 2]  # the first picture alone, its MPF index intact
    with pytest.raises(ImageUndecodable, match=r"MPF index names an image outside the file"):
        probe(first)
