"""The statistics behind every benchmark figure: quantiles, summaries and per-repetition ratios."""

from __future__ import annotations

import math

import pytest

from benchmarks.stats import paired_ratios, quantile, rate, ratio_summary, summarize


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([1.0, 2.0, 3.0, 4.0], 0.5, 2.5),
        ([1.0, 2.0, 3.0, 4.0], 0.25, 1.75),
        ([4.0, 1.0, 3.0, 2.0], 0.75, 3.25),  # order of the input does not matter
        ([7.0], 0.99, 7.0),
        ([1.0, 2.0], 0.0, 1.0),
        ([1.0, 2.0], 1.0, 2.0),
    ],
)
def test_quantile_interpolates_like_numpy(values: list[float], q: float, expected: float) -> None:
    assert quantile(values, q) == pytest.approx(expected)


def test_quantile_refuses_no_values_and_bad_q() -> None:
    with pytest.raises(ValueError):
        quantile([], 0.5)
    with pytest.raises(ValueError):
        quantile([1.0], 1.5)


def test_summary_has_median_quartiles_and_extremes() -> None:
    s = summarize([5.0, 1.0, 3.0, 2.0, 4.0])
    assert (s.median, s.q1, s.q3, s.low, s.high, s.n) == (3.0, 2.0, 4.0, 1.0, 5.0, 5)
    assert s.iqr == 2.0
    assert s.as_dict()["median"] == 3.0


def test_ratio_is_taken_per_repetition_not_of_the_medians() -> None:
    # The machine slowed down by 2x in the second repetition; both sides did, so the ratio is stable.
    gate = [1.1, 2.2, 1.1]
    bare = [1.0, 2.0, 1.0]
    assert paired_ratios(gate, bare) == pytest.approx([1.1, 1.1, 1.1])
    s = ratio_summary(gate, bare)
    assert s.median == pytest.approx(1.1)
    assert s.iqr == pytest.approx(0.0)


def test_paired_ratios_need_matching_positive_pairs() -> None:
    with pytest.raises(ValueError):
        paired_ratios([1.0, 2.0], [1.0])
    with pytest.raises(ValueError):
        paired_ratios([1.0], [0.0])


def test_rate_and_formatting() -> None:
    assert rate(10, 2.0) == 5.0
    assert math.isinf(rate(1, 0.0))
    assert summarize([1.0, 2.0, 3.0]).fmt() == "2.00 [1.50-2.50]"
