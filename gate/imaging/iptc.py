"""JPEG's APP13 "Photoshop 3.0" image resources: the IPTC-IIM block, and EXIF or XMP kept there, read and
stripped.

Photoshop and Lightroom still write By-line, City and Caption here besides XMP, so skipping it would
leave a second copy of the same personal data. Photoshop's own JPEGs carry EXIF and XMP in APP1, but
the resource format has a slot for each (as in PSD and TIFF files) and any tool may fill it: GPS there is
as published as GPS in APP1.

Every IIM dataset is read: the ones `DATASETS` names by their kind, any other one as free text to scan
(Category, SupplementalCategory, ContentLocationName, the envelope record...), but for the binary object
preview (2:200-2:202), which is unread. Any other resource (thumbnails, slices with names and URLs,
print settings, plug-in data: Photoshop writes dozens) and any resource with a name is unread too: the
default strip drops it, as no viewer of a product image needs it.
"""

from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass, replace

from gate.imaging import exif, opaque, xmp
from gate.imaging.items import Kind, MetadataItem, UnreadableBlock
from gate.imaging.legacy_text import with_readings
from gate.pointers import pointer

PHOTOSHOP_PREFIX = b"Photoshop 3.0\x00"
_IPTC_RESOURCE, _IPTC_DIGEST = 0x0404, 0x0425
# Resources holding a whole EXIF (TIFF) stream ("EXIF data 1" and "3") or an XMP packet; their items are
# reported under /photoshop (/photoshop/exif/GPSInfo/..., /photoshop/xmp/...). An EXIF resource that is
# not TIFF (ExifTool calls "EXIF data 3" an unknown binary format) is no EXIF to any reader: it stays
# unread, like the other resources.
_EXIF_RESOURCES, _XMP_RESOURCE = frozenset({0x0422, 0x0423}), 0x0424
_TIFF_HEADERS = (b"II*\x00", b"MM\x00*")
_EMBEDDED_ROOT = pointer("photoshop")

# Record 2 datasets that may hold personal data: number -> (name used in paths, kind).
DATASETS: dict[int, tuple[str, Kind]] = {
    5: ("ObjectName", "free_text"),
    25: ("Keywords", "free_text"),
    40: ("SpecialInstructions", "free_text"),
    80: ("By-line", "owner"),
    85: ("By-lineTitle", "owner"),
    90: ("City", "location"),
    92: ("Sublocation", "location"),
    95: ("Province-State", "location"),
    100: ("CountryCode", "location"),
    101: ("Country", "location"),
    105: ("Headline", "free_text"),
    110: ("Credit", "owner"),
    115: ("Source", "free_text"),
    116: ("CopyrightNotice", "owner"),
    118: ("Contact", "owner"),
    120: ("Caption-Abstract", "free_text"),
    122: ("Writer-Editor", "person"),
}
_VALUELESS: frozenset[Kind] = frozenset({"location", "device_id", "unread"})
# Facebook's id of an uploaded photo ("FBMD" and hex), which it writes into SpecialInstructions of every
# photo it serves: it ties a copy to the upload and so to the account, as an ImageUniqueID does.
_UPLOAD_ID = re.compile(rb"FBMD[0-9A-Fa-f]{16,}")
# Resources of a fixed size that hold only numbers, read as such: ResolutionInfo, global light angle and
# altitude, the seed of layer ids. Exactly that size, else they are unread.
_NUMERIC_RESOURCES = {0x03ED: 16, 0x040D: 4, 0x0419: 4, 0x0414: 4}
# ObjectPreviewFileFormat, ObjectPreviewFileVersion, ObjectPreviewData: a binary preview image.
_PREVIEW_DATASETS = frozenset({200, 201, 202})


@dataclass(frozen=True, slots=True)
class _Resource:
    ident: int
    start: int  # offset of "8BIM" in the payload
    end: int
    data: bytes
    named: bool = False  # a Pascal name the writer chose (Photoshop leaves it empty), or padding not zero


def _resources(payload: bytes) -> list[_Resource]:
    """The image resource blocks after the "Photoshop 3.0\\0" signature (up to the first that is not one)."""
    found: list[_Resource] = []
    pos, n = len(PHOTOSHOP_PREFIX), len(payload)
    while pos + 12 <= n and payload[pos : pos + 4] == b"8BIM":
        (ident,) = struct.unpack_from(">H", payload, pos + 4)
        name_len = payload[pos + 6]
        size_at = pos + 6 + name_len + 1 + ((name_len + 1) & 1)  # Pascal name padded to even
        if size_at + 4 > n:
            raise UnreadableBlock("Photoshop resource block is truncated")
        (size,) = struct.unpack_from(">I", payload, size_at)
        end = size_at + 4 + size + (size & 1)
        if size_at + 4 + size > n:
            raise UnreadableBlock("Photoshop resource block is truncated")
        data = payload[size_at + 4 : size_at + 4 + size]
        # The name's and the data's padding bytes are read by nobody: anything but zero there is unread.
        pads = payload[pos + 7 + name_len : size_at] + payload[size_at + 4 + size : end]
        named = bool(payload[pos + 7 : pos + 7 + name_len]) or bool(pads.strip(b"\x00"))
        found.append(_Resource(ident, pos, min(end, n), data, named=named))
        pos = end
    return found


def _datasets(iim: bytes) -> list[tuple[int, int, int, bytes]]:
    """(record, dataset, offset, value) for each IIM dataset; extended-length datasets are refused."""
    found: list[tuple[int, int, int, bytes]] = []
    pos = 0
    while pos + 5 <= len(iim) and iim[pos] == 0x1C:
        record, number, size = struct.unpack_from(">BBH", iim, pos + 1)
        if size & 0x8000 or pos + 5 + size > len(iim):
            raise UnreadableBlock("IPTC-IIM dataset is malformed")
        found.append((record, number, pos, iim[pos + 5 : pos + 5 + size]))
        pos += 5 + size
    return found


def _iim_end(iim: bytes) -> int:
    """Where the datasets of an IIM block end (zero padding after them counts as their end)."""
    datasets = _datasets(iim)
    end = datasets[-1][2] + 5 + len(datasets[-1][3]) if datasets else 0
    return len(iim) if not iim[end:].strip(b"\x00") else end


def _digest(resources: list[_Resource]) -> bytes:
    """The IIM digest resource's one true value: the MD5 of the IIM block (of nothing when there is none,
    as Adobe's tools leave it). A digest holding anything else is stale or chosen: unread."""
    iim = next((r.data for r in resources if r.ident == _IPTC_RESOURCE), b"")
    return hashlib.md5(iim, usedforsecurity=False).digest()


def _unread_tail(payload: bytes, resources: list[_Resource]) -> bool:
    """Whether bytes other than zero padding follow the last resource block the gate could read."""
    end = resources[-1].end if resources else len(PHOTOSHOP_PREFIX)
    return bool(payload[end:].strip(b"\x00"))


def read_items(payload: bytes) -> tuple[list[MetadataItem], list[str]]:
    """Personal-data items and AI markers in an APP13 payload; bytes after the resource blocks are an
    unread item."""
    items: list[MetadataItem] = []
    markers: list[str] = []
    resources = _resources(payload)
    digest = _digest(resources)
    if _unread_tail(payload, resources):
        # Bytes after the last block that parses (Photoshop continues a long resource in a second APP13;
        # exiftool joins the two): no block the gate reads, so the strip cuts them, as it does unread ones.
        items.append(MetadataItem(pointer("iptc", "unread"), "unread"))
    for position, resource in enumerate(resources):
        if _unread(resource, digest):
            items.append(MetadataItem(pointer("iptc", "resource", str(position)), "unread"))
        elif resource.ident == _IPTC_RESOURCE:
            items.extend(_iim_items(resource.data))
            if _iim_end(resource.data) < len(resource.data):  # bytes after the last dataset
                items.append(MetadataItem(pointer("iptc", "tail"), "unread"))
        elif _embeds_exif_or_xmp(resource):
            found, marks = _embedded_items(resource)
            items.extend(found)
            markers.extend(marks)
    return items, markers


def _unread(resource: _Resource, digest: bytes) -> bool:
    """A resource the gate does not read (see the module docstring), or one with a name; the IIM digest
    unless it is `digest`, the MD5 of the IIM block."""
    if resource.named:
        return True
    if resource.ident == _IPTC_RESOURCE:
        return False
    if resource.ident == _IPTC_DIGEST:
        return resource.data != digest
    if resource.ident in _NUMERIC_RESOURCES:
        return len(resource.data) != _NUMERIC_RESOURCES[resource.ident]
    if resource.ident == _XMP_RESOURCE or resource.ident in _EXIF_RESOURCES:
        # A blank XMP slot is nothing; an EXIF slot that is no TIFF stream is no EXIF to any reader.
        return bool(resource.data.strip(b"\x00 \t\r\n")) and not _embeds_exif_or_xmp(resource)
    return True


def _dataset(record: int, number: int, value: bytes) -> tuple[str, Kind]:
    """(name in paths, kind) of an IIM dataset: named ones by `DATASETS`, any other by its numbers; text
    of the application record holding a compressed or encoded payload (`opaque`) is unread (its record
    version, 2:0, and the envelope's numbers are binary by the standard)."""
    if record == 2 and number in DATASETS:
        name, kind = DATASETS[number]
    else:
        name = f"{record}:{number}"
        kind = "unread" if record == 2 and number in _PREVIEW_DATASETS else "free_text"
    if kind == "free_text" and record == 2 and number:
        if _UPLOAD_ID.fullmatch(value.strip()):
            kind = "device_id"
        elif opaque.holds_payload(value.decode("utf-8", "replace")):
            kind = "unread"
    return name, kind


def _iim_items(iim: bytes) -> list[MetadataItem]:
    """Every dataset of an IPTC-IIM block, with its kind."""
    items: list[MetadataItem] = []
    for record, number, _, value in _datasets(iim):
        name, kind = _dataset(record, number, value)
        text = None if kind in _VALUELESS else with_readings(value.decode("utf-8", "replace"), value)
        items.append(MetadataItem(pointer("iptc", name), kind, text))
    return items


def _embeds_exif_or_xmp(resource: _Resource) -> bool:
    """An XMP resource that is not blank, or an EXIF resource that holds a TIFF stream (with or without
    "Exif\\0\\0")."""
    if resource.ident == _XMP_RESOURCE:
        return bool(resource.data.strip(b"\x00 \t\r\n"))  # an empty slot is no packet
    return resource.ident in _EXIF_RESOURCES and exif.tiff_block(resource.data).startswith(_TIFF_HEADERS)


def _embedded_items(resource: _Resource) -> tuple[list[MetadataItem], list[str]]:
    """The items of an EXIF or XMP resource, read as the APP1 copy would be, with paths under /photoshop."""
    if resource.ident == _XMP_RESOURCE:
        found, markers = xmp.read_items(resource.data)
    else:
        found, markers = exif.read_items(exif.tiff_block(resource.data))
    return [replace(item, path=_EMBEDDED_ROOT + item.path) for item in found], markers


def _holds_any(resource: _Resource, kinds: frozenset[str]) -> bool:
    """Whether an EXIF or XMP resource holds an item of `kinds`."""
    return any(item.kind in kinds for item in _embedded_items(resource)[0])


def strip(payload: bytes, kinds: frozenset[str]) -> bytes | None:
    """The payload without IIM datasets of `kinds` (and then without the IIM digest, now stale), without
    EXIF and XMP resources holding any (dropped whole, not rewritten field by field) and, for `unread`,
    without the resources the gate does not read and the bytes after the last one; None if unchanged."""
    resources = _resources(payload)
    digest = _digest(resources)
    out = [payload[: len(PHOTOSHOP_PREFIX)]]
    changed = "unread" in kinds and _unread_tail(payload, resources)  # the tail is never copied to `out`
    iim_changed = False
    for resource in resources:
        block = payload[resource.start : resource.end]
        if _unread(resource, digest):
            if "unread" in kinds:
                changed = True
                continue
        elif resource.ident == _IPTC_RESOURCE:
            kept = [
                resource.data[pos : pos + 5 + len(value)]
                for record, number, pos, value in _datasets(resource.data)
                if _dataset(record, number, value)[1] not in kinds
            ]
            iim = b"".join(kept)  # without bytes after the last dataset too, when unread goes
            if "unread" not in kinds and _iim_end(resource.data) < len(resource.data):
                iim += resource.data[_iim_end(resource.data) :]
            if len(iim) != len(resource.data):
                changed = iim_changed = True
                header = b"8BIM" + struct.pack(">HHI", _IPTC_RESOURCE, 0, len(iim))  # empty, padded name
                block = header + iim + b"\x00" * (len(iim) & 1)
        elif _embeds_exif_or_xmp(resource) and _holds_any(resource, kinds):
            changed = True
            continue
        out.append(block)
    if not changed:
        return None
    if iim_changed:
        out = [b for b in out if not b.startswith(b"8BIM" + struct.pack(">H", _IPTC_DIGEST))]
    return b"".join(out)
