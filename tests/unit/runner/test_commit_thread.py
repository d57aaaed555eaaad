"""The commit thread's rules: one commit at a time in fetch order; an abort or failure loses nothing (every
batch behind it is discarded and the consumer rewound to the earliest uncommitted offset); a revoke waits
for the commit in flight before the partitions go."""

from __future__ import annotations

import select
import threading
import time
from collections.abc import Sequence
from typing import Any
from unittest.mock import MagicMock

import pytest
from confluent_kafka import Consumer

from gate.core.record import InboundRecord, RoutedRecord
from gate.model import Verdict
from gate.observe.observer import NullObserver
from gate.runner.batching import Batch
from gate.runner.commit_thread import CommitJob, CommitThread
from gate.runner.errors import Fenced
from gate.runner.evaluator import InProcessEvaluator
from gate.runner.flood_guard import PauseControl
from gate.runner.inflight import InFlight
from gate.runner.loop import GateRunner
from gate.settings import load_settings
from tests.unit.runner.scripted_factory import ScriptedFactory


def batch(*coordinates: tuple[int, int]) -> Batch:
    records = tuple(InboundRecord("in", p, o, b"k", b"ok") for p, o in coordinates)
    return Batch(records, len(records), time.monotonic())


def routed_for(b: Batch) -> list[RoutedRecord]:
    return [
        RoutedRecord(verdict=Verdict.APPROVED, key=b"k", value=str(r.offset).encode(), headers=(),
                     reason_codes=(), source="s")
        for r in b.records
    ]  # fmt: skip


def job_of(*batches: Batch) -> CommitJob:
    return CommitJob(
        tuple(InFlight(b, i) for i, b in enumerate(batches)), tuple(routed_for(b) for b in batches)
    )


class Recorder:
    """A commit function that records what it was given; `outcome` scripts the result."""

    def __init__(self, outcome: str = "commit", hold: threading.Event | None = None) -> None:
        self.outcome = outcome
        self.hold = hold
        self.calls: list[tuple[Batch, list[RoutedRecord], Any]] = []
        self.finished_at: float | None = None

    def __call__(self, b: Batch, routed: Sequence[RoutedRecord], metadata: Any) -> list[RoutedRecord] | None:
        self.calls.append((b, list(routed), metadata))
        if self.hold is not None:
            self.hold.wait(5)
        self.finished_at = time.monotonic()
        if self.outcome == "fenced":
            raise Fenced("fenced by a newer instance")
        return None if self.outcome == "abort" else list(routed)


@pytest.mark.parametrize("inline", [False, True])
def test_a_job_commits_every_batch_in_one_transaction_in_fetch_order(inline: bool) -> None:
    first, second = batch((0, 10), (1, 5)), batch((0, 11), (2, 7))
    recorder = Recorder()
    commits = CommitThread(recorder, inline=inline)
    commits.submit(job_of(first, second), "metadata")
    assert commits.wait(5) and commits.finished
    outcome = commits.collect()
    merged, routed, metadata = recorder.calls[0]
    assert [(r.partition, r.offset) for r in merged.records] == [(0, 10), (1, 5), (0, 11), (2, 7)]
    assert merged.next_offsets == {("in", 0): 12, ("in", 1): 6, ("in", 2): 8}  # the last of each partition
    assert merged.first_offsets == {("in", 0): 10, ("in", 1): 5, ("in", 2): 7}
    assert [r.value for r in routed] == [b"10", b"5", b"11", b"7"] and metadata == "metadata"
    assert outcome.committed == [routed_for(first), routed_for(second)]  # split per batch again
    assert not commits.busy
    commits.close(5)


def test_one_commit_at_a_time_and_nothing_to_collect_before_it_ends() -> None:
    hold = threading.Event()
    commits = CommitThread(Recorder(hold=hold))
    commits.submit(job_of(batch((0, 1))), None)
    with pytest.raises(RuntimeError, match="one commit at a time"):
        commits.submit(job_of(batch((0, 2))), None)
    assert commits.busy and not commits.wait(0.05)
    with pytest.raises(RuntimeError, match="no finished commit"):
        commits.collect()
    hold.set()
    assert commits.wait(5)
    commits.collect()
    commits.submit(job_of(batch((0, 2))), None)  # collected: the next may go
    assert commits.wait(5)
    commits.close(5)


@pytest.mark.parametrize(("outcome", "committed", "error"), [("abort", None, None), ("fenced", None, Fenced)])
def test_an_abort_or_a_fatal_error_is_handed_back(
    outcome: str, committed: object, error: type | None
) -> None:
    commits = CommitThread(Recorder(outcome))
    inline = CommitThread(Recorder(outcome), inline=True)
    inline.submit(job_of(batch((0, 1))), None)  # inline: done when submit returns, nothing raised there
    assert inline.finished and inline.collect().committed is committed
    commits.submit(job_of(batch((0, 1))), None)
    assert commits.wait(5)
    result = commits.collect()
    assert result.committed is committed
    assert (type(result.error) if result.error else None) is error
    commits.close(5)


def test_close_lets_the_commit_in_flight_finish() -> None:
    hold = threading.Event()
    recorder = Recorder(hold=hold)
    commits = CommitThread(recorder)
    commits.submit(job_of(batch((0, 1))), None)
    threading.Timer(0.1, hold.set).start()
    commits.close(5)
    assert recorder.finished_at is not None


class Decided(NullObserver):
    def __init__(self) -> None:
        self.decided = 0

    def event_decided(self, **_kwargs: Any) -> None:
        self.decided += 1


def runner_with(
    recorder: Recorder, *, inline: bool = False
) -> tuple[GateRunner, MagicMock, InProcessEvaluator, Decided]:
    settings = load_settings(bootstrap_servers="127.0.0.1:9")
    consumer = MagicMock(spec_set=Consumer)
    clients = MagicMock()
    clients.consumer = consumer
    evaluator = InProcessEvaluator(ScriptedFactory())
    observer = Decided()
    runner = GateRunner(settings, ScriptedFactory(), observer, clients=clients, evaluator=evaluator)
    runner._commits = CommitThread(recorder, inline=inline)
    guard = MagicMock(spec_set=PauseControl)
    guard.paused = False
    runner._guard = guard
    return runner, consumer, evaluator, observer


def in_flight(runner: GateRunner, evaluator: InProcessEvaluator, *batches: Batch) -> None:
    for b in batches:
        runner._inflight.add(b, evaluator.submit(b.records))


def sought(consumer: MagicMock) -> list[tuple[int, int]]:
    return sorted((c.args[0].partition, c.args[0].offset) for c in consumer.seek.call_args_list)


@pytest.mark.parametrize("inline", [False, True])
def test_an_aborted_commit_discards_every_batch_behind_it_and_rewinds(inline: bool) -> None:
    runner, consumer, evaluator, observer = runner_with(Recorder("abort"), inline=inline)
    in_flight(runner, evaluator, batch((0, 10), (1, 5)), batch((0, 11)), batch((2, 40), (0, 12)))
    assert runner._guard is not None
    runner._start_commit(runner._guard)  # all three are decided (in process): one transaction
    assert len(runner._inflight) == 0
    in_flight(runner, evaluator, batch((0, 13), (3, 1)))  # fetched while the commit ran
    assert runner._committing().wait(5)
    runner._collect(runner._guard)
    assert sought(consumer) == [(0, 10), (1, 5), (2, 40), (3, 1)]  # every partition to its earliest
    assert len(runner._inflight) == 0 and observer.decided == 0
    assert runner._aborts_in_a_row == 1
    runner._committing().close(5)


def test_a_fatal_commit_error_is_raised_on_the_loop_thread_and_nothing_is_reported() -> None:
    runner, _consumer, evaluator, observer = runner_with(Recorder("fenced"))
    in_flight(runner, evaluator, batch((0, 10)))
    assert runner._guard is not None
    runner._start_commit(runner._guard)
    assert runner._committing().wait(5)
    with pytest.raises(Fenced):
        runner._collect(runner._guard)
    assert observer.decided == 0
    runner._committing().close(5)


def test_a_revoke_waits_for_the_commit_in_flight_then_drops_the_rest() -> None:
    hold = threading.Event()
    recorder = Recorder(hold=hold)
    runner, _consumer, evaluator, observer = runner_with(recorder)
    reader = MagicMock()
    in_flight(runner, evaluator, batch((0, 10), (0, 11)))
    assert runner._guard is not None
    runner._start_commit(runner._guard)
    in_flight(runner, evaluator, batch((0, 12)))  # not yet handed over
    threading.Timer(0.2, hold.set).start()
    partition = MagicMock(topic="in", partition=0)
    runner._revoked(reader, [partition])
    assert recorder.finished_at is not None  # the revoke returned only after the commit ended
    assert observer.decided == 2 and not runner._committing().busy  # collected: reported as committed
    assert len(runner._inflight) == 0  # the batch behind it is dropped uncommitted
    runner._committing().close(5)


def test_a_fatal_error_met_inside_a_revoke_is_raised_after_it() -> None:
    runner, _consumer, evaluator, _observer = runner_with(Recorder("fenced"))
    in_flight(runner, evaluator, batch((0, 10)))
    assert runner._guard is not None
    runner._start_commit(runner._guard)
    runner._revoked(MagicMock(), [MagicMock(topic="in", partition=0)])  # does not raise inside consume()
    with pytest.raises(Fenced):
        runner._raise_if_fatal()
    runner._committing().close(5)


def test_the_end_of_a_commit_is_signalled_on_its_wakeup_descriptor() -> None:
    # The loop waits in select() on its workers' pipes: a commit's end must be able to wake it.
    assert CommitThread(Recorder(), inline=True).wakeup_fd is None
    hold = threading.Event()
    commits = CommitThread(Recorder(hold=hold))
    fd = commits.wakeup_fd
    assert fd is not None
    commits.submit(job_of(batch((0, 1))), None)
    assert select.select([fd], [], [], 0.05)[0] == []  # nothing yet: still committing
    hold.set()
    assert select.select([fd], [], [], 5)[0] == [fd]
    commits.collect()
    commits.close(5)


def test_the_group_metadata_is_read_once_per_generation_and_again_after_an_abort() -> None:
    """Reading it is a round trip to librdkafka's main thread: not before every commit, but every commit
    after a rebalance or an abort carries a fresh one (a stale generation fences the offsets)."""
    recorder = Recorder()
    runner, consumer, evaluator, _observer = runner_with(recorder, inline=True)
    consumer.consumer_group_metadata.side_effect = ["gen-1", "gen-2", "gen-3", "gen-4"]
    guard = runner._guard
    assert guard is not None

    def commit(*coordinates: tuple[int, int]) -> None:
        in_flight(runner, evaluator, batch(*coordinates))
        runner._start_commit(guard)
        runner._collect(guard)

    commit((0, 10))
    commit((0, 11))
    partition = MagicMock(topic="in", partition=0)
    runner._revoked(MagicMock(), [partition])
    runner._assigned(MagicMock(), [partition])
    commit((0, 12))
    recorder.outcome = "abort"
    commit((0, 13))
    recorder.outcome = "commit"
    commit((0, 13))
    assert [metadata for _b, _r, metadata in recorder.calls] == ["gen-1", "gen-1", "gen-2", "gen-2", "gen-3"]
    runner._committing().close(5)


@pytest.mark.parametrize(
    ("commit", "in_flight_batch", "closes"),
    [
        ("finished", False, True),  # nothing behind it: collect now, then wait for records in consume()
        ("finished", True, True),  # the decided batch behind it can commit next
        ("running", False, False),
        ("running", True, False),  # decided, but the commit thread is still busy
        ("idle", True, True),
        ("idle", False, False),  # nothing to do but wait for records
    ],
)
def test_a_waiting_fetch_ends_when_there_is_a_commit_to_collect_or_to_start(
    commit: str, in_flight_batch: bool, closes: bool
) -> None:
    """`_keep_moving` between consume() polls: True ends the wait (or closes the batch) so the loop can
    collect the finished commit or start the next one."""
    hold = threading.Event()
    runner, _consumer, evaluator, _observer = runner_with(Recorder(hold=hold))
    if commit != "idle":
        runner._committing().submit(job_of(batch((0, 1))), None)
        if commit == "finished":
            hold.set()
            assert runner._committing().wait(5)
            deadline = time.monotonic() + 5
            while not runner._committing().finished and time.monotonic() < deadline:
                time.sleep(0.001)
    if in_flight_batch:
        in_flight(runner, evaluator, batch((0, 2)))  # decided at once (in process)
    assert runner._keep_moving() is closes
    hold.set()
    runner._committing().close(5)
