"""Batch bounds, giving back what exceeds them, and keeping a batch consistent with rebalances."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from unittest.mock import MagicMock

import pytest
from confluent_kafka import Consumer, KafkaError, Message, TopicPartition

from gate.runner.batching import BatchReader
from gate.runner.errors import KafkaFatal
from gate.settings import BatchSettings


def msg(partition: int, offset: int, value: bytes = b"x", topic: str = "in") -> Message:
    return Message(
        topic=topic, partition=partition, offset=offset, key=b"k", value=value, timestamp=(1, 1000)
    )


def err(code: int, *, fatal: bool = False) -> Message:
    return Message(error=KafkaError(code, "test", fatal=fatal))


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def make_reader(
    responses: list[list[Message] | Callable[[], list[Message]]],
    limits: BatchSettings,
    clock: FakeClock | None = None,
) -> tuple[BatchReader, Any]:
    consumer = MagicMock(spec_set=Consumer)
    clock = clock or FakeClock()

    def consume(num_messages: int, timeout: float) -> list[Message]:
        clock.now += timeout
        response = responses.pop(0) if responses else []
        got = response() if callable(response) else response
        assert len(got) <= num_messages
        return got

    consumer.consume.side_effect = consume
    reader = BatchReader(consumer, limits, on_error=lambda _k: None, clock=clock)
    reader.assigned([("in", 0), ("in", 1)])
    return reader, consumer


def offsets(batch: Any) -> list[tuple[int, int]]:
    return [(r.partition, r.offset) for r in batch.records]


def test_no_record_within_the_idle_timeout_gives_no_batch() -> None:
    reader, _ = make_reader([[]], BatchSettings())
    assert reader.next_batch() is None


def test_a_batch_closes_at_max_records() -> None:
    reader, consumer = make_reader(
        [[msg(0, i) for i in range(3)], [msg(0, 3), msg(0, 4)]], BatchSettings(max_records=5)
    )
    batch = reader.next_batch()
    assert offsets(batch) == [(0, i) for i in range(5)]
    assert [c.kwargs["num_messages"] for c in consumer.consume.call_args_list] == [5, 2]


def test_a_batch_closes_after_linger_and_reports_offsets() -> None:
    reader, _ = make_reader([[msg(0, 7), msg(1, 3)], [msg(0, 8)], []], BatchSettings(linger_ms=50))
    batch = reader.next_batch()
    assert batch is not None
    assert offsets(batch) == [(0, 7), (1, 3), (0, 8)]
    assert batch.first_offsets == {("in", 0): 7, ("in", 1): 3}
    assert batch.next_offsets == {("in", 0): 9, ("in", 1): 4}
    assert batch.records[0].timestamp_ms == 1000


def test_records_beyond_max_bytes_are_given_back_by_seeking() -> None:
    big = b"y" * 60
    reader, consumer = make_reader(
        [[msg(0, 1, big), msg(1, 4, big), msg(0, 2, big)]], BatchSettings(max_bytes=100)
    )
    batch = reader.next_batch()
    assert offsets(batch) == [(0, 1)]
    sought = sorted((c.args[0].partition, c.args[0].offset) for c in consumer.seek.call_args_list)
    assert sought == [(0, 2), (1, 4)]  # the first record not taken, per partition


def test_a_batch_ends_once_a_record_was_given_back() -> None:
    # The consumer would hand the given-back record over again on every consume() until linger ran out.
    fits, too_big = msg(0, 1, b"y" * 60), msg(0, 2, b"y" * 60)
    responses = [[fits], [too_big], [too_big], [too_big]]
    clock = FakeClock()
    reader, consumer = make_reader([], BatchSettings(max_bytes=100, linger_ms=1_000), clock)

    def consume(num_messages: int, timeout: float) -> list[Message]:
        # A broker with records waiting answers at once: no time passes, linger is far from over.
        if responses:
            return responses.pop(0)
        clock.now += timeout
        return []

    consumer.consume.side_effect = consume
    assert offsets(reader.next_batch()) == [(0, 1)]
    assert consumer.consume.call_count == 2
    assert [(c.args[0].partition, c.args[0].offset) for c in consumer.seek.call_args_list] == [(0, 2)]


def test_a_single_record_larger_than_max_bytes_still_makes_a_batch() -> None:
    reader, _ = make_reader([[msg(0, 1, b"z" * 500)]], BatchSettings(max_bytes=100))
    assert offsets(reader.next_batch()) == [(0, 1)]


def test_a_revoke_while_assembling_drops_pending_records_of_that_partition() -> None:
    holder: list[BatchReader] = []

    def revoke_partition_0() -> list[Message]:
        holder[0].revoked([("in", 0)])  # on_revoke runs inside consume()
        return []

    reader, _ = make_reader([[msg(0, 1), msg(1, 1)], revoke_partition_0, []], BatchSettings(linger_ms=50))
    holder.append(reader)
    batch = reader.next_batch()
    assert offsets(batch) == [(1, 1)]  # partition 0 was never committed: its next owner reads it again


def test_messages_returned_with_a_rebalance_restart_from_the_committed_offset() -> None:
    reader, consumer = make_reader([], BatchSettings(linger_ms=0))
    consumer.committed.return_value = [TopicPartition("in", 0, 40)]

    def rebalance() -> list[Message]:
        reader.revoked([("in", 0), ("in", 1)])
        reader.assigned([("in", 0)])
        return [msg(0, 55), msg(0, 56)]  # may predate the rebalance

    consumer.consume.side_effect = lambda num_messages, timeout: rebalance()
    assert reader.next_batch() is None
    consumer.seek.assert_called_once()
    (tp,) = consumer.seek.call_args.args
    assert (tp.partition, tp.offset) == (0, 40)


def test_partition_eof_and_transient_errors_are_skipped_fatal_ones_raise() -> None:
    reader, _ = make_reader(
        [[err(KafkaError._PARTITION_EOF), err(KafkaError._TRANSPORT), msg(0, 1)], []], BatchSettings()
    )
    assert offsets(reader.next_batch()) == [(0, 1)]
    reader, _ = make_reader([[err(KafkaError._FATAL, fatal=True)]], BatchSettings())
    with pytest.raises(KafkaFatal):
        reader.next_batch()


def test_the_end_of_a_burst_is_not_held_for_the_idle_timeout() -> None:
    # consume(n, t) returns only when n records arrived or t passed: the first call asks without waiting, so
    # three records left at the end of a burst are a batch after linger, not after the 0.5 s idle timeout.
    clock = FakeClock()
    reader, consumer = make_reader(
        [[msg(0, 1), msg(0, 2), msg(0, 3)], []], BatchSettings(linger_ms=20), clock
    )
    batch = reader.next_batch()
    assert offsets(batch) == [(0, 1), (0, 2), (0, 3)]
    assert [c.kwargs["timeout"] for c in consumer.consume.call_args_list] == [0.0, pytest.approx(0.02)]
    assert clock.now == pytest.approx(0.02)


def test_with_nothing_buffered_it_waits_for_one_record_then_lingers() -> None:
    reader, consumer = make_reader([[], [msg(0, 1)], [msg(0, 2)], []], BatchSettings(max_records=8))
    assert offsets(reader.next_batch()) == [(0, 1), (0, 2)]
    calls = [(c.kwargs["num_messages"], c.kwargs["timeout"]) for c in consumer.consume.call_args_list]
    assert calls[:2] == [(8, 0.0), (1, 0.5)]


def test_max_records_of_the_call_lowers_the_configured_bound() -> None:
    reader, _ = make_reader([[msg(0, i) for i in range(3)]], BatchSettings(max_records=64))
    assert offsets(reader.next_batch(max_records=3)) == [(0, 0), (0, 1), (0, 2)]


def test_with_work_in_flight_waits_are_sliced_and_the_batch_closes_when_asked() -> None:
    served: list[float] = []
    clock = FakeClock()
    reader, consumer = make_reader([[msg(0, 1)], [], [], []], BatchSettings(linger_ms=1_000), clock)

    def between() -> bool:
        served.append(clock.now)
        return len(served) >= 3  # the batch before this one became committable

    batch = reader.next_batch(between=between)
    assert offsets(batch) == [(0, 1)]  # closed long before linger
    assert all(c.kwargs["timeout"] == 0.0 for c in consumer.consume.call_args_list)  # between() waits
    assert len(served) == 3


def test_with_work_in_flight_and_nothing_to_read_it_returns_when_asked() -> None:
    reader, _ = make_reader([], BatchSettings())
    assert reader.next_batch(idle_timeout_s=10.0, between=lambda: True) is None


def test_without_linger_a_batch_is_what_was_buffered() -> None:
    reader, consumer = make_reader([[msg(0, 1), msg(0, 2)], [msg(0, 3)]], BatchSettings(linger_ms=50))
    assert offsets(reader.next_batch(linger_s=0.0)) == [(0, 1), (0, 2)]
    assert consumer.consume.call_count == 1


def test_a_batch_asked_to_close_on_its_first_records_is_still_a_batch() -> None:
    reader, _ = make_reader([[msg(0, 1)]], BatchSettings())
    assert offsets(reader.next_batch(between=lambda: True)) == [(0, 1)]


@pytest.mark.parametrize(
    ("hungry", "expected"),
    [
        ([True], [(0, 1)]),  # a worker is about to idle: the first record goes at once
        ([False, True], [(0, 1), (0, 2)]),  # the workers were busy for one poll, then one ran short
        ([False] * 10, [(0, 1), (0, 2), (0, 3)]),  # busy workers: the batch lingers and fills as before
    ],
)
def test_a_batch_lingers_only_while_the_workers_have_enough_to_do(
    hungry: list[bool], expected: list[tuple[int, int]]
) -> None:
    clock = FakeClock()
    reader, _ = make_reader([[msg(0, 1)], [msg(0, 2)], [msg(0, 3)], []], BatchSettings(linger_ms=50), clock)
    answers = iter(hungry)

    def between() -> bool:
        clock.now += 0.005  # serving the workers for a slice
        return False

    batch = reader.next_batch(between=between, send_now=lambda: next(answers, False))
    assert offsets(batch) == expected


def test_send_now_is_not_asked_before_the_batch_holds_a_record() -> None:
    clock = FakeClock()
    reader, _ = make_reader([[], [], [msg(0, 4)]], BatchSettings(linger_ms=0), clock)
    asked: list[bool] = []

    def send_now() -> bool:
        asked.append(True)
        return True

    def between() -> bool:
        clock.now += 0.005
        return False

    assert reader.next_batch(idle_timeout_s=10.0, between=between, send_now=send_now) is not None
    assert len(asked) == 1


@pytest.mark.parametrize(
    ("responses", "limits", "max_records", "linger_s", "full"),
    [
        ([[msg(0, 1), msg(0, 2), msg(0, 3)]], BatchSettings(max_records=3), None, None, True),
        ([[msg(0, 1), msg(0, 2)]], BatchSettings(max_records=8), 2, None, True),  # the adaptive size
        ([[msg(0, 1, b"y" * 60), msg(0, 2, b"y" * 60)]], BatchSettings(max_bytes=100), None, None, True),
        ([[msg(0, 1, b"y" * 100)]], BatchSettings(max_bytes=100), None, 0.0, True),  # exactly at the bytes
        ([[msg(0, 1), msg(0, 2)], []], BatchSettings(max_records=3), None, None, False),  # linger ran out
        ([[msg(0, 1)]], BatchSettings(max_records=3), None, 0.0, False),  # sent with what was buffered
    ],
    ids=["max_records", "adaptive size", "a record given back", "max_bytes", "linger", "no linger"],
)
def test_a_batch_says_whether_a_size_bound_closed_it(
    responses: list[list[Message]],
    limits: BatchSettings,
    max_records: int | None,
    linger_s: float | None,
    full: bool,
) -> None:
    """Full batches tell the batch sizer that records were waiting (a backlog), not that the gate kept up."""
    reader, _ = make_reader(list(responses), limits)
    batch = reader.next_batch(max_records=max_records, linger_s=linger_s)
    assert batch is not None and batch.full is full


def test_a_record_for_a_hungry_worker_does_not_wait_out_a_slice_of_serving() -> None:
    clock = FakeClock()
    reader, _ = make_reader([[msg(0, 1)], [msg(0, 2)]], BatchSettings(linger_ms=50), clock)
    served: list[bool] = []

    def between() -> bool:
        served.append(True)
        clock.now += 0.002
        return False

    batch = reader.next_batch(between=between, send_now=lambda: True)
    assert offsets(batch) == [(0, 1)]
    assert served == []  # closed as soon as it held a record: no wait for the workers first
