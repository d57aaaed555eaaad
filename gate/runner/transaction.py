"""The commit policy: one Kafka transaction per batch.

begin -> produce every routed record to its verdict topic -> send the batch's end offsets with the group
metadata -> flush (every delivery report) -> commit. An operation is retried only when librdkafka marks its
error retriable. An abortable error aborts the transaction and seeks the consumer back to the batch's first
offsets, so the loop consumes and redoes the same records. Fatal and fenced errors raise: the process must
exit without committing more.

Where the outputs go: every record of a transaction, and its audit record, goes to one partition of each
output topic: the number of the input partition that holds most of the transaction's records (modulo the
topic's partition count), so the outputs of an input partition land on the same-numbered partitions
whenever a transaction holds only its records. librdkafka sends one produce request per partition and a
broker serves a connection's requests in turn, so a transaction costs a round trip per partition it
touches; spread by key, a half-load transaction of ~6 records touched ~8 (README "Performance"). A key's
outputs therefore no longer follow the key (a redo may land on another partition, with the same bytes).
When a topic's partition count is unknown (not read, or the topic missing) its records go by key.

A record Kafka refuses for itself (too large, invalid) is replaced by a compact quarantine record instead
of aborting: redoing the batch would meet the same refusal forever. Refused by `produce()`, it is replaced
at once; refused in a delivery report (the broker's limit), the transaction is already doomed, so it is
aborted and the record replaced when the batch is redone.
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from confluent_kafka import KafkaError, KafkaException, TopicPartition

from gate.core.record import InboundRecord, RoutedRecord, oversized_record
from gate.kafka_requests import RequestAbandoned, interruptible
from gate.model import PolicyRef, Verdict
from gate.observe.observer import Observer
from gate.runner.batching import Batch
from gate.runner.clients import FENCED_CODES, fatal_error, kafka_error_of
from gate.runner.errors import Fenced, KafkaFatal, TransactionFailed
from gate.settings import TopicSettings

T = TypeVar("T")

_INIT_STEP_S = 1.0  # longest single wait inside init_transactions (see `init`)
_INIT_NOT_YET = frozenset({KafkaError._TIMED_OUT})  # a timed-out init resumes; any other error is `_call`'s
# Errors caused by one record itself: producing the others and committing is still right.
PER_RECORD_CODES = frozenset({KafkaError.MSG_SIZE_TOO_LARGE, KafkaError.INVALID_RECORD})
Coordinates = tuple[str, int, int]  # topic, partition, offset of an inbound record
_BY_KEY = -1  # librdkafka's "unassigned" partition: the configured partitioner chooses, by key


def verdict_topics(topics: TopicSettings) -> dict[Verdict, str]:
    """The output topic for each verdict."""
    return {
        Verdict.APPROVED: topics.approved,
        Verdict.QUARANTINED: topics.quarantine,
        Verdict.REJECTED: topics.rejected,
    }


class _AbortRequired(Exception):
    """The open transaction cannot commit and must be aborted; the batch is then redone."""


class _RecordRefused(Exception):
    """produce() refused one record for itself (e.g. its size); the transaction is still good."""


def _coordinates(record: InboundRecord) -> Coordinates:
    return (record.topic, record.partition, record.offset)


def anchor_partition(records: Sequence[InboundRecord]) -> int:
    """The input partition a transaction's outputs follow: the one holding most of `records` (on a tie,
    the one seen first, i.e. the oldest record's)."""
    if not records:
        return 0
    counts = Counter(record.partition for record in records)
    return max(counts, key=lambda partition: counts[partition])  # max keeps the first of equals


class TransactionalCommitter:
    """Routes a processed batch and commits it, with its consumer offsets, in one transaction."""

    def __init__(
        self,
        producer: Any,
        consumer: Any,
        topics: Mapping[Verdict, str],
        observer: Observer,
        policy: PolicyRef,
        *,
        audit_topic: str | None = None,
        timeout_s: float = 30.0,
        max_retries: int = 5,
        backoff_s: float = 0.1,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._producer = producer
        self._consumer = consumer
        self._topics = dict(topics)
        self._audit_topic = audit_topic  # every decision's audit record goes here, in the same transaction
        self._observer = observer
        self.policy = policy  # for a replacement record whose original lacks the policy headers
        self._timeout_s = timeout_s
        self._max_retries = max_retries
        self._backoff_s = backoff_s
        self._sleep = sleep
        self._clock = clock
        self._open = False
        self._refused: set[Coordinates] = set()  # inputs whose output a broker refused: replace on the redo
        # Partitions per output topic (read by `init`); a topic missing here is produced to by key.
        self.partition_counts: dict[str, int] = {}

    def init(self, stopped: Callable[[], bool] = lambda: False) -> bool:
        """Register the transactional id (fences any older instance using it and ends its leftovers), then
        read the output topics' partition counts. False, with nothing registered, when `stopped()` turned
        true first.

        init_transactions waits inside librdkafka, where a SIGTERM's handler cannot run: with the brokers
        away, `gate run` ignored SIGTERM for its 5 retries of 30 s (over 3 minutes; Kubernetes kills it
        after 30 s). It is asked in steps of a second instead (a timed-out init resumes where it left
        off), and the stop request is looked at between them."""
        try:
            registered = self._call("init_transactions", self._init_in_steps, stopped)
        except _AbortRequired as exc:
            raise TransactionFailed(f"init_transactions: {exc}") from None
        if not registered:
            return False
        self.partition_counts = self._read_partition_counts()
        return True

    def _init_in_steps(self, stopped: Callable[[], bool]) -> bool:
        try:
            interruptible(
                self._producer.init_transactions,
                self._timeout_s,
                step_s=_INIT_STEP_S,
                not_yet=_INIT_NOT_YET,
                stopped=stopped,
                clock=self._clock,
                sleep=self._sleep,
            )
        except RequestAbandoned:
            return False
        return True

    def _read_partition_counts(self) -> dict[str, int]:
        """Each output topic's partition count, from the producer's metadata; a topic that cannot be read
        (missing, not authorised, the broker slow) is left out, and its records go by key."""
        names = {*self._topics.values(), *([self._audit_topic] if self._audit_topic else [])}
        counts: dict[str, int] = {}
        for name in sorted(names):
            try:
                metadata = self._producer.list_topics(name, timeout=self._timeout_s)
            except KafkaException:
                continue
            topic = metadata.topics.get(name)
            if topic is None or topic.error is not None:
                continue
            count = len(topic.partitions)
            if isinstance(count, int) and count > 0:
                counts[name] = count
        return counts

    def _partition_for(self, topic: str, anchor: int) -> int:
        """The partition of `topic` a transaction anchored at input partition `anchor` produces to."""
        count = self.partition_counts.get(topic)
        return anchor % count if count else _BY_KEY

    def commit_batch(
        self,
        batch: Batch,
        routed: Sequence[RoutedRecord],
        *,
        group_metadata: Any = None,
        rewind: bool = True,
    ) -> list[RoutedRecord] | None:
        """Produce `routed` (one per batch record, same order) and commit.

        Returns what was committed (`routed`, with any record Kafka refused replaced), or None: the
        transaction was aborted and the batch must be redone. `group_metadata`: the consumer's, read by
        the caller (a commit thread must not touch the consumer), else read here. `rewind`: after an
        abort, seek the consumer back to the batch's first offsets (False: the caller does it).
        """
        if len(routed) != len(batch.records):
            raise ValueError("one routed record per batch record is required")
        try:
            self._call("begin_transaction", self._producer.begin_transaction)
            self._open = True
            started = self._clock()
            deadline = started + self._timeout_s
            produced, failures = self._produce_all(batch.records, routed, deadline)
            offsets = [TopicPartition(t, p, o) for (t, p), o in sorted(batch.next_offsets.items())]
            metadata = group_metadata
            if metadata is None:
                metadata = self._call("consumer_group_metadata", self._consumer.consumer_group_metadata)
            # The offsets go into the transaction while the outputs are still on their way to the broker:
            # their round trips (AddOffsetsToTxn, TxnOffsetCommit) overlap the produce requests' instead of
            # following them. Nothing is committed before commit_transaction, and a failed delivery still
            # aborts the whole transaction, offsets included, before it.
            self._call(
                "send_offsets_to_transaction",
                self._producer.send_offsets_to_transaction,
                offsets,
                metadata,
                self._timeout_s,
            )
            self._flush(failures, deadline)
            flushed = self._clock()
            self._observer.stage_finished("produce", flushed - started)
            self._call("commit_transaction", self._producer.commit_transaction, self._timeout_s)
            self._open = False
            self._observer.stage_finished("commit", self._clock() - flushed)
        except _AbortRequired:
            self._abort_and_rewind(batch, rewind=rewind)
            return None
        except Fenced:
            self._open = False  # a fenced producer cannot abort either
            self._observer.transaction_finished("fenced")
            raise
        except (KafkaFatal, TransactionFailed):
            self._observer.transaction_finished("failed")
            raise
        self._refused -= {_coordinates(r) for r in batch.records}
        self._observer.transaction_finished("committed")
        return produced

    def abort_open(self) -> None:
        """Best effort on the way out: abort a transaction an error left open (the coordinator would time
        it out anyway, but aborting frees the partitions for read_committed readers at once)."""
        if not self._open:
            return
        self._open = False
        # In a fatal state or with the broker gone this fails; the coordinator then times the transaction out.
        with contextlib.suppress(KafkaException):
            self._producer.abort_transaction(self._timeout_s)

    def _produce_all(
        self, inbound: Sequence[InboundRecord], routed: Sequence[RoutedRecord], deadline: float
    ) -> tuple[list[RoutedRecord], list[KafkaError]]:
        """Produce every record (and its audit record) into the open transaction; what was produced, and
        the list the delivery reports append their errors to (read it after `_flush`)."""
        failures: list[KafkaError] = []

        def reporter(source: InboundRecord) -> Callable[[KafkaError | None, Any], None]:
            def on_delivery(err: KafkaError | None, _msg: Any) -> None:
                if err is not None:
                    failures.append(err)
                    if not err.fatal() and err.code() in PER_RECORD_CODES:
                        self._refused.add(_coordinates(source))

            return on_delivery

        produced = []
        anchor = anchor_partition(inbound)
        for source, original in zip(inbound, routed, strict=True):
            record = original
            if _coordinates(source) in self._refused:
                record = self._replace(source, original)
            try:
                self._produce_one(record, reporter(source), deadline, anchor, refusable=True)
            except _RecordRefused:
                record = self._replace(source, original)
                self._produce_one(record, reporter(source), deadline, anchor, refusable=False)
            if self._audit_topic is not None and record.audit:
                # The audit record of the decision actually produced (a replacement has its own).
                self._produce_one(record, reporter(source), deadline, anchor, refusable=False, audit=True)
            produced.append(record)
        return produced, failures

    def _flush(self, failures: list[KafkaError], deadline: float) -> None:
        """Wait for every delivery report; a failed or missing delivery dooms the transaction."""
        try:
            remaining = self._producer.flush(max(0.0, deadline - self._clock()))
        except KafkaException as exc:  # flush raises the producer's fatal error (e.g. fenced)
            raise self._produce_error(exc, "flush") from None
        if failures:
            first = failures[0]
            if first.fatal():
                raise fatal_error(first, "delivery")
            raise _AbortRequired(f"delivery failed: {first.name()}")
        if remaining:
            raise _AbortRequired(f"{remaining} records not delivered within {self._timeout_s}s")

    def _replace(self, source: InboundRecord, record: RoutedRecord) -> RoutedRecord:
        """The compact quarantine record for an input whose output Kafka refused."""
        self._observer.error("output_too_large")
        return oversized_record(source, record, self.policy)

    def _produce_one(
        self,
        record: RoutedRecord,
        on_delivery: Callable[..., None],
        deadline: float,
        anchor: int,
        *,
        refusable: bool,
        audit: bool = False,
    ) -> None:
        """Produce one record (its audit record to the audit topic with `audit`) to the transaction's
        partition of its topic (`anchor`); `refusable`: raise `_RecordRefused` when Kafka refuses it."""
        topic = self._audit_topic if audit else self._topics[record.verdict]
        assert topic is not None
        partition = self._partition_for(topic, anchor)
        while True:
            try:
                self._producer.produce(
                    topic,
                    value=record.audit if audit else record.value,
                    key=record.key,
                    partition=partition,
                    headers=[] if audit else list(record.headers),
                    on_delivery=on_delivery,
                )
                return
            except BufferError:
                # The local queue is full: serve delivery reports until there is room, within the deadline.
                if self._clock() > deadline:
                    raise _AbortRequired("producer queue stayed full") from None
                try:
                    self._producer.poll(0.05)
                except KafkaException as exc:
                    raise self._produce_error(exc, "poll") from None
            except KafkaException as exc:
                raise self._produce_error(exc, "produce", refusable=refusable) from None

    @staticmethod
    def _produce_error(exc: KafkaException, name: str, *, refusable: bool = False) -> Exception:
        """Fatal errors stop the runner; a record refused for itself is replaced (`refusable`); anything else
        while producing aborts the transaction."""
        err = kafka_error_of(exc)
        if err.fatal() or err.code() in FENCED_CODES:
            return fatal_error(err, name)
        if refusable and err.code() in PER_RECORD_CODES and not err.txn_requires_abort():
            return _RecordRefused(err.name())
        return _AbortRequired(f"{name} failed: {err.name()}")

    def _abort_and_rewind(self, batch: Batch, *, rewind: bool) -> None:
        try:
            self._call("abort_transaction", self._producer.abort_transaction, self._timeout_s)
        except _AbortRequired as exc:
            raise TransactionFailed(f"abort_transaction: {exc}") from None
        finally:
            self._open = False
        if self.partition_counts:
            # A topic recreated with fewer partitions fails every produce to the ones now gone: read again.
            self.partition_counts = self._read_partition_counts()
        if not rewind:
            self._observer.transaction_finished("aborted")
            return
        for (topic, partition), offset in sorted(batch.first_offsets.items()):
            try:
                self._consumer.seek(TopicPartition(topic, partition, offset))
            except KafkaException as exc:
                # Without the rewind the next commit would skip this batch: stop rather than lose records.
                raise fatal_error(kafka_error_of(exc), "seek back after abort") from None
        self._observer.transaction_finished("aborted")

    def _call(self, name: str, operation: Callable[..., T], *args: Any) -> T:
        """Run one client operation, retrying only errors librdkafka marks retriable."""
        for attempt in range(self._max_retries + 1):
            try:
                return operation(*args)
            except KafkaException as exc:
                err = kafka_error_of(exc)
                if err.fatal() or err.code() in FENCED_CODES:
                    raise fatal_error(err, name) from None
                if err.txn_requires_abort():
                    raise _AbortRequired(f"{name}: {err.name()}") from None
                if not err.retriable():
                    raise TransactionFailed(f"{name}: {err.name()}: {err.str()}") from None
                if attempt < self._max_retries:
                    self._sleep(self._backoff_s * 2**attempt)
        raise TransactionFailed(f"{name}: still failing after {self._max_retries} retries")
