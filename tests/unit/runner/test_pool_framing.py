"""What crosses the worker pipes: records as field tuples, rebuilt equal, field for field."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from gate.core.record import InboundRecord, RoutedRecord
from gate.model import Verdict
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
    fields = pickle.loads(pickle.dumps(inbound_fields(record)))
    assert InboundRecord(*fields) == record


@pytest.mark.parametrize("record", ROUTED)
def test_routed_record_survives_the_pipe(record: RoutedRecord) -> None:
    rebuilt = routed_from(pickle.loads(pickle.dumps(routed_fields(record))))
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
        assert value == (expected.value if name == "verdict" else expected)


def test_frame_is_what_connection_recv_reads() -> None:
    """The pool writes frames by hand; the worker reads them with Connection.recv (length, then pickle)."""
    chunk = [(5, i, inbound_fields(r)) for i, r in enumerate(INBOUND)]
    frame = encode_message(chunk)
    assert int.from_bytes(frame[:4], "big") == len(frame) - 4
    assert pickle.loads(frame[4:]) == chunk
