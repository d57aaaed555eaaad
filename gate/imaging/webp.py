"""A structural walk over WebP's RIFF chunks: dimensions, frames, and where EXIF/XMP/C2PA live."""

from __future__ import annotations

import struct
from dataclasses import dataclass

from gate.errors import ImageLimitExceeded, ImageUndecodable
from gate.imaging.limits import MAX_ANCILLARY_CHUNKS, MAX_CHUNKS
from gate.imaging.trailing import trailing_bytes

VP8X_FLAG_EXIF = 0x08
VP8X_FLAG_XMP = 0x04


@dataclass(frozen=True, slots=True)
class Chunk:
    """One RIFF chunk: `start` is the offset of its FourCC, `end` one past its (padded) data."""

    fourcc: bytes
    start: int
    end: int
    size: int

    def payload(self, data: bytes) -> bytes:
        """The chunk data without header or pad byte."""
        return data[self.start + 8 : self.start + 8 + self.size]


@dataclass(frozen=True, slots=True)
class WebpLayout:
    """The top-level chunks of a WebP, its canvas size and frame count."""

    chunks: tuple[Chunk, ...]
    width: int
    height: int
    frames: int
    trailing: tuple[int, int] | None = None  # bytes past the RIFF size, see `trailing`


def walk(data: bytes) -> WebpLayout:
    """Walk the RIFF container; raise ImageUndecodable when sizes disagree or the bitstream header is bad.

    More than MAX_CHUNKS chunks, or MAX_ANCILLARY_CHUNKS that are not animation frames, raise
    ImageLimitExceeded. Bytes past the RIFF size (beyond a little padding, such as a pad byte left outside
    it) are `trailing`, removed by the strip.
    """
    if len(data) < 20 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise ImageUndecodable("not a WebP: bad RIFF header")
    (riff_size,) = struct.unpack_from("<I", data, 4)
    n = riff_size + 8
    if n > len(data):
        raise ImageUndecodable("WebP is truncated: RIFF size exceeds the file")
    chunks: list[Chunk] = []
    pos = 12
    others = 0
    while pos < n:
        if pos + 8 > n:
            raise ImageUndecodable("WebP is truncated inside a chunk header")
        fourcc, size = struct.unpack_from("<4sI", data, pos)
        end = pos + 8 + size + (size & 1)
        if end > n + (size & 1):  # some writers omit the final pad byte
            raise ImageUndecodable("WebP is truncated inside a chunk")
        chunks.append(Chunk(fourcc, pos, min(end, n), size))
        if fourcc != b"ANMF":
            others += 1
        if len(chunks) > MAX_CHUNKS or others > MAX_ANCILLARY_CHUNKS:
            raise ImageLimitExceeded("WebP has more chunks than the gate accepts")
        pos = end
    if not chunks:
        raise ImageUndecodable("WebP has no chunks")
    width, height = _size(data, chunks[0])
    frames = sum(1 for c in chunks if c.fourcc == b"ANMF") or 1
    return WebpLayout(tuple(chunks), width, height, frames, trailing_bytes(data, n))


def header_size(data: bytes) -> tuple[int, int] | None:
    """Canvas size from the first chunk, before the walk; None when it cannot be read."""
    if len(data) < 30:
        return None
    try:
        fourcc, size = struct.unpack_from("<4sI", data, 12)
        return _size(data, Chunk(fourcc, 12, 20 + size, size))
    except ImageUndecodable:
        return None


def _size(data: bytes, first: Chunk) -> tuple[int, int]:
    body = data[first.start + 8 : first.start + 8 + min(first.size, 30)]
    if first.fourcc == b"VP8X" and len(body) >= 10:
        width = int.from_bytes(body[4:7], "little") + 1
        height = int.from_bytes(body[7:10], "little") + 1
        return width, height
    if first.fourcc == b"VP8 " and len(body) >= 10 and body[3:6] == b"\x9d\x01\x2a":
        w, h = struct.unpack_from("<HH", body, 6)
        return w & 0x3FFF, h & 0x3FFF
    if first.fourcc == b"VP8L" and len(body) >= 5 and body[0] == 0x2F:
        (bits,) = struct.unpack_from("<I", body, 1)
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    raise ImageUndecodable("WebP first chunk is not a valid VP8/VP8L/VP8X header")


# An animation frame (ANMF): 16 bytes of position, size, duration and flags, then its frame data: an
# optional ALPH chunk and one VP8 or VP8L chunk. The format lets "unknown chunks" follow, which decoders
# skip, so the walk does not reach them.
_FRAME_HEADER = 16


def frame_known(data: bytes, frame: Chunk) -> bool:
    """Whether an ANMF chunk holds only its header, an optional ALPH and one VP8/VP8L bitstream chunk,
    each whole; anything else (an EXIF, XMP or unknown chunk inside a frame, bytes after the bitstream)
    is a thing no reader shows and the gate does not read."""
    pos, end = frame.start + 8 + _FRAME_HEADER, frame.start + 8 + frame.size
    if data[pos - 1] & 0xFC:  # the frame's reserved flag bits (only blending and disposal are defined)
        return False
    kinds: list[bytes] = []
    while pos + 8 <= end:
        fourcc, size = struct.unpack_from("<4sI", data, pos)
        if fourcc == b"ALPH" and size and not alpha_header_known(data[pos + 8]):
            return False
        if size & 1 and pos + 8 + size < end and data[pos + 8 + size]:  # a pad byte that is not zero
            return False
        pos += 8 + size + (size & 1)
        kinds.append(fourcc)
    return pos in (end, end + 1) and kinds in ([b"VP8 "], [b"VP8L"], [b"ALPH", b"VP8 "], [b"ALPH", b"VP8L"])


def pad_known(data: bytes, chunk: Chunk) -> bool:
    """Whether an odd-sized chunk's pad byte, where present, is zero, as RIFF prescribes and libwebp
    writes (552 real WebPs: all zero). Readers skip it, so another value is a byte published unread."""
    at = chunk.start + 8 + chunk.size
    return not chunk.size & 1 or at >= chunk.end or not data[at]


def alpha_header_known(header: int) -> bool:
    """An ALPH header byte: reserved bits (top two) zero, pre-processing 0 or 1, compression 0 or 1.
    libwebp refuses any other value, so such an image is one no decoder shows."""
    return header >> 6 == 0 and (header >> 4) & 3 <= 1 and header & 3 <= 1


def chunk_bytes(fourcc: bytes, payload: bytes) -> bytes:
    """A complete RIFF chunk with its pad byte."""
    pad = b"\x00" if len(payload) & 1 else b""
    return fourcc + struct.pack("<I", len(payload)) + payload + pad
