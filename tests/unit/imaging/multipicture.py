"""Multi-picture JPEGs made by hand: a primary JPEG with an APP2 MPF index, and the pictures it lists."""

from __future__ import annotations

import struct

MPF_TAG_VERSION, MPF_TAG_COUNT, MPF_TAG_ENTRIES = 0xB000, 0xB001, 0xB002


def mpf_payload(
    entries: list[tuple[int, int]],
    *,
    order: str = "<",
    extra_tags: tuple[tuple[int, int, int, int], ...] = (),
    tail: bytes = b"",
) -> bytes:
    """ "MPF\\0" + a TIFF index IFD listing `entries` as (size, offset relative to the TIFF header).

    `extra_tags` are further (tag, type, count, inline value) entries; `tail` is bytes after the entries.
    """
    count = 3 + len(extra_tags)
    table_at = 8 + 2 + 12 * count + 4
    endian = b"II*\x00" if order == "<" else b"MM\x00*"
    ifd = struct.pack(order + "H", count)
    ifd += struct.pack(order + "HHI", MPF_TAG_VERSION, 7, 4) + b"0100"
    ifd += struct.pack(order + "HHII", MPF_TAG_COUNT, 4, 1, len(entries))
    ifd += struct.pack(order + "HHII", MPF_TAG_ENTRIES, 7, 16 * len(entries), table_at)
    for tag, typ, num, value in extra_tags:
        ifd += struct.pack(order + "HHII", tag, typ, num, value)
    ifd += struct.pack(order + "I", 0)
    table = b"".join(
        struct.pack(order + "IIIHH", 0x20000 if i else 0x030000, size, offset, 0, 0)
        for i, (size, offset) in enumerate(entries)
    )
    return b"MPF\x00" + endian + struct.pack(order + "I", 8) + ifd + table + tail


def mpo(
    primary: bytes,
    *others: bytes,
    gaps: tuple[bytes, ...] = (),
    order: str = "<",
    extra_tags: tuple[tuple[int, int, int, int], ...] = (),
    tail: bytes = b"",
    lie: dict[int, tuple[int, int]] | None = None,
) -> bytes:
    """`primary` with an MPF index after SOI listing `others`, which follow it (after `gaps[i]` each).

    `lie` replaces the (size, offset) of entry i in the index, to test an index that does not match.
    """
    probe_payload = mpf_payload([(0, 0)] * (1 + len(others)), order=order, extra_tags=extra_tags, tail=tail)
    segment_len = 4 + len(probe_payload)
    base = 2 + 4 + 4  # SOI, marker and length, "MPF\0": offsets count from the TIFF header
    first_size = len(primary) + segment_len
    entries = [(first_size, 0)]
    pos = first_size
    for i, other in enumerate(others):
        pos += len(gaps[i]) if i < len(gaps) else 0
        entries.append((len(other), pos - base))
        pos += len(other)
    for i, value in (lie or {}).items():
        entries[i] = value
    payload = mpf_payload(entries, order=order, extra_tags=extra_tags, tail=tail)
    segment = b"\xff\xe2" + struct.pack(">H", len(payload) + 2) + payload
    out = primary[:2] + segment + primary[2:]
    for i, other in enumerate(others):
        out += (gaps[i] if i < len(gaps) else b"") + other
    return out
