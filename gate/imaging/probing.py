"""`probe`: is this an image we can safely look at, and how big is it? Limits first, pixels never."""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image

from gate.errors import ImageLimitExceeded, ImageUndecodable, ImageUnsupported
from gate.imaging import jpeg, png, webp
from gate.imaging.formats import JPEG, PNG, SUPPORTED_MEDIA_TYPES, WEBP, sniff_media_type
from gate.imaging.limits import MAX_ANIMATION_PIXELS, ImageLimits
from gate.imaging.plain_header import plain_header

#: What a structural walk returns; `blocks` finds the metadata in it.
Layout = jpeg.JpegLayout | png.PngLayout | webp.WebpLayout


@dataclass(frozen=True, slots=True)
class _Walked:
    """The layout `probe` walked, and the very bytes it walked."""

    data: bytes
    layout: Layout


@dataclass(frozen=True, slots=True)
class ImageProbe:
    """What `probe` learnt from the container structure (and Pillow's header parse, where it asked).

    `limits` are the limits the probe enforced; `read_metadata` applies the same ones.
    """

    media_type: str
    format: str
    width: int
    height: int
    frames: int = 1
    limits: ImageLimits = field(default_factory=ImageLimits, repr=False, compare=False)
    _walked: _Walked | None = field(default=None, repr=False, compare=False)

    def layout_for(self, data: bytes) -> Layout | None:
        """The walked layout when `data` is the very object probed, else None (the caller walks again).

        Identity, not equality: comparing contents would cost the scan this saves. `bytes` are immutable,
        so the same object still holds the bytes that were walked.
        """
        walked = self._walked
        return walked.layout if walked is not None and walked.data is data else None


def _frames(layout: Layout) -> int:
    return 1 if isinstance(layout, jpeg.JpegLayout) else layout.frames


def _check_animation(layout: Layout, width: int, height: int) -> None:
    """Refuse an animation a player would spend minutes composing (MAX_ANIMATION_PIXELS). An APNG plays
    the frames its acTL declares and its fcTL chunks give, whichever are fewer."""
    frames = _frames(layout)
    if frames * width * height <= MAX_ANIMATION_PIXELS:
        return
    if isinstance(layout, png.PngLayout):
        frames = min(frames, 1 + sum(1 for chunk in layout.chunks if chunk.type == b"fcTL"))
    if frames > 1 and frames * width * height > MAX_ANIMATION_PIXELS:
        raise ImageLimitExceeded("animation frames times canvas pixels exceed MAX_ANIMATION_PIXELS")


_SizeReader = Callable[[bytes], tuple[int, int] | None]
_Walk = Callable[[bytes], Layout]
# media type -> (header-only size reader, full structural walk)
_WALKS: dict[str, tuple[_SizeReader, _Walk]] = {
    JPEG: (jpeg.header_size, jpeg.walk),
    PNG: (png.header_size, png.walk),
    WEBP: (webp.header_size, webp.walk),
}
_PILLOW_FORMATS = {JPEG: ["JPEG"], PNG: ["PNG"], WEBP: ["WEBP"]}
# What Pillow names a header `plain_header` vouches for (WebP headers are always Pillow's to parse).
_PLAIN_FORMATS = {JPEG: "JPEG", PNG: "PNG"}


def probe(data: bytes, limits: ImageLimits | None = None) -> ImageProbe:
    """Check size, type, structure and dimensions of `data` without decoding a pixel.

    Order matters: byte size, then magic, then the dimensions in the header, then a structural walk
    (JPEG segments to EOI, PNG chunks with CRCs, WebP RIFF sizes) that catches truncation and refuses
    bytes after the end of the image, and only then Pillow's lazy `Image.open`, which reads headers
    (skipped where `plain_header` shows the walk read everything it would, so it could only agree).
    Multi-picture JPEGs (MPO, HDR gain maps) are walked picture by picture, each held to the limits.
    Raises ImageLimitExceeded or ImageUndecodable.
    """
    limits = limits or ImageLimits()
    if len(data) > limits.max_bytes:
        raise ImageLimitExceeded("image exceeds max_bytes")
    if not data:
        raise ImageUndecodable("image is empty")
    media_type = sniff_media_type(data)
    if media_type is None:
        raise ImageUndecodable("bytes are not a recognised image format")
    if media_type not in SUPPORTED_MEDIA_TYPES:
        raise ImageUnsupported(media_type)
    header_size, walk = _WALKS[media_type]
    size = header_size(data)
    if size is not None:
        _check_dimensions(*size, limits)
    layout = walk(data)
    width, height = layout.width, layout.height
    _check_dimensions(width, height, limits)
    if isinstance(layout, jpeg.JpegLayout):
        for size in layout.sizes[1:]:  # the further pictures of a multi-picture JPEG
            _check_dimensions(*size, limits)
    _check_bomb_guard(width, height)
    _check_animation(layout, width, height)
    plain = _PLAIN_FORMATS.get(media_type)
    if plain is not None and plain_header(data, layout):
        fmt = plain  # Pillow's parse could only agree (see plain_header)
    else:
        fmt = _pillow_header(data, media_type, (width, height))
    # Kept so read_metadata and strip_identifiers need not walk the same bytes again. Only for `bytes`:
    # a bytearray could change after the walk. The probe then holds a reference to `data`.
    walked = _Walked(data, layout) if type(data) is bytes else None
    return ImageProbe(media_type, fmt, width, height, _frames(layout), limits, walked)


def _check_dimensions(width: int, height: int, limits: ImageLimits) -> None:
    if width > limits.max_width or height > limits.max_height:
        raise ImageLimitExceeded("image dimensions exceed max_width/max_height")
    if width * height > limits.max_pixels:
        raise ImageLimitExceeded("image pixel count exceeds max_pixels")


def _check_bomb_guard(width: int, height: int) -> None:
    # Pillow's bomb guard warns above MAX_IMAGE_PIXELS and errors above twice that. Its warning counts as
    # a refusal too; applied here to our size, which Pillow's must equal, so no warning needs to become
    # an error (a filter that costs two caught exceptions per image). Also where Pillow is not asked.
    if Image.MAX_IMAGE_PIXELS is not None and width * height > Image.MAX_IMAGE_PIXELS:
        raise ImageLimitExceeded("image trips Pillow's decompression-bomb guard")


def _pillow_header(data: bytes, media_type: str, size: tuple[int, int]) -> str:
    """Let Pillow parse the header (lazily: no pixel decode) and agree with our walk."""
    _check_bomb_guard(*size)  # probe checked already; kept so this function stands alone
    try:
        # Pillow's warnings (about EXIF it half-parses, or its bomb warning for a size that then disagrees
        # with ours) are noise: read_metadata judges metadata itself.
        with (
            warnings.catch_warnings(action="ignore"),
            Image.open(io.BytesIO(data), formats=_PILLOW_FORMATS[media_type]) as image,
        ):
            fmt, pillow_size = image.format or "", image.size
    except Image.DecompressionBombError as exc:
        raise ImageLimitExceeded("image trips Pillow's decompression-bomb guard") from exc
    except ValueError as exc:
        # Pillow's PNG text guards (MAX_TEXT_CHUNK, MAX_TEXT_MEMORY) raise a bare ValueError.
        if "too large" in str(exc):
            raise ImageLimitExceeded("image text chunks trip Pillow's size guard") from exc
        raise ImageUndecodable(f"{media_type} header cannot be parsed") from exc
    except Exception as exc:  # Pillow raises many types for bad headers; all mean the same to the gate
        raise ImageUndecodable(f"{media_type} header cannot be parsed") from exc
    if pillow_size != size:
        raise ImageUndecodable(f"{media_type} structure and header disagree on dimensions")
    return fmt
