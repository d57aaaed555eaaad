"""The adaptive batch size as truth tables: a window of committed batches in, the next size out.

The sizer decides once a window holds DECIDE_EVENTS events in DECIDE_BATCHES batches. Keeping up (batches
closed before a size bound), the p99 over the window against the target halves the size or keeps it; under
a backlog (batches closed at a size bound) the size follows the committed records per second.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from gate.runner.batch_size import (
    DECIDE_BATCHES,
    DECIDE_EVENTS,
    BatchSizer,
    CommittedBatch,
    committed_rate,
    p99_latency_s,
)
from gate.settings import BatchSettings

LIMITS = BatchSettings(max_records=64, min_records=2, target_latency_ms=100)


def sizer_at(size: int, limits: BatchSettings = LIMITS) -> BatchSizer:
    sizer = BatchSizer(limits)
    sizer.size = size
    return sizer


def window(
    latencies_ms: list[float],
    *,
    records: int = 16,
    full: bool = False,
    every_s: float = 0.02,
    start: float = 0,
) -> list[CommittedBatch]:
    """Batches of `records` committed `every_s` apart, one per latency."""
    return [
        CommittedBatch(records, ms / 1000, full, start + i * every_s) for i, ms in enumerate(latencies_ms)
    ]


def feed(sizer: BatchSizer, batches: list[CommittedBatch]) -> list[int]:
    return [sizer.observe(b) for b in batches]


KEEPING_UP = [40.0, 50.0, 60.0, 70.0]  # 4 batches of 16: exactly one decision


@pytest.mark.parametrize(
    ("size", "latencies_ms", "full", "expected", "why"),
    [
        (32, KEEPING_UP, False, 32, "keeping up under the target: the size did not limit anything"),
        (32, [40, 50, 60, 100], False, 32, "a p99 exactly at the target counts as under it"),
        (32, [40, 50, 60, 101], False, 16, "keeping up, p99 over the target: halve"),
        (3, [200, 200, 200, 200], False, 2, "halving stops at min_records"),
        (2, [200, 200, 200, 200], False, 2, "already at min_records"),
        (64, [200, 200, 200, 200], False, 64, "batches of 16 far below 64: the size limited nothing"),
        (33, [200, 200, 200, 200], False, 33, "batches of 16 under half of 33: still nothing to halve"),
        (32, [200, 200, 200, 200], False, 16, "batches of 16 are half of 32: the size binds, halve"),
        (32, KEEPING_UP, True, 36, "a backlog, first window: a step up (64 // 16)"),
        (62, KEEPING_UP, True, 64, "the step stops at max_records"),
        (32, [400, 400, 400, 400], True, 36, "over the target in a backlog: grow, records wait in the topic"),
    ],
)
def test_one_window_moves_the_size(
    size: int, latencies_ms: list[float], full: bool, expected: int, why: str
) -> None:
    sizes = feed(sizer_at(size), window(latencies_ms, full=full))
    assert sizes[:-1] == [size] * (len(sizes) - 1), "no decision before the window is complete"
    assert sizes[-1] == expected, why


@pytest.mark.parametrize(
    ("batches", "records", "decides"),
    [
        (DECIDE_BATCHES - 1, 64, False),  # enough events, too few batches for a rate
        (DECIDE_BATCHES, DECIDE_EVENTS // DECIDE_BATCHES - 1, False),  # enough batches, too few events
        (DECIDE_BATCHES, DECIDE_EVENTS // DECIDE_BATCHES, True),
    ],
)
def test_a_decision_waits_for_enough_events_and_batches(batches: int, records: int, decides: bool) -> None:
    sizer = sizer_at(32)
    feed(sizer, window([500.0] * batches, records=records))
    assert (sizer.size == 16) is decides


def test_the_p99_counts_events_not_batches() -> None:
    """A slow batch of one record among 100 fast events is the slowest 1%; of two records, more."""
    fast = window([10.0] * 5, records=20)
    assert p99_latency_s([*fast, CommittedBatch(1, 0.5, False, 1.0)]) == pytest.approx(0.01)
    assert p99_latency_s([*fast, CommittedBatch(2, 0.5, False, 1.0)]) == pytest.approx(0.5)


def test_a_slow_window_at_partial_load_sheds_in_a_few_windows_and_stays() -> None:
    sizer = BatchSizer(LIMITS)
    assert sizer.size == 64
    sizes = []
    for _ in range(6):
        # Batches as large as the size allows, just not full (closed by the linger): the size binds.
        sizes.append(feed(sizer, window([300.0] * 4, records=max(sizer.size - 1, 16)))[-1])
    assert sizes == [32, 16, 8, 4, 2, 2]
    feed(sizer, window(KEEPING_UP))
    assert sizer.size == 2, "keeping up within the target: no reason to grow"


def test_a_backlog_grows_while_throughput_grows_and_steps_back_past_the_peak() -> None:
    sizer = sizer_at(16)
    # 4 batches of 16 committed 20 ms apart: 48 records over 60 ms = 800/s.
    feed(sizer, window(KEEPING_UP, full=True, every_s=0.02))
    assert sizer.size == 20, "first backlog window: grow"
    feed(sizer, window(KEEPING_UP, full=True, every_s=0.0195, start=1))  # 821/s: grew
    assert sizer.size == 24
    feed(sizer, window(KEEPING_UP, full=True, every_s=0.0200, start=2))  # 800/s: within the noise
    assert sizer.size == 28
    feed(sizer, window(KEEPING_UP, full=True, every_s=0.0250, start=3))  # 640/s: fell
    assert sizer.size == 24, "past the peak: a step back"
    feed(sizer, window(KEEPING_UP, full=True, every_s=0.0200, start=4))  # 800/s again: climb on
    assert sizer.size == 28


def test_a_backlog_window_committed_in_one_transaction_decides_nothing() -> None:
    sizer = sizer_at(16)
    feed(sizer, window(KEEPING_UP, full=True, every_s=0.0))
    assert sizer.size == 16


def test_a_backlog_after_keeping_up_climbs_afresh() -> None:
    sizer = sizer_at(16)
    feed(sizer, window(KEEPING_UP, full=True, every_s=0.01))  # 1600/s
    feed(sizer, window(KEEPING_UP, every_s=0.01, start=1))  # keeping up: the old rate is forgotten
    feed(sizer, window(KEEPING_UP, full=True, every_s=0.05, start=2))  # 320/s: a new load, not a fall
    assert sizer.size == 24


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ((True, True, True, False), 20),
        ((True, True, False, False), 16),
        ((False, False, False, False), 16),
    ],
    ids=["three of four full: a backlog, grow", "half is not most: keeping up", "none full: keeping up"],
)
def test_a_backlog_is_most_of_the_records_in_full_batches(full: tuple[bool, ...], expected: int) -> None:
    sizer = sizer_at(16)
    feed(sizer, [CommittedBatch(16, 0.04, f, i * 0.02) for i, f in enumerate(full)])
    assert sizer.size == expected


def test_committed_rate_counts_the_records_after_the_first_commit() -> None:
    batches = [CommittedBatch(10, 0.0, True, 1.0), CommittedBatch(30, 0.0, True, 1.5)]
    assert committed_rate(batches) == pytest.approx(60.0)
    assert committed_rate([CommittedBatch(10, 0.0, True, 1.0)] * 2) is None


def test_without_a_target_the_size_is_fixed_at_max_records() -> None:
    sizer = BatchSizer(BatchSettings(max_records=16, target_latency_ms=None))
    assert not sizer.adaptive
    feed(sizer, window([9000.0] * 8))
    assert sizer.size == 16


def test_min_records_above_max_records_is_a_configuration_error() -> None:
    with pytest.raises(ValidationError, match="min_records must not exceed"):
        BatchSettings(max_records=4, min_records=10)
