"""probe: limits before work, structure before Pillow, and only the two gate errors for bad input."""

from __future__ import annotations

import io
import struct

import pytest
from PIL import Image

from gate.errors import ImageLimitExceeded, ImageUndecodable
from gate.imaging import ImageLimits, ImageProbe, probe
from tests.unit.imaging.images import chunk, handmade_png, jpeg_bytes, png_bytes, webp_bytes


@pytest.mark.parametrize(
    ("data", "media_type", "fmt"),
    [
        (jpeg_bytes(), "image/jpeg", "JPEG"),
        (png_bytes(), "image/png", "PNG"),
        (webp_bytes(), "image/webp", "WEBP"),
    ],
)
def test_probe_reads_type_and_size(data: bytes, media_type: str, fmt: str) -> None:
    assert probe(data) == ImageProbe(media_type, fmt, 64, 48, 1)


def test_probe_counts_apng_frames() -> None:
    buf = io.BytesIO()
    frames = [Image.new("RGB", (8, 8), (i * 60, 0, 0)) for i in range(3)]
    frames[0].save(buf, "PNG", save_all=True, append_images=frames[1:])
    assert probe(buf.getvalue()).frames == 3


def test_probe_repr_hides_limits() -> None:
    assert "limits" not in repr(probe(png_bytes()))


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (ImageLimits(max_bytes=100), "max_bytes"),
        (ImageLimits(max_width=63), "max_width"),
        (ImageLimits(max_height=47), "max_height"),
        (ImageLimits(max_pixels=64 * 48 - 1), "max_pixels"),
    ],
)
def test_each_limit_is_enforced(limits: ImageLimits, message: str) -> None:
    for data in (jpeg_bytes(), png_bytes(), webp_bytes()):
        with pytest.raises(ImageLimitExceeded, match=message):
            probe(data, limits)


def test_size_limit_is_checked_before_anything_else() -> None:
    # Garbage that is too big must be refused for its size, proving nothing else ran first.
    with pytest.raises(ImageLimitExceeded):
        probe(b"\x00" * 101, ImageLimits(max_bytes=100))


def test_absurd_png_header_is_refused_without_allocating() -> None:
    with pytest.raises(ImageLimitExceeded, match="max_width"):
        probe(handmade_png(100_000, 100_000))


def test_absurd_jpeg_header_is_refused() -> None:
    data = bytearray(jpeg_bytes(icc=False))
    sof = data.index(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, 60000, 60000)
    with pytest.raises(ImageLimitExceeded):
        probe(bytes(data))


def test_pillow_bomb_guard_becomes_limit_exceeded() -> None:
    # 10000 x 9000 passes our limits (raised here) but trips Pillow's MAX_IMAGE_PIXELS warning.
    limits = ImageLimits(max_pixels=200_000_000)
    with pytest.raises(ImageLimitExceeded, match="decompression-bomb"):
        probe(handmade_png(10_000, 9_000), limits)
    assert Image.MAX_IMAGE_PIXELS == 89_478_485  # our guard is local: the global is untouched


def _truncated_jpeg() -> bytes:
    data = jpeg_bytes()
    return data[: len(data) // 2]


def _bad_crc_png() -> bytes:
    data = bytearray(png_bytes())
    data[8 + 8 + 13] ^= 0x01  # first byte of IHDR's CRC
    return bytes(data)


def _bad_ihdr_png() -> bytes:
    ihdr = struct.pack(">IIBBBBB", 8, 8, 7, 2, 0, 0, 0)  # bit depth 7 does not exist
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", b"x") + chunk(b"IEND", b"")


def _gif() -> bytes:
    buf = io.BytesIO()
    Image.new("P", (4, 4)).save(buf, "GIF")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"hello, not an image at all", "not a recognised"),
        (_gif(), "image/gif is not a supported"),
        (b"\xff\xd8\xff", "JPEG"),
        (_truncated_jpeg(), "truncated"),
        (jpeg_bytes()[:-2], "truncated"),  # only EOI missing
        (png_bytes()[:-12], "truncated"),  # IEND missing
        (png_bytes()[:40], "truncated"),
        (_bad_crc_png(), "CRC"),
        (_bad_ihdr_png(), "header cannot be parsed"),
        (handmade_png(0, 10), "zero dimension"),
        (webp_bytes()[:-10], "truncated"),
    ],
    # Named, not shown: the PNGs carry an ICC profile stamped with its creation time, and test ids must
    # be the same in every pytest-xdist worker.
    ids=[
        "empty",
        "text",
        "gif",
        "jpeg-soi-only",
        "jpeg-truncated",
        "jpeg-no-eoi",
        "png-no-iend",
        "png-first-40-bytes",
        "png-bad-crc",
        "png-bad-ihdr",
        "png-zero-dimension",
        "webp-truncated",
    ],
)
def test_malformed_images_are_undecodable(data: bytes, message: str) -> None:
    with pytest.raises(ImageUndecodable, match=message):
        probe(data)


def test_error_messages_carry_no_content() -> None:
    secret = b"\xff\xd8\xff\xfe\x00\x0cJane Doe!!"  # a COM segment, then nothing
    with pytest.raises(ImageUndecodable) as caught:
        probe(secret)
    assert "Jane" not in str(caught.value)
