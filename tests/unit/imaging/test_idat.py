"""What a PNG's image data inflates to (IHDR's rows, Adam7's seven passes), and where its stream ends."""

from __future__ import annotations

import struct
import zlib

import pytest

from gate.imaging import idat, png
from tests.unit.imaging.images import chunk, png_bytes


def _ihdr(width: int, height: int, depth: int, colour: int, interlace: int = 0) -> bytes:
    return struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace)


@pytest.mark.parametrize(
    ("ihdr", "size"),
    [
        (_ihdr(8, 8, 8, 0), 8 * 9),  # greys: a filter byte and 8 samples a row
        (_ihdr(3, 2, 16, 2), 2 * (1 + 18)),  # 16-bit RGB
        (_ihdr(9, 3, 1, 0), 3 * (1 + 2)),  # 1-bit greys: 9 pixels take 2 bytes
        (_ihdr(5, 1, 4, 3), 1 + 3),  # 4-bit palette
        (_ihdr(2, 2, 8, 6), 2 * (1 + 8)),  # RGBA
        (_ihdr(2, 2, 16, 4), 2 * (1 + 8)),  # 16-bit grey and alpha
        (_ihdr(1, 1, 8, 2, 1), 1 + 3),  # Adam7: only the first pass has a pixel
        # Adam7 8x8 greys: passes of 1x1, 1x1, 2x1, 2x2, 4x2, 4x4, 8x4 pixels
        (_ihdr(8, 8, 8, 0, 1), 2 + 2 + 3 + 2 * 3 + 2 * 5 + 4 * 5 + 4 * 9),
        (_ihdr(3, 1, 8, 0, 1), 2 + 2 + 2),  # passes 1, 4 (column 2) and 6 (column 1); the rest empty
        (_ihdr(8, 8, 8, 1), None),  # no colour type 1
        (_ihdr(8, 8, 3, 0), None),  # no 3-bit depth
        (_ihdr(8, 8, 8, 0, 2), None),  # no interlace method 2
    ],
)
def test_the_inflated_size_is_what_ihdr_asks_for(ihdr: bytes, size: int | None) -> None:
    assert idat.raw_size(ihdr) == size


def _png(*idat_payloads: bytes) -> bytes:
    rows = b"\x00" * (8 * 9)
    head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", _ihdr(8, 8, 8, 0))
    payloads = idat_payloads or (zlib.compress(rows),)
    return head + b"".join(chunk(b"IDAT", p) for p in payloads) + chunk(b"IEND", b"")


STREAM = zlib.compress(b"\x00" * (8 * 9))


@pytest.mark.parametrize(
    "data",
    [_png(), _png(STREAM[:5], STREAM[5:]), _png(STREAM[:-1], STREAM[-1:]), png_bytes()],
    ids=["one chunk", "split", "last byte alone", "pillow"],
)
def test_a_stream_holding_the_picture_alone_has_no_excess(data: bytes) -> None:
    assert idat.stream_excess(data, png.walk(data)) == ()


@pytest.mark.parametrize(
    ("payloads", "kept"),
    [
        ((STREAM + b"tail",), (STREAM,)),
        ((STREAM[:5], STREAM[5:] + b"tail"), (STREAM[:5], STREAM[5:])),
        ((STREAM, b"tail"), (STREAM,)),
        ((STREAM[:5], STREAM[5:], b"ta", b"il"), (STREAM[:5], STREAM[5:])),
    ],
    ids=["in the chunk", "in the last chunk", "a chunk alone", "chunks alone"],
)
def test_bytes_after_the_stream_are_cut_and_chunk_boundaries_kept(
    payloads: tuple[bytes, ...], kept: tuple[bytes, ...]
) -> None:
    data = _png(*payloads)
    (excess,) = idat.stream_excess(data, png.walk(data))
    assert (excess.name, excess.ordinal) == ("IDAT", 0)
    assert excess.rewritten == b"".join(chunk(b"IDAT", p) for p in kept)


@pytest.mark.parametrize(
    ("payload", "cut"),
    [
        (zlib.compress(b"\x00" * (8 * 9 + 1)), [None]),  # inside the stream: cannot be cut
        (b"not zlib", []),  # decoders refuse these: nothing is published unread
        (STREAM[:-4], []),
    ],
    ids=["one byte past the rows", "corrupt", "ends early"],
)
def test_rows_past_the_image_are_not_cut_and_a_broken_stream_is_the_decoders(
    payload: bytes, cut: list[None]
) -> None:
    data = _png(payload)
    assert [e.rewritten for e in idat.stream_excess(data, png.walk(data))] == cut


def test_idat_chunks_apart_are_not_cut() -> None:
    """A chunk between IDATs would fall inside the span the cut replaces: the excess stays uninspected."""
    data = _png(STREAM)
    at = data.index(b"IEND") - 4
    data = data[:at] + chunk(b"prVt", b"private") + chunk(b"IDAT", b"tail") + data[at:]
    assert [e.rewritten for e in idat.stream_excess(data, png.walk(data))] == [None]
