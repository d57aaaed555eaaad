"""Bytes a WebP bitstream chunk (VP8, VP8L, ALPH) carries after its coded picture.

The chunk's size covers them, so the RIFF walk cannot see them; only a decode can. libwebp reports no
consumed size, so the chunk is cut from its end: a decode (Pillow's libwebp) of the picture with the
chunk's last `c` bytes removed that gives the same pixels never needed them. libwebp's lossy (VP8)
decoder fails on a partition it must read past, so a cut that decodes is a cut it never read; its
lossless decoder (VP8L, and ALPH's compressed alpha) reads a little past the end as zeros, so there the
last spare byte is kept. Measured on written and real files: a clean VP8 chunk has 1-3 bytes libwebp
never reads (what the encoder's flush leaves); a clean VP8L or ALPH chunk none, or zeros (an older
libwebp's flush, as in CPython's test image). So up to `_SPARE` bytes, then zeros, are what encoders
leave; more are cut (the pixels checked the same) and the chunk rewritten.
A VP8 frame's first partition has its size in the frame tag: bytes after its code are found the same
way, cutting the partition (the tag rewritten).

Each picture is decoded on its own: the still image's bitstream chunks, and each animation frame's
(ANMF) put in a WebP of the frame's size, so a frame costs its own decode, not its predecessors'. Left
for a later round (see the README): the token partitions but the last (sizes in a table after the first
partition; libwebp writes one).

A decode per picture plus one per cut tried: the policy's choice, under
`limits.inspect_compressed_streams` as PNG's inflate (`idat`).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Callable
from dataclasses import dataclass, replace

from PIL import Image

from gate.imaging import webp
from gate.imaging.tail_search import longest_spare

_CODED = (b"ALPH", b"VP8 ", b"VP8L")
# Bytes after the code an encoder may leave: libwebp's VP8 flush (up to 3 measured; libvpx writes 4).
_SPARE = {b"VP8 ": 4, b"VP8L": 1, b"ALPH": 1}
_FRAME_HEADER = 16  # an ANMF chunk's position, size, duration and flags, before its frame data
_ALPHA_FLAG = 0x10  # VP8X: the picture has an alpha channel
Cutter = Callable[[bytes, int], "bytes | None"]  # a payload shortened by a count of bytes, or None


@dataclass(frozen=True, slots=True)
class BitstreamTail:
    """A bitstream chunk holding bytes after its code: `span` is the chunk, `rewritten` the chunk cut
    back to what the decoder reads, or None when it could not be decoded to tell."""

    name: str
    span: tuple[int, int]
    rewritten: bytes | None
    ordinal: str = "tail"  # an animation frame's: its number among the frames, then "-tail"


_last: list[tuple[bytes, tuple[BitstreamTail, ...]]] = []  # read_metadata and the strip ask of the same bytes


def bitstream_tails(data: bytes, layout: webp.WebpLayout) -> tuple[BitstreamTail, ...]:
    """The VP8, VP8L and ALPH chunks of `data` (top-level, or in an animation frame) holding more than
    their code (module docstring)."""
    cached = _last[0] if _last else None
    if cached is not None and cached[0] is data:
        return cached[1]
    found: list[BitstreamTail] = []
    coded = [c for c in layout.chunks if c.fourcc in _CODED]
    if coded and layout.frames == 1:
        kept = _kept(layout.width, layout.height, [c.fourcc for c in coded], [c.payload(data) for c in coded])
        for index, chunk in enumerate(coded):
            if kept is None or kept[index] != chunk.payload(data):
                name = chunk.fourcc.decode().strip()
                rewritten = None if kept is None else webp.chunk_bytes(chunk.fourcc, kept[index])
                found.append(BitstreamTail(name, (chunk.start, chunk.end), rewritten))
    frames = [c for c in layout.chunks if c.fourcc == b"ANMF"]
    for number, frame in enumerate(frames):
        if webp.frame_known(data, frame):  # others are held whole (`blocks`)
            tail = _frame_tail(data, frame)
            if tail is not None:
                found.append(replace(tail, ordinal=f"{number}-tail"))
    _last[:] = [(data, tuple(found))]
    return _last[0][1]


def _frame_tail(data: bytes, frame: webp.Chunk) -> BitstreamTail | None:
    """An animation frame whose bitstream chunks hold more than their code, rewritten without it."""
    header = data[frame.start + 8 : frame.start + 8 + _FRAME_HEADER]
    width = int.from_bytes(header[6:9], "little") + 1
    height = int.from_bytes(header[9:12], "little") + 1
    pos, end = frame.start + 8 + _FRAME_HEADER, frame.start + 8 + frame.size
    kinds: list[bytes] = []
    bodies: list[bytes] = []
    while pos + 8 <= end:
        fourcc, size = struct.unpack_from("<4sI", data, pos)
        kinds.append(fourcc)
        bodies.append(data[pos + 8 : pos + 8 + size])
        pos += 8 + size + (size & 1)
    kept = _kept(width, height, kinds, bodies)
    if kept == bodies:
        return None
    rewritten = None
    if kept is not None:
        inner = b"".join(webp.chunk_bytes(kind, body) for kind, body in zip(kinds, kept, strict=True))
        rewritten = webp.chunk_bytes(b"ANMF", header + inner)
    return BitstreamTail("ANMF", (frame.start, frame.end), rewritten)


def _kept(width: int, height: int, kinds: list[bytes], bodies: list[bytes]) -> list[bytes] | None:
    """Each chunk's payload without what the decoder does not read; None when the picture does not
    decode here or a cut changes its pixels (held: nothing is published unread)."""
    full = _pixels(_standalone(width, height, kinds, bodies))
    if full is None:
        return None
    kept = list(bodies)
    for index, kind in enumerate(kinds):
        cutters: list[Cutter] = [_first_partition, _at_end] if kind == b"VP8 " else [_at_end]
        for cutter in cutters:

            def decodes(body: bytes, at: int = index) -> bytes | None:
                return _pixels(_standalone(width, height, kinds, [*bodies[:at], body, *bodies[at + 1 :]]))

            spare = _spare_bytes(bodies[index], kind, full, cutter, decodes)
            # Zeros past the code are an older encoder's word-sized flush (libwebp 0.x's VP8L writer):
            # they carry nothing, and cutting them would rewrite a clean file.
            if len(_removed(cutter, bodies[index], spare).rstrip(b"\x00")) > _SPARE[kind]:
                # libwebp never read a VP8 chunk's spare bytes; a lossless one's last it may read as zeros.
                shorter = cutter(kept[index], spare - (0 if kind == b"VP8 " else 1))
                if shorter is None:
                    return None
                kept[index] = shorter
    if kept != bodies and _pixels(_standalone(width, height, kinds, kept)) != full:
        return None
    return kept


def _standalone(width: int, height: int, kinds: list[bytes], bodies: list[bytes]) -> bytes:
    """A WebP of one picture: its bitstream chunks, behind a VP8X header when an ALPH chunk is among them."""
    chunks = b"".join(webp.chunk_bytes(kind, body) for kind, body in zip(kinds, bodies, strict=True))
    if b"ALPH" in kinds:
        size = (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
        chunks = webp.chunk_bytes(b"VP8X", bytes((_ALPHA_FLAG, 0, 0, 0)) + size) + chunks
    return b"RIFF" + struct.pack("<I", len(chunks) + 4) + b"WEBP" + chunks


def _removed(cutter: Cutter, body: bytes, count: int) -> bytes:
    """The `count` bytes `cutter` takes out of `body`: its end, or the end of a VP8 first partition."""
    if cutter is _at_end:
        return body[len(body) - count :] if count else b""
    end = 10 + (int.from_bytes(body[:3], "little") >> 5)
    return body[end - count : end]


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


def _spare_bytes(
    body: bytes, kind: bytes, full: bytes, cutter: Cutter, decodes: Callable[[bytes], bytes | None]
) -> int:
    """The most bytes `cutter` removes from `body` leaving the decoded pixels as `full`; 0 when that is
    no more than `_SPARE` (the common case, one decode)."""

    def spare(count: int) -> bool:
        shorter = cutter(body, count)
        return shorter is not None and decodes(shorter) == full

    low = _SPARE[kind] + 1
    return longest_spare(spare, low) if spare(low) else 0


def _pixels(data: bytes) -> bytes | None:
    """The decoded pixels (mode and size included), or None when libwebp refuses the file."""
    try:
        with Image.open(io.BytesIO(data), formats=("WEBP",)) as image:
            image.load()
            return f"{image.mode}{image.size}".encode() + image.tobytes()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
