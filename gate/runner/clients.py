"""Configured confluent-kafka clients for the runner: a read-committed consumer and a transactional producer.

Construction makes no network call; `KafkaClients` creates each client on first use. librdkafka errors are
translated into `gate.runner.errors` where they leave this package's Kafka-facing modules.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from typing import Any

from confluent_kafka import Consumer, KafkaError, KafkaException, Producer

from gate.errors import ConfigError
from gate.observe.kafka_log import client_logger
from gate.runner.errors import Fenced, KafkaFatal
from gate.settings import GateSettings

ErrorCallback = Callable[[KafkaError], None]
StatsCallback = Callable[[str], None]

_MiB = 1024 * 1024
# Codes that mean another producer owns our transactional.id or our group generation is gone.
FENCED_CODES = frozenset(
    {
        KafkaError._FENCED,
        KafkaError.PRODUCER_FENCED,
        KafkaError.INVALID_PRODUCER_EPOCH,
        KafkaError.TRANSACTION_COORDINATOR_FENCED,
    }
)
STATISTICS_INTERVAL_MS = 5_000


def kafka_error_of(exc: KafkaException) -> KafkaError:
    """The KafkaError carried by a KafkaException (librdkafka always puts it first)."""
    first = exc.args[0] if exc.args else None
    if isinstance(first, KafkaError):
        return first
    return KafkaError(KafkaError._FAIL, str(first))


def fatal_error(err: KafkaError, what: str) -> KafkaFatal:
    """The runner error for a fatal librdkafka error: `Fenced` when another instance took over."""
    if err.code() in FENCED_CODES:
        return Fenced(f"{what}: fenced by a newer instance ({err.name()})")
    return KafkaFatal(f"{what}: {err.name()}: {err.str()}")


def service_logger() -> Any:
    """The log of `gate run`'s Kafka clients: through the gate's logging and its guard (librdkafka wrote
    `%3|...|FAIL|` lines to stderr, 38 a minute with the brokers away), each shape once a minute."""
    return client_logger("gate.kafka.runner", repeat_s=60.0)


def max_poll_interval_ms(settings: GateSettings) -> int:
    """Longer than the slowest possible batch, so a batch of timed-out events does not get us kicked out.

    Worst case: every record of a batch hits event_timeout_s, `workers` at a time, plus a commit margin.
    """
    rounds = math.ceil(settings.batch.max_records / max(settings.workers, 1))
    worst_ms = int(rounds * settings.event_timeout_s * 1000) + 60_000
    return max(300_000, worst_ms)


def consumer_config(
    settings: GateSettings, *, error_cb: ErrorCallback, stats_cb: StatsCallback
) -> dict[str, Any]:
    """Consumer settings: manual offsets (committed inside transactions), read_committed, eager assignment.

    Eager `roundrobin` assignment: every rebalance revokes the whole assignment between two batches, so there
    is never a partially-owned batch to reconcile, and positions are re-read from committed offsets.
    """
    fetch_bytes = max(settings.max_message_bytes, settings.batch.max_bytes)
    defaults: dict[str, Any] = {
        "auto.offset.reset": "earliest",
        "heartbeat.interval.ms": max(100, min(3_000, settings.session_timeout_ms // 12)),
        "statistics.interval.ms": STATISTICS_INTERVAL_MS,
        # How long the broker may hold a fetch that has nothing to return. A broker that answers a held
        # fetch as soon as records arrive (Kafka) makes this only an idle request rate; one that holds it
        # the whole time (the embedded Tansu: measured, a record waits U(0, wait) before the gate sees it)
        # adds it to every event's latency. librdkafka's 500 ms default was most of the latency, 50 ms
        # still a third of the half-load p99 (benchmarks, README "Performance"). Overridable via `kafka:`.
        "fetch.wait.max.ms": 10,
    }
    config: dict[str, Any] = {
        **defaults,
        **settings.kafka,
        "bootstrap.servers": settings.bootstrap_servers,
        "group.id": settings.group_id,
        "partition.assignment.strategy": "roundrobin",  # eager: see the docstring (also reserved in settings)
        "enable.auto.commit": False,
        "enable.auto.offset.store": False,
        "isolation.level": "read_committed",
        "enable.partition.eof": False,
        "session.timeout.ms": settings.session_timeout_ms,
        "max.poll.interval.ms": max_poll_interval_ms(settings),
        "message.max.bytes": settings.max_message_bytes,
        "fetch.message.max.bytes": settings.max_message_bytes,
        "fetch.max.bytes": fetch_bytes,
        "receive.message.max.bytes": fetch_bytes + _MiB,
        "error_cb": error_cb,
        "stats_cb": stats_cb,
        "logger": service_logger(),
    }
    return config


def producer_config(settings: GateSettings, *, error_cb: ErrorCallback) -> dict[str, Any]:
    """Transactional, idempotent producer settings."""
    return {
        # zstd, not lz4: a verdict carries its image inline as base64, which lz4 cannot shrink (librdkafka
        # then sends it uncompressed) and zstd's entropy coder takes back to about 3/4. The embedded broker
        # keeps and serves a compressed batch whole, so fewer bytes is less broker CPU: 0.19 -> 0.11 ms per
        # event with the gate's verdicts, and less of librdkafka's too (README "Performance"). Level 1: the
        # bytes of level 3 at less CPU. Every Kafka >= 2.1 and librdkafka/Java client reads zstd.
        "compression.type": "zstd",
        "compression.level": 1,
        # For a topic whose partition count the committer could not read (it names the partition otherwise):
        # the Java client's partitioner, same key, same partition as Java.
        "partitioner": "murmur2_random",
        "linger.ms": 5,  # flush() at the end of each batch sends at once; linger only groups within a batch
        # Delivery reports only for failures (the committer acts on nothing else): a success report per
        # verdict and per audit record was a Python call each inside flush(), each taking the GIL from the
        # loop thread, twice per event on the commit thread's critical path.
        "delivery.report.only.error": True,
        **settings.kafka,
        "bootstrap.servers": settings.bootstrap_servers,
        "transactional.id": settings.effective_transactional_id,
        "enable.idempotence": True,
        "acks": "all",
        "message.max.bytes": settings.max_message_bytes + _MiB,  # room for headers and batch overhead
        "error_cb": error_cb,
        "logger": service_logger(),
    }


class KafkaClients:
    """The runner's consumer and producer, created on first use and closed together."""

    def __init__(
        self,
        settings: GateSettings,
        *,
        error_cb: ErrorCallback,
        stats_cb: StatsCallback,
        consumer_factory: Callable[[dict[str, Any]], Any] = Consumer,
        producer_factory: Callable[[dict[str, Any]], Any] = Producer,
    ) -> None:
        self._settings = settings
        self._error_cb = error_cb
        self._stats_cb = stats_cb
        self._consumer_factory = consumer_factory
        self._producer_factory = producer_factory
        self._consumer: Any = None
        self._producer: Any = None

    @property
    def consumer(self) -> Any:
        """The confluent_kafka.Consumer (created on first access)."""
        if self._consumer is None:
            config = consumer_config(self._settings, error_cb=self._error_cb, stats_cb=self._stats_cb)
            self._consumer = _construct(self._consumer_factory, config, "consumer")
        return self._consumer

    @property
    def producer(self) -> Any:
        """The transactional confluent_kafka.Producer (created on first access)."""
        if self._producer is None:
            config = producer_config(self._settings, error_cb=self._error_cb)
            self._producer = _construct(self._producer_factory, config, "producer")
        return self._producer

    def close(self) -> None:
        """Leave the group and close the consumer; drop the producer (nothing is pending between batches)."""
        consumer, self._consumer = self._consumer, None
        self._producer = None
        if consumer is not None:
            # Closing after a fatal error or with the broker gone can fail: nothing more to do then.
            with contextlib.suppress(KafkaException, RuntimeError):
                consumer.close()


def _construct(factory: Callable[[dict[str, Any]], Any], config: dict[str, Any], what: str) -> Any:
    try:
        return factory(config)
    except KafkaException as exc:
        # librdkafka rejects a client at construction only for its configuration (e.g. a misspelt key).
        raise ConfigError(f"kafka: cannot create the Kafka {what}: {kafka_error_of(exc).str()}") from None
