"""Observations applied in bulk leave the same histogram series as one `observe` per value."""

from __future__ import annotations

import math

import pytest
from prometheus_client import CollectorRegistry, Histogram
from prometheus_client.exposition import generate_latest

from gate.observe.bulk import observe_all, observe_repeated
from gate.observe.metrics import LATENCY_BUCKETS_S

AMOUNTS = [
    0.0,
    0.001,  # exactly a bound: counted in that bucket, as observe() does
    0.0010001,
    0.0024,
    0.05,
    0.7,
    29.9,
    30.0,
    31.0,  # over every finite bound: +Inf only
    1e9,
    -0.5,  # below every bound
    0.05,
]


def _pair() -> tuple[Histogram, Histogram]:
    one = Histogram("h", "h", buckets=LATENCY_BUCKETS_S, registry=CollectorRegistry())
    bulk = Histogram("h", "h", buckets=LATENCY_BUCKETS_S, registry=CollectorRegistry())
    return one, bulk


def _samples(histogram: Histogram) -> dict[str, float]:
    return {
        f"{s.name}{sorted(s.labels.items())}": s.value
        for metric in histogram.collect()
        for s in metric.samples
        if not s.name.endswith("_created")
    }


@pytest.mark.parametrize("amounts", [AMOUNTS, AMOUNTS[:1], [0.05] * 64, []])
def test_same_series_as_observe(amounts: list[float]) -> None:
    one, bulk = _pair()
    for amount in amounts:
        one.observe(amount)
    observe_all(bulk, amounts)
    expected, got = _samples(one), _samples(bulk)
    assert expected.keys() == got.keys()
    for name, value in expected.items():
        assert got[name] == pytest.approx(value, rel=1e-12, abs=1e-12), name


def test_nan_counts_in_no_bucket_as_observe_does() -> None:
    one, bulk = _pair()
    one.observe(math.nan)
    observe_all(bulk, [math.nan])
    for name, value in _samples(one).items():
        got = _samples(bulk)[name]
        assert got == value or (math.isnan(got) and math.isnan(value)), name


@pytest.mark.parametrize(("amount", "times"), [(0.05, 64), (0.001, 1), (31.0, 3), (0.2, 0)])
def test_repeated_is_observe_times_n(amount: float, times: int) -> None:
    one, bulk = _pair()
    for _ in range(times):
        one.observe(amount)
    observe_repeated(bulk, amount, times)
    for name, value in _samples(one).items():
        assert _samples(bulk)[name] == pytest.approx(value), name


def test_labelled_child_and_exposition() -> None:
    registries = CollectorRegistry(), CollectorRegistry()
    one, bulk = (Histogram("c", "c", ["check"], buckets=LATENCY_BUCKETS_S, registry=r) for r in registries)
    for amount in AMOUNTS[:8]:
        one.labels(check="provenance").observe(amount)
    observe_all(bulk.labels(check="provenance"), AMOUNTS[:8])
    strip = [line for line in generate_latest(registries[0]).splitlines() if b"_created" not in line]
    assert strip == [line for line in generate_latest(registries[1]).splitlines() if b"_created" not in line]


def test_another_layout_falls_back_to_observe() -> None:
    """A library version whose histogram keeps its buckets elsewhere is still observed, value by value."""

    class Plain:
        def __init__(self) -> None:
            self.seen: list[float] = []

        def observe(self, amount: float) -> None:
            self.seen.append(amount)

    plain = Plain()
    observe_all(plain, [1.0, 2.0])
    observe_repeated(plain, 3.0, 2)
    assert plain.seen == [1.0, 2.0, 3.0, 3.0]
