"""Which replays and releases open an incident: an approval in the event's history, a new decision that
names personal data and does not approve, and no incident that lists that approval already."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from gate.core.record import encode_json
from gate.replay.breach import affected_by, already_listed, incident_for, last_approval
from gate.replay.history import StoredDecision, StoredRecord, parse_decision
from gate.replay.job import Step

AT = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)
OUTPUT = {"sha256": "b" * 64, "store": "file:///store/synthetic/bb.jpg"}


def _decision(verdict: str, offset: int, *, entity: str | None = None, output: bool = True) -> StoredDecision:
    reasons = [{"code": "params.personal_data", "outcome": "quarantine", "entity": entity, "path": "/p/x"}]
    doc: dict[str, Any] = {
        "event_id": "e1",
        "verdict": verdict,
        "reasons": reasons if entity else [],
        "policy": {"version": "v1", "sha256": "a" * 64},
        "asset": {"sha256": "a" * 64, **({"output": OUTPUT} if output else {})},
    }
    topic = {"approved": "ok", "quarantined": "q", "rejected": "no"}[verdict]
    parsed = parse_decision(StoredRecord(topic, 0, offset, b"e1", encode_json(doc), (), 1))
    assert parsed is not None
    return parsed


def _step(old: StoredDecision, new: StoredDecision) -> Step:
    value = new.record.value or b""
    return Step(old, new.verdict, new.reason_codes, ((new.record.topic, b"e1", value, ()),))


@pytest.mark.parametrize(
    ("history", "new", "affected"),
    [
        # approved, then a new decision with personal data that takes it down: affected
        (["approved"], ("quarantined", "EMAIL_ADDRESS"), True),
        (["approved"], ("rejected", "EMAIL_ADDRESS"), True),
        (["approved", "quarantined"], ("quarantined", "EMAIL_ADDRESS"), True),
        # never approved: nothing was published
        (["quarantined"], ("quarantined", "EMAIL_ADDRESS"), False),
        (["quarantined"], ("rejected", "EMAIL_ADDRESS"), False),
        # no personal data named, or the new decision approves again
        (["approved"], ("quarantined", None), False),
        (["approved"], ("approved", "EMAIL_ADDRESS"), False),
    ],
)
def test_an_image_is_affected_only_when_it_was_published_and_now_carries_personal_data(
    history: list[str], new: tuple[str, str | None], affected: bool
) -> None:
    decisions = [_decision(v, offset) for offset, v in enumerate(history)]
    decided = _decision(new[0], 99, entity=new[1])
    image = affected_by(decisions, _step(decisions[-1], decided))
    assert (image is not None) is affected
    if image is not None:  # what was published is the approval's output, whatever came after it
        assert image.approval["topic"] == "ok" and image.approval["offset"] == 0
        assert (image.sha256, image.location) == (OUTPUT["sha256"], OUTPUT["store"])
        assert image.entities == ("EMAIL_ADDRESS",) and image.new_verdict == new[0]


def test_the_latest_approval_is_the_one_superseded() -> None:
    history = [_decision("approved", 0), _decision("quarantined", 1), _decision("approved", 2)]
    assert last_approval(history) is history[2]
    assert last_approval(history[1:2]) is None and last_approval([]) is None


def test_an_approval_an_incident_lists_already_opens_no_second_one() -> None:
    decisions = [_decision("approved", 7)]
    image = affected_by(decisions, _step(decisions[0], _decision("quarantined", 9, entity="PHONE_NUMBER")))
    assert image is not None
    incident = incident_for([image], aware_at=AT, contact="dpo@shop.example", found_by="test")
    assert incident is not None and incident["deadline"] == "2026-12-08T03:00:00Z"
    assert already_listed(image, [incident])
    other_offset = {
        **incident,
        "takedown": [{**incident["takedown"][0], "supersedes": {"topic": "ok", "partition": 0, "offset": 8}}],
    }
    other_event = {**incident, "takedown": [{**incident["takedown"][0], "event_id": "e2"}]}
    assert not already_listed(image, [other_offset, other_event]) and not already_listed(image, [])
    assert incident_for([], aware_at=AT, contact="x", found_by="test") is None
