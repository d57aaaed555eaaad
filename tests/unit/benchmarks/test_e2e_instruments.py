"""The e2e instruments read after the fact: a record's verdict readable by its committed offset."""

from __future__ import annotations

import pytest

from benchmarks.broker_load import CommitWatch


@pytest.mark.parametrize(
    ("partition", "offset", "readable"),
    [
        (0, 0, 1.0),  # committed 5 at 1.0: records 0-4 are decided
        (0, 4, 1.0),
        (0, 5, 2.0),  # offset 5 itself is the next to decide: readable at the move past it
        (0, 8, 2.0),
        (0, 9, 3.0),
        (0, 11, 3.0),
        (0, 12, None),  # not committed yet
        (1, 0, 1.5),
        (1, 3, None),
        (2, 0, None),  # a partition never seen committed
    ],
)
def test_a_record_is_readable_at_the_first_committed_offset_past_it(
    partition: int, offset: int, readable: float | None
) -> None:
    watch = CommitWatch("127.0.0.1:1", "in", "g")
    watch.moves = {0: [(5, 1.0), (9, 2.0), (12, 3.0)], 1: [(3, 1.5)]}
    assert watch.readable_at(partition, offset) == readable
