"""RecordAgeLag: the age of the oldest undecided record per partition, by a fake wall clock."""

from __future__ import annotations

import pytest

from gate.observe.lag import RecordAgeLag

A, B = ("ingest", 0), ("ingest", 1)


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(1_000.0)


def test_age_of_the_oldest_taken_record_grows_until_decided(clock: Clock) -> None:
    lag = RecordAgeLag(clock)
    lag.taken({A: 990_000, B: 999_500})
    assert lag.seconds() == {A: 10.0, B: 0.5}
    clock.now += 5  # the batch is stuck: the age keeps growing between scrapes
    assert lag.seconds() == {A: 15.0, B: 5.5}
    lag.decided([A])
    assert lag.seconds() == {A: 0.0, B: 5.5}


@pytest.mark.parametrize(
    ("timestamp_ms", "expected"),
    [
        (None, 0.0),  # no timestamp: counts from the moment it was taken
        (0, 0.0),  # librdkafka's "not available" shapes count the same way
        (-1, 0.0),
        (2_000_000, 0.0),  # a producer clock ahead of ours never gives a negative age
        (400_000, 600.0),
    ],
)
def test_timestamp_shapes(clock: Clock, timestamp_ms: int | None, expected: float) -> None:
    lag = RecordAgeLag(clock)
    lag.taken({A: timestamp_ms})
    assert lag.seconds()[A] == expected


def test_a_later_batch_never_makes_a_held_record_younger(clock: Clock) -> None:
    lag = RecordAgeLag(clock)
    lag.taken({A: 900_000})
    lag.taken({A: 990_000})  # e.g. an aborted batch redone: the older record still waits
    assert lag.seconds()[A] == 100.0


def test_caught_up_paused_and_released(clock: Clock) -> None:
    lag = RecordAgeLag(clock)
    lag.taken({A: 999_000, B: 999_000})
    lag.caught_up([A, B])
    assert lag.seconds() == {A: 0.0, B: 0.0}
    lag.paused([A])
    clock.now += 30
    assert lag.seconds() == {A: 30.0, B: 0.0}  # paused: waiting counts from the pause
    lag.released([A, ("other", 9)])
    assert lag.seconds() == {B: 0.0}
