"""Tampering with the audit trail, as an auditor tries it: `gate report` checks each audit record against
the decision record whose sha256 is its `decision_id`, and the audit reader tells two records of one
decision that differ.

Before rev15, on the embedded broker: an audit record re-written with `verdict: approved` under a
quarantined decision's id was silently dropped by the reader (the first record per id won), and a forged
record (a new decision id, an approved synthetic image of model "evil") was counted in the report as a
decision like any other. Neither was told.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from confluent_kafka import KafkaError

from gate.compliance.integrity import decisions_by_id, verify
from gate.compliance.inventory import Period
from gate.compliance.reader import _read
from gate.compliance.report import render_report, summarise
from gate.core.audit import AuditSubject, audit_record

DECISION = {
    "schema": "gate.decision/1",
    "event_id": "sku-1",
    "source": "studio",
    "verdict": "quarantined",
    "reasons": [
        {
            "code": "params.personal_data",
            "check": "parameters",
            "entity": "EMAIL_ADDRESS",
            "path": "/generation/parameters/prompt",
            "outcome": "quarantine",
            "rule": "pd",
        },
    ],
    "actions": [],
    "policy": {"version": "v1", "sha256": "a" * 64},
    "asset": {"sha256": "b" * 64, "media_type": "image/jpeg", "size": 10},
}
VALUE = json.dumps(DECISION, sort_keys=True).encode()
AT = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)


def _audit(decision: dict[str, Any] = DECISION, value: bytes = VALUE, **changes: Any) -> dict[str, Any]:
    record = audit_record(decision, value, AuditSubject(synthetic=False), gate_version="1", decided_at=AT)
    return {**record, **changes}


def _id() -> str:
    return str(_audit()["decision_id"])


@pytest.mark.parametrize(
    ("audit", "expected"),
    [
        (_audit(), "verified"),
        (_audit(verdict="approved"), "altered"),
        (_audit(reasons=[]), "altered"),
        (_audit(event_id="sku-2"), "altered"),
        (_audit(asset={**_audit()["asset"], "sha256": "c" * 64}), "altered"),
        (_audit(policy={"version": "v2", "sha256": "a" * 64}), "altered"),
        (_audit(actions=["metadata.stripped"]), "altered"),
        (_audit(decision_id="d" * 64), "unmatched"),  # forged, or its verdict record expired
        # what a redone transaction may change: not tampering
        (_audit(decided_at="2026-12-06T12:00:01.000Z", gate_version="2"), "verified"),
    ],
)
def test_each_audit_record_is_checked_against_its_decision_record(
    audit: dict[str, Any], expected: str
) -> None:
    found = verify([audit], decisions_by_id([VALUE, b"not json", None]))
    outcome = "verified" if found.verified else "altered" if found.altered else "unmatched"
    assert (found.checked, outcome) == (1, expected)


def test_a_decision_record_with_other_bytes_does_not_verify() -> None:
    # the same document re-serialised (another key order) has another sha256: not the record the gate wrote
    other = json.dumps(DECISION, sort_keys=False, indent=1).encode()
    assert verify([_audit()], decisions_by_id([other])).unmatched == (_id(),)


class _Message:
    def __init__(self, value: bytes | None, eof: bool = False) -> None:
        self._value, self._eof = value, eof

    def error(self) -> Any:
        return _Eof() if self._eof else None

    def value(self) -> bytes | None:
        return self._value

    def partition(self) -> int:
        return 0


class _Eof:
    def code(self) -> int:
        return KafkaError._PARTITION_EOF


class _Consumer:
    def __init__(self, values: list[bytes]) -> None:
        self.batches = [[_Message(v) for v in values] + [_Message(None, eof=True)]]

    def consume(self, n: int, timeout: float) -> list[_Message]:
        return self.batches.pop(0) if self.batches else []


def _read_all(*records: dict[str, Any]) -> Any:
    values = [json.dumps(r).encode() for r in records]
    return _read(_Consumer(values), {0}, expected=len(values), progress=None, timeout_s=5, quiet_s=0.01)


def test_the_reader_tells_two_audit_records_of_one_decision_that_differ() -> None:
    read = _read_all(_audit(), _audit(verdict="approved"))
    assert len(read.records) == 1 and read.conflicts == frozenset({_id()})
    found = verify(read.records, decisions_by_id([VALUE]), read.conflicts)
    assert found.altered == (_id(),) and found.verified == 0


def test_a_redone_transactions_repeat_is_no_conflict() -> None:
    read = _read_all(_audit(), _audit(decided_at="2026-12-06T12:00:02.000Z"), _audit())
    assert len(read.records) == 1 and read.conflicts == frozenset()


def test_the_report_shows_the_findings_by_decision_id_and_never_a_value() -> None:
    forged = _audit(decision_id="d" * 64, event_id="forged-1", verdict="approved")
    read = _read_all(_audit(), _audit(verdict="approved"), forged)
    integrity = verify(read.records, decisions_by_id([VALUE]), read.conflicts).as_dict()
    assert integrity == {
        "checked": 2,
        "verified": 0,
        "altered": 1,
        "unmatched": 1,
        "altered_ids": [_id()],
        "unmatched_ids": ["d" * 64],
    }
    period = Period()
    summary = {**summarise(read.records, period, AT), "integrity": integrity}
    html = render_report(summary, period, AT)
    assert 'data-metric="integrity-altered">1<' in html and 'data-metric="integrity-unmatched">1<' in html
    assert _id() in html and "d" * 64 in html
    assert "@" not in html.split("Audit trail integrity")[1]
