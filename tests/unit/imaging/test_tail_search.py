"""The count search the JPEG and WebP tail checks share: exact for every bound, within a limit."""

from __future__ import annotations

import pytest

from gate.imaging.tail_search import longest_spare


@pytest.mark.parametrize("bound", range(3, 70))
def test_it_finds_the_last_count_that_holds(bound: int) -> None:
    asked: list[int] = []

    def spare(count: int) -> bool:
        asked.append(count)
        return count <= bound

    assert longest_spare(spare, 3) == bound
    assert len(asked) <= 2 * bound.bit_length() + 2  # a few decodes, not one per byte


@pytest.mark.parametrize(("bound", "limit", "found"), [(10, 6, 6), (10, 10, 10), (10, 40, 10), (0, 5, 0)])
def test_it_never_asks_past_its_limit(bound: int, limit: int, found: int) -> None:
    def spare(count: int) -> bool:
        assert count <= limit
        return count <= bound

    assert longest_spare(spare, 0, limit) == found
