"""JPEG coding tables no scan uses: a DQT or DHT table defined for a destination no component or scan
selects (or redefined before any did), bytes a writer chose that no decoder reads.

A quantisation table is used when it is the one in effect for a frame component's destination (Tq) at the
frame header or at a scan holding that component (libjpeg latches it at the component's first scan); a
Huffman table when it is the one in effect for a scan component's DC or AC destination (Td, Ta) at that
scan. Both are counted generously (a progressive DC scan names an AC destination it does not decode), so
a table is unused only when no decoder could read it. An unused table that is a standard one (ITU T.81
Annex K's Huffman tables, the IJG quantisation tables at any quality: what encoders writing every table
for a grey image emit) carries nothing a writer chose and stays; any other is removed, the segment
rewritten with the tables that are used (lossless: nothing reads what goes).

A few integer reads per table, on segments the walk already checked (`coding`): on the default path.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from gate.imaging import coding, jpeg

_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_QUANT = 2  # key class of a quantisation table, beside Huffman's 0 (DC) and 1 (AC)

# ITU T.81 Annex K.3: the typical Huffman tables (class/destination byte dropped), as encoders write them.
_BITS_DC_LUMA = bytes([0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0])
_BITS_DC_CHROMA = bytes([0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0])
_BITS_AC_LUMA = bytes([0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7D])
_BITS_AC_CHROMA = bytes([0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77])
_AC_LUMA_VALUES = bytes.fromhex(
    "01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a"
    "3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a929394"
    "95969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8"
    "e9eaf1f2f3f4f5f6f7f8f9fa"
)
_AC_CHROMA_VALUES = bytes.fromhex(
    "000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718191a2627"
    "28292a35363738393a434445464748494a535455565758595a636465666768696a737475767778797a82838485868788898a"
    "92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4e5e6"
    "e7e8e9eaf2f3f4f5f6f7f8f9fa"
)
_STANDARD_HUFFMAN = frozenset(
    {
        _BITS_DC_LUMA + bytes(range(12)),
        _BITS_DC_CHROMA + bytes(range(12)),
        _BITS_AC_LUMA + _AC_LUMA_VALUES,
        _BITS_AC_CHROMA + _AC_CHROMA_VALUES,
    }
)
# The IJG base quantisation tables (ITU T.81 Annex K.1) in natural order, and the zigzag order DQT uses.
_LUMA_QUANT = (16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
               14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
               18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
               49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99)  # fmt: skip
_CHROMA_QUANT = (17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
                 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99) + (99,) * 32  # fmt: skip
_ZIGZAG = (0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
           13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52,
           45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63)  # fmt: skip


@dataclass(frozen=True, slots=True)
class UnusedTables:
    """A DQT or DHT segment holding tables nothing uses: `rewritten` is the segment with the used ones
    only, empty when none is."""

    segment: jpeg.Segment
    rewritten: bytes


# The last image's answer: read_metadata and the strip ask of the same bytes (about 10 us a JPEG).
_last: list[tuple[bytes, tuple[UnusedTables, ...]]] = []


def unused_tables(data: bytes, layout: jpeg.JpegLayout) -> tuple[UnusedTables, ...]:
    """The DQT and DHT segments of every picture of `data` that define tables no scan uses."""
    cached = _last[0] if _last else None
    if cached is not None and cached[0] is data:
        return cached[1]
    found: list[UnusedTables] = []
    for picture in range(max(len(layout.images), 1)):
        found.extend(_unused(data, [s for s in layout.segments if s.image == picture]))
    _last[:] = [(data, tuple(found))]
    return _last[0][1]


def _unused(data: bytes, segments: list[jpeg.Segment]) -> list[UnusedTables]:
    tables: list[tuple[jpeg.Segment, int, int]] = []  # (segment, start, end) of each table defined
    current: dict[tuple[int, int], int] = {}  # (class, destination) -> index of the table in effect
    used: set[int] = set()
    quant_of: dict[int, int] = {}  # frame component id -> its quantisation destination
    for seg in segments:
        if seg.marker in (coding.DQT, coding.DHT):
            for start, end, key in _tables(data, seg):
                current[key] = len(tables)
                tables.append((seg, start, end))
        elif seg.marker in _SOF_MARKERS:
            for at in range(seg.start + 10, seg.end - 2, 3):
                quant_of[data[at]] = data[at + 2]
                used.update(_in_effect(current, (_QUANT, data[at + 2])))
        elif seg.marker == jpeg.SOS:
            for at in range(seg.start + 5, seg.end - 3, 2):
                selectors = data[at + 1]
                used.update(_in_effect(current, (0, selectors >> 4)))
                used.update(_in_effect(current, (1, selectors & 0x0F)))
                used.update(_in_effect(current, (_QUANT, quant_of.get(data[at], -1))))
    unused = [i for i in range(len(tables)) if i not in used and not _standard(data, *tables[i])]
    found: list[UnusedTables] = []
    for seg in dict.fromkeys(tables[i][0] for i in unused):
        kept = b"".join(data[s:e] for i, (t, s, e) in enumerate(tables) if t == seg and i not in unused)
        found.append(UnusedTables(seg, jpeg.segment_bytes(seg.marker, kept) if kept else b""))
    return found


def _in_effect(current: dict[tuple[int, int], int], key: tuple[int, int]) -> list[int]:
    index = current.get(key)
    return [] if index is None else [index]


def _tables(data: bytes, seg: jpeg.Segment) -> list[tuple[int, int, tuple[int, int]]]:
    """(start, end, (class, destination)) of each table in a DQT or DHT segment the walk checked."""
    out: list[tuple[int, int, tuple[int, int]]] = []
    pos = seg.start + 4
    while pos < seg.end:
        head = data[pos]
        if seg.marker == coding.DQT:
            end, key = pos + 1 + 64 * ((head >> 4) + 1), (_QUANT, head & 0x0F)
        else:
            end, key = pos + 17 + sum(data[pos + 1 : pos + 17]), (head >> 4, head & 0x0F)
        out.append((pos, end, key))
        pos = end
    return out


def _standard(data: bytes, seg: jpeg.Segment, start: int, end: int) -> bool:
    """Whether the table at `data[start:end]` is an Annex K Huffman table or an IJG quantisation table."""
    if seg.marker == coding.DHT:
        return data[start + 1 : end] in _STANDARD_HUFFMAN
    return data[start] >> 4 == 0 and data[start + 1 : end] in _ijg_quant_tables()


@functools.cache
def _ijg_quant_tables() -> frozenset[bytes]:
    """The IJG tables at every quality 1-100 (libjpeg's `jpeg_quality_scaling`), 8-bit, baseline."""
    tables: set[bytes] = set()
    for quality in range(1, 101):
        scale = 5000 // quality if quality < 50 else 200 - 2 * quality
        for base in (_LUMA_QUANT, _CHROMA_QUANT):
            tables.add(bytes(min(max((base[i] * scale + 50) // 100, 1), 255) for i in _ZIGZAG))
    return frozenset(tables)
