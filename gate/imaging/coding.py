"""The JPEG segments that code the image (DQT, DHT, DAC, SOFn, SOS), parsed by their structure.

The metadata check never reads these as text: they are numbers a decoder uses. That holds only while they
are what their marker says, so each is parsed as ITU T.81 B.2.4 and B.2.2-B.2.3 lay it out (and as
libjpeg checks it): the table count and lengths must fill the segment exactly, and every field must be in
range. Anything else (an APPn segment renamed DHT or DQT, text after the last table, a table class or
destination no decoder has, a Huffman code that overflows its code space) is a segment decoders refuse,
so the gate refuses it too (ImageUndecodable). A valid table still holds values a writer chose: that is
the limit of "numbers are not read as text" (see README, "What the gate guarantees").

Everything here is a few integer reads per table, on segments the walk already visits: a 50 KB photo has
about eight of them.
"""

from __future__ import annotations

from operator import lshift

from gate.errors import ImageUndecodable

DHT, DAC, DQT = 0xC4, 0xCC, 0xDB
# Lossless frames (SOF3, 7, 11, 15) take a sample precision of 2-16 bits; DCT frames 8 or 12.
_LOSSLESS_FRAMES = frozenset({0xC3, 0xC7, 0xCB, 0xCF})
_TABLE_SLOTS = 4  # quantisation, Huffman and arithmetic-coding table destinations 0..3
_MAX_COMPONENTS = 4  # Y, Cb, Cr and K: what JFIF, Adobe and EXIF JPEGs use
_MAX_DC_CATEGORY = 16  # DC difference categories: 11 (8-bit), 15 (12-bit), 16 (lossless)
_KRAFT_SHIFTS = range(15, -1, -1)  # a code of length l takes 2^(16 - l) of the 16-bit code space


def _malformed(what: str) -> ImageUndecodable:
    return ImageUndecodable(f"JPEG {what} segment is malformed")


def check_tables(data: bytes, marker: int, pos: int, end: int) -> int:
    """How many tables `data[pos:end]` (a DQT, DHT or DAC payload) defines; raises ImageUndecodable unless
    the payload is whole tables only."""
    if marker == DQT:
        return _check_dqt(data, pos, end)
    if marker == DHT:
        return _check_dht(data, pos, end)
    return _check_dac(data, pos, end)


def _check_dqt(data: bytes, pos: int, end: int) -> int:
    """Tables of a precision byte (Pq 0 or 1) and destination (Tq 0-3), then 64 values of 1 or 2 bytes."""
    if pos >= end:
        raise _malformed("DQT")
    tables = 0
    while pos < end:
        head = data[pos]
        precision, slot = head >> 4, head & 0x0F
        if precision > 1 or slot >= _TABLE_SLOTS:
            raise _malformed("DQT")
        pos += 1 + 64 * (precision + 1)
        tables += 1
    if pos != end:
        raise _malformed("DQT")
    return tables


def _check_dht(data: bytes, pos: int, end: int) -> int:
    """Tables of a class (Tc 0 DC, 1 AC) and destination (Th 0-3) byte, 16 code counts, then the symbols;
    the counts must give a Huffman code (canonical codes that fit their lengths, as libjpeg builds them)
    and DC symbols must be difference categories."""
    if pos >= end:
        raise _malformed("DHT")
    tables = 0
    while pos < end:
        if pos + 17 > end:
            raise _malformed("DHT")
        head = data[pos]
        table_class, slot = head >> 4, head & 0x0F
        if table_class > 1 or slot >= _TABLE_SLOTS:
            raise _malformed("DHT")
        counts = data[pos + 1 : pos + 17]
        symbols = sum(counts)
        if symbols > 256 or pos + 17 + symbols > end:
            raise _malformed("DHT")
        # libjpeg assigns canonical codes length by length and refuses a table once the next code no
        # longer fits its length (the all-ones code is reserved): that is the Kraft sum of the counts,
        # sum(count_l * 2^-l), reaching 1, the partial sums being smaller.
        if sum(map(lshift, counts, _KRAFT_SHIFTS)) >= 1 << 16:
            raise _malformed("DHT")
        values = data[pos + 17 : pos + 17 + symbols]
        if table_class == 0 and values and max(values) > _MAX_DC_CATEGORY:
            raise _malformed("DHT")
        pos += 17 + symbols
        tables += 1
    if pos != end:
        raise _malformed("DHT")
    return tables


def _check_dac(data: bytes, pos: int, end: int) -> int:
    """Pairs of a class and destination byte and a conditioning value: DC bounds L <= U, AC K 1-63."""
    if pos >= end or (end - pos) % 2:
        raise _malformed("DAC")
    for at in range(pos, end, 2):
        head, value = data[at], data[at + 1]
        table_class, slot = head >> 4, head & 0x0F
        if table_class > 1 or slot >= _TABLE_SLOTS:
            raise _malformed("DAC")
        bounds_crossed = table_class == 0 and (value & 0x0F) > (value >> 4)  # DC: lower bound above upper
        if bounds_crossed or (table_class == 1 and not 1 <= value <= 63):
            raise _malformed("DAC")
    return (end - pos) // 2


def frame_components(data: bytes, marker: int, pos: int, end: int) -> bytes:
    """The component ids of a frame header (SOFn payload at `data[pos:end]`), after checking its layout:
    precision, size, 1-4 components of 3 bytes each filling the segment, sampling factors 1-4 and
    quantisation table destinations 0-3. Raises ImageUndecodable."""
    if end - pos < 6:
        raise ImageUndecodable("JPEG frame header is too short")
    precision, count = data[pos], data[pos + 5]
    lossless = marker in _LOSSLESS_FRAMES
    if not (2 <= precision <= 16 if lossless else precision in (8, 12)):
        raise _malformed("frame header")
    if not 1 <= count <= _MAX_COMPONENTS or end - pos != 6 + 3 * count:
        raise _malformed("frame header")
    ids = bytearray()
    for at in range(pos + 6, end, 3):
        sampling, table = data[at + 1], data[at + 2]
        if not (1 <= sampling >> 4 <= 4 and 1 <= sampling & 0x0F <= 4) or table >= _TABLE_SLOTS:
            raise _malformed("frame header")
        if data[at] in ids:
            raise _malformed("frame header")
        ids.append(data[at])
    return bytes(ids)


def check_scan_header(data: bytes, pos: int, end: int, components: bytes) -> None:
    """Raise ImageUndecodable unless the SOS payload at `data[pos:end]` is 1-4 components of the frame
    (each once, with table destinations 0-3), then spectral selection and successive approximation in
    range, filling the segment exactly."""
    if end - pos < 1:
        raise _malformed("scan header")
    count = data[pos]
    if not 1 <= count <= _MAX_COMPONENTS or end - pos != 4 + 2 * count:
        raise _malformed("scan header")
    seen = bytearray()
    for at in range(pos + 1, pos + 1 + 2 * count, 2):
        selector, tables = data[at], data[at + 1]
        if selector not in components or selector in seen:
            raise _malformed("scan header")
        if tables >> 4 >= _TABLE_SLOTS or tables & 0x0F >= _TABLE_SLOTS:
            raise _malformed("scan header")
        seen.append(selector)
    start, stop, approximation = data[end - 3], data[end - 2], data[end - 1]
    if start > 63 or stop > 63 or approximation >> 4 > 13 or approximation & 0x0F > 13:
        raise _malformed("scan header")
