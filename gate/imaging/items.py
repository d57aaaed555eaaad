"""What `read_metadata` returns: frozen records that never show metadata values in reprs or logs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from gate.errors import ImageUndecodable

Kind = Literal["location", "device_id", "owner", "person", "free_text", "json_text", "uninspected", "unread"]

#: Every kind a MetadataItem can have. `uninspected` marks a segment or chunk the gate neither reads nor
#: knows to be harmless (see `inspected`); it has no value and is never stripped. `unread` marks a field in a
#: structure the gate reads (an EXIF tag outside its list, EXIF bytes no IFD points to, a JFXX thumbnail)
#: whose content it does not judge, and which can be removed losslessly: it is, by default.
KINDS: frozenset[str] = frozenset(
    {"location", "device_id", "owner", "person", "free_text", "json_text", "uninspected", "unread"}
)

#: Kinds `strip_identifiers` can remove: all but `uninspected`, whose content it cannot judge.
STRIPPABLE_KINDS: frozenset[str] = KINDS - {"uninspected"}

#: Kinds whose fields `strip_identifiers` removes by default: nobody needs them in a product image.
DEFAULT_STRIP_KINDS: frozenset[str] = frozenset({"location", "device_id", "unread"})


class UnreadableBlock(ImageUndecodable):
    """A metadata block (EXIF, XMP, IPTC, Ducky, PNG text) the gate cannot parse whole. The image decodes
    without it, so `read_metadata` reports it `unread` and the strip removes the whole block; where it is
    raised outside that path (a profile the pixels need) it still refuses, as ImageUndecodable."""


# The path of a whole segment or chunk (or the bytes after the image), in any picture of a multi-picture JPEG.
_CONTAINER_PART = re.compile(r"(?:/mpf/\d+)?/(?:jpeg|png|webp)/")


@dataclass(frozen=True, slots=True)
class MetadataItem:
    """One metadata field that may hold personal data.

    `value` is the field's text for kinds a scanner must read (owner, person, free_text, json_text) and
    None for location, device ids, unread fields and uninspected segments, whose presence alone decides.
    `json` is the parsed JSON for `json_text` items. Neither is shown by repr: an item can be logged safely.
    """

    path: str
    kind: Kind
    value: str | None = field(default=None, repr=False, compare=False)
    json: Any = field(default=None, repr=False, compare=False)
    #: Read the field name as a key that tells the scanner what the value is (UserComment, a PNG keyword).
    #: False for fields whose name promises a form their value need not keep (EXIF DateTime, Make): a
    #: name such as "DateTime" would otherwise tell the scanner that digits there are no phone number.
    named_context: bool = field(default=True, repr=False, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageMetadata:
    """Everything personal or provenance-relevant found in an image's metadata, without pixel decode.

    The two manifest facts have no defaults: leaving one out must not quietly say "no manifest here".
    """

    #: A C2PA manifest store is embedded (JPEG APP11 JUMBF, PNG caBX, WebP C2PA).
    has_c2pa: bool
    #: An XMP packet names a manifest stored elsewhere (`dcterms:provenance`), or cannot be read as UTF-8.
    references_manifest: bool
    items: tuple[MetadataItem, ...] = ()
    ai_markers: tuple[str, ...] = ()

    @property
    def manifest_ruled_out(self) -> bool:
        """Whether c2pa can find no manifest here: every segment was read, none is or points to one.

        An uninspected segment could be anything, so it rules nothing out; nor does a segment or chunk the
        gate does not read and the strip removes (unread, named by its container): c2pa may read it.
        """
        if self.has_c2pa or self.references_manifest:
            return False
        return not any(
            item.kind == "uninspected" or (item.kind == "unread" and _CONTAINER_PART.match(item.path))
            for item in self.items
        )

    @property
    def strippable_kinds(self) -> frozenset[str]:
        """Kinds present that `strip_identifiers` can remove losslessly (all but `uninspected`)."""
        return frozenset(item.kind for item in self.items) & STRIPPABLE_KINDS

    def paths(self, kind: str) -> tuple[str, ...]:
        """The JSON pointers of all items of `kind`, in file order."""
        return tuple(item.path for item in self.items if item.kind == kind)
