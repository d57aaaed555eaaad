"""CIPA DC-007 Multi-Picture Format: the index in a JPEG's APP2 "MPF" segment that lists further images.

iPhone, Pixel and Samsung HDR photos (a gain map), and Nikon, Fujifilm and other cameras (a large preview)
append whole JPEGs after the primary image's EOI and name them here. The gate reads the index, checks it
against the file, and walks every listed image as it walks the first one.

Layout of the segment's payload: "MPF\\0", a TIFF header (byte order, 42, offset of the index IFD), the MP
index IFD (version, number of images, MP entries, ...), optionally an MP attribute IFD after it. Offsets are
relative to the TIFF header. Each 16-byte MP entry is: attribute (4), size (4), data offset (4), two
dependent-image entry numbers (2 each). The first entry is the primary image: offset 0, and its size is
one writers get wrong (Apple's is 70 bytes too large), so only the others' offsets and sizes are held to
the file.

The index may also hold an ImageUIDList (33 bytes per image that identify it, like EXIF ImageUniqueID):
read, and removed in place by `without_uids` (the segment keeps its length, so no offset moves).
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

from gate.errors import ImageUndecodable

PREFIX = b"MPF\x00"
MP_ENTRY_TAG = 0xB002
IMAGE_UID_TAG = 0xB003
#: The largest number of images one index may list; real files list 2 to 4 (Nikon: primary, preview, ...).
MAX_IMAGES = 64
_ENTRY_SIZE = 16
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8}
#: Index IFD tags whose values are structure: MPFVersion, NumberOfImages, MPEntry, TotalFrames.
_INDEX_TAGS = frozenset({0xB000, 0xB001, MP_ENTRY_TAG, 0xB004})
#: Attribute IFD tags: MPFVersion, MPIndividualNum, and the panorama and stereo geometry (B201-B20C).
#: ImageUIDList (B003) is not here: it is read as `MpIndex.uid_list` in the index IFD, and only there.
_ATTRIBUTE_TAGS = frozenset({0xB000, 0xB101} | set(range(0xB201, 0xB20D)))
_UNCOVERED = bytes([0xFF] + [0] * 255)  # `covered` holds 0 or 1 per byte: 0 -> keep it, 1 -> mask it out
_NON_ZERO = re.compile(rb"[^\x00]+")


@dataclass(frozen=True, slots=True)
class MpIndex:
    """What the gate read in an MPF segment.

    `entries` are (absolute offset, size) of every image but the first, in index order; `entry_table` is
    the absolute offset of the first MP entry; `base` that of the TIFF header, which offsets count from.
    `complete` is False when the segment holds a tag the gate does not know (then uninspected); `loose`
    lists runs of non-zero bytes no structure accounts for (relative to the TIFF header): unread, zeroed
    by the strip (Panasonic ends its index with 0xFF fill and a stray 0xD8).
    `uid_list` is (index IFD offset, ImageUIDList value offset, its size), relative to the TIFF header,
    when the index holds one.
    """

    base: int
    entry_table: int
    order: str
    entries: tuple[tuple[int, int], ...]
    complete: bool
    uid_list: tuple[int, int, int] | None = None
    loose: tuple[tuple[int, int], ...] = ()
    #: True when an entry names bytes past the end of the file (a picture cut short, or an index a tool
    #: kept after shrinking the primary): no picture it lists is read then, see `jpeg.walk`.
    dangling: bool = False
    #: True when the index's TIFF structure does not parse (imazen/ultrahdr's encoder writes 8-byte
    #: counts in its IFD): dangling too, so the primary alone is read and published.
    unreadable: bool = False


def read(data: bytes, start: int, end: int) -> MpIndex:
    """Read the MPF segment whose payload ("MPF\\0"...) lies in `data[start:end]`.

    An MP entry that runs past the end of the file makes the index `dangling` (its entries are then
    empty); so does a TIFF structure that does not parse (`unreadable`): no decoder needs the index to
    show the primary picture (Pillow and libjpeg ignore a broken one), so it goes unread with what
    follows the primary's EOI instead of refusing the photo. Raises ImageUndecodable when the entries
    of a readable index contradict the file (a primary not first, an entry at offset 0).
    """
    base = start + len(PREFIX)
    block = data[base:end]
    covered = bytearray(len(block))  # which bytes some structure accounts for
    try:
        order, index_at, tags, values, attribute_tags = _read_structure(block, covered)
    except ImageUndecodable:
        return MpIndex(base, 0, ">", (), True, None, (), dangling=True, unreadable=True)
    complete = set(tags) <= _INDEX_TAGS | {IMAGE_UID_TAG} and set(attribute_tags) <= _ATTRIBUTE_TAGS
    uid_list = (index_at, *values[IMAGE_UID_TAG]) if IMAGE_UID_TAG in values else None
    loose = _loose(block, covered)
    if MP_ENTRY_TAG not in values:
        return MpIndex(base, 0, order, (), complete, uid_list, loose)
    value_at, count = values[MP_ENTRY_TAG]
    if count % _ENTRY_SIZE or not 1 <= count // _ENTRY_SIZE <= MAX_IMAGES:
        raise ImageUndecodable("JPEG MPF index has a malformed or oversized MP entry list")
    entries: list[tuple[int, int]] = []
    for number in range(count // _ENTRY_SIZE):
        _attribute, size, offset, _dep1, _dep2 = struct.unpack_from(
            order + "IIIHH", block, value_at + _ENTRY_SIZE * number
        )
        if number == 0:
            if offset != 0:
                raise ImageUndecodable("JPEG MPF index does not start with the primary image")
            continue
        if offset == 0 or size == 0:
            raise ImageUndecodable("JPEG MPF index names an image outside the file")
        if base + offset + size > len(data):
            return MpIndex(base, base + value_at, order, (), complete, uid_list, loose, dangling=True)
        entries.append((base + offset, size))
    return MpIndex(base, base + value_at, order, tuple(entries), complete, uid_list, loose)


def _read_structure(
    block: bytes, covered: bytearray
) -> tuple[str, int, list[int], dict[int, tuple[int, int]], list[int]]:
    """(byte order, index IFD offset, its tags, its values, the attribute IFD's tags) of an MPF TIFF
    block, marking in `covered` the bytes they account for."""
    if len(block) < 8 or block[:4] not in (b"II*\x00", b"MM\x00*"):
        raise ImageUndecodable("JPEG MPF segment does not hold a TIFF header")
    order = "<" if block[:2] == b"II" else ">"
    covered[:8] = b"\x01" * 8
    (index_at,) = struct.unpack_from(order + "I", block, 4)
    tags, next_ifd, values = _read_ifd(block, order, index_at, covered)
    attribute_tags = _read_ifd(block, order, next_ifd, covered)[0] if next_ifd else []
    return order, index_at, tags, values, attribute_tags


def _loose(block: bytes, covered: bytearray) -> tuple[tuple[int, int], ...]:
    """Runs of non-zero bytes no IFD, entry or value accounts for (relative to the TIFF header)."""
    # Masked in one big-integer AND (covered bytes become zero), then searched by a regex: no per-byte loop
    # in Python for a 64 KiB segment.
    mask = bytes(covered).translate(_UNCOVERED)
    size = len(block)
    masked = (int.from_bytes(block, "big") & int.from_bytes(mask, "big")).to_bytes(size, "big")
    return tuple(run.span() for run in _NON_ZERO.finditer(masked))


def without_loose(payload: bytes, index: MpIndex) -> bytes:
    """The segment payload ("MPF\\0"...) with the bytes no structure accounts for zeroed: same length."""
    out = bytearray(payload)
    for start, end in index.loose:
        out[len(PREFIX) + start : len(PREFIX) + end] = bytes(end - start)
    return bytes(out)


def without_uids(payload: bytes, index: MpIndex) -> bytes:
    """The segment payload ("MPF\\0"...) of `index` without its ImageUIDList: the entry leaves the index
    IFD (the later entries and the next-IFD offset move up, zeros fill the end of the table) and the
    values it pointed to are zeroed. Same length, so every offset stays right."""
    assert index.uid_list is not None
    table, value_at, size = index.uid_list
    out = bytearray(payload)
    tiff = len(PREFIX)
    (count,) = struct.unpack_from(index.order + "H", payload, tiff + table)
    start, end = tiff + table + 2, tiff + table + 2 + 12 * count
    kept = [
        payload[pos : pos + 12]
        for pos in range(start, end, 12)
        if struct.unpack_from(index.order + "H", payload, pos)[0] != IMAGE_UID_TAG
    ]
    if size > 4:  # an inline value goes with its entry
        out[tiff + value_at : tiff + value_at + size] = bytes(size)
    body = struct.pack(index.order + "H", len(kept)) + b"".join(kept) + payload[end : end + 4]
    out[tiff + table : end + 4] = body + bytes(end + 4 - (tiff + table) - len(body))
    return bytes(out)


def _read_ifd(
    block: bytes, order: str, at: int, covered: bytearray
) -> tuple[list[int], int, dict[int, tuple[int, int]]]:
    """(tags, next IFD offset, {tag: (value offset, byte count)}) of the IFD at `at`, marking its bytes."""
    if at < 8 or at + 2 > len(block):
        raise ImageUndecodable("JPEG MPF segment has an IFD offset out of range")
    (count,) = struct.unpack_from(order + "H", block, at)
    table_end = at + 2 + 12 * count + 4
    if table_end > len(block) or count > 64:
        raise ImageUndecodable("JPEG MPF segment has an IFD that runs past its end")
    covered[at:table_end] = b"\x01" * (table_end - at)
    tags: list[int] = []
    values: dict[int, tuple[int, int]] = {}
    for number in range(count):
        pos = at + 2 + 12 * number
        tag, typ, num = struct.unpack_from(order + "HHI", block, pos)
        size = _TYPE_SIZES.get(typ, 1) * num
        value_at = pos + 8 if size <= 4 else struct.unpack_from(order + "I", block, pos + 8)[0]
        if value_at + size > len(block):
            raise ImageUndecodable("JPEG MPF segment has a value out of range")
        covered[value_at : value_at + size] = b"\x01" * size
        tags.append(tag)
        values[tag] = (value_at, size)
    (next_ifd,) = struct.unpack_from(order + "I", block, table_end - 4)
    return tags, next_ifd, values


def patch(out: bytearray, base: int, index: MpIndex, first_size: int, entries: list[tuple[int, int]]) -> None:
    """Rewrite the MP entries of `index` in `out`, whose TIFF header now starts at `base`.

    Stripping may change the images' sizes and so the offsets of those after them; `entries` are the
    new absolute (offset, size) of every image but the first, in index order.
    """
    table = base + index.entry_table - index.base
    struct.pack_into(index.order + "I", out, table + 4, first_size)
    for number, (offset, size) in enumerate(entries, start=1):
        struct.pack_into(index.order + "II", out, table + _ENTRY_SIZE * number + 4, size, offset - base)
