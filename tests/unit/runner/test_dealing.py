"""How far ahead the pool deals a worker records: the measured evaluation time bounds it
(`gate.runner.dealing`), so a queue waits in the pool's one queue, not behind one worker."""

from __future__ import annotations

import time

import pytest
from scripted_factory import ScriptedFactory

from gate.core.record import InboundRecord
from gate.runner.dealing import DEAL_AHEAD_S, DealAhead, undecided
from gate.runner.pool import ProcessPool


@pytest.mark.parametrize(
    ("record_s", "limit"),
    [
        (None, 16),  # nothing measured yet: two chunks, as before
        (0.0001, 16),  # cheap records: two chunks are a short queue in time
        (0.001, 16),
        (0.0025, 7),  # the e2e mix in a quiet drain: the record it is on and 15 ms behind it
        (0.005, 4),  # the same mix on shared cores
        (0.015, 2),
        (0.3, 2),  # never fewer than one record at hand behind the current one
    ],
)
def test_the_limit_is_the_current_record_and_the_work_ahead(record_s: float | None, limit: int) -> None:
    ahead = DealAhead(16)
    if record_s is not None:
        ahead.observe(10, 10 * record_s)
    assert ahead.limit == limit


def test_the_estimate_follows_the_pace_and_ignores_empty_samples() -> None:
    ahead = DealAhead(16)
    ahead.observe(0, 1.0)
    ahead.observe(3, 0.0)
    assert ahead.record_s is None
    ahead.observe(4, 0.02)  # 5 ms a record
    assert ahead.record_s == pytest.approx(0.005)
    for _ in range(30):
        ahead.observe(2, 0.002)  # the mix got cheaper: 1 ms a record
    assert ahead.record_s == pytest.approx(0.001, rel=0.05)
    assert ahead.limit == 16
    assert DEAL_AHEAD_S < 0.05  # work dealt ahead stays well under the 80 ms latency target


@pytest.mark.parametrize(
    ("jobs", "started", "answered", "expected"),
    [
        (0, 5, 5, 0),  # idle
        (3, 5, 5, 3),  # three sent, none begun
        (3, 6, 5, 3),  # on the first of three
        (3, 8, 5, 1),  # decided two (answers held back), on the third
    ],
)
def test_undecided_leaves_out_decided_records_whose_answers_are_held(
    jobs: int, started: int, answered: int, expected: int
) -> None:
    assert undecided(jobs, started, answered) == expected


def records(*commands: bytes) -> list[InboundRecord]:
    return [InboundRecord("in", 0, offset, f"k{offset}".encode(), c) for offset, c in enumerate(commands)]


def test_slow_records_wait_in_the_pool_not_behind_one_worker() -> None:
    """Once records are measured slow, a queue stays in the pool's one queue: each worker holds the one it
    is on and one more, and the next record goes to whichever frees first. Every record is decided."""
    pool = ProcessPool(ScriptedFactory(), workers=2, event_timeout_s=10.0)
    pool.start()
    try:
        warm = pool.submit(records(*[b"sleep:0.05"] * 4))
        while not pool.done(warm):
            pool.serve(0.05)
        pool.take(warm)
        assert pool._ahead.limit == 2  # ~50 ms a record measured
        ticket = pool.submit(records(*[b"sleep:0.05"] * 12))
        pool.serve(0.01)
        assert sorted(len(w.jobs) for w in pool._workers) == [2, 2]
        assert len(pool._todo) == 8
        deadline = time.monotonic() + 10
        while not pool.done(ticket) and time.monotonic() < deadline:
            pool.serve(0.05)
            assert all(len(w.jobs) <= 3 for w in pool._workers)  # 2 undecided, one answer possibly held
        assert {r.document["pid"] for r in pool.take(ticket)} == set(pool.pids)
    finally:
        pool.close()
