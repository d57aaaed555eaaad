"""A small reader for EXIF (TIFF IFD) blocks: its structure, and the items a policy judges.

How a text field's bytes are decoded is `exif_text`'s; how a block is edited in place is `exif_edit`'s.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from PIL import ExifTags

from gate.errors import ImageLimitExceeded, ImageUndecodable
from gate.imaging import labelled_json, spelled
from gate.imaging.exif_known import KNOWN_TAGS, MAX_COUNTS
from gate.imaging.exif_text import USER_COMMENT_TAG, decode_text
from gate.imaging.generators import known_generator, parameters_marker
from gate.imaging.items import Kind, MetadataItem, UnreadableBlock
from gate.imaging.jpeg import walk_picture
from gate.imaging.legacy_text import with_readings
from gate.pointers import pointer

GPS_IFD_TAG, EXIF_IFD_TAG, INTEROP_IFD_TAG = 0x8825, 0x8769, 0xA005
SOFTWARE_TAG = 0x0131

# Tags that can hold personal data, wherever they appear (writers put them in IFD0 or the Exif IFD).
TAG_KINDS: dict[int, Kind] = {
    0x010E: "free_text",  # ImageDescription
    0x013B: "owner",  # Artist
    0x8298: "owner",  # Copyright
    0x9C9B: "free_text",  # XPTitle
    0x9C9C: "free_text",  # XPComment
    0x9C9D: "owner",  # XPAuthor
    0x9C9E: "free_text",  # XPKeywords
    0x9C9F: "free_text",  # XPSubject
    USER_COMMENT_TAG: "free_text",
    0xA420: "device_id",  # ImageUniqueID
    0xA430: "owner",  # CameraOwnerName
    0xA431: "device_id",  # BodySerialNumber
    0xA435: "device_id",  # LensSerialNumber
    0xC62F: "device_id",  # CameraSerialNumber (DNG)
    0x927C: "device_id",  # MakerNote: vendor binary that routinely embeds body serials; unparseable here
}
_VALUELESS: frozenset[Kind] = frozenset({"location", "device_id"})
# Which IFD may point to which: a fixed tree, so a crafted chain of pointers cannot recurse deeply.
_SUB_IFDS = {
    ("0", EXIF_IFD_TAG): "exif",
    ("0", GPS_IFD_TAG): "gps",
    ("1", EXIF_IFD_TAG): "exif",
    ("1", GPS_IFD_TAG): "gps",
    ("exif", GPS_IFD_TAG): "gps",
    ("exif", INTEROP_IFD_TAG): "interop",
}
_THUMBNAIL_TAGS = (0x0201, 0x0202)  # JPEGInterchangeFormat (offset) and its length, in IFD1
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
_ASCII = 2
# BYTE, SBYTE, UNDEFINED: raw bytes. A known tag of these types holds a version ("0232"), a flag or a
# short pattern in 4 bytes or fewer; a longer run (OECF, SpatialFrequencyResponse, DeviceSettingDescription,
# or text a writer put where a number belongs) is no text the gate reads, so it is unread and stripped.
_BINARY_TYPES = frozenset({1, 6, 7})


def _binary(entry: Entry) -> bool:
    return entry.typ in _BINARY_TYPES and entry.value_size > 4


def _not_numbers(entry: Entry) -> bool:
    """Whether a known tag's value is not the numbers it stands for: a type TIFF does not define, or more
    numbers than the tag holds (see `MAX_COUNTS`), beyond the 4 bytes of the entry's own value field."""
    if entry.typ not in _TYPE_SIZES:
        return True
    if entry.typ == _ASCII or entry.typ in _BINARY_TYPES:
        return False  # text is scanned; a run of bytes is `_binary`'s
    # The count as written: one too large for the block leaves no value to read (and no bytes to hide),
    # but its entry is not the tag's numbers either.
    size = entry.count * _TYPE_SIZES[entry.typ]
    return size > 4 and size > MAX_COUNTS.get(entry.tag, 1) * _TYPE_SIZES[entry.typ]


def _free_numbers(entry: Entry) -> bool:
    """Whether an entry is a known tag's numbers stored outside it (more than its 4 bytes)."""
    return (
        entry.value_size > 4
        and entry.typ != _ASCII
        and entry.typ not in _BINARY_TYPES
        and entry.ifd in KNOWN_TAGS
        and entry.tag in KNOWN_TAGS[entry.ifd]
        and not _not_numbers(entry)
    )


@dataclass(frozen=True, slots=True)
class Entry:
    """One IFD entry; offsets are relative to the start of the TIFF block."""

    ifd: str
    tag: int
    table: int  # offset of the IFD's entry count
    value_start: int
    value_size: int
    inline: bool
    typ: int = 0  # the TIFF field type (2: ASCII, 7: UNDEFINED...)
    count: int = 0  # how many values of that type the entry says it holds


class Tiff:
    """A parsed TIFF structure: IFD0, the Exif, GPS and Interop IFDs, and (leniently) IFD1."""

    def __init__(self, block: bytes) -> None:
        if len(block) < 8 or block[:4] not in (b"II*\x00", b"MM\x00*"):
            raise UnreadableBlock("EXIF block does not start with a TIFF header")
        self.block = block
        self.order = "<" if block[:2] == b"II" else ">"
        self.entries: list[Entry] = []
        self.tables: dict[int, int] = {}  # table offset -> entry count
        self.gps_tables: set[int] = set()  # offsets of the tables read as GPS IFDs
        self.covered: list[tuple[int, int]] = [(0, 8)]  # byte ranges some IFD accounts for
        self._seen: set[int] = set()
        (ifd0,) = self.unpack("I", 4)
        self._read_ifd(ifd0, "0", strict=True)

    def unpack(self, fmt: str, offset: int) -> tuple[int, ...]:
        """Unpack `fmt` (without byte order) at `offset` in the block's byte order."""
        return struct.unpack_from(self.order + fmt, self.block, offset)

    def _read_ifd(self, offset: int, name: str, *, strict: bool) -> None:
        n = len(self.block)
        if offset in self._seen or offset < 8 or offset + 2 > n:
            if strict:
                raise UnreadableBlock("EXIF block has an IFD offset out of range or a loop")
            return
        self._seen.add(offset)
        (count,) = self.unpack("H", offset)
        if offset + 2 + 12 * count + 4 > n:
            if strict:
                raise UnreadableBlock("EXIF block has an IFD that runs past its end")
            return
        self.tables[offset] = count
        self.covered.append((offset, offset + 2 + 12 * count + 4))
        if name == "gps":
            self.gps_tables.add(offset)
        # Valid tables do not overlap, so a block holds at most one entry per 12 bytes; more means tables
        # read over each other (k pointers into one region would read it k times).
        if len(self.entries) + count > len(self.block) // 12:
            raise UnreadableBlock("EXIF block has more IFD entries than it has room for")
        for i in range(count):
            pos = offset + 2 + 12 * i
            tag, typ, num = self.unpack("HHI", pos)
            size = _TYPE_SIZES.get(typ, 1) * num
            inline = size <= 4
            start = pos + 8 if inline else self.unpack("I", pos + 8)[0]
            if start + size > n:
                if tag in TAG_KINDS or tag in (GPS_IFD_TAG, EXIF_IFD_TAG):
                    raise UnreadableBlock("EXIF block has a value offset out of range")
                size = 0  # a tag we never read or blank; tolerate the writer's mistake
            self.entries.append(Entry(name, tag, offset, start, size, inline, typ, num))
            if not inline and size:
                self.covered.append((start, start + size))
            sub = _SUB_IFDS.get((name, tag))
            if sub is not None:
                (sub_offset,) = self.unpack("I", pos + 8)
                # Under the lenient thumbnail IFD, what it points to is read leniently too.
                self._read_ifd(sub_offset, sub, strict=strict and sub != "interop")
        if name == "0":
            (next_ifd,) = self.unpack("I", offset + 2 + 12 * count)
            if next_ifd:
                self._read_ifd(next_ifd, "1", strict=False)  # the thumbnail IFD; broken ones are common

    def unreferenced(self) -> list[tuple[int, int]]:
        """Ranges no IFD accounts for that hold anything but zeros: data hidden between the structures, and
        the unused part of an entry's value field.

        The thumbnail IFD's JPEGInterchangeFormat and its length account for the thumbnail's bytes.
        """
        covered = list(self.covered)
        thumbnail = self.thumbnail()
        if thumbnail is not None:
            covered.append(thumbnail)
        # A value shorter than 4 bytes sits in its entry's value field; the rest of the field is padding no
        # reader reads, and holds nothing but zeros when a writer was careful.
        gaps: list[tuple[int, int]] = [
            (entry.value_start + entry.value_size, entry.value_start + 4)
            for entry in self.entries
            if entry.inline
            and entry.value_size < 4
            and self.block[entry.value_start + entry.value_size : entry.value_start + 4].strip(b"\x00")
        ]
        pos = 0
        for start, end in sorted(covered):
            if start > pos and self.block[pos:start].strip(b"\x00"):
                gaps.append((pos, start))
            pos = max(pos, end)
        if pos < len(self.block) and self.block[pos:].strip(b"\x00"):
            gaps.append((pos, len(self.block)))
        return gaps

    def thumbnail(self) -> tuple[int, int] | None:
        """(start, end) of the JPEG thumbnail IFD1 points to, when both its tags are there and fit."""
        thumb = {e.tag: e for e in self.entries if e.ifd == "1" and e.tag in _THUMBNAIL_TAGS}
        values: list[int] = []
        for tag in _THUMBNAIL_TAGS:
            entry = thumb.get(tag)
            if entry is None or entry.value_size not in (2, 4):
                return None
            values.append(self.unpack("H" if entry.value_size == 2 else "I", entry.value_start)[0])
        start, length = values
        return (start, start + length) if start + length <= len(self.block) else None

    def thumbnail_unread(self) -> list[Entry]:
        """IFD1's thumbnail entries when the thumbnail JPEG holds metadata of its own (EXIF, XMP, COM...):
        the gate does not read inside it, so the thumbnail is unread as a whole."""
        thumbnail = self.thumbnail()
        if thumbnail is None or not _has_metadata(self.block[thumbnail[0] : thumbnail[1]]):
            return []
        return [e for e in self.entries if e.ifd == "1" and e.tag in _THUMBNAIL_TAGS]

    def unread(self) -> list[Entry]:
        """Entries of IFD0, IFD1, Exif and Interop that are neither known to be technical nor read, known
        ones whose value is a run of bytes longer than 4 (see `_BINARY_TYPES`), known ones whose value
        is not the numbers the tag holds (`_not_numbers`), and text entries holding a payload."""
        return [
            entry
            for entry in self.entries
            if entry.ifd in KNOWN_TAGS
            and entry.tag not in TAG_KINDS
            and (entry.ifd, entry.tag) not in _SUB_IFDS
            and (entry.tag not in KNOWN_TAGS[entry.ifd] or _binary(entry) or _not_numbers(entry))
        ] + self._payloads()

    def _payloads(self) -> list[Entry]:
        """Text entries whose text is a compressed or encoded payload (`opaque`): nothing a scan reads."""
        texts = [(e, _text(self, e)) for e, kind in self.personal() if kind == "free_text"]
        return [entry for entry, text in texts + self.known_texts() if labelled_json.holds_payload(text)]

    def known_texts(self) -> list[tuple[Entry, str]]:
        """(entry, text) of every known technical tag stored as ASCII (Make, Model, Software, LensModel,
        dates...): the gate knows what it should say, not what it says, so the text is scanned. Every
        NUL-separated part counts: bytes after the first NUL are published too."""
        found: list[tuple[Entry, str]] = []
        for entry in self.entries:
            if entry.typ != _ASCII or entry.ifd not in KNOWN_TAGS or entry.tag not in KNOWN_TAGS[entry.ifd]:
                continue
            raw = self.value(entry)
            try:
                decoded = raw.decode("utf-8")
            except UnicodeDecodeError:  # ASCII by the standard, Latin-1 by many old writers
                decoded = raw.decode("latin-1")
            parts = with_readings(decoded, raw).split("\x00")
            text = "\n".join(part.strip() for part in parts if part.strip())
            if text:
                found.append((entry, text))
        return found

    def spelled_texts(self) -> list[tuple[Entry, str]]:
        """(entry, text) for the bytes of known tags of numbers stored outside their entries, when they
        spell text (`spelled`): a TransferFunction holds 1,536 bytes, ReferenceBlackWhite 48, of any
        value, and single rationals stored one after another (ExposureTime, FNumber...) run together.
        Values that touch are read as one run, named by the first entry."""
        values = sorted(
            (entry for entry in self.entries if _free_numbers(entry)), key=lambda entry: entry.value_start
        )
        runs: list[tuple[Entry, int, int]] = []
        for entry in values:
            end = entry.value_start + entry.value_size
            if runs and entry.value_start <= runs[-1][2]:
                first, start, last = runs[-1]
                runs[-1] = (first, start, max(last, end))
            else:
                runs.append((entry, entry.value_start, end))
        found = [(first, spelled.printable_runs(self.block[start:end])) for first, start, end in runs]
        return [(entry, text) for entry, text in found if text]

    def value(self, entry: Entry) -> bytes:
        """The raw value bytes of an entry."""
        return self.block[entry.value_start : entry.value_start + entry.value_size]

    def personal(self) -> list[tuple[Entry, Kind]]:
        """Entries that may hold personal data, with their kind; the GPS pointer counts as location.

        IFD1 (the thumbnail's) is read with the same rules: ExifTool and other readers show its tags.
        """
        found: list[tuple[Entry, Kind]] = []
        for entry in self.entries:
            if entry.ifd in ("0", "1", "exif"):
                if entry.tag == GPS_IFD_TAG:
                    found.append((entry, "location"))
                elif entry.tag in TAG_KINDS:
                    found.append((entry, TAG_KINDS[entry.tag]))
        return found


def tiff_block(payload: bytes) -> bytes:
    """The TIFF part of an EXIF payload; PNG eXIf and WebP EXIF sometimes keep JPEG's `Exif\\0\\0` prefix.
    Any other sixth byte is no prefix (no reader skips it): the payload then does not parse as TIFF."""
    return payload[6:] if payload.startswith(b"Exif\x00\x00") else payload


def read_items(block: bytes) -> tuple[list[MetadataItem], list[str]]:
    """Personal-data items and AI markers found in a TIFF block."""
    tiff = Tiff(block)
    items: list[MetadataItem] = []
    markers: list[str] = []
    gps_listed = False
    for entry, kind in tiff.personal():
        if entry.tag == GPS_IFD_TAG:
            # Every GPS table's entries are under "gps": listed once, however many pointers lead there
            # (once per pointer would make k pointers k * k items).
            if gps_listed:
                continue
            gps_listed = True
            gps = [e for e in tiff.entries if e.ifd == "gps"]
            names = [ExifTags.GPSTAGS.get(e.tag, f"0x{e.tag:04X}") for e in gps]
            items.extend(MetadataItem(pointer("exif", "GPSInfo", name), "location") for name in names)
            if not gps:
                items.append(MetadataItem(pointer("exif", "GPSInfo"), "location"))
            continue
        name = ExifTags.TAGS.get(entry.tag, f"0x{entry.tag:04X}")
        text = None if kind in _VALUELESS else _text(tiff, entry)
        items.append(MetadataItem(pointer("exif", name), kind, text))
    items.extend(
        MetadataItem(
            pointer("exif", ExifTags.TAGS.get(entry.tag, f"0x{entry.tag:04X}")),
            "free_text",
            text,
            named_context=False,
        )
        for entry, text in tiff.known_texts() + tiff.spelled_texts()
    )
    items.extend(
        MetadataItem(pointer("exif", ExifTags.TAGS.get(entry.tag, f"0x{entry.tag:04X}")), "unread")
        for entry in tiff.unread()
    )
    if tiff.unreferenced():
        items.append(MetadataItem(pointer("exif", "unreferenced"), "unread"))
    if tiff.thumbnail_unread():
        items.append(MetadataItem(pointer("exif", "thumbnail"), "unread"))
    # Generation parameters in any text tag: A1111 in UserComment, ComfyUI's graphs in Make/Model and the
    # tags below them, SwarmUI's and Civitai's JSON in UserComment.
    found = (parameters_marker(item.value) for item in items if item.value and item.kind == "free_text")
    markers.extend(dict.fromkeys(f"exif:{marker}" for marker in found if marker))
    for entry in tiff.entries:
        if entry.tag == SOFTWARE_TAG and entry.ifd == "0":
            generator = known_generator(_text(tiff, entry))
            if generator:
                markers.append(f"exif:Software={generator}")
    return items, markers


def _has_metadata(jpeg: bytes) -> bool:
    """Whether a thumbnail holds anything but JFIF, coding segments and scan data, walked to its EOI as
    the image itself is: a segment of another kind, bytes after its EOI other than padding ("text
    after the thumbnail"), or a structure the walk refuses."""
    if not jpeg.startswith(b"\xff\xd8"):
        return True  # not a JPEG: nothing the gate can vouch for
    try:
        picture = walk_picture(jpeg)
    except (ImageUndecodable, ImageLimitExceeded):
        return True
    if jpeg[picture.end :].strip(b"\x00\xff") or picture.gaps:
        return True
    for segment in picture.segments:
        marker = segment.marker
        jfif = marker == 0xE0 and jpeg[segment.start + 4 : segment.start + 9] == b"JFIF\x00"
        if not jfif and marker not in _THUMBNAIL_CODING_MARKERS:
            return True  # COM, APPn, or a marker no decoder reads
    return False


# SOFn, DHT, DAC, DQT, DRI (SOS is walked with its scan): what codes a thumbnail's pixels.
_THUMBNAIL_CODING_MARKERS = (frozenset(range(0xC0, 0xD0)) - {0xC8}) | frozenset({0xDA, 0xDB, 0xDD})


def _text(tiff: Tiff, entry: Entry) -> str:
    return decode_text(entry.tag, tiff.value(entry), tiff.order)
