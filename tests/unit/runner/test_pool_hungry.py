"""When the pool is hungry: a worker about to idle with nothing waiting to be sent (the loop then sends the
batch it is assembling at once instead of lingering)."""

from __future__ import annotations

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
