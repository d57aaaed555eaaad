"""When the pool is hungry: a worker about to idle with nothing waiting to be sent (the loop then sends the
batch it is assembling at once instead of lingering)."""

from __future__ import annotations

import os
import time

from scripted_factory import ScriptedFactory

from gate.core.record import InboundRecord
from gate.runner.pool import ProcessPool


def records(*commands: bytes) -> list[InboundRecord]:
    return [InboundRecord("in", 0, offset, f"k{offset}".encode(), c) for offset, c in enumerate(commands)]


def test_hungry_while_a_worker_holds_fewer_than_two_records_and_nothing_waits() -> None:
    pool = ProcessPool(ScriptedFactory(), workers=1, event_timeout_s=10.0)
    pool.start()
    try:
        assert pool.hungry()  # idle
        ticket = pool.submit(records(b"sleep:0.3", b"sleep:0.3", b"ok"))
        assert not pool.hungry()  # three records wait to be sent
        pool.serve(0.05)  # sent: the worker holds all three
        assert not pool.hungry()
        deadline = time.monotonic() + 10
        while not pool.done(ticket) and time.monotonic() < deadline:
            pool.serve(0.05)
            if not pool.done(ticket) and pool.hungry():
                break  # down to its last record: hungry before it idles
        assert pool.hungry()
        while not pool.done(ticket) and time.monotonic() < deadline:
            pool.serve(0.05)
        assert pool.done(ticket) and pool.hungry()
    finally:
        pool.close()


def test_the_in_process_evaluator_is_never_hungry() -> None:
    from gate.runner.evaluator import InProcessEvaluator  # noqa: PLC0415

    assert not InProcessEvaluator(ScriptedFactory()).hungry()


def test_a_record_goes_to_the_idle_worker_not_behind_a_busy_one() -> None:
    """Half load: batches of a record or two. A record handed to the worker already evaluating a slow one
    would wait it out while the other worker idles."""
    pool = ProcessPool(ScriptedFactory(), workers=2, event_timeout_s=10.0)
    pool.start()
    try:
        slow = pool.submit(records(b"sleep:1.0"))
        pool.serve(0.05)  # sent: one worker is busy for a second
        quick = pool.submit(records(b"ok"))
        deadline = time.monotonic() + 0.6
        while not pool.done(quick) and time.monotonic() < deadline:
            pool.serve(0.05)
        assert pool.done(quick) and not pool.done(slow)
        while not pool.done(slow):
            pool.serve(0.05)
        slow_pid = pool.take(slow)[0].document["pid"]
        assert pool.take(quick)[0].document["pid"] != slow_pid
    finally:
        pool.close()


def test_a_drain_still_deals_whole_chunks_to_every_worker() -> None:
    """Many records waiting: each worker gets two chunks, as before (the next one at hand while it
    evaluates), and the rest waits in the runner."""
    pool = ProcessPool(ScriptedFactory(), workers=2, event_timeout_s=10.0, chunk_records=4)
    pool.start()
    try:
        ticket = pool.submit(records(*[b"sleep:0.05"] * 20))
        pool.serve(0.01)
        held = sorted(len(w.jobs) for w in pool._workers)  # the dispatch is the point
        assert held == [8, 8]  # two chunks each (one being evaluated, the next at hand); 4 still wait
        assert len(pool._todo) == 4
        while not pool.done(ticket):
            pool.serve(0.05)
        pids = {r.document["pid"] for r in pool.take(ticket)}
        assert len(pids) == 2
    finally:
        pool.close()


def test_a_watched_descriptor_ends_a_wait_at_once_and_is_drained() -> None:
    # The commit thread's wake-up: a serve() waiting for workers returns when it turns readable.
    pool = ProcessPool(ScriptedFactory(), workers=1, event_timeout_s=10.0)  # not started: no worker
    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    pool.watch(read_end)
    try:
        os.write(write_end, b"\0")
        started = time.monotonic()
        pool.serve(5.0)
        assert time.monotonic() - started < 2.0  # woken, not the whole 5 s
        started = time.monotonic()
        pool.serve(0.2)  # drained: the same byte does not wake it twice
        assert time.monotonic() - started >= 0.19
    finally:
        os.close(read_end)
        os.close(write_end)
