"""`strip_identifiers`: lossless removal of metadata fields by kind. Pixels are never re-encoded.

Only metadata blocks are replaced; every other byte (scan data, C2PA segments) is copied through
unchanged, and ICC profiles keep their colours (only an Apple `mmod` device serial is zeroed), so the
result decodes to exactly the same pixels.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace

from gate.errors import ImageUndecodable
from gate.imaging import exif_edit, icc, iptc, jpeg, mpf, png, webp, xmp
from gate.imaging.block import Block
from gate.imaging.blocks import list_blocks
from gate.imaging.formats import JPEG, PNG, WEBP
from gate.imaging.items import DEFAULT_STRIP_KINDS, KINDS, STRIPPABLE_KINDS, UnreadableBlock
from gate.imaging.jpeg_multipart import extension_guid
from gate.imaging.limits import MetadataBudget
from gate.imaging.metadata import block_items, read_metadata
from gate.imaging.probing import ImageProbe

_Edit = tuple[int, int, bytes]  # replace data[start:end] with bytes


def strip_identifiers(data: bytes, probe: ImageProbe, kinds: frozenset[str] = DEFAULT_STRIP_KINDS) -> bytes:
    """`data` without metadata fields of `kinds`; the very same object when there is nothing to strip.

    EXIF is edited in place (entries removed, values zeroed), XMP is rewritten without the properties,
    and PNG text chunks and JPEG comments of those kinds are dropped. The result is checked with
    `read_metadata`; if anything of `kinds` survived, ImageUndecodable is raised rather than returned.
    Uninspected segments are left alone even when `kinds` names them: what they hold is unknown, so the
    metadata check refuses the image instead.
    """
    unknown = kinds - KINDS
    if unknown:
        raise ValueError(f"unknown metadata kinds: {sorted(unknown)}")
    kinds &= STRIPPABLE_KINDS
    layout = probe.layout_for(data)
    streams = probe.limits.inspect_compressed_streams
    blocks = list_blocks(
        data, probe.media_type, MetadataBudget(probe.limits.max_metadata_bytes), layout, streams=streams
    ).items
    out = _stripped(data, probe, layout, blocks, kinds, exif_whole=False)
    if out is None:
        return data
    if not _holds(out, probe, kinds):
        return out
    if "unread" in kinds and any(block.source == "exif" for block in blocks):
        # Tables read over each other (goexif's infinite_loop_exif.jpg: IFD1 inside IFD0) shift when an
        # entry goes, and what is left reads as new tags: an EXIF block the edit cannot clean goes whole.
        # Tried only then, so a strip that works reads its result once, as before.
        out = _stripped(data, probe, layout, blocks, kinds, exif_whole=True) or out
        if not _holds(out, probe, kinds):
            return out
    raise ImageUndecodable("metadata could not be stripped safely")


def _holds(out: bytes, probe: ImageProbe, kinds: frozenset[str]) -> bool:
    """Whether `out` still holds metadata of `kinds`."""
    return any(item.kind in kinds for item in read_metadata(out, probe).items)


def _stripped(
    data: bytes,
    probe: ImageProbe,
    layout: object,
    blocks: tuple[Block, ...],
    kinds: frozenset[str],
    *,
    exif_whole: bool,
) -> bytes | None:
    """`data` with the edits of every block applied (EXIF blocks dropped whole when `exif_whole`), or None
    when there is nothing to edit."""
    edits: list[_Edit] = []
    # Extended XMP goes whole or stays (see `_block_edits`); the main packet must not name one that goes.
    dropped = {
        extension_guid(block.payload)
        for block in blocks
        if block.source == "xmp_ext" and _edits(block, probe.media_type, kinds)
    }
    if dropped:
        blocks = tuple(
            replace(block, key=" ".join(set(block.key.split()) - dropped)) if block.source == "xmp" else block
            for block in blocks
        )
    for block in blocks:
        if block.source == "icc":
            edits.extend(_icc_edits(data, block, probe.media_type, kinds))
        elif exif_whole and block.source == "exif":
            edits.extend((start, end, b"") for start, end in block.spans)
        else:
            edits.extend(_edits(block, probe.media_type, kinds))
    if not edits:
        return None
    out = _splice(data, edits)
    if probe.media_type == WEBP:
        out = _fix_webp_header(out)
    if probe.media_type == JPEG:
        out = fix_mp_index(data, out, edits, layout if isinstance(layout, jpeg.JpegLayout) else None)
    return out


def _edits(block: Block, media_type: str, kinds: frozenset[str]) -> list[_Edit]:
    drop = [(start, end, b"") for start, end in block.spans]
    try:
        return _block_edits(block, media_type, kinds, drop)
    except UnreadableBlock:  # read_metadata reported the block `unread` (see `block_items`): it goes whole
        return drop if "unread" in kinds else []


def _block_edits(block: Block, media_type: str, kinds: frozenset[str], drop: list[_Edit]) -> list[_Edit]:
    if block.source == "exif":
        new = exif_edit.strip(block.payload, kinds)
        if new is None:
            return []
        return [(*block.spans[0], _wrap("exif", media_type, block.prefix + new))]
    if block.source == "xmp":
        packet = xmp.strip(block.payload, kinds, frozenset(block.key.split()))
        if packet is None:
            return []
        try:
            return [(*block.spans[0], _wrap("xmp", media_type, packet))] if packet else drop
        except ValueError:  # the rewrite outgrew a JPEG segment; dropping the packet is the safe side
            return drop
    if block.source == "iptc":
        payload = iptc.strip(block.payload, kinds)
        if payload is None:
            return []
        return [(*block.spans[0], jpeg.segment_bytes(jpeg.APP13, payload))]
    if block.source in ("uninspected", "palette"):  # a palette is needed by the pixels: never cut
        return []
    if block.source == "unread":  # a segment's unread tail (payload: the cut segment), or a whole one
        if "unread" not in kinds:
            return []
        return [(*block.spans[0], block.payload)] if block.payload else drop
    items, _ = block_items(block)  # extended XMP, PNG text, JPEG comments, Ducky: all or nothing
    return drop if any(item.kind in kinds for item in items) else []


def _icc_edits(data: bytes, block: Block, media_type: str, kinds: frozenset[str]) -> list[_Edit]:
    """The profile's segments or chunk rewritten with `icc.strip`'s profile, which keeps its size; an empty
    profile's removed (see `icc.read_items`)."""
    if not block.payload:
        return [(start, end, b"") for start, end in block.spans] if "unread" in kinds else []
    profile = icc.strip(block.payload, kinds)
    if profile is None:
        return []
    if media_type == JPEG:
        # Each APP2 segment: marker, length, "ICC_PROFILE\0", sequence number, count, then its part.
        edits: list[_Edit] = []
        at = 0
        for start, end in sorted(block.spans, key=lambda span: data[span[0] + 16]):
            size = end - start - 18
            edits.append((start, end, data[start : start + 18] + profile[at : at + size]))
            at += size
        return edits
    start, end = block.spans[0]
    if media_type == PNG:
        name = data[start + 8 : end - 4].partition(b"\x00")[0]
        return [(start, end, png.chunk_bytes(b"iCCP", name + b"\x00\x00" + zlib.compress(profile)))]
    return [(start, end, webp.chunk_bytes(b"ICCP", profile))]


def _wrap(source: str, media_type: str, payload: bytes) -> bytes:
    """A replacement segment or chunk holding `payload` in `media_type`'s container."""
    if media_type == JPEG:
        prefix = b"" if source == "exif" else jpeg.XMP_PREFIX
        return jpeg.segment_bytes(jpeg.APP1, prefix + payload)
    if media_type == PNG:
        if source == "exif":
            return png.chunk_bytes(b"eXIf", payload)
        return png.chunk_bytes(b"iTXt", png.itxt_payload(png.XMP_KEYWORD, payload.decode("utf-8")))
    return webp.chunk_bytes(b"EXIF" if source == "exif" else b"XMP ", payload)


def _splice(data: bytes, edits: list[_Edit]) -> bytes:
    parts: list[bytes] = []
    pos = 0
    for start, end, replacement in sorted(edits):
        parts.extend((data[pos:start], replacement))
        pos = end
    parts.append(data[pos:])
    return b"".join(parts)


def without_manifest(data: bytes) -> bytes:
    """A multi-picture JPEG without its C2PA segments, its MPF index moved to match; other images as given.

    Renewing a manifest then inserts the new one where a first signing does (before the index, see
    `data_hashed.manifest_slot`): c2pa's own replacement may put it after the index, leaving its offsets
    short. The old manifest is not lost: the original, with it, becomes the new manifest's ingredient.
    """
    if not data.startswith(b"\xff\xd8"):
        return data
    layout = jpeg.walk(data)
    if len(layout.images) < 2:
        return data
    edits: list[_Edit] = [
        (seg.start, seg.end, b"")
        for seg in layout.segments
        if seg.image == 0 and seg.marker == jpeg.APP11 and data.startswith(b"JP", seg.start + 4)
    ]
    return fix_mp_index(data, _splice(data, edits), edits, layout) if edits else data


def fix_mp_index(data: bytes, out: bytes, edits: list[_Edit], layout: jpeg.JpegLayout | None) -> bytes:
    """`out` with its MPF index moved to where the edits put the pictures it lists (sizes may change)."""
    layout = layout or jpeg.walk(data)
    if len(layout.images) < 2:
        return out
    index = jpeg.mp_index(data, [s for s in layout.segments if s.image == 0])
    assert index is not None  # the walk found further pictures, so it read an index

    def moved(offset: int) -> int:
        return offset + sum(len(new) - (end - start) for start, end, new in edits if end <= offset)

    entries = [(moved(offset), moved(offset + size) - moved(offset)) for offset, size in index.entries]
    patched = bytearray(out)
    # The primary's own entry gets its true size: writers' is often wrong (and a signing never updates it).
    mpf.patch(patched, moved(index.base), index, moved(layout.images[0][1]), entries)
    return bytes(patched)


def _fix_webp_header(data: bytes) -> bytes:
    """Correct the RIFF size and the VP8X EXIF/XMP flags after chunks changed or vanished."""
    out = bytearray(data)
    struct.pack_into("<I", out, 4, len(out) - 8)
    layout = webp.walk(bytes(out))
    first = layout.chunks[0]
    if first.fourcc == b"VP8X":
        present = {c.fourcc for c in layout.chunks}
        flags = out[first.start + 8] & ~(webp.VP8X_FLAG_EXIF | webp.VP8X_FLAG_XMP)
        flags |= webp.VP8X_FLAG_EXIF if b"EXIF" in present else 0
        flags |= webp.VP8X_FLAG_XMP if b"XMP " in present else 0
        out[first.start + 8] = flags
    return bytes(out)
