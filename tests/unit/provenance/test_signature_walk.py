"""The signature walk over offsets (`gate.provenance.signatures._signature_boxes`) finds what the walk it
replaced found, box for box, and refuses what it refused: the old walk (slices and generators) is kept
here as the reference and both read hypothesis-built stores (nested superboxes, signatures, 0- and 64-bit
sizes, descriptions without labels), cut short and with bytes changed."""

from __future__ import annotations

import struct
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from gate.provenance import signatures
from gate.provenance.signatures import _MANIFEST_DEPTH, _MAX_BOXES, _Unparsable

# The old walk's bound on superbox nesting (the new walk stops at a manifest's children before it).
_MAX_DEPTH = 8


def _old_boxes(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    at = 0
    while at < len(data):
        if at + 8 > len(data):
            raise _Unparsable
        size, kind = struct.unpack_from(">I4s", data, at)
        head = 8
        if size == 1:
            if at + 16 > len(data):
                raise _Unparsable
            (size,) = struct.unpack_from(">Q", data, at + 8)
            head = 16
        elif size == 0:
            size = len(data) - at
        if size < head or at + size > len(data):
            raise _Unparsable
        yield kind, data[at + head : at + size]
        at += size


def _old_label(description: bytes) -> str:
    if len(description) < 17 or not description[16] & 0x02:
        return ""
    end = description.find(b"\0", 17)
    return description[17 : end if end >= 0 else len(description)].decode("utf-8", "replace")


def _old_signature_boxes(store: bytes) -> Iterator[tuple[str, bytes]]:
    budget = [_MAX_BOXES]

    def walk(data: bytes, parent: str, depth: int) -> Iterator[tuple[str, bytes]]:
        if depth > _MAX_DEPTH:
            raise _Unparsable
        for kind, payload in _old_boxes(data):
            budget[0] -= 1
            if budget[0] < 0:
                raise _Unparsable
            if kind != b"jumb":
                continue
            first = next(_old_boxes(payload), None)
            if first is None or first[0] != b"jumd":
                raise _Unparsable
            label = _old_label(first[1])
            inner = payload[8 + len(first[1]) :] if len(first[1]) + 8 <= len(payload) else b""
            if label == "c2pa.signature":
                content = next((body for k, body in list(_old_boxes(inner)) if k == b"cbor"), None)
                yield parent, content if content is not None else b""
                continue
            if depth < _MANIFEST_DEPTH:
                yield from walk(inner, label, depth + 1)

    yield from walk(store, "", 0)


def _reading(walk: object, store: bytes) -> list[tuple[str, bytes]] | str:
    try:
        return list(walk(store))  # type: ignore[operator]
    except _Unparsable:
        return "unparsable"


def _box(kind: bytes, payload: bytes, form: int) -> bytes:
    if form == 1:  # 64-bit size
        return struct.pack(">I4sQ", 1, kind, 16 + len(payload)) + payload
    return struct.pack(">I", 8 + len(payload)) + kind + payload


_LABELS = st.sampled_from(["c2pa", "c2pa.signature", "c2pa.assertions", "urn:c2pa:0a1b", "c2pa.claim.v2", ""])


@st.composite
def _superbox(draw: st.DrawFn, depth: int = 0) -> bytes:
    label = draw(_LABELS)
    toggles = draw(st.sampled_from([b"\x03", b"\x01", b"\x02"]))
    description = bytes(16) + toggles + label.encode() + draw(st.sampled_from([b"\0", b""]))
    children = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["jumb", "cbor", "json", "free"]))
        if kind == "jumb" and depth < 4:
            children.append(draw(_superbox(depth + 1)))
        else:
            children.append(_box(kind.encode()[:4], draw(st.binary(max_size=12)), draw(st.integers(0, 1))))
    form = draw(st.sampled_from([0, 0, 0, 1]))
    return _box(b"jumb", _box(b"jumd", description, form) + b"".join(children), draw(st.integers(0, 1)))


@st.composite
def _stores(draw: st.DrawFn) -> bytes:
    store = b"".join(draw(st.lists(_superbox(), min_size=1, max_size=2)))
    change = draw(st.sampled_from(["none", "cut", "byte", "zero-size"]))
    if change == "cut" and store:
        store = store[: draw(st.integers(0, len(store) - 1))]
    elif change == "byte" and store:
        at = draw(st.integers(0, len(store) - 1))
        store = store[:at] + bytes([draw(st.integers(0, 255))]) + store[at + 1 :]
    elif change == "zero-size" and len(store) >= 4:
        at = draw(st.integers(0, len(store) - 4))
        store = store[:at] + bytes(4) + store[at + 4 :]
    return store


@settings(max_examples=400, deadline=None)
@given(_stores())
def test_the_offset_walk_reads_every_store_as_the_slicing_walk_did(store: bytes) -> None:
    assert _reading(signatures._signature_boxes, store) == _reading(_old_signature_boxes, store)


def test_the_box_budget_still_refuses() -> None:
    many = b"".join(_box(b"free", b"", 0) for _ in range(_MAX_BOXES + 1))
    assert _reading(signatures._signature_boxes, many) == _reading(_old_signature_boxes, many) == "unparsable"
    just = many[: 8 * _MAX_BOXES]
    assert _reading(signatures._signature_boxes, just) == _reading(_old_signature_boxes, just) == []
