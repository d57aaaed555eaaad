"""The batching curve's measurement: warm-up left out of a drain's rate, rounds interleaved, steps paired."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.e2e import batching_curve
from benchmarks.e2e_burst import sustained_rate
from benchmarks.e2e_report import curve_rising, markdown_lines


@pytest.mark.parametrize(
    ("arrivals", "warm_up", "rate"),
    [
        # A slow start (two commits 1 s apart), then 100/s: the warm-up past the first two commits
        # leaves the slow start out.
        ([0.0] * 10 + [1.0] * 10 + [1.0 + i / 100 for i in range(1, 101)], 0, 110 / 2.0),
        ([0.0] * 10 + [1.0] * 10 + [1.0 + i / 100 for i in range(1, 101)], 15, 100.0),
        # The warm-up ends inside a commit: that commit is time zero and its events are not counted.
        ([0.0] * 4 + [1.0] * 4 + [2.0] * 4 + [3.0] * 4, 5, 8 / 2.0),
        ([0.0] * 4 + [1.0] * 4, 100, float("inf")),  # a warm-up past the end: nothing left to time
    ],
)
def test_the_rate_starts_at_the_commit_that_passes_the_warm_up(
    arrivals: list[float], warm_up: int, rate: float
) -> None:
    assert sustained_rate(arrivals, warm_up) == pytest.approx(rate)


def test_the_commit_watch_polls_finely_until_the_warm_up_is_committed() -> None:
    from benchmarks.broker_load import CommitWatch  # noqa: PLC0415

    watch = CommitWatch("127.0.0.1:1", "in", "g", expected=1000, warm_up=100)
    watch.arrivals.extend([1.0] * 100)
    assert watch._sharp()  # the commit that passes the warm-up is the rate's time zero
    watch.arrivals.append(2.0)
    assert not watch._sharp()


def test_each_round_drains_every_size_in_a_rotated_order_and_steps_are_paired_within_rounds() -> None:
    order: list[tuple[int, int]] = []
    # Round 1 runs on a machine twice as fast: the points' medians move, the paired steps do not.
    speed = {0: 1.0, 1: 2.0, 2: 1.0}

    def drain(batch: int, round_: int) -> dict[str, Any]:
        order.append((round_, batch))
        return {"images_per_s": speed[round_] * {1: 110.0, 4: 140.0, 16: 260.0}[batch], "events": 10 * batch}

    curve = batching_curve(drain, [1, 4, 16], rounds=3)
    assert order == [(0, 1), (0, 4), (0, 16), (1, 4), (1, 16), (1, 1), (2, 16), (2, 1), (2, 4)]
    assert [p["rates"] for p in curve["points"]] == [
        [110.0, 220.0, 110.0],
        [140.0, 280.0, 140.0],
        [260.0, 520.0, 260.0],
    ]
    assert [p["images_per_s"] for p in curve["points"]] == [110.0, 140.0, 260.0]
    assert [(s["from"], s["to"], s["ratio"]["median"]) for s in curve["steps"]] == [
        (1, 4, pytest.approx(140 / 110)),
        (4, 16, pytest.approx(260 / 140)),
    ]
    assert curve["steps"][0]["ratio"]["q1"] == curve["steps"][0]["ratio"]["q3"]  # no spread: drift cancelled


def _e2e(steps: list[float], points: list[float]) -> dict[str, Any]:
    curve = [{"batch": 4**i, "images_per_s": r, "rates": [r], "events": 100} for i, r in enumerate(points)]
    return {
        "batching_curve": curve,
        "batching_steps": [
            {"from": 4**i, "to": 4 ** (i + 1), "ratio": {"median": s, "q1": s, "q3": s}}
            for i, s in enumerate(steps)
        ],
    }


@pytest.mark.parametrize(
    ("steps", "points", "rising"),
    [
        ([1.2, 1.1, 1.0], [100.0, 120.0, 130.0, 130.0], True),
        ([1.2, 0.96, 1.1], [100.0, 120.0, 115.0, 127.0], True),  # within the 5% tolerance
        ([1.2, 0.9, 1.3], [100.0, 120.0, 108.0, 140.0], False),  # one step falls: not rising
        # The paired steps decide, not the medians of the points (here a slow round dragged one median).
        ([1.1, 1.1, 1.05], [100.0, 80.0, 120.0, 125.0], True),
    ],
)
def test_the_curve_rises_when_every_paired_step_does(
    steps: list[float], points: list[float], rising: bool
) -> None:
    assert curve_rising(_e2e(steps, points)) is rising


def test_a_curve_without_steps_is_judged_on_its_points() -> None:
    assert curve_rising({"batching_curve": [{"images_per_s": 100.0}, {"images_per_s": 120.0}]})
    assert not curve_rising({"batching_curve": [{"images_per_s": 100.0}, {"images_per_s": 80.0}]})


def test_the_report_shows_each_rounds_rate_and_the_step() -> None:
    from tests.unit.benchmarks.test_e2e_report import result  # noqa: PLC0415

    e2e = result(0.8, 90.0, 1.8, [100.0, 200.0])
    e2e["batching_curve"][1].update(
        {"rates": [190.0, 200.0, 230.0], "summary": {"median": 200, "q1": 195, "q3": 215}}
    )
    e2e["batching_steps"] = [{"from": 1, "to": 2, "ratio": {"median": 2.0, "q1": 1.9, "q3": 2.3}}]
    e2e["curve_rounds"] = 3
    text = "\n".join(markdown_lines(e2e))
    assert "| 2 | - | 200 [195-215] | 190, 200, 230 | 2.00 [1.90-2.30] |" in text
    assert "| batching curve rising | yes |" in text


def test_the_report_shows_how_much_dearer_a_record_is_with_two_workers() -> None:
    from tests.unit.benchmarks.test_e2e_report import result  # noqa: PLC0415

    e2e = result(0.8, 90.0, 1.8, [100.0, 200.0])
    two = e2e["repetitions"][0]["2"]["gate"]
    cpu = {"runner_cpu_ms_per_event": 0.25, "broker_cpu_ms_per_event": 0.25}
    two.update(cpu, workers_cpu_ms_per_event=3.5)
    one = {**two, **cpu, "workers_cpu_ms_per_event": 3.0}
    e2e["repetitions"][0]["1"] = {"core_per_s": 300.0, "gate": one, "ratio": 1.0}
    text = "\n".join(markdown_lines(e2e))
    assert "CPU bound on the scaling (2 x W1 / (W + R + B)" in text and ": 1.50." in text  # 6 / 4
    assert "A worker's CPU per event with 2 workers over that with 1" in text and ": 1.17." in text
