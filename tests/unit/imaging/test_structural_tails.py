"""Bytes a container's own counts say nobody reads, found by default without inflating or decoding: APNG
frames past acTL's count (or without an acTL), a raw WebP ALPH chunk longer than width x height."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from gate.imaging import png, probe, read_metadata, strip_identifiers, webp
from tests.unit.imaging.images import pixels

PLANTED = b"jane.doe@example.org, 12 Acacia Avenue"


def _apng(frames: int = 2) -> bytes:
    buf = io.BytesIO()
    images = [pixels(), pixels().transpose(Image.Transpose.FLIP_LEFT_RIGHT), pixels().rotate(180)]
    images[0].save(buf, "PNG", save_all=True, append_images=images[1:frames])
    return buf.getvalue()


def _with_chunk_payload(data: bytes, ctype: bytes, payload: bytes) -> bytes:
    at = data.index(ctype) - 4
    (size,) = struct.unpack_from(">I", data, at)
    new = struct.pack(">I", len(payload)) + ctype + payload
    new += struct.pack(">I", zlib.crc32(ctype + payload))
    return data[:at] + new + data[at + 12 + size :]


def _counted(data: bytes, frames: int) -> bytes:
    """`data` with acTL's frame count set to `frames` (the loop count kept)."""
    actl = png.walk(data).chunks[1].payload(data)
    return _with_chunk_payload(data, b"acTL", struct.pack(">I", frames) + actl[4:])


def _without_actl(data: bytes) -> bytes:
    at = data.index(b"acTL") - 4
    return data[:at] + data[at + 12 + 8 :]


def _extra_frame(data: bytes) -> bytes:
    """A third frame appended (fcTL + fdAT with the next sequence numbers) holding `PLANTED` pixels."""
    chunks = png.walk(data).chunks
    fctl = next(c for c in chunks if c.type == b"fcTL").payload(data)
    seq = sum(1 for c in chunks if c.type in (b"fcTL", b"fdAT"))
    body = zlib.compress(b"\x00" + PLANTED)
    extra = b""
    for ctype, payload in (
        (b"fcTL", struct.pack(">I", seq) + fctl[4:]),
        (b"fdAT", struct.pack(">I", seq + 1) + body),
    ):
        extra += (
            struct.pack(">I", len(payload)) + ctype + payload + struct.pack(">I", zlib.crc32(ctype + payload))
        )
    at = data.index(b"IEND") - 4
    return data[:at] + extra + data[at:]


def _frames_shown(data: bytes) -> list[bytes]:
    with Image.open(io.BytesIO(data)) as image:
        shown = []
        for number in range(getattr(image, "n_frames", 1)):
            image.seek(number)
            shown.append(image.convert("RGBA").tobytes())
        return shown


@pytest.mark.parametrize(
    "data",
    [
        _counted(_apng(3), 2),  # three frames, acTL counts two
        _extra_frame(_apng(2)),  # a frame after the last one counted
        _without_actl(_apng(2)),  # no acTL: a still PNG whose fcTL/fdAT no decoder reads
    ],
    ids=["count-short", "frame-appended", "no-actl"],
)
def test_frames_no_decoder_shows_are_removed_and_the_shown_ones_kept(data: bytes) -> None:
    found = probe(data)
    assert read_metadata(data, found).paths("unread") == ("/png/fcTL/uncounted",)
    out = strip_identifiers(data, found)
    assert zlib.compress(b"\x00" + PLANTED) not in out
    chunks = png.walk(out).chunks
    counted = png.walk(out).frames if any(c.type == b"acTL" for c in chunks) else 0
    assert sum(c.type == b"fcTL" for c in chunks) == counted
    assert read_metadata(out, probe(out)).paths("unread") == ()
    assert _frames_shown(out) == _frames_shown(data)


@pytest.mark.parametrize("frames", [2, 3])
def test_a_clean_animation_has_nothing_uncounted(frames: int) -> None:
    data = _apng(frames)
    assert read_metadata(data, probe(data)).paths("unread") == ()


def _raw_alpha_webp(extra: bytes) -> bytes:
    """A lossy WebP with an uncompressed ALPH chunk (header 0: no filter, no compression) + `extra`."""
    image = pixels("RGB").convert("RGBA")
    buf = io.BytesIO()
    image.save(buf, "WEBP", quality=80)
    layout = webp.walk(buf.getvalue())
    vp8 = next(c for c in layout.chunks if c.fourcc == b"VP8 ").payload(buf.getvalue())
    width, height = image.size
    alpha = bytes((x * 3) % 256 for x in range(width * height))
    size = (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    body = (
        webp.chunk_bytes(b"VP8X", bytes((0x10, 0, 0, 0)) + size)
        + webp.chunk_bytes(b"ALPH", b"\x00" + alpha + extra)
        + webp.chunk_bytes(b"VP8 ", vp8)
    )
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body


def _decoded(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGBA").tobytes()


def test_a_raw_alpha_chunk_is_cut_back_to_its_pixels() -> None:
    data = _raw_alpha_webp(PLANTED)
    found = probe(data)
    assert read_metadata(data, found).paths("unread") == ("/webp/ALPH/raw-tail",)
    out = strip_identifiers(data, found)
    assert PLANTED not in out
    assert read_metadata(out, probe(out)).paths("unread") == ()
    assert _decoded(out) == _decoded(data)


def test_a_raw_alpha_chunk_of_the_right_size_is_clean() -> None:
    data = _raw_alpha_webp(b"")
    assert read_metadata(data, probe(data)).paths("unread") == ()


def _animated_raw_alpha(extra: bytes) -> bytes:
    """A one-frame animated WebP whose ANMF holds an uncompressed ALPH + `extra` and the VP8 of
    `_raw_alpha_webp` (libwebp decodes a single frame of an animation)."""
    still = _raw_alpha_webp(extra)
    layout = webp.walk(still)
    inner = b"".join(still[c.start : c.end] for c in layout.chunks if c.fourcc in (b"ALPH", b"VP8 "))
    width, height = pixels().size
    header = bytes(6) + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    header += (100).to_bytes(3, "little") + b"\x00"
    size = (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    body = (
        webp.chunk_bytes(b"VP8X", bytes((0x12, 0, 0, 0)) + size)
        + webp.chunk_bytes(b"ANIM", bytes(4) + b"\x00\x00")
        + webp.chunk_bytes(b"ANMF", header + inner)
    )
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body


def test_a_raw_alpha_chunk_in_an_animation_frame_is_cut_too() -> None:
    data = _animated_raw_alpha(PLANTED)
    found = probe(data)
    assert read_metadata(data, found).paths("unread") == ("/webp/ANMF/0-raw-tail",)
    out = strip_identifiers(data, found)
    assert PLANTED not in out
    assert read_metadata(out, probe(out)).paths("unread") == ()
    assert _decoded(out) == _decoded(data)
    clean = _animated_raw_alpha(b"")
    assert read_metadata(clean, probe(clean)).paths("unread") == ()
