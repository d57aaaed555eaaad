"""Every kind of decision record, built by its one constructor, is valid against decision.schema.json."""

from __future__ import annotations

import base64
import json

import pytest

from gate.assets import AssetFetcher, FetchPolicy
from gate.core.flow import EventOutcome, evaluate_event_bytes
from gate.core.pipeline import Pipeline
from gate.core.policy import VERDICT_OF_OUTCOME, Outcome, outcome_of_verdict
from gate.core.record import (
    FailureCode,
    InboundRecord,
    RoutedRecord,
    decided_record,
    failure_record,
    oversized_record,
    read_headers,
    released_record,
    replayed_record,
    route_headers,
)
from gate.demo.images import jpeg_bytes, product_image
from gate.model import PolicyRef, Verdict
from gate.schemas import DECISION, schema_errors

TRACE = b"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


def _event(asset: dict[str, str]) -> bytes:
    return json.dumps(
        {
            "event_id": "evt-record-1",
            "occurred_at": "2026-11-26T10:00:00Z",
            "source": "studio-gen",
            "asset": asset,
            "generation": {"synthetic": True, "model": {"name": "m", "version": "1", "provider": "p"}},
        }
    ).encode()


INLINE = _event(
    {"data": base64.b64encode(jpeg_bytes(product_image(64, 48))).decode(), "media_type": "image/jpeg"}
)
INBOUND = InboundRecord("images.ingest", 2, 17, b"evt-record-1", INLINE, (("traceparent", TRACE),))


def _outcome(gate: Pipeline, raw: bytes) -> EventOutcome:
    with AssetFetcher(FetchPolicy()) as fetcher:
        return evaluate_event_bytes(raw, gate, fetcher, fallback_id="images.ingest/2/17")


def _valid(record: RoutedRecord) -> dict[str, object]:
    doc = record.document
    assert schema_errors(DECISION, doc) == []
    headers = read_headers(record.headers)
    assert headers.verdict == record.verdict.value == doc["verdict"]
    assert headers.reason_codes == record.reason_codes
    assert headers.policy == PolicyRef(**doc["policy"])  # type: ignore[arg-type]
    assert record.key == str(doc["event_id"]).encode()
    return doc


def test_a_decided_event_records_checks_asset_and_input_without_raw_bytes(gate: Pipeline) -> None:
    record = decided_record(_outcome(gate, INLINE), inbound=INBOUND, output=None)
    doc = _valid(record)
    assert doc["verdict"] == "approved"
    assert doc["input"] == {"topic": "images.ingest", "partition": 2, "offset": 17}
    assert {c["check"] for c in doc["checks"]} >= {"integrity", "parameters", "provenance"}  # type: ignore[attr-defined]
    assert "timing" not in doc
    assert set(record.check_seconds) >= {"asset_fetch", "integrity"}
    assert decided_record(_outcome(gate, INLINE), inbound=INBOUND).value == record.value  # deterministic


def test_timing_is_only_in_records_asked_for_it(gate: Pipeline) -> None:
    doc = _valid(decided_record(_outcome(gate, INLINE), with_timing=True))
    assert "input" not in doc
    assert set(doc["timing"]) == {"total_ms", "checks"}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "code", "keeps_raw"),
    [
        (b"{not json", "event.invalid", True),
        (
            _event({"uri": "file:///nowhere/x.jpg", "sha256": "0" * 64, "media_type": "image/jpeg"}),
            "asset.unavailable",
            False,
        ),
    ],
)
def test_an_event_decided_before_the_checks_ran(
    gate: Pipeline, raw: bytes, code: str, keeps_raw: bool
) -> None:
    inbound = InboundRecord("images.ingest", 0, 3, None, raw)
    doc = _valid(decided_record(_outcome(gate, raw), inbound=inbound))
    assert doc["verdict"] != "approved"
    assert [r["code"] for r in doc["reasons"]] == [code]  # type: ignore[attr-defined]
    assert ("raw" in doc["input"]) is keeps_raw  # type: ignore[operator]
    assert "asset" not in doc and doc["actions"] == []


@pytest.mark.parametrize("code", list(FailureCode))
def test_a_worker_failure_keeps_the_raw_input_and_the_trace(code: FailureCode) -> None:
    policy = PolicyRef("2026.1", "c" * 64)
    record = failure_record(INBOUND, code, policy)
    doc = _valid(record)
    assert (doc["verdict"], doc["source"]) == ("quarantined", "unknown")
    assert doc["reasons"] == [{"code": code.value, "check": "runner", "outcome": "quarantine"}]
    assert base64.b64decode(doc["input"]["raw"]) == INLINE  # type: ignore[index]
    assert read_headers(record.headers).traceparent == TRACE


def test_a_record_refused_as_too_large_keeps_the_deciding_policy(gate: Pipeline) -> None:
    decided = decided_record(_outcome(gate, INLINE), inbound=INBOUND)
    record = oversized_record(INBOUND, decided, PolicyRef("other", "d" * 64))
    doc = _valid(record)
    assert doc["policy"] == decided.document["policy"]
    assert doc["reasons"] == [{"code": "gate.output_too_large", "check": "runner", "outcome": "quarantine"}]
    assert "raw" not in doc["input"]  # type: ignore[operator]


def test_a_replayed_event_names_the_quarantined_record_it_came_from(gate: Pipeline) -> None:
    quarantined_at = InboundRecord("images.quarantine", 1, 99, b"evt-record-1", b"")
    doc = _valid(replayed_record(_outcome(gate, INLINE), replayed_from=quarantined_at))
    assert doc["input"] == {"topic": "images.quarantine", "partition": 1, "offset": 99}


def test_a_reviewer_releases_a_quarantine_but_never_a_rejection() -> None:
    quarantined = failure_record(INBOUND, FailureCode.TIMEOUT, PolicyRef("2026.1", "c" * 64))
    released = released_record(quarantined)
    doc = _valid(released)
    assert doc["verdict"] == "approved"
    assert [r["code"] for r in doc["reasons"]] == ["gate.timeout", "review.released"]  # type: ignore[attr-defined]
    assert doc["input"] == quarantined.document["input"] and doc["policy"] == quarantined.document["policy"]
    rejected = failure_record(
        INBOUND, "event.unparseable", PolicyRef("v", "c" * 64), verdict=Verdict.REJECTED
    )
    with pytest.raises(ValueError, match="only a quarantined record"):
        released_record(rejected)


def test_headers_read_back_what_was_written() -> None:
    policy = PolicyRef("2026.1", "e" * 64)
    headers = route_headers(Verdict.REJECTED, ("a.b", "c.d"), policy, TRACE)
    read = read_headers(headers)
    assert (read.verdict, read.reason_codes, read.policy, read.traceparent) == (
        "rejected",
        ("a.b", "c.d"),
        policy,
        TRACE,
    )
    empty = read_headers(())
    assert (empty.verdict, empty.reason_codes, empty.policy, empty.traceparent) == (None, (), None, None)


@pytest.mark.parametrize(
    ("outcome", "verdict"),
    [
        (Outcome.APPROVE, Verdict.APPROVED),
        (Outcome.QUARANTINE, Verdict.QUARANTINED),
        (Outcome.REJECT, Verdict.REJECTED),
    ],
)
def test_one_mapping_between_outcomes_and_verdicts(outcome: Outcome, verdict: Verdict) -> None:
    assert VERDICT_OF_OUTCOME[outcome] is verdict
    assert outcome_of_verdict(verdict) is outcome
