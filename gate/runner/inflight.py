"""Batches submitted for evaluation and not yet committed, oldest first.

The loop commits strictly in fetch order, so offsets are only ever committed with their own outputs. When
the oldest batch cannot be committed (its transaction aborted, the store failed under it, the flood guard
tripped on it) or the partitions are revoked, every later batch is discarded too, unproduced, and the
consumer rewound to the earliest uncommitted offset of each partition: nothing is skipped, and the discarded
records are read and decided again.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from confluent_kafka import KafkaException, TopicPartition

from gate.runner.batching import Batch, TopicPartitionKey
from gate.runner.clients import fatal_error, kafka_error_of
from gate.runner.evaluator import Evaluator

# Batches sent as soon as a worker is about to idle are small at low rates (a record or two), so the window
# counts up to 16 of them; the record bound in `has_room` keeps what an abort or a rebalance re-reads small.
MAX_BATCHES_IN_FLIGHT = 16


@dataclass(frozen=True, slots=True)
class InFlight:
    """One submitted batch and its evaluator ticket."""

    batch: Batch
    ticket: int
    submitted_at: float = field(default_factory=time.monotonic)


class InFlightBatches:
    """The ordered window of uncommitted batches."""

    def __init__(self) -> None:
        self._window: deque[InFlight] = deque()

    def __len__(self) -> int:
        return len(self._window)

    @property
    def records(self) -> int:
        """Records in flight."""
        return sum(len(entry.batch.records) for entry in self._window)

    @property
    def oldest(self) -> InFlight | None:
        """The batch to commit next."""
        return self._window[0] if self._window else None

    def decided_records(self, evaluator: Evaluator) -> int:
        """Records of the decided batches at the head of the window (what the next transaction would hold)."""
        total = 0
        for entry in self._window:
            if not evaluator.done(entry.ticket):
                break
            total += len(entry.batch.records)
        return total

    def has_room(self, batch_records: int, workers: int) -> bool:
        """Fetch another batch? Always with none in flight; else while the window is short and its records
        are under two batches' worth (and enough to keep every worker busy)."""
        if not self._window:
            return True
        return len(self._window) < MAX_BATCHES_IN_FLIGHT and self.records < max(
            2 * batch_records, 8 * workers
        )

    def add(self, batch: Batch, ticket: int) -> None:
        """A batch was submitted."""
        self._window.append(InFlight(batch, ticket))

    def pop_oldest(self) -> InFlight:
        """Take the oldest batch out (to commit it)."""
        return self._window.popleft()

    def discard_all(
        self,
        evaluator: Evaluator,
        consumer: Any,
        *,
        also: Iterable[Batch] = (),
        only: Collection[TopicPartitionKey] | None = None,
    ) -> int:
        """Drop every batch in flight and rewind the consumer to the first offset, per partition, of those
        batches and of `also` (a batch already taken out); `only` limits the rewind to partitions still ours.
        Returns how many records were discarded."""
        batches = [*also, *(entry.batch for entry in self._window)]
        discarded = self.records
        for entry in self._window:
            evaluator.discard(entry.ticket)
        self._window.clear()
        rewind(consumer, batches, only=only)
        return discarded


def rewind(
    consumer: Any, batches: Iterable[Batch], *, only: Collection[TopicPartitionKey] | None = None
) -> None:
    """Seek each partition to its earliest offset among `batches`."""
    earliest: dict[TopicPartitionKey, int] = {}
    for batch in batches:
        for key, offset in batch.first_offsets.items():
            earliest[key] = min(offset, earliest.get(key, offset))
    for (topic, partition), offset in sorted(earliest.items()):
        if only is not None and (topic, partition) not in only:
            continue
        try:
            consumer.seek(TopicPartition(topic, partition, offset))
        except KafkaException as exc:
            # Without the rewind the next commit would skip these records: stop rather than lose them.
            raise fatal_error(kafka_error_of(exc), "seek back to uncommitted records") from None
