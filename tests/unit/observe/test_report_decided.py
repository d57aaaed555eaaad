"""`report_decided`: the one translation of a decided record into `Observer.event_decided`, used by the
streaming runner and by `gate serve`. Each field of the record reaches the observer unchanged; nothing else
(the key, the value, the headers, which may name the event) does."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from gate.core.record import RoutedRecord
from gate.model import Verdict
from gate.observe.metrics import GateMetrics, PrometheusObserver
from gate.observe.observer import NullObserver, report_decided


class Recording(NullObserver):
    """Keeps every `event_decided` call's arguments."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def event_decided(self, **fields: Any) -> None:  # keyword-only, as the Protocol says
        self.calls.append(fields)


def _record(
    verdict: Verdict,
    reasons: tuple[str, ...] = (),
    entities: tuple[str, ...] = (),
    checks: Mapping[str, float] | None = None,
    source: str = "studio",
) -> RoutedRecord:
    return RoutedRecord(
        verdict=verdict,
        key=b"jane.doe@example.com",  # an event id that holds personal data: must not reach the observer
        value=b'{"event_id": "jane.doe@example.com"}',
        headers=(("gate-event-id", b"jane.doe@example.com"),),
        reason_codes=reasons,
        source=source,
        check_seconds=checks if checks is not None else {},
        entity_types=entities,
    )


@pytest.mark.parametrize(
    ("record", "latency", "expected"),
    [
        (
            _record(Verdict.APPROVED),
            0.01,
            {"verdict": "approved", "source": "studio", "reason_codes": (), "entity_types": ()},
        ),
        (
            _record(Verdict.QUARANTINED, ("params.personal_data",), ("EMAIL_ADDRESS",), {"params": 0.002}),
            0.25,
            {
                "verdict": "quarantined",
                "source": "studio",
                "reason_codes": ("params.personal_data",),
                "entity_types": ("EMAIL_ADDRESS",),
            },
        ),
        (
            _record(Verdict.REJECTED, ("event.invalid", "event.invalid"), source="magento-backfill"),
            0.0,
            {
                "verdict": "rejected",
                "source": "magento-backfill",
                "reason_codes": ("event.invalid", "event.invalid"),  # counted once by the observer
                "entity_types": (),
            },
        ),
    ],
)
def test_each_field_of_the_record_reaches_the_observer(
    record: RoutedRecord, latency: float, expected: dict[str, Any]
) -> None:
    observer = Recording()
    report_decided(observer, record, latency)
    (call,) = observer.calls
    assert {k: tuple(v) if k in ("reason_codes", "entity_types") else v for k, v in call.items()} == {
        **expected,
        "latency_s": latency,
        "check_seconds": record.check_seconds,
    }
    assert "jane" not in repr(call)  # the key, value and headers are not the observer's


def test_a_decided_record_is_counted_by_the_prometheus_observer() -> None:
    metrics = GateMetrics(max_sources=5)
    record = _record(Verdict.QUARANTINED, ("params.personal_data",), ("EMAIL_ADDRESS",), {"params": 0.002})
    report_decided(PrometheusObserver(metrics), record, 0.03)
    sample = metrics.registry.get_sample_value
    assert sample("gate_events_total", {"verdict": "quarantined", "source": "studio"}) == 1
    assert sample("gate_reasons_total", {"code": "params.personal_data"}) == 1
    assert sample("gate_entities_total", {"entity": "EMAIL_ADDRESS"}) == 1
    assert sample("gate_event_duration_seconds_count", {}) == 1
