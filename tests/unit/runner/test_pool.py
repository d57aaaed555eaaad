"""Worker pool: order, fail-closed timeouts and crashes, replacement without leaks."""

from __future__ import annotations

import gc
import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from scripted_factory import ScriptedFactory

from gate.core.record import InboundRecord
from gate.errors import StoreUnavailable
from gate.model import Verdict
from gate.runner.errors import PoolError
from gate.runner.pool import BatchAbandoned, InProcessEvaluator, ProcessPool


def records(*commands: bytes) -> list[InboundRecord]:
    return [InboundRecord("in", 0, offset, f"k{offset}".encode(), c) for offset, c in enumerate(commands)]


def reasons(routed_value: bytes) -> list[str]:
    return [r["code"] for r in json.loads(routed_value)["reasons"]]


_OTHERS: set[int] = set()


def _direct_children(pid: int) -> set[int]:
    pids: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            pids.update(int(p) for p in (task / "children").read_text().split())
        except FileNotFoundError:  # the thread ended between the listing and the read: it has none
            continue
    return pids


def _children() -> set[int]:
    """This process's children, the forkserver's in its place (workers are forked by it, which reaps them)."""
    pids: set[int] = set()
    for pid in _direct_children(os.getpid()):
        if b"multiprocessing.forkserver" in _cmdline(pid):
            pids.update(_direct_children(pid))
        else:
            pids.add(pid)
    return pids


@pytest.fixture(autouse=True)
def _children_of_other_tests() -> None:
    """Children that existed before this test (e.g. the session's broker) are not ours to count."""
    _OTHERS.clear()
    _OTHERS.update(_children())


def child_pids() -> set[int]:
    """Direct children this test made, zombies included, from /proc.

    multiprocessing's resource tracker (one, started with the forkserver) is not a worker.
    """
    return {pid for pid in _children() - _OTHERS if b"resource_tracker" not in _cmdline(pid)}


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return b""


def open_fds() -> int:
    return len(os.listdir(f"/proc/{os.getpid()}/fd"))


@pytest.fixture
def pool() -> Iterator[ProcessPool]:
    events: list[str] = []
    p = ProcessPool(ScriptedFactory(), workers=2, event_timeout_s=1.0, on_event=events.append)
    p.events = events  # type: ignore[attr-defined]
    p.start()
    yield p
    p.close()


def test_results_come_back_in_input_order_whatever_finishes_first(pool: ProcessPool) -> None:
    batch = records(b"sleep:0.3", b"ok", b"sleep:0.1", b"ok", b"ok")
    out = pool.process(batch)
    assert [json.loads(r.value)["offset"] for r in out] == [0, 1, 2, 3, 4]
    assert {json.loads(r.value)["pid"] for r in out} == set(pool.pids)  # both workers were used


def test_a_hanging_record_times_out_as_quarantine_and_its_worker_is_replaced(pool: ProcessPool) -> None:
    before = set(pool.pids)
    out = pool.process(records(b"ok", b"hang", b"ok"))
    assert [r.verdict for r in out] == [Verdict.APPROVED, Verdict.QUARANTINED, Verdict.APPROVED]
    assert reasons(out[1].value) == ["gate.timeout"]
    assert out[1].key == b"k1"  # the failure record keeps the event's identity
    assert len(set(pool.pids) - before) == 1
    assert pool.events == ["worker_timeout"]  # type: ignore[attr-defined]
    # the replacement works
    assert [r.verdict for r in pool.process(records(b"ok", b"ok"))] == [Verdict.APPROVED] * 2


def test_a_crashing_worker_yields_gate_error_and_is_replaced(pool: ProcessPool) -> None:
    before = set(pool.pids)
    out = pool.process(records(b"ok", b"crash", b"ok"))
    assert reasons(out[1].value) == ["gate.error"]
    assert out[1].verdict is Verdict.QUARANTINED
    assert [out[0].verdict, out[2].verdict] == [Verdict.APPROVED, Verdict.APPROVED]
    assert len(set(pool.pids) - before) == 1
    assert pool.events == ["worker_died"]  # type: ignore[attr-defined]


def test_a_raising_processor_fails_closed_without_losing_the_worker(pool: ProcessPool) -> None:
    before = set(pool.pids)
    out = pool.process(records(b"raise", b"ok"))
    assert reasons(out[0].value) == ["gate.error"]
    assert out[1].verdict is Verdict.APPROVED
    assert set(pool.pids) == before


def test_replacing_workers_leaks_no_processes_or_file_descriptors(pool: ProcessPool) -> None:
    pool.process(records(b"crash", b"crash"))  # warm up: first replacements allocate lazily
    gc.collect()  # what earlier tests left for the collector closes now, not in the middle of the count
    fds, children = open_fds(), child_pids()
    for _ in range(3):  # a leak of one descriptor or process per replacement shows after the first round
        out = pool.process(records(b"crash", b"ok", b"crash", b"ok"))
        assert reasons(out[0].value) == reasons(out[2].value) == ["gate.error"]
    gc.collect()
    # Not one more (a leak); fewer is what other objects of the process closed meanwhile (one CI run saw 2).
    assert open_fds() <= fds
    assert len(child_pids()) == len(children) == 2  # the replaced ones were reaped: no zombies
    assert child_pids() == set(pool.pids)


def test_close_stops_and_reaps_every_worker() -> None:
    pool = ProcessPool(ScriptedFactory(), workers=2, event_timeout_s=1.0)
    pool.start()
    pids = set(pool.pids)
    assert pids <= child_pids()
    pool.close()
    assert not (pids & child_pids())


def test_a_processor_that_cannot_be_built_stops_the_pool() -> None:
    pool = ProcessPool(ScriptedFactory(fail_build=True), workers=1, event_timeout_s=1.0)
    with pytest.raises(PoolError, match="policy file is broken"):
        pool.start()
    assert not child_pids()


def test_abandoning_a_batch_kills_busy_workers(pool: ProcessPool) -> None:
    with pytest.raises(BatchAbandoned):
        pool.process(records(b"hang", b"hang"), abandon=lambda: True)
    pool.close()
    assert not child_pids()


def test_in_process_evaluator_fails_closed_on_a_raising_processor() -> None:
    events: list[str] = []
    evaluator = InProcessEvaluator(ScriptedFactory(), on_event=events.append)
    evaluator.start()
    out = evaluator.process(records(b"ok", b"raise"))
    assert [r.verdict for r in out] == [Verdict.APPROVED, Verdict.QUARANTINED]
    assert reasons(out[1].value) == ["gate.error"]
    assert events == ["processor_raised"]


def _wait_dead(pid: int) -> None:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        # A worker's parent is the forkserver, which may reap it between two looks at /proc: the status
        # file is then gone (FileNotFoundError) or goes while being read (ProcessLookupError, ESRCH).
        try:
            if "zombie" in Path(f"/proc/{pid}/status").read_text():
                return
        except (FileNotFoundError, ProcessLookupError):
            return
        time.sleep(0.02)
    raise AssertionError(f"worker {pid} did not die")


def test_a_worker_killed_while_idle_is_replaced_and_the_next_batch_is_decided(pool: ProcessPool) -> None:
    first = pool.process(records(b"ok", b"ok"))
    assert len(first) == 2
    killed = pool.pids[0]
    os.kill(killed, signal.SIGKILL)  # the OOM killer, between batches
    _wait_dead(killed)
    out = pool.process(records(b"ok", b"ok", b"ok", b"ok"))
    assert [json.loads(r.value)["command"] for r in out] == ["ok"] * 4  # nothing failed: no record was lost
    assert killed not in pool.pids and len(pool.pids) == 2
    assert pool.events == ["worker_died"]  # type: ignore[attr-defined]


def test_every_worker_killed_while_idle_still_leaves_a_working_pool(pool: ProcessPool) -> None:
    for pid in pool.pids:
        os.kill(pid, signal.SIGKILL)
        _wait_dead(pid)
    out = pool.process(records(b"ok", b"ok", b"ok"))
    assert [json.loads(r.value)["offset"] for r in out] == [0, 1, 2]
    assert pool.events == ["worker_died", "worker_died"]  # type: ignore[attr-defined]


def test_records_still_unread_in_a_dead_workers_pipe_go_to_another_worker_and_none_fails() -> None:
    # A killed worker's other threads hold its pipe open for a moment after its main thread is gone, so a
    # chunk can be written to a worker that is already dying; a stopped worker makes that moment last.
    # It never started those records: each must be decided by a replacement, none routed as gate.error.
    events: list[str] = []
    pool = ProcessPool(ScriptedFactory(), workers=2, event_timeout_s=30.0, on_event=events.append)
    pool.start()
    try:
        stopped = set(pool.pids)
        for pid in stopped:
            os.kill(pid, signal.SIGSTOP)
        ticket = pool.submit(records(b"ok", b"ok", b"ok", b"ok", b"ok"))
        pool.serve(0.2)  # sent: both stopped workers hold records in their pipes
        assert pool.in_flight == 5 and not pool.done(ticket)
        for pid in stopped:
            os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while not pool.done(ticket) and time.monotonic() < deadline:
            pool.serve(0.25)
        out = pool.take(ticket)
        assert [r.verdict for r in out] == [Verdict.APPROVED] * 5, [reasons(r.value) for r in out]
        assert {json.loads(r.value)["pid"] for r in out}.isdisjoint(stopped)
        assert events == ["worker_died", "worker_died"]
    finally:
        pool.close()


def test_a_worker_killed_while_busy_routes_its_record_as_gate_error(pool: ProcessPool) -> None:
    before = set(pool.pids)
    sleeper = pool._workers[0]  # the first chunk, both sleeps, goes to the first of two idle workers

    def kill_once_it_sleeps() -> None:
        # Its started-record counter, not a fixed delay: on a loaded machine 0.5 s may pass before it starts.
        deadline = time.monotonic() + 30
        while sleeper.started.value == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        for pid in before:
            os.kill(pid, signal.SIGKILL)

    killer = threading.Thread(target=kill_once_it_sleeps)
    killer.start()
    out = pool.process(records(b"sleep:5", b"sleep:5", b"ok"))
    killer.join()
    assert [r.verdict for r in out[:2]] == [Verdict.QUARANTINED, Verdict.QUARANTINED]
    # The record a killed worker was evaluating fails closed as gate.error; a record still queued behind
    # it goes to a replacement, where this one's sleep then runs into the event timeout: fail closed too.
    decided = [reasons(r.value) for r in out[:2]]
    assert ["gate.error"] in decided and all(d in (["gate.error"], ["gate.timeout"]) for d in decided)
    assert json.loads(out[2].value)["command"] == "ok"  # decided by a replacement
    assert not before & set(pool.pids)


def test_a_store_outage_cuts_the_batch_short_and_raises_instead_of_deciding(pool: ProcessPool) -> None:
    before = set(pool.pids)
    with pytest.raises(StoreUnavailable, match="HTTP 503"):
        pool.process(records(b"ok", b"store-down", *[b"sleep:0.05"] * 8))
    assert set(pool.pids) == before  # the workers are fine: only the store failed
    assert pool.events == []  # type: ignore[attr-defined]
    out = pool.process(records(b"ok", b"ok"))  # the same pool takes the redo
    assert [r.verdict for r in out] == [Verdict.APPROVED, Verdict.APPROVED]


def test_in_process_evaluator_raises_a_store_outage_instead_of_deciding() -> None:
    evaluator = InProcessEvaluator(ScriptedFactory())
    evaluator.start()
    with pytest.raises(StoreUnavailable):
        evaluator.process(records(b"ok", b"store-down"))


def serve_until_done(pool: ProcessPool, *tickets: int, limit_s: float = 20.0) -> None:
    deadline = time.monotonic() + limit_s
    while not all(pool.done(t) for t in tickets):
        assert time.monotonic() < deadline, "batches not done in time"
        pool.serve(0.25)


def test_several_batches_in_flight_each_come_back_whole_and_in_order(pool: ProcessPool) -> None:
    first = pool.submit(records(*[b"sleep:0.01"] * 20))
    second = pool.submit(records(*[b"ok"] * 7))
    serve_until_done(pool, first, second)
    assert [json.loads(r.value)["offset"] for r in pool.take(second)] == list(range(7))
    assert [json.loads(r.value)["offset"] for r in pool.take(first)] == list(range(20))
    assert pool.in_flight == 0


def test_a_worker_holds_several_records_so_one_batch_uses_both_workers(pool: ProcessPool) -> None:
    out = pool.process(records(*[b"sleep:0.02"] * 16))
    assert len({json.loads(r.value)["pid"] for r in out}) == 2


@pytest.mark.parametrize(
    "first",
    [
        # Dealt 2 and 2: the crashing record's worker also holds the record after it, not yet started.
        pytest.param(b"sleep:0.2", id="queued-records-go-elsewhere"),
        # The first worker decides "ok" and holds its answer (the next record is of the same batch), then
        # dies on "crash": the answer died with it, so "ok" is decided again elsewhere.
        pytest.param(b"ok", id="a-held-answer-is-redone"),
    ],
)
def test_a_crash_fails_only_the_record_being_evaluated(pool: ProcessPool, first: bytes) -> None:
    out = pool.process(records(first, b"crash", b"ok", b"ok"))
    assert [r.verdict for r in out] == [
        Verdict.APPROVED,
        Verdict.QUARANTINED,
        Verdict.APPROVED,
        Verdict.APPROVED,
    ]
    assert reasons(out[1].value) == ["gate.error"]
    assert pool.events == ["worker_died"]  # type: ignore[attr-defined]


def test_a_discarded_batch_is_dropped_and_the_next_one_is_unaffected(pool: ProcessPool) -> None:
    dropped = pool.submit(records(*[b"sleep:0.05"] * 12))
    kept = pool.submit(records(b"ok", b"ok", b"ok"))
    pool.serve(0.05)
    pool.discard(dropped)
    serve_until_done(pool, kept)
    assert [r.verdict for r in pool.take(kept)] == [Verdict.APPROVED] * 3
    deadline = time.monotonic() + 5
    while pool.in_flight and time.monotonic() < deadline:
        pool.serve(0.1)  # the results of the discarded records still being evaluated are ignored
    assert pool.in_flight == 0


def test_a_store_outage_fails_its_own_batch_not_the_one_behind_it(pool: ProcessPool) -> None:
    failing = pool.submit(records(b"store-down", *[b"sleep:0.02"] * 6))
    behind = pool.submit(records(b"ok", b"ok"))
    serve_until_done(pool, failing, behind)
    with pytest.raises(StoreUnavailable):
        pool.take(failing)
    assert [r.verdict for r in pool.take(behind)] == [Verdict.APPROVED] * 2


def test_chunks_larger_than_the_pipe_buffer_do_not_deadlock_the_pipes(pool: ProcessPool) -> None:
    # Chunks of several MB, far over the pipe buffer: written piecemeal while results are read.
    big = [InboundRecord("in", 0, i, b"k", b"ok" + b" " * 2_000_000) for i in range(12)]
    out = pool.process(big)
    assert len(out) == 12


def test_a_stop_while_workers_build_ends_the_start_at_once_and_leaves_no_worker() -> None:
    # A SIGTERM during `gate run`'s start (the loop passes its stop flag) must not wait out a slow build.
    pool = ProcessPool(ScriptedFactory(build_sleep_s=60.0), workers=2, event_timeout_s=1.0)
    asked = time.monotonic() + 0.5
    assert not pool.start(lambda: time.monotonic() > asked)
    assert time.monotonic() - asked < 10.0  # the slices are 0.25 s; far below the build's 60 s
    assert pool.pids == [] and not child_pids()


def test_workers_are_forked_by_the_forkserver_and_import_the_parents_modules(pool: ProcessPool) -> None:
    import scripted_factory  # noqa: PLC0415

    import gate  # noqa: PLC0415

    (out,) = pool.process(records(b"modules"))
    answer = json.loads(out.value)
    assert answer["files"] == {"gate": gate.__file__, "scripted_factory": scripted_factory.__file__}
    assert answer["pid"] not in _direct_children(os.getpid())  # a forkserver's child, not ours
    # The forkserver starts with the stop signals blocked; a worker does not keep them blocked.
    (blocked,) = [
        ln for ln in Path(f"/proc/{answer['pid']}/status").read_text().split("\n") if ln.startswith("SigBlk")
    ]
    stops = (1 << (signal.SIGTERM - 1)) | (1 << (signal.SIGHUP - 1)) | (1 << (signal.SIGINT - 1))
    assert int(blocked.split()[1], 16) & stops == 0


def test_a_forkserver_holding_another_copy_of_the_modules_is_left_for_spawn(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Python 3.11's forkserver preloads with its own sys.path: started where another copy of `gate` comes
    # first, it would hold that one. The worker sees its module files differ and the pool spawns instead.
    pool = ProcessPool(ScriptedFactory(), workers=2, event_timeout_s=5.0)
    pool._preloaded = {"scripted_factory": "/elsewhere/scripted_factory.py"}
    try:
        pool.start()
        out = pool.process(records(b"ok", b"ok", b"ok"))
        assert [json.loads(r.value)["command"] for r in out] == ["ok"] * 3
        assert set(pool.pids) <= _direct_children(os.getpid())  # spawned by us
        assert "starting workers with spawn" in caplog.text
    finally:
        pool.close()
