"""Decision histories and replay selection: which decision is current, filters, loop guard, --force."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from gate.core.record import InboundRecord, encode_json, lineage_headers, read_lineage
from gate.replay.history import Filters, StoredRecord, collect, in_quarantine, parse_decision, stats
from gate.replay.job import ReplayRequest, Summary, UnknownEvent, lineage_of, pending, select

T0 = 1_764_900_000_000  # 2025-12-05T02:00:00Z in ms


def _record(
    event_id: str,
    verdict: str = "quarantined",
    *,
    topic: str = "q",
    offset: int = 0,
    ts: int = T0,
    codes: tuple[str, ...] = ("provenance.missing",),
    entity: str | None = None,
    source: str = "cam",
    replay: dict[str, Any] | None = None,
    review: bool = False,
) -> StoredRecord:
    reasons = [{"code": c, "outcome": "quarantine", **({"entity": entity} if entity else {})} for c in codes]
    doc: dict[str, Any] = {
        "event_id": event_id,
        "verdict": verdict,
        "reasons": reasons,
        "source": source,
        "policy": {"version": "v1", "sha256": "a" * 64},
        "input": {"topic": "ingest", "partition": 0, "offset": offset},
    }
    if replay:
        doc["replay"] = replay
    if review:
        doc["review"] = {"reviewer": "r", "note": "n", "at": "x", "overruled": {}}
    return StoredRecord(topic, 0, offset, event_id.encode(), encode_json(doc), (), ts)


def test_a_replay_supersedes_what_it_names_even_with_an_older_timestamp() -> None:
    original = _record("e1", ts=T0 + 10)
    replayed = _record("e1", "approved", topic="a", ts=T0, replay={"job": "j", "count": 1, "supersedes": {}})
    histories = collect([replayed, original])
    current = histories.current("e1")
    assert current is not None and current.verdict == "approved"
    assert [d.verdict for d in histories.by_event["e1"]] == ["quarantined", "approved"]


def test_a_release_supersedes_the_quarantine() -> None:
    histories = collect([_record("e1", "approved", topic="a", review=True), _record("e1", ts=T0 + 5)])
    assert histories.current("e1").verdict == "approved"  # type: ignore[union-attr]


def test_records_that_are_not_decisions_are_counted_not_dropped() -> None:
    junk = StoredRecord("q", 0, 9, b"k", b"\xff not json")
    not_decision = StoredRecord("q", 0, 10, b"k", b'{"hello": 1}')
    histories = collect([junk, not_decision, _record("e1")])
    assert histories.unreadable == 2 and list(histories.by_event) == ["e1"]


def test_a_byte_identical_re_output_is_one_decision_and_a_different_one_is_kept() -> None:
    replay = {"job": "j", "count": 1, "supersedes": {}}
    first = _record("e1", "approved", topic="a", offset=3, ts=T0 + 1, replay=replay)
    copy = StoredRecord("a", 0, 7, first.key, first.value, first.headers, T0 + 2)  # re-output after a crash
    other = _record("e1", "approved", topic="a", offset=8, ts=T0 + 3, replay={**replay, "job": "k"})
    histories = collect([_record("e1"), copy, first, other])
    assert [d.record.offset for d in histories.by_event["e1"]] == [0, 3, 8]
    assert histories.duplicates == 1


def test_the_event_id_header_names_a_record_without_one() -> None:
    record = StoredRecord(
        "q", 0, 1, None, b'{"verdict": "quarantined", "reasons": []}', (("gate-event-id", b"e9"),)
    )
    assert parse_decision(record).event_id == "e9"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["e1", "e2", "e3"]),
        (Filters(reasons=("params.personal_data",)), ["e2"]),
        (Filters(reasons=("params.*",)), ["e2"]),
        (Filters(reasons=("param",)), []),  # no prefix match without *
        (Filters(entities=("EMAIL_ADDRESS",)), ["e2"]),
        (Filters(sources=("scan",)), ["e3"]),
        (Filters(since=datetime.fromtimestamp((T0 + 1000) / 1000, tz=UTC)), ["e3"]),
        (Filters(until=datetime.fromtimestamp((T0 + 1000) / 1000, tz=UTC)), ["e1", "e2"]),
    ],
)
def test_filters(filters: Filters, expected: list[str]) -> None:
    histories = collect(
        [
            _record("e1", offset=1),
            _record("e2", offset=2, codes=("params.personal_data",), entity="EMAIL_ADDRESS"),
            _record("e3", offset=3, ts=T0 + 2000, source="scan"),
            _record("e4", "approved", topic="a", offset=4),  # not in quarantine
        ]
    )
    assert [d.event_id for d in in_quarantine(histories, filters)] == expected


def test_stats_count_reasons_entities_sources_and_policies() -> None:
    histories = collect(
        [_record("e1"), _record("e2", codes=("params.personal_data",), entity="PHONE_NUMBER")]
    )
    counts = stats(in_quarantine(histories, Filters()))
    assert counts["total"] == {"events": 2}
    assert counts["reason"] == {"provenance.missing": 1, "params.personal_data": 1}
    assert counts["entity"] == {"PHONE_NUMBER": 1} and counts["policy"] == {"v1": 2}


def _replayed(count: int) -> StoredRecord:
    return _record(
        "e1", ts=T0 + count, offset=count, replay={"job": f"j{count}", "count": count, "supersedes": {}}
    )


@pytest.mark.parametrize(
    ("count", "max_replays", "chosen"),
    [(0, 3, True), (2, 3, True), (3, 3, False), (4, 3, False), (1, 1, False), (0, 1, True)],
)
def test_the_loop_guard(count: int, max_replays: int, chosen: bool) -> None:
    records = [_record("e1")] + ([_replayed(count)] if count else [])
    selection = select(collect(records), ReplayRequest(mode="reevaluate", job="j", max_replays=max_replays))
    assert bool(selection.chosen) is chosen
    assert bool(selection.refused) is not chosen
    if not chosen:
        assert "loop guard" in selection.refused[0][1]


@pytest.mark.parametrize(("force", "chosen"), [(False, False), (True, True)])
def test_an_event_not_in_quarantine_needs_force(force: bool, chosen: bool) -> None:
    histories = collect([_record("e1"), _record("e1", "approved", topic="a", ts=T0 + 1)])
    request = ReplayRequest(mode="reevaluate", job="j", event_ids=("e1",), force=force)
    selection = select(histories, request)
    assert bool(selection.chosen) is chosen
    if not chosen:
        assert "--force" in selection.refused[0][1]


def test_an_unknown_event_id_is_an_error() -> None:
    with pytest.raises(UnknownEvent, match="nope"):
        select(collect([_record("e1")]), ReplayRequest(mode="reevaluate", job="j", event_ids=("e1", "nope")))


def test_a_resumed_job_selects_what_it_selected_first() -> None:
    mine = _record("e1", "approved", topic="a", ts=T0 + 1, replay={"job": "j", "count": 1, "supersedes": {}})
    first = select(collect([_record("e1")]), ReplayRequest(mode="reevaluate", job="j"))
    resumed = select(collect([_record("e1"), mine], skip_job="j"), ReplayRequest(mode="reevaluate", job="j"))
    assert [d.record for d in resumed.chosen] == [d.record for d in first.chosen]


def test_the_committed_position_skips_what_is_done() -> None:
    histories = collect([_record(f"e{i}", offset=i) for i in range(5)])
    chosen = select(histories, ReplayRequest(mode="reevaluate", job="j")).chosen
    summary = Summary()
    todo = list(pending(chosen, {("q", 0): 3}, summary))
    assert [d.event_id for d in todo] == ["e3", "e4"] and summary.already_done == 3


def test_lineage_names_the_superseded_decision() -> None:
    decision = collect([_replayed(2)]).current("e1")
    assert decision is not None
    lineage = lineage_of(decision, "j9")
    assert (lineage.job, lineage.count) == ("j9", 3)
    assert lineage.supersedes["offset"] == 2 and lineage.supersedes["verdict"] == "quarantined"
    assert dict(lineage_headers(lineage)) == {
        "gate-replay-job": b"j9",
        "gate-replay-count": b"3",
        "gate-replay-supersedes": b"q/0/2",
    }


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ((), None),
        ((("gate-replay-job", b"j"),), None),  # no count
        ((("gate-replay-job", b"j"), ("gate-replay-count", b"x")), None),
        ((("gate-replay-job", b"j"), ("gate-replay-count", b"0")), None),
        ((("gate-replay-job", b"jane@example.com"), ("gate-replay-count", b"1")), None),  # not an id
        ((("gate-replay-job", b"j"), ("gate-replay-count", b"2")), ("j", 2, {})),
        (
            (("gate-replay-job", b"j"), ("gate-replay-count", b"2"), ("gate-replay-supersedes", b"a/b/3/4")),
            ("j", 2, {"topic": "a/b", "partition": 3, "offset": 4}),
        ),
    ],
)
def test_reinjected_lineage_is_read_back(headers: tuple[tuple[str, bytes], ...], expected: Any) -> None:
    lineage = read_lineage(InboundRecord("ingest", 0, 1, b"k", b"v", headers))
    got = None if lineage is None else (lineage.job, lineage.count, dict(lineage.supersedes))
    assert got == expected


def test_lineage_headers_round_trip() -> None:
    decision = collect([_replayed(1)]).current("e1")
    assert decision is not None
    lineage = lineage_of(decision, "j2")
    back = read_lineage(InboundRecord("ingest", 0, 1, b"k", b"v", lineage_headers(lineage)))
    assert back is not None and (back.job, back.count) == ("j2", 2)
    assert dict(back.supersedes) == {"topic": "q", "partition": 0, "offset": 1}
