"""Rescan batches: position, incident per job across batches, a failure stops the batch (unit, fakes for
the decision; the embedded-broker test is tests/integration/test_rescan_resume.py)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from gate.core.record import InboundRecord, RoutedRecord, encode_json
from gate.core.review import ReplayLineage
from gate.errors import GateError
from gate.model import Verdict
from gate.replay.history import StoredDecision, StoredRecord
from gate.replay.rescan import IncidentContext, batches, incident_for, rescan_batch

AT = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)


def _approval(n: int, partition: int = 0) -> StoredDecision:
    doc: dict[str, Any] = {
        "event_id": f"e{n}",
        "verdict": "approved",
        "reasons": [],
        "policy": {"version": "lax", "sha256": "a" * 64},
        "input": {"topic": "ingest", "partition": 0, "offset": n, "raw": ""},
        "asset": {"sha256": f"{n:064x}", "output": {"sha256": f"{n + 100:064x}", "store": f"file:///s/{n}"}},
    }
    return StoredDecision(
        StoredRecord("approved", partition, 10 + n, f"e{n}".encode(), encode_json(doc), (), 0), doc
    )


def _decide(planted: set[str], broken: set[str] = frozenset()) -> Any:  # type: ignore[assignment]
    def decide(original: InboundRecord, lineage: ReplayLineage) -> RoutedRecord:
        event_id = (original.key or b"").decode()
        if event_id in broken:
            raise GateError(f"original event ingest/0/{original.offset} is gone")
        found = event_id in planted
        reasons = [
            {"code": "params.personal_data", "entity": "EMAIL_ADDRESS", "path": "/generation/parameters/x"}
        ]
        doc = {
            "event_id": event_id,
            "verdict": "quarantined" if found else "approved",
            "reasons": reasons if found else [],
        }
        verdict = Verdict.QUARANTINED if found else Verdict.APPROVED
        return RoutedRecord(verdict, original.key or b"", encode_json(doc), (), (), "s", audit=b"{}")

    return decide


def _context(clock: list[datetime]) -> IncidentContext:
    return IncidentContext("job-1", lambda: clock[0], "dpo@example.test")


def _run(
    decisions: list[StoredDecision],
    planted: set[str],
    incident: dict[str, Any] | None,
    clock: list[datetime],
    broken: set[str] = frozenset(),
) -> Any:  # type: ignore[assignment]
    return rescan_batch(
        decisions,
        lambda d: InboundRecord("ingest", 0, int(d.doc["input"]["offset"]), d.event_id.encode(), b"x"),
        _decide(planted, broken),
        lambda v: {"approved": "approved", "quarantined": "quarantine", "rejected": "rejected"}[v],
        audit_topic="audit",
        incident=lambda: incident,
        context=_context(clock),
    )


def test_batches_cut_in_order() -> None:
    assert [list(b) for b in batches([1, 2, 3, 4, 5], 2)] == [[1, 2], [3, 4], [5]]
    assert [list(b) for b in batches([1, 2], 0)] == [[1], [2]]
    assert list(batches([], 3)) == []


def test_one_incident_spans_the_jobs_batches() -> None:
    clock = [AT]
    first = _run([_approval(1), _approval(2)], {"e2"}, None, clock)
    assert first.positions == {("approved", 0): 13}
    assert [w[0] for w in first.writes] == ["approved", "audit", "quarantine", "audit"]
    opened = first.incident
    assert opened is not None and opened["update"] == 0 and opened["job"] == "job-1"
    assert opened["aware_at"] == "2026-12-05T03:00:00Z" and [t["event_id"] for t in opened["takedown"]] == [
        "e2"
    ]
    assert opened["takedown"][0]["sha256"] == f"{102:064x}"  # the published (gate's output) bytes
    clock[0] = AT + timedelta(minutes=5)
    second = _run([_approval(3), _approval(4)], {"e4"}, opened, clock)
    grown = second.incident
    assert grown is not None and grown["incident_id"] == opened["incident_id"] and grown["update"] == 1
    assert grown["aware_at"] == opened["aware_at"]  # the clock started with the first finding
    assert [t["event_id"] for t in grown["takedown"]] == ["e2", "e4"] and grown["records"] == 2
    clean = _run([_approval(5)], set(), grown, clock)
    assert clean.incident is None and clean.positions == {("approved", 0): 16}


def test_a_resumed_batch_lists_no_image_twice() -> None:
    clock = [AT]
    opened = _run([_approval(1)], {"e1"}, None, clock).incident
    again = _run([_approval(1), _approval(2)], {"e1"}, opened, clock)  # e1 was listed by a leaked record
    assert again.incident is None


def test_a_closed_incident_makes_new_findings_a_new_incident() -> None:
    from gate.core.incident import phased_update  # noqa: PLC0415

    clock = [AT]
    opened = _run([_approval(1)], {"e1"}, None, clock).incident
    assert opened is not None
    closed = phased_update(opened, at=AT, note="not a risk: test images", status="closed")
    fresh = incident_for(closed, [], _context(clock))
    assert fresh is None
    new = _run([_approval(2)], {"e2"}, closed, clock).incident
    assert new is not None and new["incident_id"] != opened["incident_id"] and new["update"] == 0


def test_a_failure_stops_the_batch_before_the_event() -> None:
    clock = [AT]
    outcome = _run([_approval(1), _approval(2), _approval(3)], {"e1"}, None, clock, broken={"e2"})
    assert [s.decision.event_id for s in outcome.steps] == ["e1"]
    assert outcome.positions == {("approved", 0): 12}  # e2 and e3 stay to do
    assert outcome.failed == ("e2", "original event ingest/0/2 is gone")
    assert outcome.incident is not None and outcome.incident["records"] == 1


def test_positions_per_partition() -> None:
    clock = [AT]
    outcome = _run([_approval(1, 0), _approval(2, 1), _approval(3, 1)], set(), None, clock)
    assert outcome.positions == {("approved", 0): 12, ("approved", 1): 14}
    assert json.loads(outcome.writes[0][2])["event_id"] == "e1"


def test_the_jobs_incident_is_read_only_when_a_batch_found_something() -> None:
    asked: list[int] = []

    def incident() -> dict[str, Any] | None:
        asked.append(1)
        return None

    def run(planted: set[str]) -> Any:
        return rescan_batch(
            [_approval(1), _approval(2)],
            lambda d: InboundRecord("ingest", 0, int(d.doc["input"]["offset"]), d.event_id.encode(), b"x"),
            _decide(planted),
            lambda v: v,
            audit_topic="audit",
            incident=incident,
            context=_context([AT]),
        )

    assert run(set()).incident is None and asked == []
    assert run({"e1"}).incident is not None and asked == [1]
