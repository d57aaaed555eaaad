"""Bytes after the end of an image: removed, never published, because the gate publishes only what it read.

A JPEG ends at EOI, a PNG at IEND, a WebP where its RIFF size says. Nothing the gate (or Pillow, or any
decoder) reads looks past that point, yet the bytes there would be published verbatim: a second JPEG with
its own GPS EXIF (`cat plain.jpg gps.jpg`), or text appended after IEND. Real cameras leave such bytes too
(one byte after an Olympus D320L's EOI, a second scan's tail after a libultrahdr sample's first EOI), so
the walks report them (`trailing_bytes`) and the strip cuts them off: lossless, since no reader of the image
uses them. Where they sit between the pictures of a multi-picture JPEG (`unread_between`), they are cut
out the same way and the index's offsets moved to match. A multi-picture JPEG's further pictures are not
"after the end": its MPF index names them and the JPEG walk reads them, see `mpf`.
"""

from __future__ import annotations

from gate.errors import ImageUndecodable

#: Writers sometimes pad a file with a few 0x00 or 0xFF bytes; that much is tolerated, nothing else.
MAX_PADDING = 16
_PADDING_BYTES = b"\x00\xff"


def trailing_bytes(data: bytes, end: int) -> tuple[int, int] | None:
    """(end, len(data)) when `data` goes on after the image's `end` with more than a little 0x00/0xFF
    padding (which carries nothing and stays), else None."""
    extra = len(data) - end
    if extra <= 0 or (extra <= MAX_PADDING and not data[end:].translate(None, _PADDING_BYTES)):
        return None
    return end, len(data)


def unread_between(data: bytes, start: int, stop: int) -> tuple[int, int] | None:
    """(start, stop) when `data[start:stop]` holds anything but 0x00/0xFF padding (any length), else None."""
    if stop <= start or not data[start:stop].translate(None, _PADDING_BYTES):
        return None
    return start, stop


def check_end(
    data: bytes,
    end: int,
    container: str,
    *,
    why: str = "a second image or appended data",
    stop: int | None = None,
    padding: int = MAX_PADDING,
) -> None:
    """Raise ImageUndecodable unless `data[end:stop]` is empty or at most MAX_PADDING bytes of 0x00/0xFF.

    `container` names the format in the message; `why` says what the trailing bytes probably are; `stop`
    (the end of the data when None) is where the next thing the gate reads begins; `padding` is how many
    bytes of 0x00/0xFF are tolerated.
    """
    stop = len(data) if stop is None else stop
    extra = stop - end
    if extra <= 0:
        return
    if extra <= padding and not data[end:stop].translate(None, _PADDING_BYTES):
        return
    raise ImageUndecodable(
        f"{container} has {extra} bytes after the end of the image ({why}); "
        "the gate only publishes what it can inspect"
    )
