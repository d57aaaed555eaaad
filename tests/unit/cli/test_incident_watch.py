"""The incident watcher of `gate run`: only open incidents count for the gauges; a notified or closed one
(its latest record) does not. The incidents topic is faked here (logic only); the embedded-broker test
closes a real incident under a running gate (tests/integration/test_rescan_incident.py)."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from gate.cli import incident_watch
from gate.core.incident import AffectedImage, encode, open_incident, phased_update
from gate.observe.metrics import GateMetrics
from gate.replay.history import StoredRecord
from gate.settings import GateSettings

AWARE = datetime(2026, 12, 5, 0, 0, tzinfo=UTC)


def _records(statuses: dict[str, tuple[int, str]]) -> list[StoredRecord]:
    """Every record of each incident (the opening one, then its update when not open), in topic order."""
    out = []
    image = AffectedImage("e", "a" * 64, None, ("EMAIL_ADDRESS",), ("/p",), {}, "quarantined")
    for offset, (incident_id, (hours, status)) in enumerate(statuses.items()):
        doc = open_incident(
            [image],
            aware_at=AWARE + timedelta(hours=hours),
            contact="c",
            found_by="t",
            incident_id=incident_id,
        )
        out.append(StoredRecord("inc", 0, 2 * offset, incident_id.encode(), encode(doc), (), 0))
        if status != "open":
            update = phased_update(doc, at=AWARE + timedelta(hours=hours + 1), note="n", status=status)
            out.append(StoredRecord("inc", 0, 2 * offset + 1, incident_id.encode(), encode(update), (), 0))
    return out


@pytest.mark.parametrize(
    ("statuses", "open_count", "earliest_hours"),
    [
        ({}, 0, None),
        ({"a": (0, "open")}, 1, 0),
        ({"a": (0, "closed")}, 0, None),
        ({"a": (0, "notified"), "b": (5, "open")}, 1, 5),
        ({"a": (0, "open"), "b": (5, "open")}, 2, 0),
        ({"a": (0, "closed"), "b": (5, "notified")}, 0, None),
    ],
)
def test_only_open_incidents_set_the_gauges(
    monkeypatch: pytest.MonkeyPatch,
    statuses: dict[str, tuple[int, str]],
    open_count: int,
    earliest_hours: int | None,
) -> None:
    monkeypatch.setattr("gate.replay.read.read_topics", lambda *a, **k: _records(statuses))
    metrics = GateMetrics()
    incident_watch.refresh(GateSettings(bootstrap_servers="127.0.0.1:1"), metrics)
    sample = metrics.registry.get_sample_value
    assert sample("gate_incidents_open") == open_count
    deadline = sample("gate_incident_earliest_deadline_timestamp_seconds")
    if earliest_hours is None:
        assert deadline == math.inf
    else:
        assert deadline == (AWARE + timedelta(hours=72 + earliest_hours)).timestamp()


def test_a_failed_read_keeps_the_last_values(monkeypatch: pytest.MonkeyPatch) -> None:
    metrics = GateMetrics()
    monkeypatch.setattr("gate.replay.read.read_topics", lambda *a, **k: _records({"a": (0, "open")}))
    incident_watch.refresh(GateSettings(bootstrap_servers="127.0.0.1:1"), metrics)

    def broken(*args: Any, **kwargs: Any) -> list[StoredRecord]:
        raise RuntimeError("broker gone")

    monkeypatch.setattr("gate.replay.read.read_topics", broken)
    incident_watch.refresh(GateSettings(bootstrap_servers="127.0.0.1:1"), metrics)
    assert metrics.registry.get_sample_value("gate_incidents_open") == 1
