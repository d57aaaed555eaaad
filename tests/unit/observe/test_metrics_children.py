"""`event_decided` keeps the labelled children it updates: the same counts and labels as looking each up."""

from __future__ import annotations

import pytest

from gate.observe import metrics as metrics_module
from gate.observe.metrics import GateMetrics, PrometheusObserver


def _decide(observer: PrometheusObserver, source: str, check: str = "provenance") -> None:
    observer.event_decided(
        verdict="quarantined",
        source=source,
        reason_codes=("pii.email", "pii.email"),
        latency_s=0.01,
        check_seconds={check: 0.002, "store": 0.001},
        entity_types=("EMAIL_ADDRESS",),
    )


def _value(metrics: GateMetrics, name: str, **labels: str) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


@pytest.mark.parametrize("cache_size", [4096, 1, 0])
def test_repeated_events_count_under_their_sanitised_labels(
    monkeypatch: pytest.MonkeyPatch, cache_size: int
) -> None:
    monkeypatch.setattr(metrics_module, "_MAX_CACHED_CHILDREN", cache_size)  # full cache: looked up each time
    metrics = GateMetrics()
    observer = PrometheusObserver(metrics)
    for _ in range(3):
        _decide(observer, "jane.doe@example.com")  # not a label value: counted as "invalid"
        _decide(observer, "Shop-A", check="parameters")
    assert _value(metrics, "gate_events_total", verdict="quarantined", source="invalid") == 3
    assert _value(metrics, "gate_events_total", verdict="quarantined", source="shop-a") == 3
    assert _value(metrics, "gate_reasons_total", code="pii.email") == 6  # once per event
    assert _value(metrics, "gate_check_duration_seconds_count", check="provenance") == 3
    assert _value(metrics, "gate_check_duration_seconds_count", check="parameters") == 3
    assert _value(metrics, "gate_store_duration_seconds_count") == 6
    assert len(observer._children) <= cache_size
