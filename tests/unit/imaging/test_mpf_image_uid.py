"""MPF ImageUIDList: 33 bytes per picture that identify it. Read, reported as unread, removed in place."""

from __future__ import annotations

import struct

import pytest

from gate.imaging import probe, read_metadata, strip_identifiers
from gate.imaging.jpeg import walk
from gate.imaging.mpf import IMAGE_UID_TAG
from tests.unit.imaging.images import decoded, jpeg_bytes
from tests.unit.imaging.multipicture import mpo

PRIMARY = jpeg_bytes(icc=False)
PLAIN = jpeg_bytes(icc=False, comment=b"")
CANARY = "jane.doe\uff20example.com".encode()  # a full-width at sign: the bytes must go whatever they spell


def _uid_values(pictures: int, text: bytes = CANARY) -> bytes:
    return b"".join((text + bytes(33))[:32] + b"\x00" for _ in range(pictures))


def _with_uids(order: str = "<", *, inline: bool = False) -> bytes:
    """A two-picture JPEG whose index lists an ImageUIDList: 66 bytes after the MP entries, or inline."""
    if inline:
        return mpo(PRIMARY, PLAIN, order=order, extra_tags=((IMAGE_UID_TAG, 7, 4, 0x41424344),))
    values = _uid_values(2)
    # The tail follows the header (8), the IFD (2 + 4 entries + 4) and two MP entries (32).
    at = 8 + 2 + 12 * 4 + 4 + 32
    return mpo(PRIMARY, PLAIN, order=order, extra_tags=((IMAGE_UID_TAG, 7, len(values), at),), tail=values)


@pytest.mark.parametrize("order", ["<", ">"])
@pytest.mark.parametrize("inline", [False, True])
def test_the_uid_list_is_read_as_unread_and_stripped_in_place(order: str, inline: bool) -> None:
    data = _with_uids(order, inline=inline)
    meta = read_metadata(data, probe(data))
    assert meta.paths("unread") == ("/jpeg/APP2/ImageUIDList",)
    assert meta.paths("uninspected") == ()
    stripped = strip_identifiers(data, probe(data))
    assert len(stripped) == len(data)  # in place: no picture moves
    assert CANARY not in stripped and b"ABCD" not in stripped[:200]
    assert read_metadata(stripped, probe(stripped)).items == ()
    assert walk(stripped).images == walk(data).images
    assert decoded(stripped) == decoded(data)


def test_the_rewritten_index_keeps_its_other_entries_and_ends_with_zeros() -> None:
    data = _with_uids()
    stripped = strip_identifiers(data, probe(data))
    at = stripped.index(b"MPF\x00") + 4
    (count,) = struct.unpack_from("<H", stripped, at + 8)
    tags = [struct.unpack_from("<H", stripped, at + 10 + 12 * i)[0] for i in range(count)]
    assert tags == [0xB000, 0xB001, 0xB002]
    assert struct.unpack_from("<I", stripped, at + 10 + 12 * count)[0] == 0  # the next-IFD offset moved up
    assert stripped[at + 10 + 12 * count + 4 : at + 10 + 12 * 4 + 4] == bytes(12)


def test_a_uid_list_in_a_further_pictures_index_is_stripped_too() -> None:
    values = _uid_values(1)
    own = mpo(PLAIN, extra_tags=((IMAGE_UID_TAG, 7, len(values), 8 + 2 + 12 * 4 + 4 + 16),), tail=values)
    data = mpo(PRIMARY, own)
    assert read_metadata(data, probe(data)).paths("unread") == ("/mpf/1/jpeg/APP2/ImageUIDList",)
    stripped = strip_identifiers(data, probe(data))
    assert CANARY not in stripped
    assert read_metadata(stripped, probe(stripped)).items == ()


def test_an_unknown_tag_beside_the_uid_list_still_makes_the_index_uninspected() -> None:
    data = mpo(PRIMARY, PLAIN, extra_tags=((IMAGE_UID_TAG, 7, 4, 1), (0xB0FE, 7, 4, 2)))
    meta = read_metadata(data, probe(data))
    assert meta.paths("uninspected") == ("/jpeg/APP2/0",)
    assert meta.paths("unread") == ()
