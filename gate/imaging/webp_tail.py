"""Bytes a WebP bitstream chunk (VP8, VP8L, ALPH) carries after its coded picture.

The chunk's size covers them, so the RIFF walk cannot see them; only a decode can. libwebp reports no
consumed size, so the chunk is cut from its end: a decode (Pillow's libwebp) of the file with the
chunk's last `c` bytes removed that gives the same pixels never needed them. libwebp's lossy (VP8)
decoder fails on a partition it must read past, so a cut that decodes is a cut it never read; its
lossless decoder (VP8L, and ALPH's compressed alpha) reads a little past the end as zeros, so there the
last spare byte is kept. Measured on written and real files: a clean VP8 chunk has 1-3 bytes libwebp
never reads (what the encoder's flush leaves); a clean VP8L or ALPH chunk none. So up to `_SPARE`
bytes are what any encoder leaves; more are cut (the pixels checked the same) and the chunk rewritten.

A VP8 frame's first partition has its size in the frame tag: bytes after its code are found the same way,
cutting the partition (the tag rewritten). Left for a later round (see the README): the token
partitions but the last (sizes in a table after the first partition, rare: libwebp writes one), and the
frames of an animation (ANMF), which are not decoded one by one.

A decode per bitstream chunk plus one per cut tried: the policy's choice, under
`limits.inspect_compressed_streams` as PNG's inflate (`idat`).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

from gate.imaging import webp

_CODED = (b"ALPH", b"VP8 ", b"VP8L")
# Bytes after the code an encoder may leave: libwebp's VP8 flush (up to 3 measured; libvpx writes 4).
_SPARE = {b"VP8 ": 4, b"VP8L": 1, b"ALPH": 1}


@dataclass(frozen=True, slots=True)
class BitstreamTail:
    """A bitstream chunk holding bytes after its code: `span` is the chunk, `rewritten` the chunk cut
    back to what the decoder reads, or None when it could not be decoded to tell."""

    name: str
    span: tuple[int, int]
    rewritten: bytes | None


_last: list[tuple[bytes, tuple[BitstreamTail, ...]]] = []  # read_metadata and the strip ask of the same bytes


def bitstream_tails(data: bytes, layout: webp.WebpLayout) -> tuple[BitstreamTail, ...]:
    """The top-level VP8, VP8L and ALPH chunks of `data` holding more than their code (module docstring)."""
    cached = _last[0] if _last else None
    if cached is not None and cached[0] is data:
        return cached[1]
    chunks = [c for c in layout.chunks if c.fourcc in _CODED]
    found: list[BitstreamTail] = []
    full = _pixels(data) if chunks and layout.frames == 1 else None
    for chunk in chunks if layout.frames == 1 else ():
        name = chunk.fourcc.decode().strip()
        kept = None if full is None else _kept(data, chunk, full)  # undecodable here: held
        if kept != chunk.payload(data):
            rewritten = None if kept is None else webp.chunk_bytes(chunk.fourcc, kept)
            found.append(BitstreamTail(name, (chunk.start, chunk.end), rewritten))
    _last[:] = [(data, tuple(found))]
    return _last[0][1]


Cutter = Callable[[bytes, int], "bytes | None"]


def _at_end(body: bytes, count: int) -> bytes | None:
    return body[: len(body) - count] if count <= len(body) else None


def _first_partition(body: bytes, count: int) -> bytes | None:
    """A VP8 key frame with its first partition (size in the frame tag) `count` bytes shorter."""
    tag = int.from_bytes(body[:3], "little")
    size = tag >> 5
    if tag & 1 or count > size or len(body) < 10 + size:
        return None
    return (
        ((tag & 0x1F) | ((size - count) << 5)).to_bytes(3, "little")
        + body[3 : 10 + size - count]
        + body[10 + size :]
    )


def _kept(data: bytes, chunk: webp.Chunk, full: bytes) -> bytes | None:
    """The chunk's payload without what the decoder does not read; None when the cut changes the pixels."""
    body = chunk.payload(data)
    cutters: list[Cutter] = [_first_partition, _at_end] if chunk.fourcc == b"VP8 " else [_at_end]
    kept = body
    for cutter in cutters:
        spare = _spare_bytes(data, chunk, full, cutter)
        if spare > _SPARE[chunk.fourcc]:
            # libwebp never read a VP8 chunk's spare bytes; a lossless one's last it may read as zeros.
            shorter = cutter(kept, spare - (0 if chunk.fourcc == b"VP8 " else 1))
            if shorter is None:
                return None
            kept = shorter
    if kept is not body and _pixels(_with(data, chunk, kept)) != full:
        return None
    return kept


def _spare_bytes(data: bytes, chunk: webp.Chunk, full: bytes, cutter: Cutter) -> int:
    """The most bytes `cutter` removes from `chunk` leaving the decoded pixels as `full`; 0 when that is
    no more than `_SPARE` (the common case, one decode)."""
    body = chunk.payload(data)

    def spare(count: int) -> bool:
        shorter = cutter(body, count)
        return shorter is not None and _pixels(_with(data, chunk, shorter)) == full

    low = _SPARE[chunk.fourcc] + 1
    if not spare(low):
        return 0
    step = 1
    while spare(low + step):  # doubling, then halving: a few decodes per tail
        low += step
        step *= 2
    high = low + step
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if spare(middle) else (low, middle)
    return low


def _with(data: bytes, chunk: webp.Chunk, body: bytes) -> bytes:
    out = data[: chunk.start] + webp.chunk_bytes(chunk.fourcc, body) + data[chunk.end :]
    return out[:4] + struct.pack("<I", len(out) - 8) + out[8:]


def _pixels(data: bytes) -> bytes | None:
    """The decoded pixels (mode and size included), or None when libwebp refuses the file."""
    try:
        with Image.open(io.BytesIO(data), formats=("WEBP",)) as image:
            image.load()
            return f"{image.mode}{image.size}".encode() + image.tobytes()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
