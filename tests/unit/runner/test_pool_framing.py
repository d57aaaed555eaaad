"""What crosses the worker pipes: records as field tuples, rebuilt equal, field for field."""

from __future__ import annotations

import dataclasses
import os
import pickle
import threading
from typing import Any

import pytest

from gate.core.record import InboundRecord, RoutedRecord
from gate.model import Verdict
from gate.runner.frames import FrameReader, write_message
from gate.runner.pool_worker import encode_message, inbound_fields, routed_fields, routed_from

INBOUND = [
    InboundRecord("in", 0, 0, None, None),  # a tombstone: no key, no value
    InboundRecord("in", 3, 2**40, b"k", b"", (), 0),
    InboundRecord(
        "ingest.v1",
        7,
        12,
        "ключ".encode(),
        bytes(range(256)) * 200,
        (("traceparent", b"00-1"), ("x", b"")),
        -1,
    ),
]

ROUTED = [RoutedRecord(verdict, b"k", b"{}", (), (), "src") for verdict in Verdict] + [
    RoutedRecord(
        Verdict.QUARANTINED,
        b"event-1",
        b'{"reasons":[]}' * 1000,
        (("gate-verdict", b"quarantined"), ("gate-policy", b"v3")),
        ("pii.email", "pii.phone"),
        "shop-7",
        {"c2pa": 0.004, "store": 0.001},
        ("EMAIL_ADDRESS", "PHONE_NUMBER"),
        b'{"audit":true}',
    )
]


@pytest.mark.parametrize("record", INBOUND)
def test_inbound_record_survives_the_pipe(record: InboundRecord) -> None:
    (fields,) = _through_a_pipe([inbound_fields(record)])
    assert InboundRecord(*fields) == record


@pytest.mark.parametrize("record", ROUTED)
def test_routed_record_survives_the_pipe(record: RoutedRecord) -> None:
    (fields,) = _through_a_pipe([routed_fields(record)])
    rebuilt = routed_from(fields)
    assert rebuilt == record
    assert rebuilt.verdict is record.verdict  # the enum member itself, not its value


@pytest.mark.parametrize(
    ("cls", "take_apart"), [(InboundRecord, inbound_fields), (RoutedRecord, routed_fields)]
)
def test_every_field_crosses(cls: type, take_apart: object) -> None:
    """A field added to a record must be added to its tuple too: the tuples list every field, in order."""
    names = [f.name for f in dataclasses.fields(cls)]
    sample = INBOUND[-1] if cls is InboundRecord else ROUTED[-1]
    values = take_apart(sample)  # type: ignore[operator]
    assert len(values) == len(names)
    for name, value in zip(names, values, strict=True):
        expected = getattr(sample, name)
        if isinstance(value, pickle.PickleBuffer):  # a large value, out of band: its own bytes
            assert value.raw().obj is expected
        else:
            assert value == (expected.value if name == "verdict" else expected)


def test_a_chunk_crosses_as_one_frame() -> None:
    """The pool writes a chunk as one frame (its length, then its body); the worker reads it back whole."""
    chunk = [(5, i, inbound_fields(r)) for i, r in enumerate(INBOUND)]
    frame = encode_message(chunk)
    assert int.from_bytes(frame[:4], "big") == len(frame) - 4
    assert _through_a_pipe(chunk) == [(5, i, inbound_fields_read(r)) for i, r in enumerate(INBOUND)]


def inbound_fields_read(record: InboundRecord) -> tuple[object, ...]:
    """The fields as the worker reads them: every value as bytes again."""
    return tuple(dataclasses.astuple(record))


def _through_a_pipe(message: list[Any]) -> list[Any]:
    """`message` written as the pool writes it and read back as the worker reads it."""
    read, write = os.pipe()
    try:
        writer = threading.Thread(target=write_message, args=(write, message))
        writer.start()
        reader = FrameReader(read)
        got: list[Any] = []
        while not got:
            got = reader.read()
        writer.join()
    finally:
        os.close(read)
        os.close(write)
    (only,) = got
    assert isinstance(only, list)
    return only
