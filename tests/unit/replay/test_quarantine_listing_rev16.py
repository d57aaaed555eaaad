"""A reviewer's filters and counts in `gate quarantine ls|stats` (usersrev16).

Before: `--entity email_address` or `--reason PARAMS.*` matched nothing (the gate's names are EMAIL_ADDRESS
and params.*), and the empty table read as an empty quarantine; `--limit 2` titled its table "quarantine: 2
event(s)" over a quarantine of eight. The reading of the topics is replaced by the histories it would return;
the CLI is the real parser and handlers.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.cli import quarantine
from gate.cli.main import main
from gate.core.record import encode_json
from gate.replay.history import Filters, StoredRecord, collect, in_quarantine

T0 = 1_764_900_000_000


def _record(event_id: str, code: str, entity: str | None, source: str, offset: int) -> StoredRecord:
    reason = {"code": code, "outcome": "quarantine", **({"entity": entity} if entity else {})}
    doc: dict[str, Any] = {
        "event_id": event_id,
        "verdict": "quarantined",
        "reasons": [reason],
        "source": source,
        "policy": {"version": "v1", "sha256": "a" * 64},
        "input": {"topic": "ingest", "partition": 0, "offset": offset},
    }
    return StoredRecord("q", 0, offset, event_id.encode(), encode_json(doc), (), T0 + offset)


RECORDS = [
    _record("e1", "params.personal_data", "EMAIL_ADDRESS", "studio", 1),
    _record("e2", "metadata.personal_data", "PHONE_NUMBER", "studio", 2),
    _record("e3", "provenance.missing", None, "Vendor-X", 3),
]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(entities=("email_address",)), ["e1"]),
        (Filters(entities=("Email_Address",)), ["e1"]),
        (Filters(entities=("EMAIL_ADDRESS",)), ["e1"]),
        (Filters(entities=("EMAIL",)), []),  # a type the gate does not name: still nothing
        (Filters(reasons=("PARAMS.*",)), ["e1"]),
        (Filters(reasons=("Metadata.Personal_Data",)), ["e2"]),
        (Filters(reasons=("params",)), []),  # not a prefix without its '*'
        (Filters(sources=("Vendor-X",)), ["e3"]),
        (Filters(sources=("vendor-x",)), []),  # a source is the producer's own string, matched as written
    ],
)
def test_the_gates_own_names_match_whatever_their_case(filters: Filters, expected: list[str]) -> None:
    assert [d.event_id for d in in_quarantine(collect(RECORDS), filters)] == expected


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quarantine, "reading_settings", lambda args: object())
    monkeypatch.setattr(quarantine, "read_histories", lambda settings, args, **_: collect(RECORDS))


@pytest.mark.usefixtures("cli")
def test_a_limited_listing_says_of_how_many(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quarantine", "ls", "--no-progress", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "quarantine: 3 event(s), the oldest 2 listed (--limit)" in out
    assert "e1" in out and "e2" in out and "e3" not in out


@pytest.mark.usefixtures("cli")
def test_a_filtered_listing_says_of_how_many(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quarantine", "ls", "--no-progress", "--entity", "phone_number"]) == 0
    captured = capsys.readouterr()
    assert "quarantine: 1 of 3 event(s) match" in captured.out and "e2" in captured.out
    assert captured.err == ""


@pytest.mark.usefixtures("cli")
def test_the_whole_quarantine_is_titled_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quarantine", "ls", "--no-progress"]) == 0
    assert "quarantine: 3 event(s)" in capsys.readouterr().out


@pytest.mark.usefixtures("cli")
@pytest.mark.parametrize("command", ["ls", "stats"])
def test_filters_that_leave_nothing_say_the_quarantine_is_not_empty(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quarantine", command, "--no-progress", "--source", "nobody@example.com"]) == 0
    err = capsys.readouterr().err
    assert "no quarantined event matches these filters; 3 event(s) are in quarantine" in err
    assert "gate quarantine stats" in err
    assert "nobody@example.com" not in err  # a filter value is not echoed


@pytest.mark.usefixtures("cli")
def test_json_stays_one_object_per_line_and_the_cut_is_said_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["quarantine", "ls", "--no-progress", "--json", "--limit", "1"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    assert "the oldest 1 of 3 event(s) listed (--limit)" in captured.err
