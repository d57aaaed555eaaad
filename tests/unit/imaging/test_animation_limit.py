"""An animation's cost to a player is frames times canvas pixels: every frame is composed onto the whole
canvas. 20 000 one-pixel frames on an 8000 x 8000 canvas make a 1.3 MB APNG that takes Pillow 88 minutes to
play, with each count under its own limit; it was approved. Now `image.limits` (MAX_ANIMATION_PIXELS),
counting the frames a player shows: an acTL that declares more frames than there are is not a flood.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable

import pytest

from gate.errors import ImageLimitExceeded
from gate.imaging import probe
from gate.imaging.limits import MAX_ANIMATION_PIXELS
from tests.unit.imaging.images import chunk

ONE_PIXEL = zlib.compress(b"\x00\x00")


def apng(side: int, frames: int, declared: int | None = None) -> bytes:
    """A grey APNG of `side` x `side` whose default image is the first frame, then 1x1 frames."""
    rows = zlib.compress(b"".join(b"\x00" + bytes(side) for _ in range(side)), 9)
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
    out += chunk(b"acTL", struct.pack(">II", declared or frames, 0))
    out += chunk(b"fcTL", struct.pack(">IIIIIHHBB", 0, side, side, 0, 0, 1, 100, 0, 0)) + chunk(b"IDAT", rows)
    for index in range(1, frames):
        out += chunk(b"fcTL", struct.pack(">IIIIIHHBB", 2 * index - 1, 1, 1, 0, 0, 1, 100, 2, 0))
        out += chunk(b"fdAT", struct.pack(">I", 2 * index) + ONE_PIXEL)
    return out + chunk(b"IEND", b"")


def webp(side: int, frames: int) -> bytes:
    """An animated lossless WebP canvas of `side` x `side` with `frames` 1x1 frames (a black pixel)."""
    pixel = b"VP8L" + struct.pack("<I", 6) + b"\x2f\x00\x00\x00\x00\x00"  # 1x1, as libwebp writes it
    frame = b"ANMF" + struct.pack("<I", 16 + len(pixel)) + bytes(12) + b"\x01\x00\x00\x00" + pixel
    size = (side - 1).to_bytes(3, "little")
    body = b"WEBP" + b"VP8X" + struct.pack("<I", 10) + b"\x02\x00\x00\x00" + size + size
    body += b"ANIM" + struct.pack("<I", 6) + bytes(6) + frame * frames
    return b"RIFF" + struct.pack("<I", len(body)) + body


@pytest.mark.parametrize(
    ("build", "refused"),
    [
        (lambda: apng(4000, 300), True),  # 4.8e9 composed pixels
        (lambda: apng(4000, 250), False),  # 4.0e9: under
        (lambda: apng(4000, 2, declared=1_000_000), False),  # acTL's count alone is no flood: two play
        (lambda: apng(64, 20_000), False),  # many frames on a small canvas: each count has its own limit
        (lambda: webp(4000, 300), True),
        (lambda: webp(4000, 250), False),
    ],
    ids=["apng-over", "apng-under", "apng-declared-only", "apng-small-canvas", "webp-over", "webp-under"],
)
def test_frames_times_canvas_pixels_is_bounded(build: Callable[[], bytes], refused: bool) -> None:
    data = build()
    assert 250 * 4000 * 4000 < MAX_ANIMATION_PIXELS < 300 * 4000 * 4000
    if refused:
        with pytest.raises(ImageLimitExceeded):
            probe(data)
    else:
        assert probe(data).frames > 1
