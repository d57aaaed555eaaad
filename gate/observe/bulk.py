"""Many observations applied to a Prometheus histogram in one update per bucket touched.

`Histogram.observe` takes two locks per value (its sum and one bucket). The runner observes about ten values
per decided event (its latency and the time of each check), which cost its one thread about 20 us per event,
a sixth of all its Python per event (measured, README "Performance"). Counting a committed batch's values
per bucket first and adding each count once leaves the same series: the same bucket counts and the same sum.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Any


def observe_all(histogram: Any, amounts: Sequence[float]) -> None:
    """`histogram.observe(amount)` for every amount, in one update per bucket (and one of the sum).

    `histogram` is an observable prometheus_client Histogram (unlabelled, or one labelled child). A library
    version whose histogram is not laid out as this expects is observed value by value instead.
    """
    if not amounts:
        return
    layout = _layout(histogram)
    if layout is None:
        for amount in amounts:
            histogram.observe(amount)
        return
    bounds, buckets, total = layout
    counts: dict[int, int] = {}
    for amount in amounts:
        index = _bucket(bounds, amount)
        if index is not None:
            counts[index] = counts.get(index, 0) + 1
    total.inc(sum(amounts))
    for index, count in counts.items():
        buckets[index].inc(count)


def observe_repeated(histogram: Any, amount: float, times: int) -> None:
    """`histogram.observe(amount)` `times` times, in one update (a batch's events share one latency)."""
    if times <= 0:
        return
    layout = _layout(histogram)
    if layout is None:
        for _ in range(times):
            histogram.observe(amount)
        return
    bounds, buckets, total = layout
    total.inc(amount * times)
    index = _bucket(bounds, amount)
    if index is not None:
        buckets[index].inc(times)


def _layout(histogram: Any) -> tuple[Sequence[float], Sequence[Any], Any] | None:
    """The histogram's bucket bounds, bucket values and sum value, or None if it is laid out otherwise."""
    bounds = getattr(histogram, "_upper_bounds", None)
    buckets = getattr(histogram, "_buckets", None)
    total = getattr(histogram, "_sum", None)
    if bounds is None or buckets is None or total is None or len(bounds) != len(buckets):
        return None
    return bounds, buckets, total


def _bucket(bounds: Sequence[float], amount: float) -> int | None:
    """The bucket `observe` counts `amount` in: the first whose bound it does not exceed (NaN: none)."""
    index = bisect_left(bounds, amount)
    return index if index < len(bounds) and amount <= bounds[index] else None
