"""How the in-process core's baseline splits the events between its processes."""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.e2e_core import shares_of

MIX = [b"signed-jpeg", b"unsigned-jpeg", b"signed-png", b"unsigned-png"]


@pytest.mark.parametrize(("events", "workers"), [(1500, 2), (1501, 2), (800, 2), (1500, 3), (10, 1)])
def test_every_share_holds_the_streams_mix(events: int, workers: int) -> None:
    values = [MIX[i % len(MIX)] for i in range(events)]
    shares = shares_of(values, workers)
    assert sorted(v for share in shares for v in share) == sorted(values)  # nothing lost, nothing twice
    for share in shares:
        counts = Counter(share)
        assert set(counts) == set(MIX)
        assert max(counts.values()) - min(counts.values()) <= 1


def test_dealt_in_turn_splits_a_mix_of_four_by_payload() -> None:
    """What the baseline did before: with two processes one got every signed image, the other every
    unsigned one (which the gate signs, the dearer half), and the slower share set the rate."""
    values = [MIX[i % len(MIX)] for i in range(1500)]
    first, second = shares_of(values, 2, dealt=True)
    assert set(first) == {b"signed-jpeg", b"signed-png"}
    assert set(second) == {b"unsigned-jpeg", b"unsigned-png"}
