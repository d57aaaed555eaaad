"""The text an ICC profile's tags hold, read tag by tag, and Apple's `mmod` device identifiers.

LittleCMS (through Pillow) hands back one localisation of seven text fields; a profile can hold more: every
language of a `mluc` (Apple's `dscm` lists a display's name in thirty), the Unicode and Macintosh parts of
a v2 `desc`, the names in colorant tables, named colours, profile sequences and dictionaries. Each is read
here so the scanner sees every string the profile publishes. Apple's `mmod` holds numbers: maker, model,
serial number and manufacture date of the display the profile was made for; a non-zero serial or date is
a device identifier, zeroed in place by `strip_device_ids` (the profile keeps its size and its tag table).
"""

from __future__ import annotations

import functools
import hashlib
import re
import struct

from gate.errors import ImageLimitExceeded, ImageUndecodable
from gate.imaging import icc_dict, spelled
from gate.imaging.legacy_text import with_readings
from gate.imaging.limits import MAX_ICC_TAGS

# Tag types whose content is text in a known layout, and types holding names among numbers (read as runs
# of printable characters, ASCII or UTF-16BE).
_NAMED_TYPES = frozenset({b"dict", b"ncl2", b"clrt", b"pseq", b"psid"})
_ASCII_RUN = re.compile(rb"[\x20-\x7e]{4,}")
_UTF16_RUN = re.compile(rb"(?:\x00[\x20-\x7e]){4,}")
_SIGNATURES = re.compile(r"[A-Za-z0-9 *]+")  # ICC signatures: letters, digits, spaces ("*nix": LittleCMS)
_MMOD = b"mmod"  # type, reserved, maker, model, serial (16-19), date (20-23), 16 reserved bytes
_PROFILE_ID = slice(84, 100)


def tag_table(profile: bytes) -> list[tuple[bytes, int, int]]:
    """(signature, offset, size) of every tag; raises ImageUndecodable when one lies outside the profile."""
    (count,) = struct.unpack_from(">I", profile, 128)
    if count > MAX_ICC_TAGS:
        raise ImageLimitExceeded("ICC profile has more tags than MAX_ICC_TAGS")
    if 132 + 12 * count > len(profile):
        raise ImageUndecodable("ICC profile tag table runs past its end")
    table = [struct.unpack_from(">4sII", profile, 132 + 12 * index) for index in range(count)]
    if any(offset + size > len(profile) or size < 8 for _, offset, size in table):
        raise ImageUndecodable("ICC profile tag lies outside the profile")
    return table


def tag_texts(profile: bytes, signature: bytes, offset: int, size: int) -> list[str]:
    """The strings one tag holds; for tags of numbers, the text their bytes spell (`spelled`)."""
    tag = profile[offset : offset + size]
    kind = tag[:4]
    try:
        if kind == b"text":
            return _parts(_text(tag[8:]))
        if kind == b"data":  # type_read admits only the ASCII form
            return _parts(_text(tag[12:].split(b"\x00", 1)[0]))
        if kind == b"desc":
            return _description(tag)
        if kind == b"mluc":
            return _localised(tag)
        if kind == icc_dict.DICT_TYPE:
            return _dictionary(tag)
    except (struct.error, UnicodeDecodeError) as exc:
        raise ImageUndecodable("ICC profile text tag is malformed") from exc
    if kind in _NAMED_TYPES:
        runs = [run.decode("ascii") for run in _ASCII_RUN.findall(tag[8:])]
        return runs + [run.decode("utf-16-be") for run in _UTF16_RUN.findall(tag[8:])]
    # Numbers (XYZ, chromaticities, curves, tables): a writer chooses them freely, so what they spell is
    # read as a palette's is (20 bytes of a chrm tag held an address a colour engine never looks at).
    # Only what the type holds: bytes past it are unreferenced, zeroed by the strip.
    return [run for run in spelled.printable_runs(tag[8 : _held(signature, tag)]).split("\n") if run]


def header_text(profile: bytes) -> str:
    """What the header's 128 bytes spell (`spelled`) beyond its signatures: a run of letters, digits,
    spaces and "*" is signatures side by side ("mntrRGB XYZ ", "acspAPPL", "APPLsRGB"), anything else (a "+",
    an "@", a dot) is something a writer put in its numbers."""
    header = bytearray(profile[:128])
    # Not free: the size (the profile's length), and the ID and reserved bytes (`_unreferenced` zeroes
    # them unless they are the profile's MD5 and zero); an MD5's bytes spell nothing anyone chose.
    header[0:4] = bytes(4)
    header[84:128] = bytes(44)
    _year, month, day, hour, minute, second = struct.unpack_from(">6H", header, 24)
    if 1 <= month <= 12 and 1 <= day <= 31 and hour < 24 and minute < 60 and second < 60:
        header[24:36] = bytes(12)  # a date: a second of 59 is a ";" beside "acsp", and spells nothing
    runs = spelled.printable_runs(bytes(header)).split("\n")
    return "\n".join(run for run in runs if run and not _SIGNATURES.fullmatch(run))


def device_signatures(profile: bytes) -> str:
    """The header's device maker and model (bytes 48-55), read as the text they spell: eight bytes of
    letters and a space are a full name as well as two signatures ("Jane", " Roe" as "APPL", "sRGB").
    Registered signatures read as nothing the scanner finds; blank or unprintable ones give ""."""
    field = profile[48:56].replace(b"\x00", b" ")
    if not field.strip() or not all(0x20 <= byte < 0x7F for byte in field):
        return ""
    return field.decode("ascii").strip()


def _text(raw: bytes) -> str:
    """ASCII by the standard (Latin-1 for what else a writer put); ISO-2022-JP is ASCII too, and a Mac
    ScriptCode string is Shift_JIS for Japanese, so their readings follow (`legacy_text`)."""
    return with_readings(raw.decode("latin-1"), raw)


def _parts(text: str) -> list[str]:
    return [part.strip() for part in text.split("\x00") if part.strip()]


def _description(tag: bytes) -> list[str]:
    """ICC v2 textDescriptionType: ASCII, then Unicode (UTF-16BE), then a Macintosh ScriptCode string."""
    (ascii_count,) = struct.unpack_from(">I", tag, 8)
    at = 12 + ascii_count
    texts = _parts(_text(tag[12:at]))
    if at + 8 <= len(tag):
        _language, unicode_count = struct.unpack_from(">II", tag, at)
        unicode = tag[at + 8 : at + 8 + 2 * unicode_count]
        texts += _parts(unicode.decode("utf-16-be", "replace"))
        script_at = at + 8 + 2 * unicode_count
        if script_at + 3 <= len(tag):
            script_count = tag[script_at + 2]
            texts += _parts(_text(tag[script_at + 3 : script_at + 3 + min(script_count, 67)]))
    return texts


def _localised(tag: bytes) -> list[str]:
    """ICC v4 multiLocalizedUnicodeType: every language's string (offsets count from the tag's start)."""
    count, record_size = struct.unpack_from(">II", tag, 8)
    if record_size < 12 or 16 + count * record_size > len(tag):
        raise ImageUndecodable("ICC profile mluc tag is malformed")
    texts: list[str] = []
    for index in range(count):
        length, offset = struct.unpack_from(">II", tag, 16 + index * record_size + 4)
        if offset + length > len(tag):
            raise ImageUndecodable("ICC profile mluc string lies outside its tag")
        texts += _parts(tag[offset : offset + length].decode("utf-16-be", "replace"))
    return texts


def _dictionary(tag: bytes) -> list[str]:
    """ICC dictType: each name and value on its own (runs of text read across them would join a name to
    the value after it: "jane.roe@example.com" and "1" read as one word), and each display name's and
    display value's languages; not the value of an entry that names a device, which the strip zeroes."""
    texts: list[str] = []
    for spans in icc_dict.records(tag):
        name = tag[spans[0][0] : spans[0][1]].decode("utf-16-be", "replace")
        for number, (start, end) in enumerate(spans):
            part = tag[start:end]
            if number == 1 and icc_dict.names_device(name):
                continue  # a device identifier, zeroed by the strip (`_device_spans`), not text
            if number < 2:
                texts += _parts(part.decode("utf-16-be", "replace"))
            elif part[:4] == b"mluc":
                texts += _localised(part)
            else:
                raise ImageUndecodable("ICC profile dict display name is not a mluc")
    return texts


def _device_spans(tag: bytes) -> list[tuple[int, int]]:
    """Spans of a tag that name a device: an Apple `mmod` serial number and manufacture date that are not
    zero, a `dict` value named as a serial or device id (`icc_dict`)."""
    if tag[:4] == icc_dict.DICT_TYPE:
        return icc_dict.device_spans(tag)
    if tag[:4] != _MMOD:
        return []
    if len(tag) < 24:
        raise ImageUndecodable("ICC profile mmod tag is truncated")
    return [(16, 24)] if tag[16:24].strip(b"\x00") else []


def has_device_ids(profile: bytes, offset: int, size: int) -> bool:
    """Whether a tag names a device (`_device_spans`)."""
    return bool(_device_spans(profile[offset : offset + size]))


def strip_device_ids(profile: bytes) -> bytes | None:
    """The profile with every device identifier zeroed (`mmod` serial numbers and dates, `dict` serials;
    its profile ID, an MD5, recomputed when it had one); None when there is none. Same size: containers
    are patched in place."""
    out = bytearray(profile)
    changed = False
    for _, offset, size in tag_table(profile):
        for start, end in _device_spans(profile[offset : offset + size]):
            out[offset + start : offset + end] = bytes(end - start)
            changed = True
    if not changed:
        return None
    if out[_PROFILE_ID].strip(b"\x00"):
        out[_PROFILE_ID] = profile_id(bytes(out))
    return bytes(out)


# The header's reserved bytes (ICC.1:2010 7.2.19), zero in every profile; a writer could fill them.
_RESERVED = slice(100, 128)


def _unreferenced(profile: bytes) -> list[tuple[int, int]]:
    """Spans of the profile no reader looks at: the header's reserved bytes, a profile ID that is not the
    profile's MD5, and whatever lies outside the header, the tag table and what every tag's type reads
    (gaps between tags, bytes past the last tag or past the size the header declares, a tag longer than
    its type). Writers leave them zero; text there would be published unread."""
    table = tag_table(profile)
    held = (
        (offset + start, offset + end)
        for sig, offset, size in table
        for start, end in _read_spans(sig, profile[offset : offset + size])
    )
    covered = sorted([(0, 132 + 12 * len(table)), *held])
    spans, pos = [_RESERVED.indices(len(profile))[:2]], 0
    for start, end in covered:
        if start > pos:
            spans.append((pos, start))
        pos = max(pos, end)
    spans.append((pos, len(profile)))
    # A profile ID is the profile's MD5 or zero ("not computed"); 16 other bytes are the writer's own.
    if profile[_PROFILE_ID].strip(b"\x00") and profile[_PROFILE_ID] != profile_id(profile):
        spans.append(_PROFILE_ID.indices(len(profile))[:2])
    return [(start, end) for start, end in spans if profile[start:end].strip(b"\x00")]


# Bytes a tag type reads, where it is fixed or counted in the tag (ICC.1:2010 chapter 10): more is bytes no
# reader looks at. Types not listed (curves in tables, LUTs, vendor types) count as their whole size.
# Apple's: `mmod` reads maker, model, serial and date (its 16 reserved bytes are zero), `vcgp` three
# channels' parametric gamma.
_FIXED_SIZES = {
    b"sig ": 12,
    b"meas": 36,
    b"view": 36,
    b"dtim": 20,
    b"cicp": 12,
    b"mmod": 24,
    b"vcgp": 56,
}
_PARAMETRIC_BYTES = (4, 12, 16, 20, 28)  # parametricCurveType: 1, 3, 4, 5 or 7 s15Fixed16 by function
# Tags whose arrays (XYZ numbers, s15Fixed16 numbers) have a count the standard fixes, not the tag's size:
# one XYZ for the white and black points, colourants and luminance; nine numbers for `chad`'s matrix.
_ARRAY_TAG_SIZES = {
    (b"wtpt", b"XYZ "): 20,
    (b"bkpt", b"XYZ "): 20,
    (b"rXYZ", b"XYZ "): 20,
    (b"gXYZ", b"XYZ "): 20,
    (b"bXYZ", b"XYZ "): 20,
    (b"lumi", b"XYZ "): 20,
    (b"chad", b"sf32"): 44,
}


def _held(signature: bytes, tag: bytes) -> int:
    """How many of a tag's bytes its type reads (at most its size)."""
    kind, size = tag[:4], len(tag)
    try:
        if (signature, kind) in _ARRAY_TAG_SIZES:
            needed = _ARRAY_TAG_SIZES[signature, kind]
        elif kind == b"XYZ ":
            needed = 8 + (size - 8) // 12 * 12
        elif kind in (b"sf32", b"uf32", b"ui32"):
            needed = 8 + (size - 8) // 4 * 4
        elif kind == b"curv":
            needed = 12 + 2 * struct.unpack_from(">I", tag, 8)[0]
        elif kind == b"para":
            (function,) = struct.unpack_from(">H", tag, 8)
            needed = 12 + _PARAMETRIC_BYTES[function] if function < len(_PARAMETRIC_BYTES) else size
        elif kind == b"chrm":
            needed = 12 + 8 * struct.unpack_from(">H", tag, 8)[0]
        elif kind in _FIXED_SIZES:
            needed = _FIXED_SIZES[kind]
        elif kind == b"vcgt":  # Apple's video card gamma: a table (channels x entries x size) or 9 numbers
            if struct.unpack_from(">I", tag, 8)[0] == 0:
                channels, entries, width = struct.unpack_from(">HHH", tag, 12)
                needed = 18 + channels * entries * width
            else:
                needed = 48
        elif kind == b"ndin":  # Apple's native display information: its own length, then numbers
            needed = 12 + struct.unpack_from(">I", tag, 8)[0] - 4
        elif kind == b"data":  # ASCII (flag 0, read as text) up to its first NUL
            end = tag.find(b"\x00", 12)
            needed = size if end < 0 else end + 1
        elif kind == b"desc":  # ASCII, Unicode, then a ScriptCode string of `count` of its 67 bytes
            (ascii_count,) = struct.unpack_from(">I", tag, 8)
            (unicode_count,) = struct.unpack_from(">I", tag, 12 + ascii_count + 4)
            script_at = 12 + ascii_count + 8 + 2 * unicode_count
            needed = script_at + 3 + tag[script_at + 2]
        else:
            needed = size
    except (struct.error, IndexError):
        needed = size  # a tag too short for its own header: the parse reads (and refuses) it
    return min(needed, size)


def _read_spans(signature: bytes, tag: bytes) -> list[tuple[int, int]]:
    """The spans of a tag its type reads. Most types read one run from the tag's start (`_held`); a `mluc`
    reads the 12 bytes of each record and each record's string, a `dict` its records, each name and value
    and each display name's `mluc` the same way: bytes between the strings are read by nobody (a writer
    can put text there that no reader shows). A tag too malformed to say counts whole (the parse refuses
    it)."""
    kind = tag[:4]
    try:
        if kind == b"mluc":
            count, record_size = struct.unpack_from(">II", tag, 8)
            records = [16 + index * record_size for index in range(count)]
            strings = (struct.unpack_from(">II", tag, at + 4) for at in records)
            # A record is 12 bytes (language, country, length, offset); a writer may state a larger size,
            # and what it puts in the rest of each record no reader looks at.
            return [
                (0, 16),
                *((at, at + 12) for at in records),
                *((at, at + length) for length, at in strings),
            ]
        if kind == icc_dict.DICT_TYPE:
            count, record_size = struct.unpack_from(">II", tag, 8)
            spans = [(0, 16 + count * record_size)]
            for record in icc_dict.records(tag):
                spans += record[:2]
                for start, end in record[2:]:
                    spans += [(start + a, start + b) for a, b in _read_spans(b"", tag[start:end])]
            return spans
    except (struct.error, ImageUndecodable):
        return [(0, len(tag))]
    return [(0, _held(signature, tag))]


# Types read whole by their type alone, whatever the tag's signature: numbers whose count the type fixes
# or states (`_held` bounds them, the rest is unreferenced) and the text types `tag_texts` reads.
_READ_BY_TYPE = frozenset({b"XYZ ", b"sf32", b"uf32", b"ui32", b"curv", b"para", b"text", b"desc", b"mluc"})


# Every type the gate reads, whatever the tag's signature: the above, tables of numbers LittleCMS parses
# (LUTs, colorant order), and the named types `tag_texts` reads. A listed signature of another type (a
# `gamt` of type `data`, a vendor's own type) holds bytes nothing reads: the profile is uninspected.
_TYPES_READ = (
    _READ_BY_TYPE
    | _NAMED_TYPES
    | frozenset(_FIXED_SIZES)
    | {
        b"ui08",
        b"ui16",
        b"ui64",
        b"chrm",
        b"mft1",
        b"mft2",
        b"mAB ",
        b"mBA ",
        b"mpet",
        b"clro",
        b"vcgt",
        b"ndin",
    }
)


def type_read(tag: bytes) -> bool:
    """Whether the gate reads a tag of this type (any signature); `data` only as ASCII text (flag 0)."""
    kind = tag[:4]
    if kind == b"data":
        return len(tag) >= 12 and struct.unpack_from(">I", tag, 8)[0] == 0
    if kind == b"vcgt":
        return len(tag) >= 18 and struct.unpack_from(">I", tag, 8)[0] in (0, 1)
    if kind == b"para":
        return read_by_type(tag)
    return kind in _TYPES_READ


def read_by_type(tag: bytes) -> bool:
    """Whether a tag of a signature the gate does not list is read whole by its type (Apple's display
    profiles add `aarg`, `aagg` and `aabg`: parametric curves). A parametric function the standard does
    not define reads as nothing known."""
    kind = tag[:4]
    if kind == b"para":
        return len(tag) >= 12 and struct.unpack_from(">H", tag, 8)[0] < len(_PARAMETRIC_BYTES)
    return kind in _READ_BY_TYPE


# Header bits no reader looks at (ICC.1:2010 7.2.11, 7.2.14, 7.2.15): of the flags, all but "embedded" and
# "independent" (bits 2-15 reserved, 16-31 the vendor's); of the device attributes, all but the four media
# bits (4-31 reserved, 32-63 the vendor's); of the rendering intent, its upper 16 bits. Eight bytes of
# attributes beside the maker and model signatures spell a name as well as letters do ("Jane", "Roe ",
# "Smith   "): zeroed, as the reserved bytes are. Every profile of 1,850 real ones has them zero.
_RESERVED_BITS = ((44, b"\xff\xff\xff\xfc"), (56, b"\xff" * 7 + b"\xf0"), (64, b"\xff\xff\x00\x00"))


def _reserved_bits(profile: bytes) -> bool:
    """Whether a header bit `_RESERVED_BITS` names is set."""
    return any(
        any(byte & bit for byte, bit in zip(profile[at : at + len(mask)], mask, strict=True))
        for at, mask in _RESERVED_BITS
    )


@functools.lru_cache(maxsize=64)
def has_unreferenced(profile: bytes) -> bool:
    """Whether bytes no tag or header field holds, or header bits no reader looks at, are other than zero
    (see `_unreferenced`, `_RESERVED_BITS`)."""
    return _reserved_bits(profile) or bool(_unreferenced(profile))


def zero_unreferenced(profile: bytes) -> bytes | None:
    """The profile with its unreferenced bytes and reserved header bits zeroed (profile ID recomputed when
    it had one), same size; None when they are zero already."""
    spans = _unreferenced(profile)
    if not spans and not _reserved_bits(profile):
        return None
    out = bytearray(profile)
    for start, end in spans:
        out[start:end] = bytes(end - start)
    for at, mask in _RESERVED_BITS:
        out[at : at + len(mask)] = bytes(
            byte & ~bit for byte, bit in zip(out[at : at + len(mask)], mask, strict=True)
        )
    if out[_PROFILE_ID].strip(b"\x00"):
        out[_PROFILE_ID] = profile_id(bytes(out))
    return bytes(out)


def profile_id(profile: bytes) -> bytes:
    """ICC.1 profile ID: MD5 of the profile with flags, rendering intent and the ID itself zeroed."""
    blank = bytearray(profile)
    blank[44:48] = bytes(4)
    blank[64:68] = bytes(4)
    blank[_PROFILE_ID] = bytes(16)
    return hashlib.md5(bytes(blank), usedforsecurity=False).digest()
