"""Headers whose Pillow parse is known in advance: `probe` skips Pillow's `Image.open` for them.

`probe` walks every segment or chunk itself, then lets Pillow parse the header too and refuses what
Pillow refuses (a second opinion on decodability). That parse costs 13-17 us warm and 40 us or more
right after a c2pa call, for every image. For most images the walk has already read everything
Pillow's header parse looks at, and the outcome is certain: Pillow opens them, with the walk's size.
`plain_header` says when that is so, by Pillow's own rules (Pillow 11-13: `JpegImagePlugin._open` and
its marker handlers, `jpeg_factory`, `PngImagePlugin._open` and its chunk handlers,
`ImageFile.__init__`); anything it does not know for certain is not plain, and Pillow parses it as
before. So a header Pillow refuses is never plain, and the decision for every image stays Pillow's.
`tests/unit/imaging/test_plain_header.py` holds this to Pillow itself on generated, mutated and real
files, so a Pillow release that parses more is noticed.

JPEG: the primary picture's segments before its first scan are all ones Pillow reads with a length
(frames, tables, APPn, COM, DRI); a frame of 8-bit samples with 1, 3 or 4 components and whole
component entries; quantisation tables of Pillow's lengths; no APPn Pillow parses further in a way
that can raise (EXIF, whose DPI Pillow reads; ICC profiles, Photoshop resources, an MPF index, which
makes Pillow open an MPO) and JFIF or Adobe segments long enough for Pillow's fixed-offset reads.
PNG: an IHDR first, whole, with a colour type and bit depth Pillow has a mode for and filter method 0,
then only chunks Pillow has no handler for, up to the first IDAT (Pillow reads no further).
"""

from __future__ import annotations

import struct
from typing import Final

from PIL import PngImagePlugin

from gate.imaging import jpeg, png, webp

# Markers Pillow reads a length for (its handlers SOF, DQT, APP, COM, Skip): the frames, DHT, DAC, DQT,
# DRI, APP0-15, COM. Pillow has no handler for JPG (C8) and JPGn (F0-FD), so it would read their length
# bytes as markers; markers below C0 it refuses.
_SOF: Final = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_READ_WITH_LENGTH: Final = _SOF | {0xC4, 0xCC, 0xDB, 0xDD, 0xFE} | frozenset(range(0xE0, 0xF0))
_DQT: Final = 0xDB
# APPn payloads Pillow parses further (marker, prefix): EXIF (its DPI), ICC profile fragments (joined
# at the frame), Photoshop resources, the MPF index (an MPO). Not plain.
_PARSED_FURTHER: Final = (
    (jpeg.APP1, b"Exif\x00\x00"),
    (jpeg.APP2, b"ICC_PROFILE\x00"),
    (jpeg.APP2, b"MPF\x00"),
    (jpeg.APP13, b"Photoshop 3.0\x00"),
)
# APPn payloads Pillow reads a 16-bit value from at offset 5: at least 7 bytes.
_FIXED_READS: Final = ((jpeg.APP0, b"JFIF"), (jpeg.APP14, b"Adobe"))
# Pillow's modes by (bit depth, colour type); without one its open fails ("not identified").
_PNG_MODES: Final[frozenset[tuple[int, int]]] = frozenset(getattr(PngImagePlugin, "_MODES", {}))


def plain_header(data: bytes, layout: jpeg.JpegLayout | png.PngLayout | webp.WebpLayout) -> bool:
    """True when Pillow's header parse of `data` (walked as `layout`) is sure to succeed with the walked
    size and the format named by the media type; False when Pillow must parse it to say (always for
    WebP, whose header libwebp parses)."""
    if isinstance(layout, jpeg.JpegLayout):
        return _plain_jpeg(data, layout)
    if isinstance(layout, png.PngLayout):
        return _plain_png(data, layout)
    return False


def _plain_jpeg(data: bytes, layout: jpeg.JpegLayout) -> bool:
    for segment in layout.segments:
        marker = segment.marker
        if segment.image != 0:
            break
        if marker == jpeg.SOS:
            return True
        if marker not in _READ_WITH_LENGTH:
            return False
        payload = segment.payload(data)
        if marker in _SOF:
            if len(payload) < 6 or payload[0] != 8 or payload[5] not in (1, 3, 4) or (len(payload) - 6) % 3:
                return False
        elif marker == _DQT:
            if not _pillow_reads_dqt(payload):
                return False
        elif jpeg.APP0 <= marker <= 0xEF and not _plain_app(marker, payload):
            return False
    return False  # no scan in the primary picture: the walk refuses that, and Pillow is asked anyway


def _plain_app(marker: int, payload: bytes) -> bool:
    for parsed, prefix in _PARSED_FURTHER:
        if marker == parsed and payload.startswith(prefix):
            return False
    for fixed, prefix in _FIXED_READS:
        if marker == fixed and payload.startswith(prefix) and len(payload) < 7:
            return False
    return True


def _pillow_reads_dqt(payload: bytes) -> bool:
    """Pillow's DQT loop: each table is 65 bytes with precision nibble 0, else 129; none may be cut."""
    pos, n = 0, len(payload)
    while pos < n:
        length = 65 if payload[pos] < 16 else 129
        if n - pos < length:
            return False
        pos += length
    return True


def _plain_png(data: bytes, layout: png.PngLayout) -> bool:
    chunks = layout.chunks
    if not chunks or chunks[0].type != b"IHDR" or chunks[0].end - chunks[0].start - 12 < 13:
        return False
    depth, colour, _compression, filtering = struct.unpack_from(">BBBB", data, chunks[0].start + 16)
    if (depth, colour) not in _PNG_MODES or filtering != 0:
        return False
    for chunk in chunks[1:]:
        if chunk.type == b"IDAT":
            return True
        if _pillow_handles(chunk.type):
            return False
    return False


_HANDLED: dict[bytes, bool] = {}


def _pillow_handles(ctype: bytes) -> bool:
    """Whether Pillow's PNG parser has a handler for this chunk type (it then reads the payload)."""
    known = _HANDLED.get(ctype)
    if known is None:
        known = _HANDLED[ctype] = hasattr(PngImagePlugin.PngStream, "chunk_" + ctype.decode("latin-1"))
    return known
