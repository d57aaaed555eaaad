"""Prometheus metrics: one named bundle on its own registry, and the observer that feeds it.

Nothing is registered at import time: each `GateMetrics` owns a fresh `CollectorRegistry`, so tests (and a
process that runs two gates) can create as many bundles as they like without "Duplicated timeseries" errors.
Every label value passes through `gate.observe.labels` first; see there for why and how.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import platform
import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from importlib import metadata
from typing import Concatenate, ParamSpec, TypeVar

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from gate.observe.labels import (
    SourceLabels,
    name_label,
    reason_code_label,
    sha256_label,
    topic_label,
    version_label,
)

__all__ = ["GateMetrics", "PrometheusObserver", "build_versions"]

_LOG = logging.getLogger(__name__)

# From 1 ms (a C2PA verify of a small JPEG is ~1.6 ms) up to 30 s (a stuck fetch or commit).
LATENCY_BUCKETS_S = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
BATCH_RECORD_BUCKETS = (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000)
# 1 KiB to 256 MiB in powers of four: product images are tens of KB to several MB each.
BATCH_BYTE_BUCKETS = tuple(float(1024 * 4**i) for i in range(10))

# librdkafka fetch states in which a partition is not being consumed by us (unassigned or being dropped).


class GateMetrics:
    """Every Prometheus metric of the gate, registered on `self.registry` (never the global one)."""

    def __init__(
        self,
        *,
        registry: CollectorRegistry | None = None,
        allowed_sources: Collection[str] | None = None,
        max_sources: int = 20,
    ) -> None:
        """Create and register the metrics; see `SourceLabels` for `allowed_sources`/`max_sources`."""
        self.registry = registry if registry is not None else CollectorRegistry(auto_describe=True)
        self.source_label = SourceLabels(allowed_sources, max_sources)
        self._info_lock = threading.Lock()
        r = self.registry
        self.events = Counter("gate_events", "Events that got a verdict.", ["verdict", "source"], registry=r)
        self.reasons = Counter(
            "gate_reasons", "Events carrying each reason code (once per event).", ["code"], registry=r
        )
        self.check_duration = Histogram(
            "gate_check_duration_seconds",
            "Time one check took on one event.",
            ["check"],
            buckets=LATENCY_BUCKETS_S,
            registry=r,
        )
        self.event_duration = Histogram(
            "gate_event_duration_seconds",
            "Time from taking an event to its verdict.",
            buckets=LATENCY_BUCKETS_S,
            registry=r,
        )
        self.stage_duration = Histogram(
            "gate_stage_duration_seconds",
            "Time one runner stage took for one batch.",
            ["stage"],
            buckets=LATENCY_BUCKETS_S,
            registry=r,
        )
        self.batch_records = Histogram(
            "gate_batch_size_records", "Records per batch.", buckets=BATCH_RECORD_BUCKETS, registry=r
        )
        self.batch_bytes = Histogram(
            "gate_batch_size_bytes",
            "Bytes of record values per batch.",
            buckets=BATCH_BYTE_BUCKETS,
            registry=r,
        )
        self.transactions = Counter(
            "gate_transactions", "Kafka transactions by outcome.", ["outcome"], registry=r
        )
        self.errors = Counter("gate_errors", "Errors that did not stop the loop.", ["kind"], registry=r)
        self.store_duration = Histogram(
            "gate_store_duration_seconds",
            "Time one event spent reading and writing the store for published images (all its requests).",
            buckets=LATENCY_BUCKETS_S,
            registry=r,
        )
        self.store_errors = Counter(
            "gate_store_errors",
            "Batches held back uncommitted because the store for published images did not answer.",
            registry=r,
        )
        self.inflight_events = Gauge(
            "gate_inflight_events", "Events taken from Kafka and not yet committed.", registry=r
        )
        self.consumer_lag = Gauge(
            "gate_consumer_lag_records",
            "Records behind the partition end, from librdkafka statistics (0 when unknown).",
            ["topic", "partition"],
            registry=r,
        )
        self.policy_info = Gauge(
            "gate_policy_info", "The policy in force (value is always 1).", ["version", "sha256"], registry=r
        )
        self.build_info = Gauge(
            "gate_build_info",
            "Versions of the gate and its native dependencies (value is always 1).",
            ["version", "python", "c2pa", "confluent_kafka", "librdkafka"],
            registry=r,
        )

    def set_policy(self, version: str, sha256: str) -> None:
        """Record the policy now in force, replacing the previous one (one series at a time)."""
        with self._info_lock:
            self.policy_info.clear()
            self.policy_info.labels(version=version_label(version), sha256=sha256_label(sha256)).set(1)

    def set_build_info(self, versions: Mapping[str, str]) -> None:
        """Record build versions; `versions` as returned by `build_versions` (missing keys -> "unknown")."""
        labels = {
            key: version_label(versions.get(key, "unknown"))
            for key in ("version", "python", "c2pa", "confluent_kafka", "librdkafka")
        }
        with self._info_lock:
            self.build_info.clear()
            self.build_info.labels(**labels).set(1)


def build_versions(librdkafka: str = "unknown") -> dict[str, str]:
    """Installed versions for `GateMetrics.set_build_info`.

    The librdkafka version is passed in (the runner has it from ``confluent_kafka.libversion()``) because
    only the runner imports the Kafka client; package versions are read from metadata without importing.
    """

    def dist(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "unknown"

    return {
        "version": dist("gate"),
        "python": platform.python_version(),
        "c2pa": dist("c2pa-python"),
        "confluent_kafka": dist("confluent-kafka"),
        "librdkafka": librdkafka,
    }


_P = ParamSpec("_P")
_S = TypeVar("_S", bound="PrometheusObserver")


def _never_raise(
    method: Callable[Concatenate[_S, _P], None],
) -> Callable[Concatenate[_S, _P], None]:
    """The observer contract: a metrics bug must never break the gate's loop."""

    @functools.wraps(method)
    def wrapper(self: _S, /, *args: _P.args, **kwargs: _P.kwargs) -> None:
        try:
            method(self, *args, **kwargs)
        except Exception:
            # debug, not warning: this runs per event and must not flood the logs.
            _LOG.debug("observer %s failed", method.__name__, exc_info=True)
            # If even counting the failure fails, nothing sensible is left to do.
            with contextlib.suppress(Exception):
                self.metrics.errors.labels(kind="observer").inc()

    return wrapper


class PrometheusObserver:
    """Implements `gate.observe.observer.Observer` by updating a `GateMetrics` bundle."""

    def __init__(self, metrics: GateMetrics) -> None:
        """Feed `metrics`."""
        self.metrics = metrics

    @_never_raise
    def batch_started(self, size: int, nbytes: int) -> None:
        """Observe batch size in records and bytes."""
        self.metrics.batch_records.observe(size)
        self.metrics.batch_bytes.observe(nbytes)

    @_never_raise
    def event_decided(
        self,
        *,
        verdict: str,
        source: str,
        reason_codes: Sequence[str],
        latency_s: float,
        check_seconds: Mapping[str, float],
    ) -> None:
        """Count the verdict and its reasons, and observe gate and per-check latency."""
        m = self.metrics
        m.events.labels(verdict=name_label(verdict), source=m.source_label(source)).inc()
        # A set: a code listed twice on one event still means one event with that reason.
        for code in {reason_code_label(c) for c in reason_codes}:
            m.reasons.labels(code=code).inc()
        m.event_duration.observe(latency_s)
        for check, seconds in check_seconds.items():
            if check == "store":  # not a check: the processor's time in the published-image store
                m.store_duration.observe(seconds)
                continue
            m.check_duration.labels(check=name_label(check)).observe(seconds)

    @_never_raise
    def stage_finished(self, stage: str, seconds: float) -> None:
        """Observe one stage duration."""
        self.metrics.stage_duration.labels(stage=name_label(stage)).observe(seconds)

    @_never_raise
    def transaction_finished(self, outcome: str) -> None:
        """Count one transaction outcome."""
        self.metrics.transactions.labels(outcome=name_label(outcome)).inc()

    @_never_raise
    def error(self, kind: str) -> None:
        """Count one error of `kind`."""
        self.metrics.errors.labels(kind=name_label(kind)).inc()
        if kind == "store_unavailable":
            self.metrics.store_errors.inc()

    @_never_raise
    def inflight(self, count: int) -> None:
        """Set the in-flight gauge."""
        self.metrics.inflight_events.set(count)

    @_never_raise
    def consumer_lag(self, topic: str, partition: int, lag: int) -> None:
        """Set the lag gauge of one partition."""
        self.metrics.consumer_lag.labels(topic=topic_label(topic), partition=str(int(partition))).set(lag)
