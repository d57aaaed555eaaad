"""The compact quarantine record that replaces an output Kafka refused for its size."""

from __future__ import annotations

import json

from gate.core.record import InboundRecord, RoutedRecord, failure_record, oversized_record, route_headers
from gate.model import PolicyRef, Verdict
from gate.schemas import DECISION, schema_errors

POLICY = PolicyRef("2024.1", "a" * 64)
FALLBACK = PolicyRef("fallback", "b" * 64)
INBOUND = InboundRecord(
    "images.ingest", 3, 41, b"evt-1", b"\xff" * 3000, headers=(("traceparent", b"00-abc-def-01"),)
)


def test_keeps_key_source_policy_and_coordinates_but_not_the_bytes() -> None:
    big = failure_record(INBOUND, "event.unparseable", POLICY, verdict=Verdict.REJECTED)
    record = oversized_record(INBOUND, big, FALLBACK)
    doc = json.loads(record.value)
    assert schema_errors(DECISION, doc) == []
    assert doc == {
        "schema": "gate.decision/1",
        "event_id": "evt-1",
        "source": "unknown",
        "verdict": "quarantined",
        "reasons": [{"code": "gate.output_too_large", "check": "runner", "outcome": "quarantine"}],
        "actions": [],
        "policy": {"version": "2024.1", "sha256": "a" * 64},
        "input": {"topic": "images.ingest", "partition": 3, "offset": 41},
    }
    assert len(record.value) < 400 < len(big.value)
    assert (record.verdict, record.key, record.reason_codes) == (
        Verdict.QUARANTINED,
        b"evt-1",
        ("gate.output_too_large",),
    )
    assert record.headers == route_headers(
        Verdict.QUARANTINED,
        ("gate.output_too_large",),
        POLICY,
        b"00-abc-def-01",
        event_id="evt-1",
        origin={"topic": "images.ingest", "partition": 3, "offset": 41},
    )


def test_without_policy_headers_the_given_policy_is_stamped() -> None:
    routed = RoutedRecord(Verdict.APPROVED, b"evt-1", b"x" * 100, (), ("ok.ok",), "camera", {"c2pa": 0.5})
    record = oversized_record(INBOUND, routed, FALLBACK)
    doc = json.loads(record.value)
    assert schema_errors(DECISION, doc) == []
    assert doc["policy"] == {"version": "fallback", "sha256": "b" * 64}
    assert (doc["source"], record.source, record.check_seconds) == ("camera", "camera", {"c2pa": 0.5})


def test_an_empty_key_falls_back_to_the_input_coordinates() -> None:
    routed = RoutedRecord(Verdict.APPROVED, b"", b"x", (), (), "s")
    record = oversized_record(INBOUND, routed, POLICY)
    assert json.loads(record.value)["event_id"] == "evt-1"  # the inbound key, as failure records do
    assert record.key == b"evt-1"
