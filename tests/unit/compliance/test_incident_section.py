"""The report's incident section: which incidents are open, time left, urgency, and the HTML it draws."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from gate.compliance.incident_section import URGENCY_COLOURS, render_incidents, summarise_incidents, urgency
from gate.core.incident import AffectedImage, open_incident, phased_update

NOW = datetime(2026, 12, 5, 12, 0, 0, tzinfo=UTC)


def _incident(incident_id: str, hours_ago: float, status: str = "open") -> dict[str, object]:
    image = AffectedImage("e1", "a" * 64, None, ("EMAIL_ADDRESS",), ("/p",), {"offset": 1}, "quarantined")
    doc = open_incident(
        [image],
        aware_at=NOW - timedelta(hours=hours_ago),
        contact="c",
        found_by="gate rescan",
        incident_id=incident_id,
    )
    if status != "open":
        doc = phased_update(doc, at=NOW, note="told the authority", status=status)
    return doc


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (72 * 3600, "on time"),
        (24 * 3600 + 1, "on time"),
        (24 * 3600, "due within 24 hours"),
        (0, "due within 24 hours"),
        (-1, "deadline passed"),
    ],
)
def test_urgency(seconds: int, expected: str) -> None:
    assert urgency(seconds) == expected


def test_only_open_incidents_are_listed_soonest_first() -> None:
    docs = [
        _incident("inc-new", 1),
        _incident("inc-late", 80),
        _incident("inc-due", 60),
        _incident("inc-told", 70, "notified"),
        _incident("inc-done", 10, "closed"),
    ]
    summary = summarise_incidents(docs, NOW)
    assert [r["incident_id"] for r in summary["open"]] == ["inc-late", "inc-due", "inc-new"]
    assert [r["seconds_left"] for r in summary["open"]] == [-8 * 3600, 12 * 3600, 71 * 3600]
    assert [r["urgency"] for r in summary["open"]] == ["deadline passed", "due within 24 hours", "on time"]
    assert summary["notified"] == 1 and summary["closed"] == 1 and summary["as_of"] == "2026-12-05T12:00:00Z"


def test_the_section_draws_one_bar_and_one_row_per_open_incident() -> None:
    page = render_incidents(summarise_incidents([_incident("inc-a", 1), _incident("inc-b", 80)], NOW))
    assert re.search(r'data-metric="incidents-open">2<', page)
    bars = re.findall(r'fill="(#[0-9a-f]{6})" data-incident="([^"]+)" data-seconds-left="(-?\d+)"', page)
    assert bars == [
        (URGENCY_COLOURS["deadline passed"], "inc-b", str(-8 * 3600)),
        (URGENCY_COLOURS["on time"], "inc-a", str(71 * 3600)),
    ]
    assert "deadline passed 8h00m ago" in page and "71h00m left" in page
    assert len(re.findall(r"<tr data-incident=", page)) == 2


def test_no_open_incident_says_so() -> None:
    page = render_incidents(summarise_incidents([_incident("inc-x", 2, "closed")], NOW))
    assert 'data-chart="incident-deadlines" data-empty="true"' in page
    assert re.search(r'data-metric="incidents-closed">1<', page)
