"""An ICC `dict` tag (dictType, ICC.1:2010 amendment): names and values, and the device identifiers in it.

Colour managers that make a display's profile from its EDID write what they read there as dictionary
entries (GNOME's colord and mutter: `EDID_serial`, `EDID_md5`, `MAPPING_device_id`, the last spelling
the serial too; `Filename`, a path in the account's home folder named after the EDID's MD5). Such a
value names one monitor, as Apple's `mmod` serial does: a device identifier, zeroed in place by the
strip. Other entries (`EDID_model`, `CMF_product`) are text, scanned as the rest of the profile's.
"""

from __future__ import annotations

import re
import struct

from gate.errors import ImageUndecodable

DICT_TYPE = b"dict"
_RECORD_SIZES = (16, 24, 32)  # name and value; plus a display name; plus a display value (mluc offsets)
# An entry names a device when its name says serial, device id, UUID, or a digest of the EDID (which is
# unique to one monitor as its serial is); and a file name or path: mutter names the profile's file after
# the EDID's MD5, in the account's home folder (`/home/<account>/.local/share/icc/edid-<md5>.icc`).
_DEVICE_NAME = re.compile(r"serial|device_?id|uuid|edid_?md5|edid_?hash|file_?name|path", re.IGNORECASE)


def records(tag: bytes) -> list[tuple[tuple[int, int], ...]]:
    """The (start, end) spans, in the tag, of every record's strings: name and value, then its display
    name and display value (`mluc` tags of their own) when the record size holds them and they are set;
    raises ImageUndecodable when a record or string lies outside the tag."""
    try:
        count, record_size = struct.unpack_from(">II", tag, 8)
    except struct.error as exc:
        raise ImageUndecodable("ICC profile dict tag is truncated") from exc
    if record_size not in _RECORD_SIZES or 16 + count * record_size > len(tag):
        raise ImageUndecodable("ICC profile dict tag is malformed")
    found = []
    for index in range(count):
        fields = struct.unpack_from(f">{record_size // 4}I", tag, 16 + index * record_size)
        spans = tuple((at, at + size) for at, size in zip(fields[::2], fields[1::2], strict=True))
        if any(end > len(tag) for _, end in spans):
            raise ImageUndecodable("ICC profile dict string lies outside its tag")
        found.append(spans[:2] + tuple(span for span in spans[2:] if span[1] > span[0]))
    return found


def entries(tag: bytes) -> list[tuple[str, int, int]]:
    """(name, value offset, value size) of every entry, offsets from the tag's start (`records`)."""
    return [
        (tag[name_at:name_end].decode("utf-16-be", "replace"), value_at, value_end - value_at)
        for (name_at, name_end), (value_at, value_end), *_ in records(tag)
    ]


def names_device(name: str) -> bool:
    """Whether an entry of this name holds a device identifier (its value is zeroed, not scanned)."""
    return _DEVICE_NAME.search(name) is not None


def device_spans(tag: bytes) -> list[tuple[int, int]]:
    """(start, end) in the tag of every value that names a device and is not blank already."""
    if tag[:4] != DICT_TYPE:
        return []
    return [
        (at, at + size)
        for name, at, size in entries(tag)
        if names_device(name) and tag[at : at + size].strip(b"\x00")
    ]
