"""The adaptive batch size (AIMD) as truth tables: one committed batch in, the next size out."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from gate.runner.batch_size import BatchSizer
from gate.settings import BatchSettings

LIMITS = BatchSettings(max_records=64, min_records=2, target_latency_ms=100)


def sizer_at(size: int, limits: BatchSettings = LIMITS) -> BatchSizer:
    sizer = BatchSizer(limits)
    sizer.size = size
    return sizer


@pytest.mark.parametrize(
    ("size", "records", "latency_ms", "expected", "why"),
    [
        (32, 32, 50, 36, "full and under target: add a step (64 // 16)"),
        (62, 62, 50, 64, "the step stops at max_records"),
        (64, 64, 50, 64, "already at max_records"),
        (32, 10, 50, 32, "not full: the size was not what limited the batch"),
        (32, 32, 100, 36, "exactly at the target counts as under it"),
        (32, 32, 101, 16, "over target: halve"),
        (32, 5, 150, 16, "over target halves even when the batch was not full"),
        (3, 3, 500, 2, "halving stops at min_records"),
        (2, 2, 500, 2, "already at min_records"),
    ],
)
def test_one_batch_moves_the_size(
    size: int, records: int, latency_ms: float, expected: int, why: str
) -> None:
    assert sizer_at(size).observe(records, latency_ms / 1000) == expected, why


def test_it_starts_at_max_records_and_a_slow_burst_sheds_in_a_few_batches() -> None:
    sizer = BatchSizer(LIMITS)
    assert sizer.size == 64
    sizes = [sizer.observe(sizer.size, 0.3) for _ in range(6)]
    assert sizes == [32, 16, 8, 4, 2, 2]


def test_fast_full_batches_grow_back_linearly() -> None:
    sizer = sizer_at(2)
    sizes = [sizer.observe(sizer.size, 0.01) for _ in range(3)]
    assert sizes == [6, 10, 14]


def test_without_a_target_the_size_is_fixed_at_max_records() -> None:
    sizer = BatchSizer(BatchSettings(max_records=16, target_latency_ms=None))
    assert not sizer.adaptive
    assert [sizer.observe(16, 9.0), sizer.observe(1, 0.0)] == [16, 16]


def test_min_records_above_max_records_is_a_configuration_error() -> None:
    with pytest.raises(ValidationError, match="min_records must not exceed"):
        BatchSettings(max_records=4, min_records=10)
