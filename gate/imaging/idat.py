"""What a PNG's IDAT (and APNG's fdAT) chunks hold beyond the picture: bytes after the end of the zlib
stream, and rows past the image inside it.

Decoders (libpng, Pillow) stop at the stream's end and at the last row the header asks for; whatever
follows is read by nobody, yet would be published. So the stream is inflated once, its output counted
and dropped (never kept whole), and compared with what IHDR needs. Bytes after the stream are cut (the
chunks are rewritten up to the stream's end, so the pixels are the same bytes); rows past the image sit
inside the compressed data, which the gate will not recompress, so such an image is not published; nor
is an APNG whose frame holds more than its picture (fdAT chunks are numbered in sequence with fcTL).
"""

from __future__ import annotations

import itertools
import struct
from dataclasses import dataclass
from typing import cast

# ISA-L's inflate, several times faster than the system zlib's, as its CRC-32 is (see `png`).
from isal import isal_zlib

from gate.imaging import png

_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # colour type -> samples per pixel
# Adam7's passes: first column, first row, column step, row step.
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
_WINDOW = 1 << 20  # inflated bytes per call: bounds the memory whatever the image
_INFLATE_ERROR = cast("type[Exception]", isal_zlib.error)  # the stub declares an instance, not a class


@dataclass(frozen=True, slots=True)
class StreamExcess:
    """Image data chunks holding more than the picture. `span` runs over the chunks to replace and
    `rewritten` is the chunks holding the stream alone, or None when they cannot be cut (rows past the
    image sit inside the stream; an APNG frame's fdAT chunks are numbered, so none can go). `name` is the
    chunk type, `ordinal` the frame (0 for IDAT, fcTL's order for fdAT)."""

    name: str
    ordinal: int
    span: tuple[int, int]
    rewritten: bytes | None


def raw_size(ihdr: bytes) -> int | None:
    """The bytes a decoder inflates for this IHDR (filter byte per row included); None when it is not
    one the PNG specification defines (the walk's decoders refuse it anyway)."""
    fields: tuple[int, ...] = struct.unpack(">IIBBBBB", ihdr[:13])
    width, height, depth, colour, _, _, interlace = fields
    channels = _CHANNELS.get(colour)
    if channels is None or depth not in (1, 2, 4, 8, 16) or interlace > 1:
        return None
    bits = channels * depth
    if not interlace:
        return height * (1 + (width * bits + 7) // 8)
    total = 0
    for x0, y0, dx, dy in _ADAM7:
        columns, rows = (width - x0 + dx - 1) // dx, (height - y0 + dy - 1) // dy
        if columns > 0 and rows > 0:
            total += rows * (1 + (columns * bits + 7) // 8)
    return total


# The last image's answer: the metadata read and the strip both ask it of the same bytes, and the inflate
# is most of the cost (36 ms for a noisy 1-megapixel RGB PNG with ISA-L, 82 ms with zlib). Holds that one
# image until the next is asked about (memory only).
_last: list[tuple[bytes, tuple[StreamExcess, ...]]] = []


def stream_excess(data: bytes, layout: png.PngLayout) -> tuple[StreamExcess, ...]:
    """The IDAT chunks, and each APNG frame's fdAT chunks, of `data` that hold bytes after their zlib
    stream or rows past their picture.

    A stream that is corrupt or ends early is left to the decoders, which refuse it: nothing of it is
    published unread.
    """
    cached = _last[0] if _last else None  # read once: checks may run on threads, each with its own image
    if cached is not None and cached[0] is data:
        return cached[1]
    found = tuple(_excess(data, layout))
    _last[:] = [(data, found)]
    return found


def _excess(data: bytes, layout: png.PngLayout) -> list[StreamExcess]:
    ihdr = layout.chunks[0].payload(data)
    found: list[StreamExcess] = []
    idat = [c for c in layout.chunks if c.type == b"IDAT"]
    consumed = _consumed(data, idat, 0, raw_size(ihdr))
    if consumed is not None:
        # Another chunk between IDATs would be inside the span the cut replaces: not cut, not published.
        apart = any(a.end != b.start for a, b in itertools.pairwise(idat))
        cut = None if consumed < 0 or apart else _cut(data, idat, consumed)
        found.append(StreamExcess("IDAT", 0, _span(idat), cut))
    for ordinal, (size, chunks) in enumerate(_frames(data, layout)):
        expected = raw_size(size + ihdr[8:])
        if chunks and _consumed(data, chunks, 4, expected) is not None:
            found.append(StreamExcess("fdAT", ordinal, _span(chunks), None))
    return found


def _frames(data: bytes, layout: png.PngLayout) -> list[tuple[bytes, list[png.Chunk]]]:
    """Each fcTL's width and height (as IHDR spells them) and the fdAT chunks of its frame."""
    frames: list[tuple[bytes, list[png.Chunk]]] = []
    for chunk in layout.chunks:
        if chunk.type == b"fcTL" and chunk.end - chunk.start >= 24:
            frames.append((data[chunk.start + 12 : chunk.start + 20], []))
        elif chunk.type == b"fdAT" and frames:
            frames[-1][1].append(chunk)
    return frames


def _consumed(data: bytes, chunks: list[png.Chunk], skip: int, expected: int | None) -> int | None:
    """How many payload bytes of `chunks` (each read past its first `skip`) the zlib stream takes, when
    others follow it; -1 when it inflates past `expected`; None when it holds the picture alone."""
    if not chunks or expected is None:
        return None
    inflater = isal_zlib.decompressobj()
    produced = 0
    consumed = 0  # compressed bytes read before the stream's end
    try:
        for chunk in chunks:
            pending = memoryview(data)[chunk.start + 8 + skip : chunk.end - 4]
            while pending and not inflater.eof:
                produced += len(inflater.decompress(pending, _WINDOW))
                tail = inflater.unconsumed_tail or inflater.unused_data
                consumed += len(pending) - len(tail)
                pending = memoryview(inflater.unconsumed_tail) if not inflater.eof else memoryview(b"")
                if produced > expected:
                    return -1
            if inflater.eof:
                break
    except _INFLATE_ERROR:
        return None
    total = sum(c.end - c.start - 12 - skip for c in chunks)
    return consumed if inflater.eof and consumed < total else None


def _span(chunks: list[png.Chunk]) -> tuple[int, int]:
    return chunks[0].start, chunks[-1].end


def _cut(data: bytes, chunks: list[png.Chunk], keep: int) -> bytes:
    """The IDAT chunks holding their first `keep` payload bytes, chunk boundaries as they were."""
    out = []
    for chunk in chunks:
        size = chunk.end - chunk.start - 12
        if keep <= 0:
            break
        if size <= keep:
            out.append(data[chunk.start : chunk.end])
        else:
            out.append(png.chunk_bytes(b"IDAT", chunk.payload(data)[:keep]))
        keep -= size
    return b"".join(out)
