"""How many bytes of coded data a decoder does without: the search the JPEG and WebP tail checks share.

A decode costs milliseconds, so the count is not tried one by one: it doubles while the decoder still
does without that many bytes, then halves back between the last count that passed and the first that
failed. A tail of n bytes takes about 2 log2(n) decodes.
"""

from __future__ import annotations

from collections.abc import Callable


def longest_spare(spare: Callable[[int], bool], low: int, limit: int | None = None) -> int:
    """The largest count n >= `low` (and <= `limit`, if given) for which `spare(n)` holds, where `spare`
    holds for every count up to some bound and for none past it; `spare(low)` is known to hold."""
    step = 1
    while (limit is None or low + step <= limit) and spare(low + step):
        low += step
        step *= 2
    # spare(high) is false, or high is past the limit
    high = low + step if limit is None else min(low + step, limit + 1)
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if spare(middle) else (low, middle)
    return low
