"""Transactional writes for replay and release: the records and a replay job's position, in one transaction.

A replay job's position is the committed offsets of the consumer group `gate-replay-<job>` on the verdict
topics: committed with the job's output in the same transaction, so a job killed at any point and started
again with the same `--job` neither loses nor duplicates a decision. The transactional id is per job, so a
second copy of the same job fences the first.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

from confluent_kafka import Consumer, KafkaError, KafkaException, Producer, TopicPartition

from gate.core.record import Headers
from gate.errors import GateError
from gate.kafka_requests import interruptible
from gate.observe.kafka_log import client_logger

_MiB = 1024 * 1024
# A newer producer with the same transactional id took over: librdkafka's own code, and the broker's.
_FENCED_CODES = frozenset({KafkaError._FENCED, KafkaError.PRODUCER_FENCED, KafkaError.INVALID_PRODUCER_EPOCH})


class Fenced(GateError):
    """A newer producer with the same transactional id fenced this one; nothing of this transaction counts."""


def job_group(job: str) -> str:
    """The consumer group that holds a replay job's position."""
    return f"gate-replay-{job}"


class TransactionalWriter:
    """One transactional producer (and, for a job, the group whose offsets are its position)."""

    def __init__(
        self,
        bootstrap_servers: str,
        kafka: Mapping[str, str],
        *,
        transactional_id: str,
        group: str | None = None,
        max_message_bytes: int = _MiB,
    ) -> None:
        base = {**kafka, "bootstrap.servers": bootstrap_servers, "logger": client_logger()}
        self._producer = Producer(
            {
                **base,
                "transactional.id": transactional_id,
                "enable.idempotence": True,
                "acks": "all",
                "linger.ms": 5,
                "message.max.bytes": max_message_bytes + _MiB,
            }
        )
        self._group = (
            Consumer({**base, "group.id": group, "enable.auto.commit": False}) if group is not None else None
        )
        try:
            interruptible(self._producer.init_transactions, 30)
        except KafkaException as exc:
            raise GateError(
                f"cannot start a Kafka transaction: {exc.args[0]} (is the broker reachable?)"
            ) from None

    def committed(self, partitions: Sequence[tuple[str, int]]) -> dict[tuple[str, int], int]:
        """The job's committed position per partition (absent: nothing committed yet)."""
        if self._group is None or not partitions:
            return {}
        asked = [TopicPartition(t, p) for t, p in partitions]
        found = interruptible(partial(self._group.committed, asked), 30)
        return {(tp.topic, tp.partition): tp.offset for tp in found if tp.offset >= 0}

    def commit(
        self,
        records: Sequence[tuple[str, bytes, bytes, Headers]],
        positions: Mapping[tuple[str, int], int] | None = None,
    ) -> None:
        """Produce `records` (topic, key, value, headers) and commit `positions` in one transaction."""
        producer = self._producer
        try:
            producer.begin_transaction()
            for topic, key, value, headers in records:
                producer.produce(topic, key=key, value=value, headers=list(headers))
            if positions and self._group is not None:
                offsets = [TopicPartition(t, p, o) for (t, p), o in positions.items()]
                producer.send_offsets_to_transaction(offsets, self._group.consumer_group_metadata(), 30)
            producer.commit_transaction(60)
        except KafkaException as exc:
            with contextlib.suppress(KafkaException):
                producer.abort_transaction(30)
            if exc.args[0].code() in _FENCED_CODES:
                raise Fenced(
                    f"another run with this transactional id took over: {exc.args[0]}; nothing was written"
                ) from None
            raise GateError(
                f"the transaction failed and was aborted: {exc.args[0]}; run again to resume"
            ) from None

    def close(self) -> None:
        """Close the group handle (the producer has nothing pending after `commit`)."""
        if self._group is not None:
            self._group.close()
            self._group = None

    def __enter__(self) -> TransactionalWriter:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
