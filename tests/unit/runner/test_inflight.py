"""The window of uncommitted batches: when to fetch more, and where to rewind when it is discarded."""

from __future__ import annotations

from typing import Any
from unittest.mock import MagicMock

import pytest
from confluent_kafka import Consumer

from gate.core.record import InboundRecord
from gate.runner.batching import Batch
from gate.runner.evaluator import InProcessEvaluator
from gate.runner.inflight import InFlightBatches, rewind


def batch(*coordinates: tuple[int, int]) -> Batch:
    records = tuple(InboundRecord("in", p, o, b"k", b"v") for p, o in coordinates)
    return Batch(records, len(records), 0.0)


def window_of(*batches: Batch) -> InFlightBatches:
    window = InFlightBatches()
    for ticket, b in enumerate(batches):
        window.add(b, ticket)
    return window


def sought(consumer: Any) -> list[tuple[int, int]]:
    return [(c.args[0].partition, c.args[0].offset) for c in consumer.seek.call_args_list]


@pytest.mark.parametrize(
    ("in_flight", "batch_records", "workers", "room"),
    [
        ([], 64, 2, True),  # nothing in flight: always fetch
        ([64], 64, 2, True),  # one batch: fetch the next while it is evaluated
        ([64, 64], 64, 2, False),  # two full batches' worth
        ([1], 1, 2, True),  # batch size 1: several batches keep two workers busy
        ([1] * 15, 1, 2, True),  # tiny batches (sent as a worker was about to idle): up to 16 in flight
        ([1] * 16, 1, 2, False),  # at most 16 batches
        ([300], 64, 2, False),  # a batch larger than the current size (the size shrank)
    ],
)
def test_room_to_fetch(in_flight: list[int], batch_records: int, workers: int, room: bool) -> None:
    window = window_of(*(batch(*[(0, i) for i in range(n)]) for n in in_flight))
    assert window.has_room(batch_records, workers) is room


def test_discarding_rewinds_each_partition_to_its_earliest_uncommitted_offset() -> None:
    consumer = MagicMock(spec_set=Consumer)
    evaluator = MagicMock(spec_set=InProcessEvaluator)
    oldest = batch((0, 10), (0, 11), (1, 5))  # taken out already: its transaction aborted
    window = window_of(batch((0, 12), (1, 6)), batch((2, 40), (0, 13)))
    assert window.discard_all(evaluator, consumer, also=[oldest]) == 4
    assert sought(consumer) == [(0, 10), (1, 5), (2, 40)]  # partition 2 only ever appeared in a later batch
    assert [c.args[0] for c in evaluator.discard.call_args_list] == [0, 1]
    assert len(window) == 0 and window.oldest is None


def test_a_rewind_after_a_revoke_touches_only_partitions_still_assigned() -> None:
    consumer = MagicMock(spec_set=Consumer)
    rewind(consumer, [batch((0, 3), (1, 4))], only={("in", 1)})
    assert sought(consumer) == [(1, 4)]
