"""Where metadata lives in each container: one list of `Block`s for JPEG, PNG and WebP alike.

`read_metadata` interprets blocks and `strip_identifiers` replaces them, so both see the same bytes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from gate.errors import ImageUndecodable
from gate.imaging import (
    icc,
    idat,
    inspected,
    jpeg,
    jpeg_multipart,
    mpf,
    png,
    scan_tail,
    structural_tails,
    unused_tables,
    webp,
    webp_tail,
)
from gate.imaging.block import Block, Blocks, Source
from gate.imaging.exif import tiff_block
from gate.imaging.formats import JPEG, PNG, WEBP
from gate.imaging.iptc import PHOTOSHOP_PREFIX
from gate.imaging.items import UnreadableBlock
from gate.imaging.legacy_text import with_readings
from gate.imaging.limits import MetadataBudget

if TYPE_CHECKING:
    from gate.imaging.probing import Layout


def list_blocks(
    data: bytes,
    media_type: str,
    budget: MetadataBudget,
    layout: Layout | None = None,
    *,
    streams: bool = False,
) -> Blocks:
    """The metadata blocks of an image `probe` accepted, charging their sizes to `budget`.

    `layout` is the probe's walk of these very bytes (`ImageProbe.layout_for`); without it they are walked
    again. `streams`: also inflate a PNG's image data, and decode a JPEG's scans and a WebP's bitstreams,
    for what they hold beyond the picture (`ImageLimits.inspect_compressed_streams`).
    """
    if media_type == JPEG:
        known_jpeg = layout if isinstance(layout, jpeg.JpegLayout) else jpeg.walk(data)
        return _jpeg_blocks(data, known_jpeg, budget, streams)
    if media_type == PNG:
        # read_metadata's contract: these bytes went through probe, which checked the CRCs.
        known = layout if isinstance(layout, png.PngLayout) else png.walk(data, verify_crc=False)
        return _png_blocks(data, known, budget, streams)
    if media_type == WEBP:
        known_webp = layout if isinstance(layout, webp.WebpLayout) else webp.walk(data)
        return _webp_blocks(data, known_webp, budget, streams)
    raise ImageUndecodable(f"{media_type} is not a supported format")


def _jpeg_blocks(data: bytes, layout: jpeg.JpegLayout, budget: MetadataBudget, streams: bool) -> Blocks:
    blocks: list[Block] = []
    extended: dict[tuple[int, bytes], list[tuple[jpeg.Segment, bytes]]] = {}
    profiles: dict[int, list[tuple[bytes, jpeg.Segment, bytes]]] = {}  # picture -> (seq/count, seg, part)
    has_c2pa = False
    comments = 0
    unknown = _Uninspected("jpeg")
    c2pa = _c2pa_instances(data, layout)
    first_scan = next((seg.start for seg in layout.segments if seg.marker == jpeg.SOS), len(data))
    for seg in layout.segments:
        span = ((seg.start, seg.end),)
        before = len(blocks)
        # c2pa-rs reads APP11 only before the first scan: a manifest store after it is read by nobody (and
        # so is one in the further pictures of a multi-picture JPEG, which all come after that scan).
        if not _jpeg_inspected(data, seg, c2pa) or (seg.start > first_scan and seg.marker == jpeg.APP11):
            removable = inspected.jpeg_removable(seg.marker, data[seg.start + 4 : seg.start + 8])
            blocks.append(unknown.block(inspected.jpeg_name(seg.marker), span, removable=removable))
        elif seg.marker == jpeg.APP1:
            body = seg.payload(data)
            if body.startswith(jpeg.EXIF_PREFIX[:5]):  # "Exif\0" and a byte other than 0: not TIFF, unread
                budget.charge(len(body))
                blocks.append(
                    Block("exif", span, tiff_block(body), prefix=body[: len(body) - len(tiff_block(body))])
                )
            elif body.startswith(jpeg.XMP_PREFIX):
                budget.charge(len(body))
                blocks.append(Block("xmp", span, body[len(jpeg.XMP_PREFIX) :]))
            elif body.startswith(jpeg.XMP_EXT_PREFIX):
                guid = body[len(jpeg.XMP_EXT_PREFIX) : len(jpeg.XMP_EXT_PREFIX) + 32]
                part = body[len(jpeg.XMP_EXT_PREFIX) + 32 :]
                extended.setdefault((seg.image, guid), []).append((seg, part))
        elif seg.marker == jpeg.COM:
            body = seg.payload(data)
            budget.charge(len(body))
            blocks.append(Block("comment", span, text=comment_text(body), key=str(comments)))
            comments += 1
        elif seg.marker == jpeg.APP13 and data.startswith(PHOTOSHOP_PREFIX, seg.start + 4):
            body = seg.payload(data)
            budget.charge(len(body))
            blocks.append(Block("iptc", span, body))
        elif seg.marker == jpeg.APP2 and data.startswith(icc.JPEG_PREFIX, seg.start + 4):
            body = seg.payload(data)
            budget.charge(len(body))
            profiles.setdefault(seg.image, []).append((body[12:14], seg, body[14:]))
        elif (unread := _unread_block(data, seg, span)) is not None:
            blocks.append(unread)
        elif seg.marker == jpeg.APP12:
            body = seg.payload(data)
            budget.charge(len(body))
            blocks.append(Block("ducky", span, body))
        elif seg.marker == jpeg.APP11:
            has_c2pa = True
        if seg.image:
            blocks[before:] = [replace(block, image=seg.image) for block in blocks[before:]]
    blocks = jpeg_multipart.with_extensions(
        blocks,
        [
            jpeg_multipart.extended_xmp(parts, budget, image, guid)
            for (image, guid), parts in extended.items()
        ],
    )
    blocks.extend(jpeg_multipart.jpeg_profile(parts, image) for image, parts in profiles.items())
    return Blocks((*blocks, *_outside_segments(data, layout, streams)), has_c2pa)


def _outside_segments(data: bytes, layout: jpeg.JpegLayout, streams: bool) -> list[Block]:
    """Bytes no decoder reads outside the metadata segments: coding tables no scan uses (`unused_tables`),
    bytes after a picture's coded scan data (`streams` only, see `scan_tail`), between segments, after
    the last picture."""
    tails = _scan_tails(data, layout) if streams else []
    unused = [
        Block(
            "unread",
            ((found.segment.start, found.segment.end),),
            found.rewritten,
            where=("jpeg", "DQT" if found.segment.marker == jpeg.DQT else "DHT", f"unused{number}"),
        )
        for number, found in enumerate(unused_tables.unused_tables(data, layout))
    ]
    return [
        *unused,
        *tails,
        *_between_segments(data, layout),
        *_between_pictures(layout),
        *_trailing(layout.trailing, "jpeg"),
    ]


def _scan_tails(data: bytes, layout: jpeg.JpegLayout) -> list[Block]:
    """Bytes after a picture's coded scan data (see `scan_tail`): cut when placed, else held."""
    return [
        Block(
            "unread" if tail.removable else "uninspected",
            (tail.span,),
            where=("jpeg", "scan", str(tail.picture)),
        )
        for tail in scan_tail.scan_tails(data, layout)
    ]


def _between_segments(data: bytes, layout: jpeg.JpegLayout) -> list[Block]:
    """Bytes between segments (see `jpeg.walk`): unread, and removed whole by the strip. Zeros are a
    `gap`, which carries nothing (a manifest's thumbnail may hold one); anything else is `stray`."""
    return [
        Block(
            "unread",
            (gap,),
            where=("jpeg", "stray" if data[gap[0] : gap[1]].strip(b"\x00") else "gap", str(n)),
        )
        for n, gap in enumerate(layout.gaps)
    ]


def _between_pictures(layout: jpeg.JpegLayout) -> list[Block]:
    """Bytes between the pictures of a multi-picture JPEG (see `jpeg.walk`): unread, removed whole."""
    return [
        Block("unread", (span,), where=("jpeg", "between", str(number)))
        for number, span in enumerate(layout.between)
    ]


def _structural(tail: structural_tails.StructuralTail) -> Block:
    """What the container's counts say nobody reads (see `structural_tails`): unread, cut or rewritten."""
    return Block("unread", tail.spans, tail.rewritten, where=tail.where)


def _trailing(span: tuple[int, int] | None, container: str) -> list[Block]:
    """Bytes after the end of the image (see `trailing`): unread, and removed whole by the strip."""
    return [] if span is None else [Block("unread", (span,), where=(container, "trailing", "0"))]


def _is_c2pa_jumbf(body: bytes) -> bool:
    # JPEG-XT box: "JP", instance, sequence, then a JUMBF superbox whose description is labelled c2pa.
    return body.startswith(b"JP") and b"jumb" in body[:32] and b"c2pa" in body[:80]


def _c2pa_instances(data: bytes, layout: jpeg.JpegLayout) -> frozenset[bytes]:
    """The JPEG-XT box instance numbers of C2PA manifests; their continuation segments share them.

    Other JUMBF boxes are not read by anything in the gate, so they stay uninspected.
    """
    return frozenset(
        data[seg.start + 6 : seg.start + 8]
        for seg in layout.segments
        if seg.marker == jpeg.APP11 and _is_c2pa_jumbf(data[seg.start + 4 : min(seg.end, seg.start + 84)])
    )


def _jpeg_inspected(data: bytes, seg: jpeg.Segment, c2pa: frozenset[bytes]) -> bool:
    head = data[seg.start + 4 : min(seg.end, seg.start + 40)]
    if seg.marker == jpeg.APP11:
        return head.startswith(b"JP") and head[2:4] in c2pa
    index = _mp_index(data, seg)
    if index is not None:
        return index.complete  # an MPF index the gate read whole (see `mpf`)
    if seg.marker == jpeg.APP0 and head.startswith(b"JFIF\x00"):
        return len(head) >= 14
    return inspected.jpeg_known(seg.marker, head)


def _unread_block(data: bytes, seg: jpeg.Segment, span: tuple[tuple[int, int], ...]) -> Block | None:
    """An `unread` block for a JFXX thumbnail, a JFIF/APP14 segment longer than what decoders read, or an
    MPF index's ImageUIDList."""
    index = _mp_index(data, seg)
    if index is not None and index.dangling:
        # It lists pictures the file does not hold whole (see `jpeg.walk`): removed with what follows EOI.
        return Block("unread", span, where=("jpeg", "APP2", "unreadable" if index.unreadable else "dangling"))
    if index is not None:
        return _image_uids(data, seg, index)
    if seg.marker == jpeg.APP0 and data.startswith(b"JFXX\x00", seg.start + 4):
        # A JFIF extension thumbnail: a whole JPEG (with its own EXIF, GPS...) or palette pixels. The gate
        # does not read it; it is dropped with the GPS, which no decoder of the image misses.
        return Block("unread", span, where=("jpeg", "APP0", "JFXX"))
    if seg.marker == jpeg.APP0 and data.startswith(b"JFIF\x00", seg.start + 4):
        return _jfif_unread(seg.payload(data), span)
    read = _read_part(data, seg)
    if read is None:
        return None
    # Bytes after what decoders read: the strip cuts the segment back to what is read (shorter than that is
    # a segment nobody can read: undecodable).
    if seg.end - seg.start - 4 < read:
        raise ImageUndecodable("JPEG APP0 or APP14 segment is shorter than its header")
    cut = jpeg.segment_bytes(seg.marker, data[seg.start + 4 : seg.start + 4 + read])
    return Block("unread", span, cut, where=("jpeg", inspected.jpeg_name(seg.marker), "tail"))


def _jfif_unread(payload: bytes, span: tuple[tuple[int, int], ...]) -> Block | None:
    """An `unread` block for a JFIF header's thumbnail (uncompressed RGB the writer chose, shown by no
    viewer of the image: 3 bytes a pixel that can spell anything) and for bytes after the header, which
    the strip rewrites to the 14-byte header with a 0x0 thumbnail. Apple's "AMPF" right after the header
    counts as read (it flags an iPhone HDR photo's gain map) and is kept. None when there is neither."""
    # A thumbnail shorter than its size says (TwelveMonkeys' jfif-grayscale-thumbnail.jpg holds one byte a
    # pixel) is read by no decoder either: cut the same way.
    thumbnail = min(3 * payload[12] * payload[13], len(payload) - 14)
    rest = payload[14 + thumbnail :]
    ampf = b"AMPF" if rest == b"AMPF" else b""
    if not thumbnail and rest == ampf:
        return None
    cut = jpeg.segment_bytes(jpeg.APP0, payload[:12] + b"\x00\x00" + ampf)
    return Block("unread", span, cut, where=("jpeg", "APP0", "thumbnail" if thumbnail else "tail"))


def _read_part(data: bytes, seg: jpeg.Segment) -> int | None:
    """How much of an Adobe APP14 payload a decoder reads, when the segment holds more: the 12 bytes of
    the Adobe transform flags (Photoshop writes 31, the rest numbers nobody reads). None when the segment
    is exactly that. (JFIF APP0: `_jfif_unread`.)
    """
    size = seg.end - seg.start - 4
    if seg.marker == jpeg.APP14 and data.startswith(b"Adobe", seg.start + 4):
        return inspected.ADOBE_APP14_SIZE if size != inspected.ADOBE_APP14_SIZE else None
    return None


def comment_text(body: bytes) -> str:
    """A JPEG comment as text: UTF-16 when it has a byte-order mark or the zero bytes of ASCII in UTF-16,
    else UTF-8 (undecodable bytes replaced) with its readings in legacy encodings (`legacy_text`), so a
    scanner sees the letters either way."""
    if body[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return body.decode("utf-16", "replace").rstrip("\x00")
    pairs = len(body) // 2
    narrow = body.rstrip(b"\x00").decode("utf-8", "replace")
    if pairs and body.count(0) * 3 >= len(body):  # at least a third zeros: not text in UTF-8
        # ASCII letters in UTF-16 have their zero byte second (little-endian) or first (big-endian).
        encoding = "utf-16-le" if body[1::2].count(0) >= body[0::2].count(0) else "utf-16-be"
        # Binary with ASCII text among its zeros (a TIFF block) reads as both: the 8-bit reading too.
        return body[: 2 * pairs].decode(encoding, "replace").rstrip("\x00") + "\n" + narrow
    return with_readings(narrow, body)


class _Uninspected:
    """Makes blocks for segments and chunks the gate does not read, numbering them per type so each path
    is distinct: `unread` (removed whole by the strip) when no decoder needs them, else `uninspected`."""

    def __init__(self, container: str) -> None:
        self.container = container
        self.seen: dict[str, int] = {}

    def block(self, name: str, spans: tuple[tuple[int, int], ...], *, removable: bool) -> Block:
        ordinal = self.seen.get(name, 0)
        self.seen[name] = ordinal + 1
        source: Source = "unread" if removable else "uninspected"
        return Block(source, spans, where=(self.container, name, str(ordinal)))


def _image_uids(data: bytes, seg: jpeg.Segment, index: mpf.MpIndex) -> Block | None:
    """An MPF index read whole has nothing to report but an ImageUIDList (identifiers of the pictures)
    and bytes no structure accounts for: unread, removed with the device ids; the rewritten index keeps
    its size, so no offset moves."""
    if index.uid_list is None and not index.loose:
        return None
    payload = seg.payload(data)
    payload = mpf.without_uids(payload, index) if index.uid_list is not None else payload
    segment = jpeg.segment_bytes(jpeg.APP2, mpf.without_loose(payload, index))
    name = "ImageUIDList" if index.uid_list is not None else "unreferenced"
    return Block("unread", ((seg.start, seg.end),), segment, where=("jpeg", "APP2", name))


def _mp_index(data: bytes, seg: jpeg.Segment) -> mpf.MpIndex | None:
    """The MPF index an APP2 segment holds (see `mpf`), else None."""
    if seg.marker != jpeg.APP2 or not data.startswith(mpf.PREFIX, seg.start + 4):
        return None
    return mpf.read(data, seg.start + 4, seg.end)


def _png_blocks(data: bytes, layout: png.PngLayout, budget: MetadataBudget, streams: bool) -> Blocks:
    blocks: list[Block] = []
    has_c2pa = False
    unknown = _Uninspected("png")
    for chunk in layout.chunks:
        span = ((chunk.start, chunk.end),)
        if not inspected.chunk_known(
            inspected.PNG_CHUNKS, chunk.type, chunk.end - chunk.start - 12
        ) or not inspected.png_content_known(chunk.type, data, chunk.start + 8, chunk.end - 4):
            removable = inspected.png_removable(chunk.type)
            blocks.append(unknown.block(inspected.chunk_name(chunk.type), span, removable=removable))
        elif chunk.type == b"eXIf":
            body = chunk.payload(data)
            budget.charge(len(body))
            tiff = tiff_block(body)
            blocks.append(Block("exif", span, tiff, prefix=body[: len(body) - len(tiff)]))
        elif chunk.type in png.TEXT_CHUNKS:
            labels: list[str] = []
            try:
                keyword, text = png.read_text(chunk.type, chunk.payload(data), budget, labels)
            except (png.StreamTail, UnreadableBlock):  # bytes after its text, or text that does not
                # decode (a bad keyword, a broken stream): the chunk goes, as an unknown one
                blocks.append(unknown.block(inspected.chunk_name(chunk.type), span, removable=True))
                continue
            if keyword == png.XMP_KEYWORD:
                label = "\n".join(labels)
                blocks.append(
                    Block("xmp", span, text.encode("utf-8"), container=chunk.type.decode(), label=label)
                )
            else:
                label = "\n".join([keyword, *labels])
                container = chunk.type.decode()
                blocks.append(Block("text", span, text=text, key=keyword, container=container, label=label))
        elif chunk.type == b"iCCP":
            name, sep, rest = chunk.payload(data).partition(b"\x00")
            try:
                if not sep or not rest or rest[0] != 0:
                    raise UnreadableBlock("PNG iCCP chunk is malformed")
                profile = png.inflate(rest[1:], budget, profile=True)
            except (png.StreamTail, UnreadableBlock):  # removing the profile would change the colours
                blocks.append(unknown.block("iCCP", span, removable=False))
                continue
            blocks.append(Block("icc", span, profile, key="png", label=name.decode("latin-1")))
        elif chunk.type in png.COLOUR_VALUE_CHUNKS:
            text = png.palette_text(chunk.payload(data))
            if text:  # entries a decoder needs, so scanned rather than cut
                blocks.append(Block("palette", span, text=text, container=chunk.type.decode()))
        elif chunk.type == b"caBX":
            has_c2pa = True
    for excess in idat.stream_excess(data, layout) if streams else ():  # cut what can go; the rest: held
        source: Source = "uninspected" if excess.rewritten is None else "unread"
        where = ("png", excess.name, str(excess.ordinal))
        blocks.append(Block(source, (excess.span,), excess.rewritten or b"", where=where))
    if (uncounted := structural_tails.apng_frames_past_count(layout)) is not None:
        blocks.append(_structural(uncounted))
    blocks.extend(_trailing(layout.trailing, "png"))
    return Blocks(tuple(blocks), has_c2pa)


def _webp_blocks(data: bytes, layout: webp.WebpLayout, budget: MetadataBudget, streams: bool) -> Blocks:
    blocks: list[Block] = []
    has_c2pa = False
    unknown = _Uninspected("webp")
    for chunk in layout.chunks:
        span = ((chunk.start, chunk.end),)
        if (
            not inspected.chunk_known(inspected.WEBP_CHUNKS, chunk.fourcc, chunk.size)
            or not inspected.webp_content_known(chunk.fourcc, data, chunk.start + 8)
            or not webp.pad_known(data, chunk)
        ):
            removable = chunk.fourcc not in inspected.WEBP_CHUNKS  # a known one may be needed (VP8X)
            blocks.append(unknown.block(inspected.chunk_name(chunk.fourcc), span, removable=removable))
        elif chunk.fourcc == b"ANMF" and not webp.frame_known(data, chunk):  # a frame is needed: kept
            blocks.append(unknown.block("ANMF", span, removable=False))
        elif chunk.fourcc == b"EXIF":
            body = chunk.payload(data)
            budget.charge(len(body))
            tiff = tiff_block(body)
            blocks.append(Block("exif", span, tiff, prefix=body[: len(body) - len(tiff)]))
        elif chunk.fourcc == b"XMP ":
            body = chunk.payload(data)
            budget.charge(len(body))
            blocks.append(Block("xmp", span, body))
        elif chunk.fourcc == b"ICCP":
            body = chunk.payload(data)
            budget.charge(len(body))
            blocks.append(Block("icc", span, body, key="webp"))
        elif chunk.fourcc == b"C2PA":
            has_c2pa = True
    for tail in webp_tail.bitstream_tails(data, layout) if streams else ():  # see `webp_tail`
        source: Source = "uninspected" if tail.rewritten is None else "unread"
        where = ("webp", tail.name, tail.ordinal)
        blocks.append(Block(source, (tail.span,), tail.rewritten or b"", where=where))
    if not streams:  # the decode finds a raw alpha tail too, and one edit per chunk is what the strip makes
        blocks.extend(_structural(tail) for tail in structural_tails.raw_alpha_tails(data, layout))
    blocks.extend(_trailing(layout.trailing, "webp"))
    return Blocks(tuple(blocks), has_c2pa)
