"""The commit cadence: a burst on an idle gate commits at once, a trickle gets one transaction start per
interval, a full head never waits, and the loop only holds a decided batch when it can fetch on."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from gate.runner.cadence import COMMIT_BURST, FULL_TRANSACTION_RECORDS, CommitCadence, cadence_interval_s
from gate.runner.loop import GateRunner
from gate.settings import load_settings
from tests.unit.runner.test_commit_thread import Recorder, batch, in_flight, runner_with


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def starts_over(cadence: CommitCadence, clock: Clock, seconds: float, step: float) -> int:
    """Transactions started when one is asked for every `step` seconds (one record decided each time)."""
    started = 0
    end = clock.now + seconds
    while clock.now < end:
        if cadence.wait_s(1) == 0:
            cadence.started()
            started += 1
        clock.now += step
    return started


def empty(cadence: CommitCadence) -> None:
    for _ in range(COMMIT_BURST):
        cadence.started()


def test_a_burst_on_an_idle_gate_commits_without_waiting() -> None:
    clock = Clock()
    cadence = CommitCadence(0.025, clock=clock)
    for _ in range(COMMIT_BURST):
        assert cadence.wait_s(1) == 0
        cadence.started()
        clock.now += 0.005  # a transaction's round trips
    assert cadence.wait_s(1) > 0  # a longer run of small transactions is a trickle


def test_a_trickle_gets_one_start_per_interval_and_waits_at_most_one() -> None:
    clock = Clock()
    cadence = CommitCadence(0.025, clock=clock)
    empty(cadence)
    assert cadence.wait_s(1) == pytest.approx(0.025)
    clock.now += 0.010
    assert cadence.wait_s(1) == pytest.approx(0.015)
    # 1 s asked every ms: 40 starts, give or take the one the bucket refilled meanwhile.
    assert starts_over(cadence, clock, 1.0, 0.001) in (40, 41)


def test_an_idle_stretch_refills_the_bucket_up_to_the_burst_only() -> None:
    clock = Clock()
    cadence = CommitCadence(0.025, clock=clock)
    empty(cadence)
    clock.now += 10.0
    assert starts_over(cadence, clock, 0.004, 0.001) == COMMIT_BURST


@pytest.mark.parametrize(
    ("records", "waits"), [(1, True), (FULL_TRANSACTION_RECORDS - 1, True), (FULL_TRANSACTION_RECORDS, False)]
)
def test_a_full_head_starts_at_once(records: int, waits: bool) -> None:
    clock = Clock()
    cadence = CommitCadence(0.025, clock=clock)
    empty(cadence)
    assert (cadence.wait_s(records) > 0) is waits


def test_interval_zero_never_holds() -> None:
    cadence = CommitCadence(0.0, clock=Clock())
    for _ in range(100):
        assert cadence.wait_s(1) == 0
        cadence.started()


@pytest.mark.parametrize(
    ("interval_ms", "linger_ms", "seconds"), [(25, 50, 0.025), (25, 20, 0.020), (25, 0, 0.0), (0, 50, 0.0)]
)
def test_the_interval_is_capped_at_the_linger(interval_ms: int, linger_ms: int, seconds: float) -> None:
    assert cadence_interval_s(interval_ms, linger_ms) == seconds


def test_the_default_setting_is_a_cadence_within_the_default_linger() -> None:
    batch_settings = load_settings(bootstrap_servers="127.0.0.1:9").batch
    assert 0 < batch_settings.commit_interval_ms <= batch_settings.linger_ms


def held_runner() -> tuple[GateRunner, Any]:
    """A runner (in-process evaluator: batches are decided when submitted) whose bucket is empty."""
    hold = threading.Event()
    runner, _consumer, evaluator, _observer = runner_with(Recorder(hold=hold))
    runner._cadence = CommitCadence(60.0)
    empty(runner._cadence)
    in_flight(runner, evaluator, batch((0, 1)))
    return runner, evaluator


def test_the_loop_holds_a_small_decided_head_while_it_can_fetch() -> None:
    runner, evaluator = held_runner()
    assert not runner._commit_due()
    assert not runner._keep_moving()  # the batch being assembled goes on
    in_flight(runner, evaluator, *(batch((0, 2 + i)) for i in range(FULL_TRANSACTION_RECORDS - 1)))
    assert runner._commit_due()  # a full head's worth decided
    runner._committing().close(0)


@pytest.mark.parametrize("drain", ["stop", "reload", "paused", "full window"])
def test_the_loop_commits_at_once_when_it_must_drain(drain: str) -> None:
    runner, evaluator = held_runner()
    if drain == "stop":
        runner.request_stop()
    elif drain == "reload":
        runner.request_reload()
    elif drain == "paused":
        assert runner._guard is not None
        runner._guard.paused = True  # type: ignore[misc]
    else:
        for i in range(16):  # the window's batch bound, each still evaluating behind the decided head
            in_flight(runner, evaluator, batch((1, i)))
            evaluator.discard(runner._inflight._window[-1].ticket)
    assert runner._commit_due()
    runner._committing().close(0)


def test_a_held_batch_commits_once_the_interval_has_passed() -> None:
    hold = threading.Event()
    hold.set()
    runner, _consumer, evaluator, _observer = runner_with(Recorder(hold=hold))
    # The cadence's own clock, stepped by hand: on a loaded machine, real time between emptying the
    # bucket and the first look can pass part of the interval (a 20 ms floor measured 19.9 ms once).
    clock = Clock()
    runner._cadence = CommitCadence(0.03, clock=clock)
    empty(runner._cadence)
    in_flight(runner, evaluator, batch((0, 1)))
    started = time.monotonic()
    while not runner._oldest_done():  # the evaluator decides the batch on its own thread
        assert time.monotonic() - started < 5.0, "the batch was never decided"
        time.sleep(0.001)
    assert not runner._commit_due()
    clock.now += 0.02
    assert not runner._commit_due()  # decided, but held: two thirds of the interval
    clock.now += 0.011
    assert runner._commit_due()
    runner._committing().close(0)
