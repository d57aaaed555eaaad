"""Store latency and store outages in the metrics bundle."""

from __future__ import annotations

from gate.observe.metrics import GateMetrics, PrometheusObserver


def test_store_time_feeds_the_store_histogram_not_the_check_histogram() -> None:
    metrics = GateMetrics()
    observer = PrometheusObserver(metrics)
    observer.event_decided(
        verdict="approved",
        source="studio",
        reason_codes=(),
        latency_s=0.5,
        check_seconds={"provenance": 0.01, "store": 0.2},
    )
    sample = metrics.registry.get_sample_value
    assert sample("gate_store_duration_seconds_count") == 1
    assert sample("gate_store_duration_seconds_sum") == 0.2
    assert sample("gate_check_duration_seconds_count", {"check": "provenance"}) == 1
    assert sample("gate_check_duration_seconds_count", {"check": "store"}) is None


def test_a_store_outage_counts_as_a_store_error_and_a_gate_error() -> None:
    metrics = GateMetrics()
    observer = PrometheusObserver(metrics)
    observer.error("store_unavailable")
    observer.error("kafka")
    sample = metrics.registry.get_sample_value
    assert sample("gate_store_errors_total") == 1
    assert sample("gate_errors_total", {"kind": "store_unavailable"}) == 1
