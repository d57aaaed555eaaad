"""JPEG metadata split over several segments, put back together: an ICC profile over numbered APP2
segments, and Adobe's extended XMP over APP1 segments that name their packet by its MD5."""

from __future__ import annotations

import hashlib
import struct
from dataclasses import replace

from gate.imaging import jpeg
from gate.imaging.block import Block
from gate.imaging.limits import MetadataBudget


def jpeg_profile(parts: list[tuple[bytes, jpeg.Segment, bytes]], image: int) -> Block:
    """An ICC profile split over APP2 segments, each with its sequence number (from 1) and the count."""
    ordered = sorted(parts, key=lambda part: part[0][0])
    spans = tuple((seg.start, seg.end) for _, seg, _ in parts)
    if [part[0][0] for part in ordered] != list(range(1, len(ordered) + 1)):
        # libjpeg and LittleCMS read no profile then; a lenient reader may: held (see `icc.read_items`)
        return Block("uninspected", spans, where=("icc", "jpeg", "unnumbered"), image=image)
    profile = b"".join(part[2] for part in ordered)
    return Block("icc", spans, profile, key="jpeg", image=image)


def with_extensions(blocks: list[Block], extensions: list[Block]) -> list[Block]:
    """`blocks`, then `extensions`, with each main XMP packet's `key` set to the GUIDs of the extended
    packets of its picture that were read (one a word), which its HasExtendedXMP may name (see
    `xmp.read_items`)."""
    guids: dict[int, list[str]] = {}
    for ext in extensions:
        if ext.source == "xmp_ext":
            guids.setdefault(ext.image, []).append(extension_guid(ext.payload))
    return [
        replace(block, key=" ".join(guids.get(block.image, ()))) if block.source == "xmp" else block
        for block in blocks
    ] + extensions


def extension_guid(packet: bytes) -> str:
    """The GUID XMP names an extended packet by: its MD5 in 32 upper-case hex digits."""
    return hashlib.md5(packet, usedforsecurity=False).hexdigest().upper()


def extended_xmp(
    parts: list[tuple[jpeg.Segment, bytes]], budget: MetadataBudget, image: int, guid: bytes
) -> Block:
    """Reassemble Adobe's extended XMP (a packet split over APP1 segments by offset).

    Each segment names the packet by a GUID, which XMP defines as the MD5 of the packet in 32 hex
    digits; 32 bytes of anything else (an address, a phone number in digits) are the writer's text
    published unread, so such segments are `unread` (removed whole; the main packet's HasExtendedXMP
    then names nothing, which readers tolerate). So are segments that do not fit together (a part too
    short for its length and offset, lengths that differ, a part past the length): no XMP reader puts
    them together, and the picture decodes without them, so they are no reason to refuse it.
    """
    spans = tuple((seg.start, seg.end) for seg, _ in parts)
    unread = Block("unread", spans, where=("jpeg", "APP1", "xmp_extension"), image=image)
    if any(len(part) < 8 for _, part in parts):
        return unread
    (total,) = struct.unpack_from(">I", parts[0][1], 0)
    placed = [(*struct.unpack_from(">II", part, 0), part[8:]) for _, part in parts]
    if any(full != total or offset + len(chunk) > total for full, offset, chunk in placed):
        return unread
    budget.charge(total)
    packet = bytearray(total)
    for _, offset, chunk in placed:
        packet[offset : offset + len(chunk)] = chunk
    if guid.upper() != extension_guid(bytes(packet)).encode():
        return unread
    return Block("xmp_ext", spans, bytes(packet), image=image)
