"""What a PNG's IDAT chunks hold beyond the picture: bytes after the end of the zlib stream, and rows
past the image inside it.

Decoders (libpng, Pillow) stop at the stream's end and at the last row the header asks for; whatever
follows is read by nobody, yet would be published. So the stream is inflated once, its output counted
and dropped (never kept whole), and compared with what IHDR needs. Bytes after the stream are cut (the
chunks are rewritten up to the stream's end, so the pixels are the same bytes); rows past the image sit
inside the compressed data, which the gate will not recompress, so such an image is not published.
"""

from __future__ import annotations

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
class IdatTail:
    """IDAT chunks holding more than the picture: `span` runs over the chunks to replace, `rewritten` the
    chunks holding the stream alone, or None when the excess is inside the stream (rows past the image)."""

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
_last: list[tuple[bytes, IdatTail | None]] = []


def idat_tail(data: bytes, layout: png.PngLayout) -> IdatTail | None:
    """The IDAT chunks of `data` when they hold bytes after the zlib stream or rows past the image.

    A stream that is corrupt or ends early is left to the decoders, which refuse it: nothing of it is
    published unread.
    """
    if not _last or _last[0][0] is not data:
        _last[:] = [(data, _idat_tail(data, layout))]
    return _last[0][1]


def _idat_tail(data: bytes, layout: png.PngLayout) -> IdatTail | None:
    chunks = [c for c in layout.chunks if c.type == b"IDAT"]
    expected = raw_size(layout.chunks[0].payload(data))
    if not chunks or expected is None:
        return None
    inflater = isal_zlib.decompressobj()
    produced = 0
    consumed = 0  # compressed bytes read before the stream's end
    try:
        for chunk in chunks:
            pending = memoryview(data)[chunk.start + 8 : chunk.end - 4]
            while pending and not inflater.eof:
                produced += len(inflater.decompress(pending, _WINDOW))
                tail = inflater.unconsumed_tail or inflater.unused_data
                consumed += len(pending) - len(tail)
                pending = memoryview(inflater.unconsumed_tail) if not inflater.eof else memoryview(b"")
                if produced > expected:
                    return IdatTail(_span(chunks), None)
            if inflater.eof:
                break
    except _INFLATE_ERROR:
        return None
    if not inflater.eof:
        return None
    total = sum(c.end - c.start - 12 for c in chunks)
    if consumed == total:
        return None
    return IdatTail(_span(chunks), _cut(data, chunks, consumed))


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
