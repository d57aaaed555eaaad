"""Take one bounded batch of records from the consumer.

A batch closes at whichever comes first: `max_records`, `max_bytes` of values, or `linger_ms` after its first
record. Records the consumer handed over beyond a bound are given back by seeking, so nothing is skipped.
The loop lingers only while earlier batches are in flight, and closes a batch as soon as the one before it
can commit (see `next_batch`): lingering while the workers are idle would only add latency.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from confluent_kafka import (
    OFFSET_BEGINNING,
    OFFSET_END,
    TIMESTAMP_NOT_AVAILABLE,
    KafkaError,
    KafkaException,
    TopicPartition,
)

from gate.core.record import InboundRecord
from gate.runner.clients import fatal_error, kafka_error_of
from gate.settings import BatchSettings

TopicPartitionKey = tuple[str, int]
# How long `between` may wait for workers before consume() polls again: what a record arriving while work
# is in flight can wait before the loop sees it (a consume() wait cannot be woken by a worker's result,
# nor a select() on the workers by a record). 2 ms: ~1 ms on average, at a few hundred polls a second.
SLICE_S = 0.002


@dataclass(frozen=True, slots=True)
class Batch:
    """Records to process and commit together, with the offsets a transaction needs."""

    records: tuple[InboundRecord, ...]
    nbytes: int
    fetched_at: float  # monotonic time the first record arrived
    full: bool = False  # closed at a size bound (records or bytes): more records were waiting

    @property
    def first_offsets(self) -> dict[TopicPartitionKey, int]:
        """Per partition, the offset to seek back to if the batch's transaction is aborted."""
        first: dict[TopicPartitionKey, int] = {}
        for record in self.records:
            first.setdefault((record.topic, record.partition), record.offset)
        return first

    @property
    def oldest_timestamps_ms(self) -> dict[TopicPartitionKey, int | None]:
        """Per partition, the earliest producer timestamp among its records (None when none has one)."""
        oldest: dict[TopicPartitionKey, int | None] = {}
        for record in self.records:
            key, ts = (record.topic, record.partition), record.timestamp_ms
            held = oldest.get(key)
            oldest[key] = ts if held is None else (held if ts is None else min(held, ts))
        return oldest

    @property
    def next_offsets(self) -> dict[TopicPartitionKey, int]:
        """Per partition, last offset + 1: what the transaction commits for the group."""
        return {(r.topic, r.partition): r.offset + 1 for r in self.records}


def to_inbound(message: Any) -> InboundRecord:
    """A confluent_kafka.Message as plain, picklable data."""
    ts_type, ts = message.timestamp()
    headers = tuple((name, value or b"") for name, value in (message.headers() or ()))
    return InboundRecord(
        topic=message.topic(),
        partition=message.partition(),
        offset=message.offset(),
        key=message.key(),
        value=message.value(),
        headers=headers,
        timestamp_ms=None if ts_type == TIMESTAMP_NOT_AVAILABLE else ts,
    )


class BatchReader:
    """Reads batches from a subscribed consumer and keeps them consistent with rebalances.

    Its `assigned`/`revoked` methods must be called from the consumer's on_assign/on_revoke callbacks.
    Those run inside consume(), i.e. only while a batch is being assembled: the previous batch is always
    committed before the next consume() call, so a rebalance never meets an open transaction.
    """

    def __init__(
        self,
        consumer: Any,
        limits: BatchSettings,
        *,
        on_error: Callable[[str], None],
        idle_timeout_s: float = 0.5,
        reset_to_earliest: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._consumer = consumer
        self._limits = limits
        self._on_error = on_error
        self._idle_timeout_s = idle_timeout_s
        self._reset_offset = OFFSET_BEGINNING if reset_to_earliest else OFFSET_END
        self._clock = clock
        self._pending: list[InboundRecord] = []
        self._assigned: set[TopicPartitionKey] = set()
        self._rebalanced: set[TopicPartitionKey] = set()
        self.decode_seconds = 0.0  # time spent turning messages into records (for the stage metric)

    def assigned(self, partitions: Iterable[TopicPartitionKey]) -> None:
        """Partitions were assigned to us."""
        added = set(partitions)
        self._assigned |= added
        self._rebalanced |= added

    def revoked(self, partitions: Iterable[TopicPartitionKey]) -> None:
        """Partitions were revoked (or lost): drop their pending records.

        Their offsets were never committed, so the partition's next owner reads them again: no loss, and we
        produce nothing for them, so no duplicates.
        """
        gone = set(partitions)
        self._assigned -= gone
        self._rebalanced |= gone
        self._pending = [r for r in self._pending if (r.topic, r.partition) not in gone]

    def next_batch(
        self,
        *,
        max_records: int | None = None,
        idle_timeout_s: float | None = None,
        linger_s: float | None = None,
        between: Callable[[], bool] | None = None,
        send_now: Callable[[], bool] | None = None,
    ) -> Batch | None:
        """The next batch, or None if no record arrived within the idle timeout (so the caller can tick).

        `max_records` lowers the configured bound for this batch (the adaptive batch size); `linger_s`
        shortens the linger (0: take what is buffered and go, for when the workers are idle). With `between`
        (work is in flight), consume() only polls and `between` does the waiting, up to `SLICE_S` per call,
        so the work in flight keeps moving; when it returns True the batch closes with what it has (or
        None if it has nothing yet). `send_now`: asked once the batch holds a record; True closes it there
        (the workers are about to idle: lingering would only add latency).
        """
        limit = min(max_records or self._limits.max_records, self._limits.max_records)
        idle = self._idle_timeout_s if idle_timeout_s is None else idle_timeout_s
        linger = self._linger_s if linger_s is None else min(linger_s, self._linger_s)
        self._pending = []
        nbytes = 0
        first_at: float | None = None
        full = False  # a record did not fit: the batch is done (consuming on would only fetch it again)
        while not full and len(self._pending) < limit and nbytes < self._limits.max_bytes:
            if first_at is None:
                # consume(n, t) returns only when n records arrived or t passed: asking for a whole batch
                # while waiting for its first record would hold the end of a burst for the idle timeout.
                messages, raw = self._consume(limit, 0.0)
                if not raw:
                    messages, raw = self._wait_for_first(idle, between)
            else:
                messages, _ = self._consume(
                    limit - len(self._pending),
                    self._slice(first_at + linger - self._clock(), between),
                )
            for index, message in enumerate(messages):
                size = len(message.value() or b"")
                if self._pending and nbytes + size > self._limits.max_bytes:
                    self._give_back(messages[index:])
                    full = True
                    break
                decode_started = self._clock()
                self._pending.append(to_inbound(message))
                self.decode_seconds += self._clock() - decode_started
                nbytes += size
            if first_at is None:
                if not self._pending:
                    return None
                first_at = self._clock()
            # send_now first: `between` waits a slice for the workers, and a record for an idle worker
            # should not wait it out (at half load nearly every batch closes here).
            if send_now is not None and send_now():
                break
            if between is not None and between():
                break  # the batch before this one can commit: send what we have rather than linger
            if self._clock() >= first_at + linger:
                break
        # A revoke inside the last consume() may have emptied the batch; there is then nothing to commit.
        records, self._pending = tuple(self._pending), []
        if not records:
            return None
        assert first_at is not None
        nbytes = sum(len(r.value or b"") for r in records)
        full = full or len(records) >= limit or nbytes >= self._limits.max_bytes
        return Batch(records, nbytes, first_at, full)

    def _wait_for_first(self, idle: float, between: Callable[[], bool] | None) -> tuple[list[Any], bool]:
        """Wait up to `idle` for one record (in slices when work is in flight)."""
        deadline = self._clock() + idle
        while True:
            messages, raw = self._consume(1, self._slice(deadline - self._clock(), between))
            if raw or self._clock() >= deadline or between is None or between():
                return messages, raw

    @staticmethod
    def _slice(wait: float, between: Callable[[], bool] | None) -> float:
        # With work in flight the waiting is done by `between` (the workers' pipes wake it at once), and
        # consume() only polls: a consume() wait cannot be woken by a worker's result.
        return 0.0 if between is not None else max(0.0, wait)

    @property
    def _linger_s(self) -> float:
        return self._limits.linger_ms / 1000

    def _consume(self, count: int, timeout: float) -> tuple[list[Any], bool]:
        """The good messages of one consume(), and whether it returned any message at all."""
        self._rebalanced = set()
        try:
            messages = self._consumer.consume(num_messages=count, timeout=timeout)
        except KafkaException as exc:
            raise fatal_error(kafka_error_of(exc), "consume") from None
        good = []
        for message in messages:
            err = message.error()
            if err is None:
                good.append(message)
            elif err.fatal():
                raise fatal_error(err, "consume")
            elif err.code() != KafkaError._PARTITION_EOF:
                self._on_error("consume")  # transient (e.g. a broker connection dropped): librdkafka retries
        if self._rebalanced:
            good = self._settle_rebalance(good)
        return good, bool(messages)

    def _settle_rebalance(self, messages: list[Any]) -> list[Any]:
        """A rebalance ran inside this consume(): its messages may predate it. Drop them, and restart each
        still-assigned partition among them from its committed offset, the one true start for a new owner."""
        touched, self._rebalanced = self._rebalanced, set()
        keep = [m for m in messages if (m.topic(), m.partition()) not in touched]
        restart = {(m.topic(), m.partition()) for m in messages} & touched & self._assigned
        if restart:
            try:
                committed = self._consumer.committed(
                    [TopicPartition(t, p) for t, p in sorted(restart)], timeout=10
                )
                for tp in committed:
                    tp.offset = tp.offset if tp.offset >= 0 else self._reset_offset
                    self._consumer.seek(tp)
            except KafkaException as exc:
                raise fatal_error(kafka_error_of(exc), "seek after rebalance") from None
        return keep

    def _give_back(self, messages: Sequence[Any]) -> None:
        """Seek each partition back to the first record we did not take, so the next batch starts there."""
        first: dict[TopicPartitionKey, int] = {}
        for message in messages:
            first.setdefault((message.topic(), message.partition()), message.offset())
        for (topic, partition), offset in first.items():
            try:
                self._consumer.seek(TopicPartition(topic, partition, offset))
            except KafkaException as exc:
                raise fatal_error(kafka_error_of(exc), "seek") from None
