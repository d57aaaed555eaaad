"""The unit of metadata every container is read into: a `Block` (its byte spans and payload) and the
`Blocks` of one image (see `blocks.list_blocks`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Source = Literal[
    "exif", "xmp", "xmp_ext", "iptc", "text", "comment", "ducky", "icc", "palette", "uninspected", "unread"
]


@dataclass(frozen=True, slots=True)
class Block:
    """A metadata unit: the byte spans it occupies in the file and its payload.

    `payload` is the TIFF block for exif (`prefix` is what preceded it in the container), the packet for
    xmp, the whole APP13 payload for iptc, the whole APP12 payload for ducky. For text and comment, `text`
    holds the decoded string and `key` the PNG keyword or COM index; for a JPEG's xmp, `key` holds the GUIDs
    of the extended packets read beside it. An uninspected block is a segment or
    chunk the gate neither reads nor knows to be harmless: `where` names it (format, type, ordinal).
    """

    source: Source
    spans: tuple[tuple[int, int], ...]
    payload: bytes = field(default=b"", repr=False)
    prefix: bytes = b""
    text: str = field(default="", repr=False)
    key: str = ""
    container: str = ""  # the chunk type for PNG text ("tEXt"...), so paths can name it
    where: tuple[str, str, str] | None = None
    image: int = 0  # the picture of a multi-picture JPEG it belongs to (0: the primary image)
    # PNG text: the keyword, then iTXt's language tag and translated keyword, one a line.
    label: str = field(default="", repr=False)


@dataclass(frozen=True, slots=True)
class Blocks:
    """All metadata blocks of one image and whether it carries a C2PA manifest."""

    items: tuple[Block, ...]
    has_c2pa: bool
