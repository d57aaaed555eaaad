"""Photoshop's "Ducky" APP12 segment (Save for Web): a quality setting plus optional comment and copyright.

Layout: "Ducky", then tag (2 bytes), length (2 bytes), data; tag 0 ends the list. Comment and copyright
are a 4-byte count followed by UTF-16BE text.
"""

from __future__ import annotations

import struct

from gate.imaging.items import Kind, MetadataItem, UnreadableBlock
from gate.pointers import pointer

SIGNATURE = b"Ducky"
_QUALITY = 1
# Tags whose text a scanner must read: tag -> (name used in paths, kind).
_TEXT_TAGS: dict[int, tuple[str, Kind]] = {2: ("Comment", "free_text"), 3: ("Copyright", "owner")}


def read_items(payload: bytes) -> list[MetadataItem]:
    """The comment and copyright of a Ducky payload (signature included); unknown tags are uninspected.

    What no reader takes from the segment is `unread` (the strip drops the segment, which no decoder
    needs): a quality field of other than 4 bytes and bytes after the tag that ends the list.
    """
    items: list[MetadataItem] = []
    pos, n = len(SIGNATURE), len(payload)
    while pos + 2 <= n:
        (tag,) = struct.unpack_from(">H", payload, pos)
        if tag == 0:
            if payload[pos + 2 :].strip(b"\x00"):
                items.append(MetadataItem(pointer("jpeg", "APP12", "Ducky", "tail"), "unread"))
            break
        if pos + 4 > n:
            raise UnreadableBlock("JPEG Ducky segment is truncated")
        (length,) = struct.unpack_from(">H", payload, pos + 2)
        data = payload[pos + 4 : pos + 4 + length]
        if len(data) != length:
            raise UnreadableBlock("JPEG Ducky segment is truncated")
        pos += 4 + length
        if tag == _QUALITY:
            if length != 4:
                items.append(MetadataItem(pointer("jpeg", "APP12", "Ducky", str(tag)), "unread"))
            continue
        if tag not in _TEXT_TAGS:
            items.append(MetadataItem(pointer("jpeg", "APP12", "Ducky", str(tag)), "uninspected"))
            continue
        name, kind = _TEXT_TAGS[tag]
        try:
            text = data[4:].decode("utf-16-be")
        except UnicodeDecodeError as exc:
            raise UnreadableBlock("JPEG Ducky text is not UTF-16") from exc
        items.append(MetadataItem(pointer("jpeg", "APP12", "Ducky", name), kind, text.rstrip("\x00")))
    return items
