"""The end-to-end benchmark's arithmetic and its report: sustained rate, breakdown, goal verdicts."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.e2e import GOALS
from benchmarks.e2e_burst import breakdown, sustained_rate
from benchmarks.e2e_report import markdown_lines


@pytest.mark.parametrize(
    ("arrivals", "rate"),
    [
        ([i / 100 for i in range(101)], 100.0),  # one verdict at a time, 100/s
        ([10.0] * 64 + [10.5] * 64 + [11.0] * 64, 128.0),  # three commits of 64: the first is time zero
        ([5.0] * 20, float("inf")),  # all in one transaction
    ],
)
def test_the_rate_runs_from_the_first_commit_to_the_last_verdict(arrivals: list[float], rate: float) -> None:
    assert sustained_rate(arrivals) == pytest.approx(rate)


def test_breakdown_divides_stage_and_check_sums_by_decided_events() -> None:
    metrics = {
        "gate_events_total{source=bench,verdict=approved}": 30.0,
        "gate_events_total{source=bench,verdict=quarantined}": 10.0,
        "gate_stage_duration_seconds_sum{stage=commit}": 0.4,
        "gate_check_duration_seconds_sum{check=c2pa}": 0.08,
        "gate_stage_duration_seconds_count{stage=commit}": 7.0,
    }
    assert breakdown(metrics) == pytest.approx({"check:c2pa": 2.0, "stage:commit": 10.0})


def result(efficiency: float, p99: float, scaling: float, curve: list[float]) -> dict[str, Any]:
    gate = {
        "images_per_s": 300.0,
        "loadgen_per_s": 5000.0,
        "broker_cpu_share": 0.2,
        "ms_per_event": {"stage:commit": 0.5, "check:c2pa": 2.0},
        "half_load": {"offered_per_s": 150.0, "events": 450, "p50_ms": 40.0, "p99_ms": p99},
        "partial_batch_ms": [60.0, 61.0],
    }
    summary = {"median": efficiency, "q1": efficiency, "q3": efficiency}
    return {
        "goals": GOALS,
        "default_workers": 2,
        "partitions": 4,
        "events_per_rep": 600,
        "repetitions": [{"2": {"core_per_s": 400.0, "gate": gate, "ratio": efficiency}}],
        "efficiency": {"2": summary},
        "scaling": {"median": scaling, "q1": scaling, "q3": scaling},
        "batching_curve": [{"batch": 2**i, "images_per_s": r} for i, r in enumerate(curve)],
    }


def test_the_report_says_met_only_for_goals_that_are_met() -> None:
    good = "\n".join(markdown_lines(result(0.8, 90.0, 1.8, [100.0, 200.0, 300.0])))
    assert "NOT met" not in good
    bad = "\n".join(markdown_lines(result(0.6, 120.0, 1.5, [100.0, 300.0, 200.0])))
    assert bad.count("NOT met") == 4


@pytest.mark.parametrize(
    ("w1", "w2", "runner", "broker", "bound"),
    [
        (2.3, 2.3, 0.0, 0.0, 2.0),  # nothing but the workers: twice the rate on two cores
        (2.29, 2.45, 0.25, 0.3, 2 * 2.29 / 3.0),  # the 2026-12-05 quiet run: 1.53
        (2.0, 2.0, 1.0, 1.0, 1.0),  # runner and broker take a core's worth: no gain
    ],
)
def test_the_scaling_bound_is_workers_times_w1_over_everything_the_cores_share(
    w1: float, w2: float, runner: float, broker: float, bound: float
) -> None:
    from benchmarks.e2e_report import scaling_bound  # noqa: PLC0415

    one = {"workers_cpu_ms_per_event": w1, "runner_cpu_ms_per_event": 0.2, "broker_cpu_ms_per_event": 0.3}
    many = {
        "workers_cpu_ms_per_event": w2,
        "runner_cpu_ms_per_event": runner,
        "broker_cpu_ms_per_event": broker,
    }
    assert scaling_bound(one, many, 2) == pytest.approx(bound)
    assert scaling_bound({}, many, 2) is None  # an older result without the figures


def test_the_runner_threads_split_adds_up_to_the_process() -> None:
    import os  # noqa: PLC0415
    import threading  # noqa: PLC0415

    from benchmarks.e2e_burst import cpu_seconds, runner_threads_cpu  # noqa: PLC0415

    stop = threading.Event()
    spinner = threading.Thread(target=lambda: [None for _ in iter(stop.is_set, True)], daemon=True)
    spinner.start()
    try:
        # Differences over a window in which no thread ends (the process total keeps ended threads' time).
        split_before, total_before = runner_threads_cpu(os.getpid()), cpu_seconds(os.getpid())
        sum(i * i for i in range(3_000_000))  # some CPU on this thread too
        split, total = runner_threads_cpu(os.getpid()), cpu_seconds(os.getpid())
    finally:
        stop.set()
        spinner.join()
    # An earlier test in this worker process may have left librdkafka's threads (rdk:*) idle, not absent.
    assert split["librdkafka"] - split_before["librdkafka"] == pytest.approx(0.0, abs=0.02)
    threads = sum(split.values()) - sum(split_before.values())
    assert threads == pytest.approx(total - total_before, abs=0.05)
    assert split["python"] - split_before["python"] > 0
    assert total > total_before
    assert runner_threads_cpu(None) == {"python": 0.0, "librdkafka": 0.0}


@pytest.mark.parametrize(
    ("expected", "committed", "sharp"),
    [
        (None, 0, True),  # no expectation: every interval throughout
        (None, 500, True),
        (1000, 0, True),  # before the first commit: its time is where the rate starts
        (1000, 64, False),  # the middle of the drain: coarse, nothing reads those times
        (1000, 799, False),
        (1000, 800, True),  # the last fifth: the last commit's time is where the rate ends
        (1000, 1000, True),
    ],
)
def test_the_commit_watch_polls_finely_only_where_the_rate_is_read(
    expected: int | None, committed: int, sharp: bool
) -> None:
    from benchmarks.broker_load import CommitWatch  # noqa: PLC0415

    watch = CommitWatch("127.0.0.1:1", "in", "g", expected=expected)
    watch.arrivals.extend([1.0] * committed)
    assert watch._sharp() is sharp


def test_the_report_shows_the_pool_queueing_when_measured() -> None:
    measured = result(0.8, 90.0, 1.8, [100.0, 200.0])
    assert "Queueing in the worker pool" not in "\n".join(markdown_lines(measured))
    measured["pool_queueing"] = [
        {
            "batch_records": n,
            "records_per_s": 416.7,
            "evaluation_ms": 2.4,
            "batches": 9,
            "p50_ms": p50,
            "p99_ms": 9.0,
        }
        for n, p50 in ((1, 2.7), (3, 7.3))
    ]
    text = "\n".join(markdown_lines(measured))
    assert "a sleep standing in for a 2.4 ms evaluation" in text
    assert "| 1 | 9 | 2.7 | 9.0 |" in text and "| 3 | 9 | 7.3 | 9.0 |" in text


def test_the_report_shows_the_runners_own_cpu_of_the_pipes_when_measured() -> None:
    measured = result(0.8, 90.0, 1.8, [100.0, 200.0])
    measured["ipc_copy"] = [
        {"bytes": 50_000, "us_per_record": 287.0, "runner_cpu_us_per_record": 41.4, "mb_per_s": 174.0},
        {"bytes": 500_000, "us_per_record": 1888.0, "mb_per_s": 265.0},  # an older run's row
    ]
    text = "\n".join(markdown_lines(measured))
    assert "| 50,000 | 287 | 41 | 174 |" in text
    assert "| 500,000 | 1888 | - | 265 |" in text


def test_ipc_cost_times_the_runners_own_cpu_apart_from_the_wall() -> None:
    from benchmarks.ipc_copy import ipc_cost  # noqa: PLC0415

    (case,) = ipc_cost((50_000,), seconds=0.2)
    # One thread of this process did the runner's side: its CPU is part of the wall time, never more.
    assert case["runner_cpu_us_per_record"] > 0.0
    assert case["runner_cpu_us_per_record"] <= case["us_per_record"]
    assert case["bytes"] == 50_000 and case["mb_per_s"] > 0.0


def test_pool_queueing_times_batches_through_a_real_pool() -> None:
    from benchmarks.ipc_copy import pool_queueing  # noqa: PLC0415

    (case,) = pool_queueing((2,), evaluation_s=0.01, seconds=0.5)
    assert case["batch_records"] == 2 and case["batches"] >= 5
    assert 10.0 <= case["p50_ms"] <= case["p99_ms"]  # never faster than one evaluation


def test_the_half_load_inside_the_gate_comes_from_the_gates_metric_deltas() -> None:
    from benchmarks.e2e_burst import _half_load_inside  # noqa: PLC0415

    before = {
        "gate_events_total{source=bench,verdict=approved}": 100.0,
        "gate_event_duration_seconds_count{source=bench,verdict=approved}": 100.0,
        "gate_event_duration_seconds_sum{source=bench,verdict=approved}": 9.0,
        "gate_transactions_total{outcome=committed}": 10.0,
        "gate_stage_duration_seconds_sum{stage=commit}": 1.0,
    }
    after = {
        "gate_events_total{source=bench,verdict=approved}": 300.0,
        "gate_event_duration_seconds_count{source=bench,verdict=approved}": 300.0,
        "gate_event_duration_seconds_sum{source=bench,verdict=approved}": 19.0,  # 10 s over 200 events
        "gate_transactions_total{outcome=committed}": 50.0,
        "gate_stage_duration_seconds_sum{stage=commit}": 1.4,
        "gate_batch_target_records{}": 32.0,
    }
    inside = _half_load_inside(before, after, seconds=2.0)
    assert inside["gate_fetch_to_commit_ms"] == pytest.approx(50.0)
    assert inside["transactions_per_s"] == pytest.approx(20.0)
    assert inside["chosen_batch_records"] == 32.0
    assert inside["ms_per_event"] == pytest.approx({"stage:commit": 2.0})
    report = result(0.8, 90.0, 1.8, [100.0, 200.0])
    report["repetitions"][0]["2"]["gate"]["half_load"].update(inside)
    text = "\n".join(markdown_lines(report))
    assert "inside the gate (first record fetched -> committed) 50 ms on average, 20 transactions/s" in text
    assert "commit 2.00" in text
