"""A tag whose signature the gate does not list is read by its type (truth table): numbers whose count the
type fixes or states, and text, are read whole (bytes past what the type reads are zeroed, as for listed
tags); any other type leaves the profile uninspected. macOS display profiles, embedded in screenshots,
add `aarg`, `aagg` and `aabg` parametric curves: two real PNGs were held for them."""

from __future__ import annotations

import struct

import pytest

from gate.imaging import probe, read_metadata, strip_identifiers
from gate.imaging.items import DEFAULT_STRIP_KINDS
from tests.unit.imaging.test_icc import jpeg_with
from tests.unit.imaging.test_icc_tags import with_tags

CANARY = "jane.doe@example.org"
GAMMA = b"para" + bytes(4) + struct.pack(">HHi", 0, 0, 0x00023333)  # function 0: one number, gamma 2.2


def _items(tag: bytes) -> list[tuple[str, str]]:
    data = jpeg_with(with_tags((b"aarg", tag)))
    return [(item.path, item.kind) for item in read_metadata(data, probe(data)).items]


@pytest.mark.parametrize(
    ("tag", "items"),
    [
        (GAMMA, []),
        (b"para" + bytes(4) + struct.pack(">HH", 4, 0) + bytes(28), []),  # function 4: seven numbers
        (b"curv" + bytes(4) + struct.pack(">I", 2) + b"\x00\x00\xff\xff", []),
        (b"XYZ " + bytes(4) + bytes(12), []),
        (GAMMA + CANARY.encode(), [("/icc/jpeg/unreferenced", "unread")]),  # past what the type reads
        (b"text" + bytes(4) + CANARY.encode() + b"\x00", [("/icc/jpeg/aarg", "free_text")]),
        (b"para" + bytes(4) + struct.pack(">HH", 9, 0) + CANARY.encode(), [("/icc/jpeg", "uninspected")]),
        (b"zPvt" + bytes(4) + CANARY.encode(), [("/icc/jpeg", "uninspected")]),
    ],
)
def test_a_tag_of_an_unlisted_signature_is_read_by_its_type(tag: bytes, items: list[tuple[str, str]]) -> None:
    assert _items(tag) == items


def test_text_past_an_unlisted_curve_is_zeroed_by_the_strip() -> None:
    data = jpeg_with(with_tags((b"aarg", GAMMA + CANARY.encode())))
    out = strip_identifiers(data, probe(data), DEFAULT_STRIP_KINDS)
    assert CANARY.encode() in data
    assert CANARY.encode() not in out
