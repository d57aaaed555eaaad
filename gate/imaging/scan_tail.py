"""Bytes a JPEG scan carries after its entropy-coded data: before EOI, a restart marker or the next scan.

No decoder reads them, yet a structural walk cannot tell them from coded data: only a decode knows where
the code ends. libjpeg-turbo (simplejpeg, its own copy bundled) warns "N extraneous bytes before marker"
when it skips bytes to reach a marker, but its count misses the bytes already in its bit buffer
(measured on 16 real and written JPEGs: up to 7 of a tail before EOI, up to 2 before a restart marker),
so the end of each picture's last scan is found by cutting: a decode of the picture with its last `c`
coded bytes removed that does not report "premature end of data segment" never needed them (Huffman
coding: the arithmetic decoder reads zeros past the end without a word, so those pictures are held).
Every clean picture measured needs its last byte (the encoder pads only the partial byte). The tail
found so is cut (the decoder never read it, so the pixels are the same; checked on a full decode); a
tail the warning names before any other marker (a restart marker, the next scan) cannot be placed
among the others, so such a picture is not published (`metadata.uninspected`); nor is one the decoder
warns about otherwise.

A decode per picture plus one per cut tried (a few for a tail): the policy's choice, under
`limits.inspect_compressed_streams` as PNG's inflate (`idat`). Decoded at 1/8 scale: the entropy decode,
whose end is sought, is whole; the inverse DCT is mostly skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gate.imaging import jpeg
from gate.imaging.tail_search import longest_spare

try:
    import simplejpeg

    _HAVE_DECODER = True
except ImportError:  # a build without it: every JPEG under the limit is held, with the reason
    _HAVE_DECODER = False

_EXTRANEOUS = re.compile(r"(\d+) extraneous bytes before marker 0x([0-9a-f]{2})")
_SCALE = 8  # decode at 1/8: the entropy decode is whole either way
_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# libjpeg's arithmetic decoder reads zeros past the code without a warning, so a cut cannot be told
# from a clean end: such pictures (rare) are held under the limit.
_ARITHMETIC = frozenset({0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})


@dataclass(frozen=True, slots=True)
class ScanTail:
    """Bytes after the coded data of picture `picture`'s scans. `span` is what to remove (the tail before
    the last scan's closing marker), or the picture itself with `removable` False when the bytes cannot
    be placed or the decoder could not read the picture; `why` says which, without any value."""

    picture: int
    span: tuple[int, int]
    removable: bool
    why: str = ""


_last: list[tuple[bytes, tuple[ScanTail, ...]]] = []  # read_metadata and the strip ask of the same bytes


def scan_tails(data: bytes, layout: jpeg.JpegLayout) -> tuple[ScanTail, ...]:
    """The pictures of `data` whose scans hold bytes after their coded data (see the module's docstring)."""
    cached = _last[0] if _last else None
    if cached is not None and cached[0] is data:
        return cached[1]
    found = tuple(
        tail
        for picture, (start, end) in enumerate(layout.images or ((0, len(data)),))
        if (tail := _picture_tail(data, layout, picture, start, end)) is not None
    )
    _last[:] = [(data, found)]
    return found


def _picture_tail(
    data: bytes, layout: jpeg.JpegLayout, picture: int, start: int, end: int
) -> ScanTail | None:
    if not _HAVE_DECODER:
        return ScanTail(picture, (start, end), removable=False, why="simplejpeg is not installed")
    held = ScanTail(picture, (start, end), removable=False, why="the decoder did not read it whole")
    frame = [s.marker for s in layout.segments if s.image == picture and s.marker in _FRAMES]
    if frame and frame[0] in _ARITHMETIC:
        return ScanTail(picture, (start, end), removable=False, why="arithmetic coding")
    scans = [s for s in layout.segments if s.image == picture and s.marker == jpeg.SOS]
    if not scans:
        return None
    code_end = jpeg.scan_end(data, scans[-1].end) - start  # in the picture's own offsets
    image = data[start:end]
    floor = 0
    message = _decode(image)
    if message is not None:
        extraneous = _EXTRANEOUS.search(message)
        # Only EOI's warning is placed: it ends the last scan, and the decoder stops at the first warning.
        if (
            extraneous is None
            or extraneous.group(2) != "d9"
            or image[code_end:].lstrip(b"\xff")[:1] != b"\xd9"
        ):
            return held
        floor = int(extraneous.group(1))
    coded = code_end - (scans[-1].end - start)
    cut = _longest_cut(image, code_end, floor, coded)
    if cut == 0:
        return None
    kept = image[: code_end - cut] + image[code_end:]
    if _decode(kept) is not None or not _same_pixels(image, kept):
        return held
    return ScanTail(picture, (start + code_end - cut, start + code_end), removable=True)


def _longest_cut(image: bytes, code_end: int, floor: int, coded: int) -> int:
    """The most bytes before `code_end` that the decoder does without (at least `floor`, at most `coded`)."""

    def spare(count: int) -> bool:
        message = _decode(image[: code_end - count] + image[code_end:])
        return message is None or _EXTRANEOUS.search(message) is not None

    return longest_spare(spare, floor, coded)


def _decode(image: bytes) -> str | None:
    """None when libjpeg-turbo decodes `image` without a warning, else its message."""
    try:
        simplejpeg.decode_jpeg(image, min_factor=_SCALE, strict=True)
    except ValueError as exc:
        return str(exc)
    return None


def _same_pixels(image: bytes, kept: bytes) -> bool:
    """Whether both decode to the same pixels, at full scale (only a picture with a tail pays it)."""
    try:
        before = simplejpeg.decode_jpeg(image, strict=False)
        after = simplejpeg.decode_jpeg(kept, strict=True)
    except ValueError:
        return False
    return bool(before.shape == after.shape and (before == after).all())
