"""Summaries of repeated measurements: median with spread, and ratios taken per repetition pair.

A ratio is computed inside each repetition (gate time / bare time measured back to back), and only then
summarised, so drift of the machine between repetitions cancels instead of widening the spread.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Summary:
    """Median of repeated measurements with their interquartile range and extremes."""

    median: float
    q1: float
    q3: float
    low: float
    high: float
    n: int

    @property
    def iqr(self) -> float:
        """Interquartile range (q3 - q1)."""
        return self.q3 - self.q1

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form, with the raw count."""
        return asdict(self)

    def fmt(self, digits: int = 3) -> str:
        """`median [q1-q3]`, for tables."""
        return f"{_num(self.median, digits)} [{_num(self.q1, digits)}-{_num(self.q3, digits)}]"


def _num(value: float, digits: int) -> str:
    if value == 0 or not math.isfinite(value):
        return str(value)
    magnitude = math.floor(math.log10(abs(value)))
    decimals = max(0, digits - 1 - magnitude)
    return f"{value:.{decimals}f}"


def quantile(values: Sequence[float], q: float) -> float:
    """The q-quantile (0..1) with linear interpolation between order statistics (numpy's default)."""
    if not values:
        raise ValueError("quantile of no values")
    if not 0.0 <= q <= 1.0:
        raise ValueError("q must be within [0, 1]")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    lower = math.floor(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def summarize(values: Sequence[float]) -> Summary:
    """Median, quartiles and extremes of `values` (at least one)."""
    if not values:
        raise ValueError("cannot summarise no measurements")
    return Summary(
        median=statistics.median(values),
        q1=quantile(values, 0.25),
        q3=quantile(values, 0.75),
        low=min(values),
        high=max(values),
        n=len(values),
    )


def paired_ratios(numerators: Sequence[float], denominators: Sequence[float]) -> list[float]:
    """numerator[i] / denominator[i] for each repetition i (both measured in the same repetition)."""
    if len(numerators) != len(denominators):
        raise ValueError("paired ratios need the same number of repetitions on both sides")
    if any(d <= 0 for d in denominators):
        raise ValueError("a denominator measurement is not positive")
    return [n / d for n, d in zip(numerators, denominators, strict=True)]


def ratio_summary(numerators: Sequence[float], denominators: Sequence[float]) -> Summary:
    """Summary of the per-repetition ratios (not the ratio of the medians)."""
    return summarize(paired_ratios(numerators, denominators))


def rate(count: int, seconds: float) -> float:
    """Items per second; a zero duration (below timer resolution) counts as infinitely fast."""
    return count / seconds if seconds > 0 else math.inf
