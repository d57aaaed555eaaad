"""Read the whole audit topic, from its beginning to its end at the time of reading, and stop.

Every partition is assigned from its first offset (no consumer group is joined, nothing is committed).
A partition is done when the reader reaches its end (`enable.partition.eof`); then the reader waits a
short quiet period for records beyond a wrongly reported end (the embedded broker's high watermark can
lag). Records are read `read_committed` and counted once per `decision_id`: a broker that delivers an
aborted transaction's records (the embedded one does) would otherwise count a redone decision twice.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from confluent_kafka import Consumer, KafkaError, KafkaException, TopicPartition

from gate.compliance.integrity import comparable
from gate.errors import ConfigError
from gate.kafka_requests import interruptible
from gate.observe.kafka_log import client_logger

Progress = Callable[[int, int], None]  # (records read, records expected) after each poll


@dataclass(frozen=True, slots=True)
class AuditRead:
    """The audit records read (one per decision id) and how many records were not audit records."""

    records: list[dict[str, Any]]
    unreadable: int = 0
    # decision ids that two audit records with different contents carry (see gate.compliance.integrity)
    conflicts: frozenset[str] = frozenset()


def read_audit(
    bootstrap_servers: str,
    topic: str,
    *,
    client_config: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
    timeout_s: float = 30.0,
    quiet_s: float = 0.5,
) -> AuditRead:
    """Every audit record of `topic` (one per decision id), in the order read."""
    consumer = Consumer(
        {
            **(client_config or {}),
            "bootstrap.servers": bootstrap_servers,
            "group.id": f"gate-audit-reader-{uuid.uuid4().hex[:8]}",
            "enable.auto.commit": False,
            "enable.partition.eof": True,
            "isolation.level": "read_committed",
            "auto.offset.reset": "earliest",
            "logger": client_logger(),
        }
    )
    try:
        partitions = _partitions(consumer, topic, timeout_s)
        expected = 0
        for partition in partitions:
            where = TopicPartition(topic, partition)
            low, high = interruptible(partial(consumer.get_watermark_offsets, where), timeout_s)
            expected += max(0, high - low)
        consumer.assign([TopicPartition(topic, p, -2) for p in partitions])  # -2: OFFSET_BEGINNING
        return _read(
            consumer,
            set(partitions),
            expected=expected,
            progress=progress,
            timeout_s=timeout_s,
            quiet_s=quiet_s,
        )
    except KafkaException as exc:
        raise ConfigError(
            f"cannot read the audit topic {topic!r}: {exc.args[0].str()}; check --bootstrap-servers "
            "and that the gate has run (`gate topics create` creates the topic)"
        ) from None
    finally:
        consumer.close()


def _partitions(consumer: Any, topic: str, timeout_s: float) -> list[int]:
    metadata = interruptible(partial(consumer.list_topics, topic), timeout_s)
    found = metadata.topics.get(topic)
    if found is None or found.error is not None or not found.partitions:
        raise ConfigError(
            f"the audit topic {topic!r} does not exist; set topics.audit (GATE_TOPICS__AUDIT) to the topic "
            "the gate writes, or run `gate topics create`"
        )
    return sorted(found.partitions)


def _read(
    consumer: Any,
    pending: set[int],
    *,
    expected: int,
    progress: Progress | None,
    timeout_s: float,
    quiet_s: float,
) -> AuditRead:
    records: dict[str, dict[str, Any]] = {}
    conflicts: set[str] = set()
    read = unreadable = 0
    deadline = time.monotonic() + timeout_s
    quiet_until: float | None = None
    while True:
        now = time.monotonic()
        if quiet_until is not None and now >= quiet_until:
            return AuditRead(list(records.values()), unreadable, frozenset(conflicts))
        if quiet_until is None and now >= deadline:
            raise ConfigError(
                f"the audit topic did not reach its end within {timeout_s:.0f} s ({read} records read); "
                "check the brokers, or raise --timeout"
            )
        batch = consumer.consume(500, 0.1)
        for message in batch:
            error = message.error()
            if error is not None:
                if error.code() == KafkaError._PARTITION_EOF:
                    pending.discard(message.partition())
                    continue
                raise KafkaException(error)
            read += 1
            try:
                record = json.loads(message.value())
            except (TypeError, ValueError):
                record = None
            if isinstance(record, dict) and "decision_id" in record and "decided_at" in record:
                first = records.setdefault(str(record["decision_id"]), record)
                if first is not record and comparable(first) != comparable(record):
                    conflicts.add(str(record["decision_id"]))  # kept, and told: never silently dropped
            else:
                unreadable += 1  # not the gate's: counted and reported, never silently skipped
        if progress is not None:
            progress(read, max(read, expected))
        if not pending:
            if batch:
                quiet_until = None
            if quiet_until is None:
                quiet_until = time.monotonic() + quiet_s
            deadline = max(deadline, time.monotonic() + timeout_s)
