"""RIFF pads an odd-sized chunk with one byte that readers skip; libwebp writes zero (552 real WebPs of
others: all zero). Any other value was published unread, one byte a chunk or frame. Now a known chunk,
or a frame's ALPH/VP8/VP8L, with a pad byte other than zero is uninspected (held: the image needs it),
and an unknown chunk is removed whatever its pad (truth table).
"""

from __future__ import annotations

import io
import struct

import pytest
from PIL import Image

from gate.imaging import probe, read_metadata
from gate.imaging.webp import chunk_bytes

PAD = b"C"


def _riff(*chunks: bytes) -> bytes:
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _padded(chunk: bytes, pad: bytes) -> bytes:
    """`chunk` (odd-sized, from chunk_bytes) with its pad byte set to `pad`."""
    assert struct.unpack_from("<I", chunk, 4)[0] & 1
    return chunk[:-1] + pad


def _bitstream() -> bytes:
    """A lossless 5x3 VP8L chunk as libwebp writes it."""
    buf = io.BytesIO()
    Image.new("RGB", (5, 3), (200, 10, 10)).save(buf, "WEBP", lossless=True)
    data = buf.getvalue()
    return data[12:]


def _vp8x(flags: int = 0) -> bytes:
    return chunk_bytes(
        b"VP8X", bytes([flags, 0, 0, 0]) + (4).to_bytes(3, "little") + (2).to_bytes(3, "little")
    )


def _odd_vp8l(pad: bytes) -> bytes:
    """The bitstream grown to an odd size (a trailing zero byte a decoder never reaches), then padded."""
    payload = _bitstream()[8:]
    payload += b"\x00" * (1 - len(payload) % 2)
    return _padded(chunk_bytes(b"VP8L", payload), pad)


def _frame(pad: bytes) -> bytes:
    header = bytes(6) + (4).to_bytes(3, "little") + (2).to_bytes(3, "little") + b"\x64\x00\x00\x00"
    return chunk_bytes(b"ANMF", header + _odd_vp8l(pad))


XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"/>'  # 37 bytes: odd
CASES = {
    "xmp-zero-pad": (_riff(_vp8x(0x04), _padded(chunk_bytes(b"XMP ", XMP), b"\x00"), _odd_vp8l(b"\x00")), []),
    "xmp-pad": (
        _riff(_vp8x(0x04), _padded(chunk_bytes(b"XMP ", XMP), PAD), _odd_vp8l(b"\x00")),
        [("/webp/XMP /0", "uninspected")],  # the FourCC as it is,
    ),
    "bitstream-pad": (_riff(_vp8x(), _odd_vp8l(PAD)), [("/webp/VP8L/0", "uninspected")]),
    "unknown-chunk-pad": (
        _riff(_vp8x(), _padded(chunk_bytes(b"ZZZZ", b"abc"), PAD), _odd_vp8l(b"\x00")),
        [("/webp/ZZZZ/0", "unread")],
    ),
    "frame-zero-pad": (_riff(_vp8x(0x02), chunk_bytes(b"ANIM", bytes(6)), _frame(b"\x00")), []),
    "frame-pad": (
        _riff(_vp8x(0x02), chunk_bytes(b"ANIM", bytes(6)), _frame(PAD)),
        [("/webp/ANMF/0", "uninspected")],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_pad_byte_other_than_zero_is_not_published_unread(case: str) -> None:
    data, expected = CASES[case]
    found = [(item.path, item.kind) for item in read_metadata(data, probe(data)).items]
    assert [f for f in found if f[1] in ("uninspected", "unread")] == expected
