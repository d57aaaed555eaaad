"""PrometheusObserver -> metric values, read back through the bundle's own registry."""

from __future__ import annotations

import math

import pytest
from prometheus_client import generate_latest

from gate.observe.metrics import GateMetrics, PrometheusObserver, build_versions
from gate.observe.observer import Observer


@pytest.fixture
def metrics() -> GateMetrics:
    return GateMetrics(max_sources=5)


@pytest.fixture
def observer(metrics: GateMetrics) -> Observer:
    return PrometheusObserver(metrics)


def value(metrics: GateMetrics, name: str, **labels: str) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


def decide(observer: Observer, **overrides: object) -> None:
    kwargs: dict[str, object] = {
        "verdict": "quarantine",
        "source": "shop-a",
        "reason_codes": ["provenance.manifest_missing", "pii.email", "pii.email"],
        "latency_s": 0.004,
        "check_seconds": {"provenance": 0.002, "pii_scan": 0.0005},
    }
    kwargs.update(overrides)
    observer.event_decided(**kwargs)  # type: ignore[arg-type]


def test_bundles_are_independent() -> None:
    a, b = GateMetrics(), GateMetrics()
    PrometheusObserver(a).error("decode")
    assert value(a, "gate_errors_total", kind="decode") == 1
    assert value(b, "gate_errors_total", kind="decode") is None


def test_event_decided(metrics: GateMetrics, observer: Observer) -> None:
    decide(observer)
    decide(observer, verdict="allow", reason_codes=[], latency_s=0.2, check_seconds={"provenance": 0.001})
    assert value(metrics, "gate_events_total", verdict="quarantine", source="shop-a") == 1
    assert value(metrics, "gate_events_total", verdict="allow", source="shop-a") == 1
    # Counted once per event, even when the code is listed twice.
    assert value(metrics, "gate_reasons_total", code="pii.email") == 1
    assert value(metrics, "gate_reasons_total", code="provenance.manifest_missing") == 1
    assert value(metrics, "gate_event_duration_seconds_count") == 2
    assert value(metrics, "gate_event_duration_seconds_sum") == pytest.approx(0.204)
    assert value(metrics, "gate_event_duration_seconds_bucket", le="0.005") == 1
    assert value(metrics, "gate_check_duration_seconds_count", check="provenance") == 2
    assert value(metrics, "gate_check_duration_seconds_sum", check="provenance") == pytest.approx(0.003)
    assert value(metrics, "gate_check_duration_seconds_bucket", check="pii_scan", le="0.001") == 1


def test_event_labels_are_sanitised(metrics: GateMetrics, observer: Observer) -> None:
    decide(observer, verdict="Allow!", source="alice@example.com", reason_codes=["Free text"])
    assert value(metrics, "gate_events_total", verdict="invalid", source="invalid") == 1
    assert value(metrics, "gate_reasons_total", code="invalid_code") == 1


def test_runner_metrics(metrics: GateMetrics, observer: Observer) -> None:
    observer.batch_started(size=3, nbytes=150_000)
    observer.stage_finished("evaluate", 0.03)
    observer.transaction_finished("committed")
    observer.transaction_finished("aborted")
    observer.error("produce_failed")
    observer.inflight(7)
    observer.consumer_lag("images.ingest", 2, 40)
    observer.consumer_lag("images.ingest", 2, 12)
    assert value(metrics, "gate_batch_size_records_sum") == 3
    assert value(metrics, "gate_batch_size_records_bucket", le="5.0") == 1
    assert value(metrics, "gate_batch_size_bytes_sum") == 150_000
    assert value(metrics, "gate_batch_size_bytes_bucket", le="65536.0") == 0
    assert value(metrics, "gate_batch_size_bytes_bucket", le="262144.0") == 1
    assert value(metrics, "gate_stage_duration_seconds_count", stage="evaluate") == 1
    assert value(metrics, "gate_transactions_total", outcome="committed") == 1
    assert value(metrics, "gate_transactions_total", outcome="aborted") == 1
    assert value(metrics, "gate_errors_total", kind="produce_failed") == 1
    assert value(metrics, "gate_inflight_events") == 7
    assert value(metrics, "gate_consumer_lag_records", topic="images.ingest", partition="2") == 12


def test_policy_info_replaces_previous(metrics: GateMetrics) -> None:
    metrics.set_policy("2024.1", "a" * 64)
    metrics.set_policy("2024.2", "B" * 64)
    assert value(metrics, "gate_policy_info", version="2024.1", sha256="a" * 64) is None
    assert value(metrics, "gate_policy_info", version="2024.2", sha256="b" * 64) == 1


def test_build_info(metrics: GateMetrics) -> None:
    versions = build_versions(librdkafka="2.16.1")
    metrics.set_build_info(versions)
    assert versions["confluent_kafka"] != "unknown"  # installed in the venv
    assert value(metrics, "gate_build_info", **versions) == 1


def test_observer_never_raises(metrics: GateMetrics, observer: Observer) -> None:
    decide(observer, latency_s="not a number")
    observer.batch_started(size=None, nbytes=1)  # type: ignore[arg-type]
    assert value(metrics, "gate_errors_total", kind="observer") == 2


def test_lag_seconds_is_exported_per_partition(metrics: GateMetrics, observer: Observer) -> None:
    observer.partitions_taken({("images.ingest", 2): 1})  # 1 ms after the epoch: a very old record
    age = value(metrics, "gate_consumer_lag_seconds", topic="images.ingest", partition="2")
    assert age is not None and age > 1_000_000_000
    observer.partitions_decided([("images.ingest", 2)])
    assert value(metrics, "gate_consumer_lag_seconds", topic="images.ingest", partition="2") == 0
    observer.partitions_released([("images.ingest", 2)])
    assert value(metrics, "gate_consumer_lag_seconds", topic="images.ingest", partition="2") is None


def test_bad_topic_names_never_become_labels(metrics: GateMetrics, observer: Observer) -> None:
    observer.partitions_taken({("jane doe@example.com", 0): None})
    age = value(metrics, "gate_consumer_lag_seconds", topic="invalid", partition="0")
    assert age is not None and 0 <= age < 60
    assert "jane" not in generate_latest(metrics.registry).decode()


def test_last_commit_is_stamped_only_by_a_commit(metrics: GateMetrics, observer: Observer) -> None:
    metrics.last_commit.set(5)
    observer.transaction_finished("aborted")
    assert value(metrics, "gate_last_commit_timestamp_seconds") == 5
    observer.transaction_finished("committed")
    stamped = value(metrics, "gate_last_commit_timestamp_seconds")
    assert stamped is not None and stamped > 1_700_000_000


@pytest.mark.parametrize(
    ("kind", "cause"), [("worker_died", "died"), ("worker_timeout", "timeout"), ("processor_raised", None)]
)
def test_worker_restarts_by_cause(
    metrics: GateMetrics, observer: Observer, kind: str, cause: str | None
) -> None:
    observer.error(kind)
    for each in ("died", "timeout"):
        assert value(metrics, "gate_worker_restarts_total", cause=each) == (1 if each == cause else 0)
    assert value(metrics, "gate_errors_total", kind=kind) == 1


def test_identities_are_single_sha256_series(metrics: GateMetrics) -> None:
    metrics.set_trust_anchors("A" * 64)
    metrics.set_trust_anchors("b" * 64)
    metrics.set_signer_certificate("c" * 64, 1_900_000_000.0)
    metrics.set_signer_certificate("Jane Doe", 1_900_000_001.0)  # never a free-form label
    text = generate_latest(metrics.registry).decode()
    assert [line for line in text.splitlines() if line.startswith("gate_trust_anchors_info{")] == [
        f'gate_trust_anchors_info{{sha256="{"b" * 64}"}} 1.0'
    ]
    assert value(metrics, "gate_signer_certificate_info", sha256="invalid") == 1
    assert (
        value(metrics, "gate_signer_certificate_expiry_timestamp_seconds", sha256="invalid") == 1_900_000_001
    )
    assert "Jane" not in text
    assert value(metrics, "gate_signer_certificate_info", sha256="c" * 64) is None


def test_flood_guard_state(metrics: GateMetrics, observer: Observer) -> None:
    assert value(metrics, "gate_flood_guard_tripped") == 0
    observer.flood_guard(tripped=True, partitions=[("images.ingest", 0)])
    assert value(metrics, "gate_flood_guard_tripped") == 1
    assert value(metrics, "gate_flood_guard_trips_total") == 1
    assert value(metrics, "gate_consumer_lag_seconds", topic="images.ingest", partition="0") is not None
    observer.flood_guard(tripped=False, partitions=[])
    assert value(metrics, "gate_flood_guard_tripped") == 0
    assert value(metrics, "gate_flood_guard_trips_total") == 1


def test_entity_types_are_counted_once_per_event(metrics: GateMetrics, observer: Observer) -> None:
    decide(observer, entity_types=["EMAIL_ADDRESS", "EMAIL_ADDRESS", "PHONE_NUMBER", "jane@example.com"])
    assert value(metrics, "gate_entities_total", entity="EMAIL_ADDRESS") == 1
    assert value(metrics, "gate_entities_total", entity="PHONE_NUMBER") == 1
    assert value(metrics, "gate_entities_total", entity="invalid") == 1
    assert "jane" not in generate_latest(metrics.registry).decode()


@pytest.mark.parametrize(
    ("open_count", "deadline", "exported"), [(0, None, math.inf), (2, 1_796_695_230.0, 1_796_695_230.0)]
)
def test_incident_gauges(
    metrics: GateMetrics, open_count: int, deadline: float | None, exported: float
) -> None:
    metrics.set_incidents(5, 1.0)
    metrics.set_incidents(open_count, deadline)
    assert value(metrics, "gate_incidents_open") == open_count
    assert value(metrics, "gate_incident_earliest_deadline_timestamp_seconds") == exported
