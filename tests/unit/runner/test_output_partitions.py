"""Where a transaction's outputs go: one partition of each output topic, chosen from its input partitions."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any
from unittest.mock import MagicMock

import pytest
from confluent_kafka import Consumer, KafkaError, KafkaException, Producer

from gate.core.record import InboundRecord, RoutedRecord, route_headers
from gate.model import PolicyRef, Verdict
from gate.observe.observer import NullObserver
from gate.runner.batching import Batch
from gate.runner.transaction import TransactionalCommitter, anchor_partition, verdict_topics
from gate.settings import TopicSettings

POLICY = PolicyRef("p1", "f" * 64)
TOPICS = TopicSettings()


def inbound(partition: int, offset: int) -> InboundRecord:
    return InboundRecord("in", partition, offset, f"k{partition}-{offset}".encode(), b"v")


def routed(verdict: Verdict, key: bytes) -> RoutedRecord:
    headers = route_headers(verdict, ("c",), POLICY, None)
    return RoutedRecord(verdict, key, b"v-" + key, headers, ("c",), "s", audit=b"a-" + key)


def metadata(partitions: dict[str, int | None]) -> Any:
    """What Producer.list_topics returns: None stands for a topic the broker does not know."""
    topics = {
        name: SimpleNamespace(
            error=KafkaError(KafkaError.UNKNOWN_TOPIC_OR_PART) if count is None else None,
            partitions={p: object() for p in range(count or 0)},
        )
        for name, count in partitions.items()
    }
    return SimpleNamespace(topics=topics)


def committer_with(counts: dict[str, int | None]) -> tuple[TransactionalCommitter, Any]:
    producer = MagicMock(spec_set=Producer)
    producer.flush.return_value = 0
    producer.list_topics.side_effect = lambda name, timeout: metadata({name: counts.get(name)})
    committer = TransactionalCommitter(
        producer,
        MagicMock(spec_set=Consumer),
        verdict_topics(TOPICS),
        NullObserver(),
        POLICY,
        audit_topic=TOPICS.audit,
        sleep=lambda _s: None,
    )
    committer.init()
    return committer, producer


def produced_to(producer: Any) -> list[tuple[str, int]]:
    return [(c.args[0], c.kwargs["partition"]) for c in producer.produce.call_args_list]


@pytest.mark.parametrize(
    ("partitions", "anchor"),
    [
        ([], 0),
        ([3], 3),
        ([0, 1, 0], 0),  # most records
        ([1, 0], 1),  # a tie: the oldest record's
        ([2, 3, 3], 3),
        ([5, 1, 1, 5], 5),
    ],
)
def test_a_transaction_follows_the_input_partition_holding_most_of_its_records(
    partitions: list[int], anchor: int
) -> None:
    assert anchor_partition([inbound(p, i) for i, p in enumerate(partitions)]) == anchor


def test_every_output_and_audit_record_of_a_transaction_goes_to_one_partition_per_topic() -> None:
    counts: dict[str, int | None] = {
        TOPICS.approved: 4,
        TOPICS.quarantine: 4,
        TOPICS.rejected: 4,
        TOPICS.audit: 3,
    }
    committer, producer = committer_with(counts)
    records = (inbound(1, 10), inbound(2, 7), inbound(1, 11))  # anchored at input partition 1
    verdicts = [Verdict.APPROVED, Verdict.QUARANTINED, Verdict.APPROVED]
    out = [routed(v, r.key) for v, r in zip(verdicts, records, strict=True)]
    assert committer.commit_batch(Batch(records, 3, 0.0), out) == out
    assert produced_to(producer) == [
        (TOPICS.approved, 1),
        (TOPICS.audit, 1),
        (TOPICS.quarantine, 1),
        (TOPICS.audit, 1),
        (TOPICS.approved, 1),
        (TOPICS.audit, 1),
    ]
    # Keys are kept: a reader still tells events apart by key.
    assert [c.kwargs["key"] for c in producer.produce.call_args_list][::2] == [r.key for r in records]


def test_the_partition_wraps_round_a_topic_with_fewer_partitions_than_the_input() -> None:
    committer, producer = committer_with({TOPICS.approved: 4, TOPICS.audit: 2})
    records = (inbound(7, 0),)
    committer.commit_batch(Batch(records, 1, 0.0), [routed(Verdict.APPROVED, records[0].key)])
    assert produced_to(producer) == [(TOPICS.approved, 3), (TOPICS.audit, 1)]


def test_a_topic_whose_partitions_cannot_be_read_is_produced_to_by_key() -> None:
    committer, producer = committer_with({TOPICS.approved: None, TOPICS.audit: 4})
    assert TOPICS.approved not in committer.partition_counts
    records = (inbound(2, 0),)
    committer.commit_batch(Batch(records, 1, 0.0), [routed(Verdict.APPROVED, records[0].key)])
    assert produced_to(producer) == [(TOPICS.approved, -1), (TOPICS.audit, 2)]


def test_a_metadata_error_leaves_every_topic_to_the_partitioner() -> None:
    committer, producer = committer_with({TOPICS.approved: 4, TOPICS.audit: 4})
    assert committer.partition_counts == {TOPICS.approved: 4, TOPICS.audit: 4}
    producer.list_topics.side_effect = KafkaException(KafkaError(KafkaError._TRANSPORT))
    committer.init()
    assert committer.partition_counts == {}


def test_an_abort_reads_the_partition_counts_again() -> None:
    committer, producer = committer_with({TOPICS.approved: 4, TOPICS.audit: 4})
    reads = producer.list_topics.call_count
    producer.flush.return_value = 1  # a record not delivered: the transaction is aborted
    records = (inbound(0, 0),)
    assert committer.commit_batch(Batch(records, 1, 0.0), [routed(Verdict.APPROVED, records[0].key)]) is None
    assert producer.list_topics.call_count > reads
