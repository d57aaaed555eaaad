"""The commit policy against spec_set fakes of the real confluent-kafka classes."""

from __future__ import annotations

from typing import Any
from unittest.mock import MagicMock, call

import pytest
from confluent_kafka import Consumer, KafkaError, KafkaException, Producer

from gate.core.record import InboundRecord, RoutedRecord, route_headers
from gate.model import PolicyRef, Verdict
from gate.observe.observer import NullObserver
from gate.runner.batching import Batch
from gate.runner.errors import Fenced, KafkaFatal, TransactionFailed
from gate.runner.transaction import TransactionalCommitter, verdict_topics
from gate.settings import TopicSettings

POLICY = PolicyRef("p1", "f" * 64)


def kafka_exc(
    code: int, *, fatal: bool = False, retriable: bool = False, abort: bool = False
) -> KafkaException:
    return KafkaException(
        KafkaError(code, "test", fatal=fatal, retriable=retriable, txn_requires_abort=abort)
    )


def routed(verdict: Verdict, key: bytes) -> RoutedRecord:
    return RoutedRecord(verdict, key, b"v-" + key, route_headers(verdict, ("c",), POLICY, None), ("c",), "s")


BATCH = Batch(
    records=(
        InboundRecord("in", 0, 10, b"a", b"1"),
        InboundRecord("in", 1, 5, b"b", b"2"),
        InboundRecord("in", 0, 11, b"c", b"3"),
    ),
    nbytes=3,
    fetched_at=0.0,
)
ROUTED = [routed(Verdict.APPROVED, b"a"), routed(Verdict.REJECTED, b"b"), routed(Verdict.QUARANTINED, b"c")]


class RecordingObserver(NullObserver):
    def __init__(self) -> None:
        self.outcomes: list[str] = []
        self.errors: list[str] = []

    def transaction_finished(self, outcome: str) -> None:
        self.outcomes.append(outcome)

    def error(self, kind: str) -> None:
        self.errors.append(kind)


@pytest.fixture
def producer() -> Any:
    fake = MagicMock(spec_set=Producer)
    fake.flush.return_value = 0
    return fake


@pytest.fixture
def consumer() -> Any:
    return MagicMock(spec_set=Consumer)


@pytest.fixture
def observer() -> RecordingObserver:
    return RecordingObserver()


@pytest.fixture
def committer(producer: Any, consumer: Any, observer: RecordingObserver) -> TransactionalCommitter:
    topics = verdict_topics(TopicSettings())
    return TransactionalCommitter(producer, consumer, topics, observer, POLICY, sleep=lambda _s: None)


def test_routes_each_record_to_its_verdict_topic_then_commits_offsets_plus_one(
    committer: TransactionalCommitter, producer: Any, consumer: Any, observer: RecordingObserver
) -> None:
    assert committer.commit_batch(BATCH, ROUTED) == ROUTED
    produced = [
        (c.args[0], c.kwargs["key"], c.kwargs["value"], c.kwargs["headers"])
        for c in producer.produce.call_args_list
    ]
    assert produced == [
        ("images.approved", b"a", b"v-a", list(ROUTED[0].headers)),
        ("images.rejected", b"b", b"v-b", list(ROUTED[1].headers)),
        ("images.quarantine", b"c", b"v-c", list(ROUTED[2].headers)),
    ]
    offsets, metadata, _timeout = producer.send_offsets_to_transaction.call_args.args
    assert [(tp.topic, tp.partition, tp.offset) for tp in offsets] == [("in", 0, 12), ("in", 1, 6)]
    assert metadata is consumer.consumer_group_metadata.return_value
    names = [name for name, *_ in producer.method_calls]
    assert names == [
        "begin_transaction",
        "produce",
        "produce",
        "produce",
        "send_offsets_to_transaction",  # its round trips overlap the produce requests in flight
        "flush",
        "commit_transaction",
    ]
    assert observer.outcomes == ["committed"]
    consumer.seek.assert_not_called()


def test_a_retriable_commit_error_is_retried(committer: TransactionalCommitter, producer: Any) -> None:
    producer.commit_transaction.side_effect = [kafka_exc(KafkaError._TIMED_OUT, retriable=True), None]
    assert committer.commit_batch(BATCH, ROUTED) == ROUTED
    assert producer.commit_transaction.call_count == 2
    producer.abort_transaction.assert_not_called()


def test_a_retriable_error_that_persists_fails_the_transaction(
    committer: TransactionalCommitter, producer: Any, observer: RecordingObserver
) -> None:
    producer.commit_transaction.side_effect = kafka_exc(KafkaError._TIMED_OUT, retriable=True)
    with pytest.raises(TransactionFailed, match="still failing"):
        committer.commit_batch(BATCH, ROUTED)
    assert producer.commit_transaction.call_count == 6  # first try + 5 retries
    assert observer.outcomes == ["failed"]


def test_an_abortable_error_aborts_and_rewinds_the_consumer_to_the_batch_start(
    committer: TransactionalCommitter, producer: Any, consumer: Any, observer: RecordingObserver
) -> None:
    producer.send_offsets_to_transaction.side_effect = kafka_exc(KafkaError._STATE, abort=True)
    assert committer.commit_batch(BATCH, ROUTED) is None
    producer.abort_transaction.assert_called_once()
    producer.commit_transaction.assert_not_called()
    sought = [(c.args[0].topic, c.args[0].partition, c.args[0].offset) for c in consumer.seek.call_args_list]
    assert sought == [("in", 0, 10), ("in", 1, 5)]
    assert observer.outcomes == ["aborted"]
    # the redo (the loop consumes the same records again) commits normally
    producer.send_offsets_to_transaction.side_effect = None
    assert committer.commit_batch(BATCH, ROUTED) == ROUTED
    assert observer.outcomes == ["aborted", "committed"]


def test_a_failed_delivery_aborts_the_transaction(
    committer: TransactionalCommitter, producer: Any, consumer: Any
) -> None:
    def deliver_with_error(*_args: Any, **kwargs: Any) -> None:
        kwargs["on_delivery"](KafkaError(KafkaError.MSG_SIZE_TOO_LARGE), None)

    producer.produce.side_effect = deliver_with_error
    assert committer.commit_batch(BATCH, ROUTED) is None
    producer.abort_transaction.assert_called_once()  # the offsets sent with it are aborted too
    producer.commit_transaction.assert_not_called()
    assert consumer.seek.call_count == 2


def test_records_not_delivered_by_the_flush_deadline_abort(
    committer: TransactionalCommitter, producer: Any
) -> None:
    producer.flush.return_value = 1
    assert committer.commit_batch(BATCH, ROUTED) is None
    producer.abort_transaction.assert_called_once()


def test_a_full_local_queue_is_drained_and_the_record_produced(
    committer: TransactionalCommitter, producer: Any
) -> None:
    producer.produce.side_effect = [BufferError(), None, None, None]
    assert committer.commit_batch(BATCH, ROUTED) == ROUTED
    assert producer.produce.call_count == 4
    producer.poll.assert_called()


@pytest.mark.parametrize(
    "code", [KafkaError._FENCED, KafkaError.PRODUCER_FENCED, KafkaError.INVALID_PRODUCER_EPOCH]
)
def test_being_fenced_raises_without_aborting(
    committer: TransactionalCommitter, producer: Any, observer: RecordingObserver, code: int
) -> None:
    producer.commit_transaction.side_effect = kafka_exc(code, fatal=code == KafkaError._FENCED)
    with pytest.raises(Fenced):
        committer.commit_batch(BATCH, ROUTED)
    producer.abort_transaction.assert_not_called()
    assert observer.outcomes == ["fenced"]
    committer.abort_open()  # nothing is open any more: no call
    producer.abort_transaction.assert_not_called()


def test_another_fatal_error_raises_kafka_fatal(committer: TransactionalCommitter, producer: Any) -> None:
    producer.begin_transaction.side_effect = kafka_exc(KafkaError._FATAL, fatal=True)
    with pytest.raises(KafkaFatal) as raised:
        committer.commit_batch(BATCH, ROUTED)
    assert not isinstance(raised.value, Fenced)
    producer.produce.assert_not_called()


def test_a_non_retriable_non_abortable_error_fails(committer: TransactionalCommitter, producer: Any) -> None:
    producer.send_offsets_to_transaction.side_effect = kafka_exc(KafkaError._INVALID_ARG)
    with pytest.raises(TransactionFailed):
        committer.commit_batch(BATCH, ROUTED)
    committer.abort_open()  # the transaction was left open: abort it on the way out
    producer.abort_transaction.assert_called_once()


def test_init_registers_the_transactional_id_with_retries(
    committer: TransactionalCommitter, producer: Any
) -> None:
    producer.init_transactions.side_effect = [kafka_exc(KafkaError._TIMED_OUT, retriable=True), None]
    assert committer.init()
    assert producer.init_transactions.call_args_list == [call(1.0), call(1.0)]


def test_a_routed_record_per_input_record_is_required(committer: TransactionalCommitter) -> None:
    with pytest.raises(ValueError):
        committer.commit_batch(BATCH, ROUTED[:2])


def test_a_fenced_error_raised_by_flush_is_fenced(committer: TransactionalCommitter, producer: Any) -> None:
    producer.flush.side_effect = kafka_exc(KafkaError._FENCED, fatal=True)
    with pytest.raises(Fenced):
        committer.commit_batch(BATCH, ROUTED)


def produced_records(producer: Any) -> list[tuple[str, bytes, dict[str, bytes]]]:
    return [(c.args[0], c.kwargs["key"], dict(c.kwargs["headers"])) for c in producer.produce.call_args_list]


def test_a_record_too_large_to_produce_is_replaced_by_a_compact_quarantine_record(
    committer: TransactionalCommitter, producer: Any, observer: RecordingObserver
) -> None:
    too_large = kafka_exc(KafkaError.MSG_SIZE_TOO_LARGE)
    producer.produce.side_effect = [None, too_large, None, None]
    committed = committer.commit_batch(BATCH, ROUTED)
    assert committed is not None
    assert committed[0] == ROUTED[0] and committed[2] == ROUTED[2]
    replaced = committed[1]
    assert (replaced.verdict, replaced.key, replaced.reason_codes) == (
        Verdict.QUARANTINED,
        b"b",
        ("gate.output_too_large",),
    )
    topics = [topic for topic, _key, _headers in produced_records(producer)]
    assert topics == ["images.approved", "images.rejected", "images.quarantine", "images.quarantine"]
    assert producer.produce.call_args_list[2].kwargs["value"] == replaced.value
    producer.commit_transaction.assert_called_once()
    producer.abort_transaction.assert_not_called()
    assert observer.outcomes == ["committed"] and observer.errors == ["output_too_large"]


def test_a_record_the_broker_refuses_for_its_size_is_replaced_when_the_batch_is_redone(
    committer: TransactionalCommitter, producer: Any, consumer: Any, observer: RecordingObserver
) -> None:
    def refuse_the_rejected_topic(topic: str, **kwargs: Any) -> None:
        if topic == "images.rejected":
            kwargs["on_delivery"](KafkaError(KafkaError.MSG_SIZE_TOO_LARGE), None)

    producer.produce.side_effect = refuse_the_rejected_topic
    assert committer.commit_batch(BATCH, ROUTED) is None  # the transaction cannot commit any more
    assert consumer.seek.call_count == 2
    producer.produce.reset_mock()
    committed = committer.commit_batch(BATCH, ROUTED)  # the loop's redo
    assert committed is not None
    assert [r.verdict for r in committed] == [Verdict.APPROVED, Verdict.QUARANTINED, Verdict.QUARANTINED]
    assert committed[1].reason_codes == ("gate.output_too_large",)
    assert [topic for topic, *_ in produced_records(producer)] == [
        "images.approved",
        "images.quarantine",
        "images.quarantine",
    ]
    assert observer.outcomes == ["aborted", "committed"] and observer.errors == ["output_too_large"]
    # Committed: the next batch at the same offsets (a later reprocessing) is not replaced any more.
    producer.produce.side_effect = None
    assert committer.commit_batch(BATCH, ROUTED) == ROUTED


def test_another_error_from_produce_still_aborts_the_batch(
    committer: TransactionalCommitter, producer: Any, observer: RecordingObserver
) -> None:
    producer.produce.side_effect = [None, kafka_exc(KafkaError._UNKNOWN_TOPIC)]
    assert committer.commit_batch(BATCH, ROUTED) is None
    producer.abort_transaction.assert_called_once()
    assert observer.errors == []


def test_each_decision_and_its_audit_record_are_produced_in_the_same_transaction(
    producer: Any, consumer: Any, observer: RecordingObserver
) -> None:
    topics = verdict_topics(TopicSettings())
    committer = TransactionalCommitter(
        producer, consumer, topics, observer, POLICY, audit_topic="gate.audit", sleep=lambda _s: None
    )
    audited = [RoutedRecord(**{**_fields(r), "audit": b"audit-" + r.key}) for r in ROUTED]
    assert committer.commit_batch(BATCH, audited) == audited
    produced = [(c.args[0], c.kwargs["key"], c.kwargs["value"]) for c in producer.produce.call_args_list]
    assert produced == [
        ("images.approved", b"a", b"v-a"),
        ("gate.audit", b"a", b"audit-a"),
        ("images.rejected", b"b", b"v-b"),
        ("gate.audit", b"b", b"audit-b"),
        ("images.quarantine", b"c", b"v-c"),
        ("gate.audit", b"c", b"audit-c"),
    ]
    names = [name for name, *_ in producer.method_calls]
    assert names[0] == "begin_transaction" and names[-1] == "commit_transaction"
    assert names.count("commit_transaction") == 1


def test_a_failed_audit_delivery_aborts_the_batch(
    producer: Any, consumer: Any, observer: RecordingObserver
) -> None:
    committer = TransactionalCommitter(
        producer,
        consumer,
        verdict_topics(TopicSettings()),
        observer,
        POLICY,
        audit_topic="gate.audit",
        sleep=lambda _s: None,
    )
    audited = [RoutedRecord(**{**_fields(r), "audit": b"audit"}) for r in ROUTED]
    producer.produce.side_effect = [None, kafka_exc(KafkaError._MSG_TIMED_OUT)] + [None] * 10
    assert committer.commit_batch(BATCH, audited) is None
    producer.commit_transaction.assert_not_called()
    assert observer.outcomes == ["aborted"]


def _fields(record: RoutedRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in RoutedRecord.__slots__}
