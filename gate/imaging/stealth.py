"""Generation parameters hidden in the pixels' low bits of a PNG or lossless WebP ("stealth pnginfo").

SD WebUI's stealth-pnginfo extension, Forge and NovelAI write a generator's parameters into the least
significant bits of the alpha channel (or of red, green and blue), column by column (x outer, y inner),
behind a 15-byte signature: `stealth_pnginfo` / `stealth_pngcomp` (alpha, plain / gzip) and
`stealth_rgbinfo` / `stealth_rgbcomp` (RGB), then a 32-bit big-endian length in bits, then the text.
Readers (SD WebUI's PNG Info tab, sd-parsers, Civitai) show it as the image's parameters, a prompt that
may name anyone; the strip cannot remove it (it is pixels), so the gate reads it: a real A1111 file of
sd-parsers was approved undeclared with its prompt published unread (redimg20).

Cost: a signature can only start in the first column, so the first rows are inflated and just the
first pixels of each unfiltered (a filter's predictor for pixel x needs only pixels x-1 and above): the
first pixel's low bits first (no row inflated: most images stop there), then the "s" of the signature
(8 pixels, 3 in RGB), all 15 bytes only when it matches. The whole image is
decoded (Pillow) only when a signature is there, or when the PNG is interlaced (Adam7 scatters a column
over passes); a WebP whose pixels or alpha are lossless is decoded (no partial VP8L decoder is at hand).
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass

from PIL import Image

from gate.errors import ImageLimitExceeded
from gate.imaging.limits import MetadataBudget
from gate.imaging.png import Chunk

_SIGNATURES = {
    b"stealth_pnginfo": ("alpha", False),
    b"stealth_pngcomp": ("alpha", True),
    b"stealth_rgbinfo": ("rgb", False),
    b"stealth_rgbcomp": ("rgb", True),
}
_SIG_BITS = 15 * 8
_CHANNELS = {2: 3, 6: 4}  # colour types with R, G, B samples: truecolour, truecolour with alpha
#: Pixels the gate decodes to read hidden text (about 100 MB of RGBA, 0.3 s): generators write at most
#: ~16 MP; a larger image whose low bits would need a decode (a signature in a PNG's first rows, an
#: interlaced PNG, a lossless WebP) is held unread rather than decoded.
MAX_DECODED_PIXELS = 24_000_000


@dataclass(frozen=True, slots=True)
class HiddenText:
    """What a stealth signature leads to: its text, or None when it is no UTF-8 (or its gzip breaks)."""

    mode: str  # "alpha" or "rgb"; "unlooked" for an image too large to decode (MAX_DECODED_PIXELS)
    text: str | None


def read_hidden(data: bytes, chunks: tuple[Chunk, ...], budget: MetadataBudget) -> HiddenText | None:
    """The stealth parameters of a PNG when its pixels begin with a signature, else None.

    Only truecolour PNGs (with or without alpha) carry it: readers take the bits from Pillow's RGB(A)
    pixels, which hold a 16-bit sample's high byte. Raises ImageLimitExceeded when the stated text is larger
    than the metadata budget.
    """
    header = chunks[0].payload(data)
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header[:13])
    if depth not in (8, 16) or colour not in _CHANNELS:
        return None
    if interlace:
        return read_decoded(data, budget)
    shape = _Shape(width, height, _CHANNELS[colour], depth // 8)
    idat = _Inflated(data, [c for c in chunks if c.type == b"IDAT"])
    # The first row's filter byte and first pixel: what most images are ruled out by (`_starts_as_s`).
    first = idat.first(1 + shape.pixel_bytes)
    if first is None:
        return None
    for mode in ("alpha", "rgb") if shape.channels == 4 else ("rgb",):
        if not _starts_as_s(first[1:], shape, mode):
            continue
        if _prefix_matches(idat, shape, mode, 8, b"s") and _prefix_matches(
            idat, shape, mode, _SIG_BITS, None
        ):
            # A signature the whole image does not confirm (pixels that do not decode): not read, held.
            return read_decoded(data, budget) or HiddenText(mode, None)
    return None


@dataclass(frozen=True, slots=True)
class _Shape:
    width: int
    height: int
    channels: int
    sample_bytes: int  # 1 or 2 (big-endian: the high byte first, the one Pillow keeps)

    @property
    def pixel_bytes(self) -> int:
        return self.channels * self.sample_bytes


class _Inflated:
    """The IDAT stream inflated only as far as asked, one chunk at a time: a signature is looked for in
    the first rows, and a large PNG's whole stream costs milliseconds to join or inflate."""

    def __init__(self, data: bytes, chunks: list[Chunk]) -> None:
        self._view = memoryview(data)
        self._chunks = iter(chunks)
        self._inflater = zlib.decompressobj()
        self._out = bytearray()

    def first(self, size: int) -> bytes | None:
        """The first `size` bytes of the stream, or None when it ends or breaks first."""
        try:
            while len(self._out) < size:
                tail: bytes | memoryview
                if self._inflater.unconsumed_tail:
                    tail = self._inflater.unconsumed_tail
                else:
                    chunk = next(self._chunks, None)
                    if chunk is None or self._inflater.eof:
                        return None
                    tail = self._view[chunk.start + 8 : chunk.end - 4]
                self._out += self._inflater.decompress(tail, size - len(self._out))
        except zlib.error:
            return None
        return bytes(self._out[:size])


_S_BITS = tuple((ord("s") >> (7 - i)) & 1 for i in range(8))


def _starts_as_s(pixel: bytes, shape: _Shape, mode: str) -> bool:
    """Whether the first pixel's low bits are the first hidden bits of an "s" (1 in alpha, 3 in RGB). No
    filter changes the first row's first pixel (nothing lies above or to the left of it), so this needs
    no row inflated: an opaque alpha channel (low bit 1) and 7 in 8 RGB images are ruled out here, and
    `_prefix_matches` (the whole "s", then the signature) runs only on the rest."""
    picked = (3,) if mode == "alpha" else (0, 1, 2)
    return tuple(pixel[sample * shape.sample_bytes] & 1 for sample in picked) == _S_BITS[: len(picked)]


def _prefix_matches(idat: _Inflated, shape: _Shape, mode: str, nbits: int, expected: bytes | None) -> bool:
    """Whether the first `nbits` hidden bits spell `expected` (or any stealth signature, when None)."""
    picked = (3,) if mode == "alpha" else (0, 1, 2)
    pixels = -(-nbits // len(picked))
    columns = -(-pixels // shape.height)
    if columns > shape.width:
        return False
    rows = min(shape.height, pixels)
    prefix = _first_pixels(idat, shape, rows, columns)
    if prefix is None:
        return False
    bits: list[int] = []
    for x in range(columns):
        for y in range(rows):
            at = x * shape.pixel_bytes
            bits.extend(prefix[y][at + sample * shape.sample_bytes] & 1 for sample in picked)
    spelled = _packed(bytes(ord("0") + bit for bit in bits[:nbits]))
    if expected is not None:
        return spelled == expected
    return _SIGNATURES.get(spelled, ("", False))[0] == mode


def _first_pixels(idat: _Inflated, shape: _Shape, rows: int, columns: int) -> list[bytes] | None:
    """The first `columns` pixels of the first `rows` rows, unfiltered; None when the stream ends first
    or a row's filter type is unknown (Pillow refuses such a PNG; the image check says so)."""
    channels = shape.pixel_bytes  # filters predict from the byte one pixel to the left
    stride = 1 + shape.width * channels
    raw = idat.first(stride * rows)
    if raw is None:
        return None
    span = columns * channels
    above = bytes(span)
    out: list[bytes] = []
    for y in range(rows):
        kind, line = raw[y * stride], raw[y * stride + 1 : y * stride + 1 + span]
        row = bytearray(span)
        for i, value in enumerate(line):
            left = row[i - channels] if i >= channels else 0
            up = above[i]
            corner = above[i - channels] if i >= channels else 0
            if kind == 0:
                predicted = 0
            elif kind == 1:
                predicted = left
            elif kind == 2:
                predicted = up
            elif kind == 3:
                predicted = (left + up) // 2
            elif kind == 4:
                predicted = _paeth(left, up, corner)
            else:
                return None
            row[i] = (value + predicted) & 0xFF
        above = bytes(row)
        out.append(above)
    return out


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_decoded(data: bytes, budget: MetadataBudget) -> HiddenText | None:
    """Decode the image (PNG or WebP) and read the hidden text as SD WebUI's reader does; None when there is
    no signature or the pixels do not decode. An image of more than MAX_DECODED_PIXELS is not decoded (a
    hostile 100 MP PNG would cost seconds and 400 MB): its low bits are unread, so it is held."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.width * opened.height > MAX_DECODED_PIXELS:
                return HiddenText("unlooked", None)
            image = opened.convert("RGBA" if opened.mode in ("RGBA", "LA", "PA") else "RGB")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None  # no reader gets at pixels Pillow cannot decode; the image check answers for them
    for mode in ("alpha", "rgb") if image.mode == "RGBA" else ("rgb",):
        head = _low_bits(image, mode, _SIG_BITS + 32)
        found = _SIGNATURES.get(_packed(head[:_SIG_BITS]))
        if found is None or found[0] != mode:
            continue
        length = int.from_bytes(_packed(head[_SIG_BITS:]), "big")
        if length // 8 > budget.left:
            raise ImageLimitExceeded("stealth parameters state more than max_metadata_bytes")
        body = _packed(_low_bits(image, mode, _SIG_BITS + 32 + length)[_SIG_BITS + 32 :])
        return HiddenText(mode, _text(body, found[1], budget))
    return None


_LOW_BIT = bytes(ord("0") + (value & 1) for value in range(256))


def _low_bits(image: Image.Image, mode: str, count: int) -> bytes:
    """The first `count` hidden bits (fewer when the image ends first) as b"0"/b"1", column by column:
    one a pixel (alpha) or three (red, green, blue). Only the columns they lie in are transposed (by
    Pillow) and mapped (`bytes.translate`): no Python loop over pixels."""
    width, height = image.size
    columns = min(width, -(-count // ((1 if mode == "alpha" else 3) * height)))
    part = image.crop((0, 0, columns, height))
    source = part.getchannel("A") if mode == "alpha" else part.convert("RGB")
    return source.transpose(Image.Transpose.TRANSPOSE).tobytes().translate(_LOW_BIT)[:count]


def _packed(bits: bytes) -> bytes:
    """b"0"/b"1" digits as bytes, eight a byte (a last partial byte dropped)."""
    usable = len(bits) - len(bits) % 8
    return int(bits[:usable], 2).to_bytes(usable // 8, "big") if usable else b""


def _text(body: bytes, compressed: bool, budget: MetadataBudget) -> str | None:
    if compressed:
        inflater = zlib.decompressobj(wbits=31)  # gzip
        try:
            body = inflater.decompress(body, budget.left + 1)
        except zlib.error:
            return None
        if len(body) > budget.left or inflater.unconsumed_tail:
            raise ImageLimitExceeded("stealth parameters inflate past max_metadata_bytes")
        if not inflater.eof:
            return None
    budget.charge(len(body))
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None
