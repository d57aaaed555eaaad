"""Bytes of an ICC profile that no tag or header field holds (past the declared size, between tags, the
header's reserved bytes) were published unread (redimg round, 2026-12-05): they are `unread` now, and the
default strip zeroes them in place, so the profile keeps its size and its colours."""

from __future__ import annotations

import struct

import pytest

from gate.imaging import icc, icc_tags
from gate.imaging.icc_tags import profile_id
from tests.unit.imaging.images import icc_profile

CANARY = b"canary.icc@example.com"


def _with_id(profile: bytes) -> bytes:
    return profile[:84] + profile_id(profile) + profile[100:]


def _gap(profile: bytes) -> bytes:
    """The profile with its last tag moved 32 bytes on and the canary in the gap it leaves."""
    (count,) = struct.unpack_from(">I", profile, 128)
    entry = 132 + 12 * (count - 1)
    sig, offset, size = struct.unpack_from(">4sII", profile, entry)
    moved = profile[:entry] + struct.pack(">4sII", sig, offset + 32, size) + profile[entry + 12 : offset]
    body = moved + CANARY.ljust(32, b"\x00") + profile[offset:]
    return struct.pack(">I", len(body)) + body[4:]


def _longer_tag(profile: bytes, signature: bytes) -> bytes:
    """The profile with the canary appended and the tag `signature` (its data last, or moved last)
    grown over it: a tag longer than its type, whose extra bytes LittleCMS never reads."""
    (count,) = struct.unpack_from(">I", profile, 128)
    body = bytearray(profile)
    for index in range(count):
        sig, offset, size = struct.unpack_from(">4sII", profile, 132 + 12 * index)
        if sig == signature:
            at = len(body)
            body += profile[offset : offset + size] + CANARY + bytes(-(size + len(CANARY)) % 4)
            struct.pack_into(">4sII", body, 132 + 12 * index, sig, at, len(body) - at)
    struct.pack_into(">I", body, 0, len(body))
    return bytes(body)


PLAIN = icc_profile()
CASES = {
    **{
        f"a {sig.decode().strip()} tag longer than its type": _longer_tag(PLAIN, sig)
        for sig in (b"chrm", b"wtpt", b"rTRC", b"desc", b"chad")
    },
    "past the declared size": PLAIN + CANARY,
    "past the declared size, with a profile ID": _with_id(PLAIN) + CANARY,
    "in the header's reserved bytes": PLAIN[:100] + CANARY + PLAIN[100 + len(CANARY) :],
    "between two tags": _gap(PLAIN),
}


@pytest.mark.parametrize("place", sorted(CASES))
def test_unreferenced_bytes_are_unread_and_zeroed(place: str) -> None:
    profile = CASES[place]
    items = icc.read_items(profile, "jpeg")
    assert [(item.path, item.kind) for item in items if item.kind == "unread"] == [
        ("/icc/jpeg/unreferenced", "unread")
    ]
    stripped = icc.strip(profile, frozenset({"unread"}))
    assert stripped is not None and len(stripped) == len(profile)
    assert CANARY not in stripped
    assert not icc_tags.has_unreferenced(stripped)
    assert icc.read_items(stripped, "jpeg") == [item for item in items if item.kind != "unread"]
    if stripped[84:100].strip(b"\x00"):  # a profile ID is recomputed over the zeroed profile
        assert stripped[84:100] == profile_id(stripped)


@pytest.mark.parametrize(
    "profile", [PLAIN, _with_id(PLAIN), PLAIN + bytes(8)], ids=["plain", "id", "zero pad"]
)
def test_a_profile_whose_every_byte_is_held_is_left_alone(profile: bytes) -> None:
    assert not icc_tags.has_unreferenced(profile)
    assert icc.strip(profile, frozenset({"unread", "device_id"})) is None
    assert all(item.kind != "unread" for item in icc.read_items(profile, "png"))
