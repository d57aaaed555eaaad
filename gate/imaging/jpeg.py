"""A structural walk over JPEG segments: finds metadata and dimensions and detects truncation.

The walk never decodes the entropy-coded data; it only skips over it to the next marker (`entropy`,
vectorised), so a whole 3 MB file is walked in about half a millisecond.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass

from gate.errors import ImageLimitExceeded, ImageUndecodable
from gate.imaging import coding, mpf
from gate.imaging.entropy import first_marker
from gate.imaging.limits import MAX_SCANS, MAX_SEGMENTS, MAX_TABLES
from gate.imaging.trailing import check_end, trailing_bytes, unread_between

SOI, EOI, SOS, COM = 0xD8, 0xD9, 0xDA, 0xFE
APP0, APP1, APP2, APP11, APP12, APP13, APP14 = 0xE0, 0xE1, 0xE2, 0xEB, 0xEC, 0xED, 0xEE

EXIF_PREFIX = b"Exif\x00\x00"
XMP_PREFIX = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXT_PREFIX = b"http://ns.adobe.com/xmp/extension/\x00"
# CIPA DC-007 Multi-Picture Format index (MPO, Ultra HDR gain maps): its secondary images follow EOI.
MPF_PREFIX = mpf.PREFIX

# SOFn markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# A few bytes between two segments (zeros a tool left where it cut a segment out; the "?>" a camera-trap
# manager left after an XMP segment it wrote 2 bytes short): libjpeg, Pillow and c2pa-rs skip them to the
# next 0xFF, so they are accepted, listed, and removed by the strip. Up to 16, and no 0xFF among them (a
# reader would take that for a marker): anything else where a marker belongs is corrupt.
_GAP = re.compile(rb"[^\xff]{1,16}(?=\xff)")
# Segments of coding tables, parsed table by table (`coding`): quantisation, Huffman, arithmetic conditioning.
_TABLE_MARKERS = frozenset({coding.DQT, coding.DHT, coding.DAC})
# Markers that stand alone without a length field: restart markers (only inside scan data) and TEM.
_STANDALONE = frozenset(range(0xD0, 0xD8)) | {0x01}
DNL, DRI, DHP, EXP = 0xDC, 0xDD, 0xDE, 0xDF
DQT = coding.DQT
# Parsers disagree on whether these have a length field (img-parts 0.4, which c2pa-rs reads JPEG with,
# says no and resynchronises on the next 0xFF inside their payload), so bytes the gate skips would be
# segments to another reader. DNL only serves frames of height 0 and DHP/EXP hierarchical JPEG: refused.
_REFUSED = frozenset({DNL, DHP, EXP})
# Inside scan data 0xFF is followed by 0x00 (stuffing) or RST0-7; anything else ends the scan, except fill
# bytes (more 0xFF) before a restart marker, which `scan_end` steps over.


@dataclass(frozen=True, slots=True)
class Segment:
    """One marker segment: `start` is the offset of its 0xFF, `end` is one past its last payload byte.

    `image` numbers the picture of a multi-picture JPEG the segment belongs to (0: the primary image).
    """

    marker: int
    start: int
    end: int
    image: int = 0

    def payload(self, data: bytes) -> bytes:
        """The bytes after the two-byte length field."""
        return data[self.start + 4 : self.end]


@dataclass(frozen=True, slots=True)
class JpegLayout:
    """The segments of a JPEG up to EOI, plus its frame size.

    A multi-picture JPEG (an MPF index in APP2) also lists the segments of every further image it names
    (`Segment.image` > 0); `images` holds (start, end) of each picture, the primary first, and `sizes`
    their frame sizes.
    """

    segments: tuple[Segment, ...]
    width: int
    height: int
    images: tuple[tuple[int, int], ...] = ()
    sizes: tuple[tuple[int, int], ...] = ()
    #: (start, end) of bytes after the last picture that no reader uses (beyond a little padding), which
    #: `blocks` lists as unread so the strip removes them; None when there are none.
    trailing: tuple[int, int] | None = None
    #: (start, end) of a few bytes between segments (see `_GAP`), which the strip removes.
    gaps: tuple[tuple[int, int], ...] = ()
    #: (start, end) of bytes between two pictures of a multi-picture JPEG other than 0x00/0xFF padding:
    #: no reader reads them (the index gives each picture's offset), so the strip removes them.
    between: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class _Picture:
    segments: list[Segment]
    size: tuple[int, int]
    end: int  # one past its EOI
    gaps: list[tuple[int, int]]  # bytes between its segments, see `_GAP`


def walk(data: bytes) -> JpegLayout:
    """Walk every segment from SOI to EOI; raise ImageUndecodable on any structural fault or truncation.

    A multi-picture JPEG's MPF index is read and every image it lists is walked the same way; they must
    follow the first EOI in order, without overlaps, and their sizes must be what the index says; bytes
    between them other than 0x00/0xFF padding are `between`, bytes after the last image (beyond a little
    padding) `trailing`: no reader reads them, so they are removed, never published; so are up to 16
    bytes between two header segments (`gaps`). An index that names bytes past the end of the file
    (`mpf.MpIndex.dangling`: a picture cut short, or a stale index) lists no picture the gate can read
    whole: the primary is all that is read, what follows its EOI is `trailing`, and `blocks` reports the
    index itself unread, so the strip publishes the primary alone. Raises ImageLimitExceeded past the
    structure limits (scans, segments, coding tables).
    """
    if not data.startswith(b"\xff\xd8"):
        raise ImageUndecodable("not a JPEG: missing start-of-image marker")
    first = _walk_picture(data, 0, 0)
    segments, gaps = list(first.segments), list(first.gaps)
    images, sizes = [(0, first.end)], [first.size]
    between: list[tuple[int, int]] = []
    index = mp_index(data, first.segments)
    pos = first.end
    if index is not None:
        for number, (offset, size) in enumerate(sorted(index.entries), start=1):
            if offset < pos:
                raise ImageUndecodable("JPEG MPF index names images that overlap")
            # Cameras align pictures with zeros (Nikon: hundreds of bytes), which carry nothing; anything
            # else there no reader reads either (a Panasonic LX7 leaves ~450 bytes of its own), so it is
            # listed to be cut out, the index then moved to match (`strip.fix_mp_index`).
            span = unread_between(data, pos, offset)
            if span is not None:
                between.append(span)
            picture = _walk_picture(data, offset, number)
            if picture.end > offset + size:  # shorter than its picture: the rest would read as unread bytes
                raise ImageUndecodable("JPEG MPF index gives an image a size shorter than the image")
            check_end(data, picture.end, "JPEG", why="an MPF image size that disagrees", stop=offset + size)
            nested = mp_index(data, picture.segments)
            if nested is not None and (nested.entries or nested.dangling):
                raise ImageUndecodable("JPEG MPF image names further images (a nested index)")
            segments.extend(picture.segments)
            gaps.extend(picture.gaps)
            images.append((offset, offset + size))
            sizes.append(picture.size)
            pos = offset + size
    width, height = first.size
    trailing = trailing_bytes(data, pos)
    return JpegLayout(
        tuple(segments), width, height, tuple(images), tuple(sizes), trailing, tuple(gaps), tuple(between)
    )


def mp_index(data: bytes, segments: Sequence[Segment]) -> mpf.MpIndex | None:
    """The MPF index of the primary image (the first APP2 "MPF" segment before its scan), if any."""
    for seg in segments:
        if seg.marker == SOS:
            return None
        if seg.marker == APP2 and data.startswith(mpf.PREFIX, seg.start + 4):
            return mpf.read(data, seg.start + 4, seg.end)
    return None


def _walk_picture(data: bytes, pos: int, image: int) -> _Picture:
    """Walk one picture from its SOI at `pos` to its EOI."""
    if not data.startswith(b"\xff\xd8", pos):
        raise ImageUndecodable("JPEG MPF index names an image that does not start with SOI")
    n = len(data)
    pos += 2
    segments: list[Segment] = []
    size: tuple[int, int] | None = None
    components = b""  # the frame's component ids, which its scans select from
    scans = tables = 0
    gaps: list[tuple[int, int]] = []
    while True:
        if pos >= n:
            raise ImageUndecodable("JPEG is truncated: no end-of-image marker")
        if data[pos] != 0xFF:
            pos = _skip_gap(data, pos, segments, gaps)
        while pos < n and data[pos] == 0xFF:  # fill bytes may precede a marker (T.81 B.1.1.2)
            pos += 1
        if pos >= n:
            raise ImageUndecodable("JPEG is truncated inside a marker")
        # The segment starts at the 0xFF right before its marker code: fill bytes before it are no part of
        # it (payloads are read at `start + 4`), and stay where they are when the segment is replaced.
        start = pos - 1
        marker = data[pos]
        pos += 1
        if marker == EOI:
            break
        end = _segment_end(data, marker, pos)
        length = end - pos
        segments.append(Segment(marker, start, end, image))
        if len(segments) > MAX_SEGMENTS:
            raise ImageLimitExceeded("JPEG has more marker segments than a decoder accepts")
        if marker in _SOF_MARKERS:
            size = _frame_size(data, pos, length, size)
            components = coding.frame_components(data, marker, pos + 2, end)
        elif marker in _TABLE_MARKERS:
            tables += coding.check_tables(data, marker, pos + 2, end)
            if tables > MAX_TABLES:
                raise ImageLimitExceeded("JPEG defines more coding tables than a decoder accepts")
        pos = end
        if marker == SOS:
            if size is None:
                raise ImageUndecodable("JPEG is corrupt: scan before frame header")
            coding.check_scan_header(data, start + 4, end, components)
            scans += 1
            if scans > MAX_SCANS:
                raise ImageLimitExceeded("JPEG has more progressive scans than a decoder accepts")
            pos = scan_end(data, pos)
    if size is None or scans == 0:
        raise ImageUndecodable("JPEG has no frame or no scan")
    return _Picture(segments, size, pos, gaps)


def _skip_gap(data: bytes, pos: int, segments: list[Segment], gaps: list[tuple[int, int]]) -> int:
    """Past the few bytes at `pos` between two header segments (noted in `gaps`), or ImageUndecodable."""
    gap = _GAP.match(data, pos) if segments and segments[-1].marker != SOS else None
    if gap is None:
        raise ImageUndecodable("JPEG is corrupt: expected a marker")
    gaps.append(gap.span())
    return gap.end()


def walk_picture(data: bytes) -> _Picture:
    """Walk one JPEG (an EXIF thumbnail) from its SOI to its EOI; raises what `walk` raises."""
    return _walk_picture(data, 0, 0)


def scan_end(data: bytes, pos: int) -> int:
    """The offset of the marker (or of the fill bytes before it) that ends the scan data at `pos`."""
    while True:
        found = first_marker(data, pos)
        if found < 0:
            raise ImageUndecodable("JPEG is truncated inside scan data")
        after = found + 1
        while after < len(data) and data[after] == 0xFF:
            after += 1
        # Fill bytes, then stuffing or a restart marker (as libjpeg reads them): still inside the scan.
        filled = after > found + 1
        if filled and after < len(data) and (data[after] == 0 or 0xD0 <= data[after] <= 0xD7):
            pos = after
            continue
        return found


def _segment_end(data: bytes, marker: int, pos: int) -> int:
    """One past the segment whose length field starts at `pos`; refuses what other JPEG parsers would
    read differently."""
    if marker in _STANDALONE:
        # Scan data is skipped whole (restart markers included), so this one is outside it, where a
        # decoder expects none and other parsers read a length after it.
        raise ImageUndecodable("JPEG is corrupt: restart or TEM marker outside scan data")
    if marker in (0x00, SOI):
        raise ImageUndecodable("JPEG is corrupt: invalid marker")
    if marker in _REFUSED:
        raise ImageUndecodable("JPEG uses DNL or hierarchical-mode markers, which the gate does not accept")
    if pos + 2 > len(data):
        raise ImageUndecodable("JPEG is truncated inside a segment header")
    length: int = struct.unpack_from(">H", data, pos)[0]
    end = pos + length
    if length < 2 or end > len(data):
        raise ImageUndecodable("JPEG is truncated or has an invalid segment length")
    if marker == DRI and length != 4:
        # A DRI holds one 16-bit restart interval; anything longer is bytes no decoder reads.
        raise ImageUndecodable("JPEG DRI segment is malformed")
    return end


def _frame_size(data: bytes, pos: int, length: int, seen: tuple[int, int] | None) -> tuple[int, int]:
    if seen is not None:
        raise ImageUndecodable("JPEG is corrupt: more than one frame header")
    if length < 8:
        raise ImageUndecodable("JPEG frame header is too short")
    height, width = struct.unpack_from(">HH", data, pos + 3)
    if width == 0 or height == 0:  # height 0 would defer to a DNL marker; nobody writes that any more
        raise ImageUndecodable("JPEG frame header has a zero dimension")
    return width, height


def header_size(data: bytes) -> tuple[int, int] | None:
    """The frame size from the first SOF segment, walking headers only (no scan data); None if absent.

    `probe` calls this before the full walk so absurd dimensions are refused before anything else.
    """
    pos, n = 2, len(data)
    for _ in range(MAX_SEGMENTS):  # a flood of segments is the full walk's to refuse
        if pos + 4 > n or data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        (length,) = struct.unpack_from(">H", data, pos + 2)
        if marker in _SOF_MARKERS and pos + 9 <= n:
            height, width = struct.unpack_from(">HH", data, pos + 5)
            return width, height
        if marker in (SOS, EOI) or length < 2:
            return None
        pos += 2 + length
    return None


def segment_bytes(marker: int, payload: bytes) -> bytes:
    """A complete segment (marker, length, payload); raises ValueError when the payload is too long."""
    if len(payload) + 2 > 0xFFFF:
        raise ValueError("JPEG segment payload too long")
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload
