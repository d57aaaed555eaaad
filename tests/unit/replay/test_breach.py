"""Which replays and releases open an incident: an approval in the event's history, a new decision that
names personal data and does not approve, and no incident that lists that approval already; and a replay
job's one incident, opened by its first finding and grown by its later batches and resumed runs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from gate.core.incident import AffectedImage
from gate.core.record import encode_json
from gate.replay.breach import affected_by, already_listed, incident_for, job_incident_record, last_approval
from gate.replay.history import StoredDecision, StoredRecord, parse_decision
from gate.replay.job import Step
from gate.replay.rescan import IncidentContext

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


def _image(event_id: str, offset: int, entity: str = "EMAIL_ADDRESS") -> AffectedImage:
    return AffectedImage(
        event_id=event_id,
        sha256=f"{offset:064x}",
        location=f"file:///store/synthetic/{offset}.jpg",
        entities=(entity,),
        pointers=("/generation/parameters/notify",),
        approval={"topic": "ok", "partition": 0, "offset": offset, "policy": {"version": "lax"}},
        new_verdict="quarantined",
    )


def _job(job: str, clock: list[datetime]) -> IncidentContext:
    return IncidentContext(job, lambda: clock[0], "dpo@shop.example", command="gate replay")


def test_a_replay_job_keeps_one_incident_across_its_batches_and_a_resumed_run() -> None:
    clock = [AT]
    first = job_incident_record([], [_image("a", 1), _image("b", 2)], _job("tighten-1", clock))
    assert first is not None and first["update"] == 0 and first["job"] == "tighten-1"
    assert first["found_by"] == "gate replay (job tighten-1)" and first["records"] == 2
    clock[0] = AT + timedelta(minutes=3)
    # The next batch of the same run, and then a resumed run reading the topic: the same incident grows.
    second = job_incident_record([first], [_image("c", 3, "PHONE_NUMBER")], _job("tighten-1", clock))
    assert second is not None and second["incident_id"] == first["incident_id"] and second["update"] == 1
    assert second["aware_at"] == first["aware_at"] == "2026-12-05T03:00:00Z"  # the first finding's
    assert second["entities"] == ["EMAIL_ADDRESS", "PHONE_NUMBER"] and second["records"] == 3
    resumed = job_incident_record([second], [_image("d", 4)], _job("tighten-1", clock))
    assert resumed is not None and resumed["incident_id"] == first["incident_id"] and resumed["update"] == 2
    assert [t["event_id"] for t in resumed["takedown"]] == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    ("listed", "affected", "outcome"),
    [
        # nothing found: nothing to write
        ([], [], None),
        # an image the job's incident lists already (a record leaked by a crash): nothing new
        (["a"], ["a"], None),
        # one new, one listed: an update with the new one only
        (["a"], ["a", "b"], "update"),
    ],
)
def test_what_a_batch_writes_for_the_jobs_incident(
    listed: list[str], affected: list[str], outcome: str | None
) -> None:
    clock = [AT]
    current = [job_incident_record([], [_image(e, n) for n, e in enumerate(listed)], _job("j", clock))]
    incidents = [doc for doc in current if doc is not None]
    record = job_incident_record(
        incidents, [_image(e, 10 + n) for n, e in enumerate(affected)], _job("j", clock)
    )
    if outcome is None:
        assert record is None
    else:
        assert record is not None and record["update"] == 1
        assert [t["event_id"] for t in record["takedown"]] == ["a", "b"]


def test_another_jobs_or_a_closed_incident_is_not_continued() -> None:
    from gate.core.incident import phased_update  # noqa: PLC0415

    clock = [AT]
    other = job_incident_record([], [_image("a", 1)], _job("other-job", clock))
    release = incident_for([_image("r", 5)], aware_at=AT, contact="dpo", found_by="a reviewer's release")
    assert other is not None and release is not None and "job" not in release
    fresh = job_incident_record([other, release], [_image("b", 2)], _job("mine", clock))
    assert fresh is not None and fresh["update"] == 0
    assert fresh["incident_id"] not in {other["incident_id"], release["incident_id"]}
    closed = phased_update(fresh, at=AT, note="not a risk: test images", status="closed")
    after_close = job_incident_record([other, closed], [_image("c", 3)], _job("mine", clock))
    assert after_close is not None and after_close["update"] == 0
    assert after_close["incident_id"] != fresh["incident_id"]
