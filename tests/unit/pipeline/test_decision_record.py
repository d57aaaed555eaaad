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
from gate.core.review import ReplayLineage, Review, release_refusal
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


def test_a_replayed_event_keeps_its_origin_and_carries_lineage(gate: Pipeline) -> None:
    earlier = {"topic": "images.quarantine", "partition": 1, "offset": 99, "verdict": "quarantined"}
    lineage = ReplayLineage(job="drain-1", count=2, supersedes=earlier)
    record = replayed_record(_outcome(gate, INLINE), original=INBOUND, lineage=lineage)
    doc = _valid(record)
    assert doc["input"] == {"topic": "images.ingest", "partition": 2, "offset": 17}
    assert doc["replay"] == {"job": "drain-1", "count": 2, "supersedes": earlier}
    fresh = decided_record(_outcome(gate, INLINE), inbound=INBOUND).document
    assert {k: v for k, v in doc.items() if k != "replay"} == fresh


REVIEW = Review(reviewer="reviewer 7", note="brand asset, accepted risk", at="2026-12-05T01:00:00Z")


@pytest.mark.parametrize("to", [Verdict.APPROVED, Verdict.REJECTED])
def test_a_reviewer_releases_a_quarantine_with_an_audit_trail(to: Verdict) -> None:
    quarantined = failure_record(INBOUND, FailureCode.TIMEOUT, PolicyRef("2026.1", "c" * 64))
    released = released_record(quarantined.document, to=to, review=REVIEW, key=quarantined.key)
    doc = _valid(released)
    assert doc["verdict"] == to.value and released.key == quarantined.key
    assert [r["code"] for r in doc["reasons"]] == ["gate.timeout", "review.released"]  # type: ignore[attr-defined]
    assert doc["input"] == quarantined.document["input"] and doc["policy"] == quarantined.document["policy"]
    assert doc["review"] == {  # who, when, why, and what the gate had decided under which policy
        **REVIEW.as_dict(),
        "overruled": {"verdict": "quarantined", "policy": {"version": "2026.1", "sha256": "c" * 64}},
    }


@pytest.mark.parametrize(
    ("codes", "to", "refused"),
    [
        (["gate.timeout"], Verdict.APPROVED, False),
        (["privacy.pii"], Verdict.APPROVED, False),
        (["provenance.invalid"], Verdict.APPROVED, True),
        (["event.invalid"], Verdict.APPROVED, True),
        (["asset.hash_mismatch"], Verdict.APPROVED, True),
        (["image.undecodable"], Verdict.APPROVED, True),
        (["privacy.pii", "image.too_large"], Verdict.APPROVED, True),
        (["imagery.other"], Verdict.APPROVED, False),  # a neighbour of image.*, not in it
        (["provenance.invalid"], Verdict.REJECTED, False),
        (["image.undecodable"], Verdict.REJECTED, False),
        (["gate.timeout"], Verdict.QUARANTINED, True),
    ],
)
def test_release_refusals(codes: list[str], to: Verdict, refused: bool) -> None:
    doc = {"verdict": "quarantined", "reasons": [{"code": c} for c in codes]}
    assert (release_refusal(doc, to) is not None) is refused


@pytest.mark.parametrize(
    ("provenance", "synthetic", "can_sign", "refused"),
    [
        # A synthetic image without a manifest: the gate attaches one when it can sign, else refuses.
        ({"state": "absent", "ai_generated": False}, True, True, None),
        ({"state": "absent", "ai_generated": False}, True, False, "no signer is configured"),
        (None, True, False, "no signer is configured"),  # a failure record: nothing known of the manifest
        (None, True, True, None),
        # Another signer's manifest, not trusted: the gate does not replace it, signer or not.
        ({"state": "untrusted", "ai_generated": True}, True, True, "does not trust (untrusted)"),
        ({"state": "untrusted", "ai_generated": True}, None, True, "does not trust (untrusted)"),
        ({"state": "unreadable", "ai_generated": False}, True, True, "does not trust (unreadable)"),
        # Trusted, or not synthetic at all: nothing to attach.
        ({"state": "trusted", "ai_generated": True}, True, False, None),
        ({"state": "absent", "ai_generated": False}, False, False, None),
        ({"state": "absent", "ai_generated": False}, None, False, None),
        ({"state": "untrusted", "ai_generated": False}, False, False, None),
    ],
)
def test_approving_a_synthetic_image_needs_a_trusted_manifest(
    provenance: dict[str, object] | None, synthetic: bool | None, can_sign: bool, refused: str | None
) -> None:
    doc = {"verdict": "quarantined", "reasons": [], "provenance": provenance}
    why = release_refusal(doc, Verdict.APPROVED, synthetic=synthetic, can_sign=can_sign)
    assert (why is None) if refused is None else (why is not None and refused in why)
    assert release_refusal(doc, Verdict.REJECTED, synthetic=synthetic, can_sign=can_sign) is None


def test_a_rejection_or_approval_is_never_released() -> None:
    for verdict in (Verdict.REJECTED, Verdict.APPROVED):
        decided = failure_record(INBOUND, "event.unparseable", PolicyRef("v", "c" * 64), verdict=verdict)
        with pytest.raises(ValueError, match="only a quarantined decision"):
            released_record(decided.document, to=Verdict.REJECTED, review=REVIEW, key=decided.key)


def test_every_record_carries_origin_headers(gate: Pipeline) -> None:
    policy = PolicyRef("2026.1", "c" * 64)
    decided = decided_record(_outcome(gate, INLINE), inbound=INBOUND)
    for record in (
        decided,
        failure_record(INBOUND, FailureCode.ERROR, policy),
        oversized_record(INBOUND, decided, policy),
    ):
        read = read_headers(record.headers)
        assert read.origin == ("images.ingest", 2, 17)
        assert read.event_id == record.document["event_id"]
    bare = decided_record(_outcome(gate, INLINE))  # `gate check`: no input, so no origin
    assert read_headers(bare.headers).origin is None
    assert read_headers(bare.headers).event_id == "evt-record-1"


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
