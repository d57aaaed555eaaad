"""Prometheus metrics: one named bundle on its own registry, and the observer that feeds it.

Nothing is registered at import time: each `GateMetrics` owns a fresh `CollectorRegistry`, so tests (and a
process that runs two gates) can create as many bundles as they like without "Duplicated timeseries" errors.
Every label value passes through `gate.observe.labels` first; see there for why and how.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import platform
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from importlib import metadata
from typing import Any, Concatenate, ParamSpec, TypeVar

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from gate.observe.bulk import observe_all, observe_repeated
from gate.observe.labels import (
    SourceLabels,
    entity_label,
    name_label,
    reason_code_label,
    sha256_label,
    topic_label,
    version_label,
)
from gate.observe.lag import RecordAgeLag, TopicPartition
from gate.observe.observer import DecidedRecord

__all__ = ["GateMetrics", "PrometheusObserver", "build_versions"]

_LOG = logging.getLogger(__name__)

# From 1 ms (a C2PA verify of a small JPEG is ~1.6 ms) up to 30 s (a stuck fetch or commit).
LATENCY_BUCKETS_S = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
BATCH_RECORD_BUCKETS = (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000)
# 1 KiB to 256 MiB in powers of four: product images are tens of KB to several MB each.
BATCH_BYTE_BUCKETS = tuple(float(1024 * 4**i) for i in range(10))

TRANSACTION_OUTCOMES = ("committed", "aborted", "fenced", "failed")
WATCHED_ERROR_KINDS = ("kafka", "consume", "worker_died", "worker_timeout", "processor_raised")
# What `_decided` reads of one event: verdict, source, reason codes, check seconds, entity types.
_Decided = tuple[str, str, Sequence[str], Mapping[str, float], Sequence[str]]
# Pool events that mean a worker process was replaced, and the `cause` label each becomes.
WORKER_RESTART_CAUSES = {"worker_died": "died", "worker_timeout": "timeout"}


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
        self.entities = Counter(
            "gate_entities",
            "Events whose reasons name each personal-data entity type (once per event; never values).",
            ["entity"],
            registry=r,
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
        # Zero series from the start for the outcomes and kinds alerts watch: increase() needs them to exist.
        for outcome in TRANSACTION_OUTCOMES:
            self.transactions.labels(outcome=outcome)
        for kind in WATCHED_ERROR_KINDS:
            self.errors.labels(kind=kind)
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
        self.batch_target = Gauge(
            "gate_batch_target_records",
            "Batch size (records) the runner chose for its next batch.",
            registry=r,
        )
        self.consumer_lag = Gauge(
            "gate_consumer_lag_records",
            "Records behind the partition end, from librdkafka statistics (0 when unknown).",
            ["topic", "partition"],
            registry=r,
        )
        self.lag = RecordAgeLag()
        r.register(_LagSecondsCollector(self.lag))
        self.last_commit = Gauge(
            "gate_last_commit_timestamp_seconds",
            "When the last transaction committed (seconds since the epoch; the start time until the first).",
            registry=r,
        )
        self.last_commit.set(time.time())
        self.worker_restarts = Counter(
            "gate_worker_restarts", "Worker processes replaced, by cause.", ["cause"], registry=r
        )
        for cause in WORKER_RESTART_CAUSES.values():
            self.worker_restarts.labels(cause=cause)  # a zero series from the start: rate() needs it
        self.flood_guard_tripped = Gauge(
            "gate_flood_guard_tripped",
            "1 while the quarantine flood guard holds consumption paused, else 0.",
            registry=r,
        )
        self.flood_guard_trips = Counter(
            "gate_flood_guard_trips", "Times the quarantine flood guard tripped.", registry=r
        )
        self.trust_anchors_info = Gauge(
            "gate_trust_anchors_info",
            "The trust-anchor bundle in force (value is always 1; absent when none is configured).",
            ["sha256"],
            registry=r,
        )
        self.signer_certificate_info = Gauge(
            "gate_signer_certificate_info",
            "The signer certificate in force (value is always 1; absent when the gate does not sign).",
            ["sha256"],
            registry=r,
        )
        self.signer_certificate_expiry = Gauge(
            "gate_signer_certificate_expiry_timestamp_seconds",
            "When the signer certificate expires (seconds since the epoch).",
            ["sha256"],
            registry=r,
        )
        self.policy_info = Gauge(
            "gate_policy_info", "The policy in force (value is always 1).", ["version", "sha256"], registry=r
        )
        self.policy_reloads = Counter(
            "gate_policy_reloads",
            "Policy reloads asked for by SIGHUP, by outcome (loaded, failed: the old policy stays).",
            ["outcome"],
            registry=r,
        )
        # Set by the incident watcher of `gate run` (gate.cli.incident_watch), from the incidents topic.
        self.incidents_open = Gauge(
            "gate_incidents_open", "Open breach incidents (GDPR Art. 33) on the incidents topic.", registry=r
        )
        self.incident_deadline = Gauge(
            "gate_incident_earliest_deadline_timestamp_seconds",
            "The earliest 72-hour notification deadline of an open incident, Unix time (+Inf: none open).",
            registry=r,
        )
        self.build_info = Gauge(
            "gate_build_info",
            "Versions of the gate and its native dependencies (value is always 1).",
            ["version", "python", "c2pa", "confluent_kafka", "librdkafka"],
            registry=r,
        )

    def set_incidents(self, open_count: int, earliest_deadline_epoch_s: float | None) -> None:
        """Record the open incidents and the earliest deadline among them (None: none open)."""
        self.incidents_open.set(open_count)
        # +Inf when none is open: "deadline - time() < 24h" stays false, and the series exists.
        self.incident_deadline.set(
            math.inf if earliest_deadline_epoch_s is None else earliest_deadline_epoch_s
        )

    def set_policy(self, version: str, sha256: str) -> None:
        """Record the policy now in force, replacing the previous one (one series at a time)."""
        with self._info_lock:
            self.policy_info.clear()
            self.policy_info.labels(version=version_label(version), sha256=sha256_label(sha256)).set(1)

    def set_trust_anchors(self, sha256: str) -> None:
        """Record the trust-anchor bundle now in force (one series at a time)."""
        with self._info_lock:
            self.trust_anchors_info.clear()
            self.trust_anchors_info.labels(sha256=sha256_label(sha256)).set(1)

    def set_signer_certificate(self, sha256: str, not_after_epoch_s: float) -> None:
        """Record the signer certificate now in force and its expiry (one series each)."""
        label = sha256_label(sha256)
        with self._info_lock:
            self.signer_certificate_info.clear()
            self.signer_certificate_expiry.clear()
            self.signer_certificate_info.labels(sha256=label).set(1)
            self.signer_certificate_expiry.labels(sha256=label).set(not_after_epoch_s)

    def set_build_info(self, versions: Mapping[str, str]) -> None:
        """Record build versions; `versions` as returned by `build_versions` (missing keys -> "unknown")."""
        labels = {
            key: version_label(versions.get(key, "unknown"))
            for key in ("version", "python", "c2pa", "confluent_kafka", "librdkafka")
        }
        with self._info_lock:
            self.build_info.clear()
            self.build_info.labels(**labels).set(1)


class _LagSecondsCollector(Collector):
    """`gate_consumer_lag_seconds`, computed at scrape time so that a stuck batch shows a growing age."""

    def __init__(self, lag: RecordAgeLag) -> None:
        self._lag = lag

    def describe(self) -> Iterable[GaugeMetricFamily]:
        return [self._family()]

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = self._family()
        for (topic, partition), seconds in sorted(self._lag.seconds().items()):
            family.add_metric([topic_label(topic), str(int(partition))], seconds)
        yield family

    @staticmethod
    def _family() -> GaugeMetricFamily:
        return GaugeMetricFamily(
            "gate_consumer_lag_seconds",
            "Age of the oldest record taken and not yet decided, per partition (0 when caught up).",
            labels=["topic", "partition"],
        )


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
_MAX_CACHED_CHILDREN = 4096
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
        # The labelled children `event_decided` updates, by raw value: finding a child (labels(): a lock,
        # validation, a regex per label) cost more than the update itself, ten times per event on the
        # runner's one thread. Each raw value maps to one label value for good, so the child stays right.
        self._children: dict[tuple[str, ...], Any] = {}

    def _remember(self, key: tuple[str, ...], child: Any) -> Any:
        """Keep `child` for `key` (metric name first, then raw values); return it."""
        if len(self._children) < _MAX_CACHED_CHILDREN:  # raw values are bounded in practice; be sure
            self._children[key] = child
        return child

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
        entity_types: Sequence[str] = (),
    ) -> None:
        """Count the verdict, its reasons and entity types, and observe gate and per-check latency."""
        self._decided([(verdict, source, reason_codes, check_seconds, entity_types)], latency_s)

    @_never_raise
    def events_decided(self, records: Sequence[DecidedRecord], latency_s: float) -> None:
        """`event_decided` for every record, each series updated once for all of them."""
        self._decided(
            [(r.verdict.value, r.source, r.reason_codes, r.check_seconds, r.entity_types) for r in records],
            latency_s,
        )

    def _decided(self, events: Sequence[_Decided], latency_s: float) -> None:
        m = self.metrics
        counts: dict[tuple[str, ...], int] = {}
        timings: dict[str, list[float]] = {}
        for verdict, source, reason_codes, check_seconds, entity_types in events:
            counts[("events", verdict, source)] = counts.get(("events", verdict, source), 0) + 1
            # A set: a code listed twice on one event still means one event with that reason.
            for code in {reason_code_label(c) for c in reason_codes}:
                counts[("reasons", code)] = counts.get(("reasons", code), 0) + 1
            for entity in {entity_label(e) for e in entity_types}:
                counts[("entities", entity)] = counts.get(("entities", entity), 0) + 1
            for check, seconds in check_seconds.items():
                values = timings.get(check)
                if values is None:
                    timings[check] = values = []
                values.append(seconds)
        for key, count in counts.items():
            self._child(key).inc(count)
        observe_repeated(m.event_duration, latency_s, len(events))
        for check, values in timings.items():
            if check == "store":  # not a check: the processor's time in the published-image store
                observe_all(m.store_duration, values)
            else:
                observe_all(self._child(("checks", check)), values)

    def _child(self, key: tuple[str, ...]) -> Any:
        """The labelled series for `key` (metric name first, then raw values), found once and kept."""
        child = self._children.get(key)
        if child is not None:
            return child
        m = self.metrics
        kind, value = key[0], key[1]
        if kind == "events":
            child = m.events.labels(verdict=name_label(value), source=m.source_label(key[2]))
        elif kind == "reasons":
            child = m.reasons.labels(code=value)
        elif kind == "entities":
            child = m.entities.labels(entity=value)
        else:
            child = m.check_duration.labels(check=name_label(value))
        return self._remember(key, child)

    @_never_raise
    def stage_finished(self, stage: str, seconds: float) -> None:
        """Observe one stage duration."""
        self.metrics.stage_duration.labels(stage=name_label(stage)).observe(seconds)

    @_never_raise
    def transaction_finished(self, outcome: str) -> None:
        """Count one transaction outcome; a commit also stamps `gate_last_commit_timestamp_seconds`."""
        self.metrics.transactions.labels(outcome=name_label(outcome)).inc()
        if outcome == "committed":
            self.metrics.last_commit.set(time.time())

    @_never_raise
    def error(self, kind: str) -> None:
        """Count one error of `kind` (and a worker restart when the kind says a worker was replaced)."""
        self.metrics.errors.labels(kind=name_label(kind)).inc()
        cause = WORKER_RESTART_CAUSES.get(kind)
        if cause is not None:
            self.metrics.worker_restarts.labels(cause=cause).inc()
        if kind == "store_unavailable":
            self.metrics.store_errors.inc()

    @_never_raise
    def policy_reloaded(self, version: str, sha256: str, outcome: str) -> None:
        """Count one reload; on `loaded`, the policy-info series now names the new policy."""
        self.metrics.policy_reloads.labels(outcome=name_label(outcome)).inc()
        if outcome == "loaded":
            self.metrics.set_policy(version, sha256)

    @_never_raise
    def inflight(self, count: int) -> None:
        """Set the in-flight gauge."""
        self.metrics.inflight_events.set(count)

    @_never_raise
    def batch_size_chosen(self, records: int) -> None:
        """Set the chosen-batch-size gauge."""
        self.metrics.batch_target.set(records)

    @_never_raise
    def consumer_lag(self, topic: str, partition: int, lag: int) -> None:
        """Set the lag gauge of one partition."""
        self.metrics.consumer_lag.labels(topic=topic_label(topic), partition=str(int(partition))).set(lag)

    @_never_raise
    def partitions_taken(self, oldest_timestamp_ms: Mapping[TopicPartition, int | None]) -> None:
        """A batch was taken: start the age of each partition's oldest record in it."""
        self.metrics.lag.taken(oldest_timestamp_ms)

    @_never_raise
    def partitions_decided(self, partitions: Collection[TopicPartition]) -> None:
        """These partitions' taken records were committed."""
        self.metrics.lag.decided(partitions)

    @_never_raise
    def partitions_caught_up(self, partitions: Collection[TopicPartition]) -> None:
        """A fetch found nothing new on these partitions."""
        self.metrics.lag.caught_up(partitions)

    @_never_raise
    def partitions_released(self, partitions: Collection[TopicPartition]) -> None:
        """These partitions were revoked or lost."""
        self.metrics.lag.released(partitions)

    @_never_raise
    def flood_guard(self, *, tripped: bool, partitions: Collection[TopicPartition]) -> None:
        """The flood guard tripped (pausing `partitions`) or was released."""
        m = self.metrics
        m.flood_guard_tripped.set(1 if tripped else 0)
        if tripped:
            m.flood_guard_trips.inc()
            m.lag.paused(partitions)
