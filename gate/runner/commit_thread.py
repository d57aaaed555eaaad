"""Commit jobs handed over by the loop: on a thread of their own (`batch.commit_thread`), or inline.

A commit is mostly waiting for the broker (the flush's acknowledgements, AddOffsetsToTxn, TxnOffsetCommit,
EndTxn). On the loop thread that wait stops everything else: no record is fetched or handed to a worker
while a batch commits. On a thread the loop hands the commit over and goes on. Measured on 2 shared cores
(README "Performance"), the thread lost more than it won: it and the loop take turns at the GIL (the
produce calls hold it), which delays the loop's wake-ups and the workers' next chunks, and batches came
out smaller; throughput fell 10-25% and the half-load p99 rose. So by default the job runs inline, inside
`submit` on the loop thread, with the same hand-over, the same ordering and the same group commit (every
decided batch at the head of the window in one transaction).

The rules that keep exactly-once intact:
- One commit at a time, strictly in fetch order. The loop hands over the oldest decided batches (every
  decided batch at the head of the window, in one transaction: a group commit) and hands over the next
  only after it has collected this one's outcome.
- The thread only produces and commits (the committer puts each batch's end offsets in the same
  transaction as its outputs). Everything that touches the consumer stays on the loop thread: the group
  metadata is read there when the job is handed over, and after an abort the loop rewinds, when it
  collects the outcome, to the first offsets of the aborted batches and of every batch behind them
  (discarded unproduced). Nothing is lost and nothing is committed out of order.
- A revoke (a callback inside consume() on the loop thread) first waits for the commit in flight and
  collects it, so a rebalance still happens only between committed batches.
- A fatal error on the thread (fenced, a broken transaction) is handed back and raised on the loop thread.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from gate.core.record import RoutedRecord
from gate.runner.batching import Batch
from gate.runner.inflight import InFlight

# The committer's contract: produce `routed` for `batch`, commit with the group metadata; the committed
# records, or None when the transaction was aborted (the caller rewinds). Raises on fatal errors.
CommitFunction = Callable[[Batch, Sequence[RoutedRecord], Any], "list[RoutedRecord] | None"]


@dataclass(frozen=True, slots=True)
class CommitJob:
    """Decided batches, oldest first, to commit in one transaction, with their routed records."""

    entries: tuple[InFlight, ...]
    routed: tuple[list[RoutedRecord], ...]  # per entry, one routed record per record, in order

    @property
    def batches(self) -> list[Batch]:
        """The batches, oldest first."""
        return [entry.batch for entry in self.entries]

    @property
    def merged(self) -> Batch:
        """One batch holding every record, in fetch order (its offsets are the transaction's)."""
        if len(self.entries) == 1:
            return self.entries[0].batch
        batches = self.batches
        return Batch(
            tuple(record for batch in batches for record in batch.records),
            sum(batch.nbytes for batch in batches),
            min(batch.fetched_at for batch in batches),
        )

    @property
    def records(self) -> list[RoutedRecord]:
        """Every routed record, in the merged batch's order."""
        return [record for routed in self.routed for record in routed]


@dataclass(frozen=True, slots=True)
class CommitOutcome:
    """What became of a job: `committed` (per entry, in order), None when aborted, or a fatal `error`."""

    job: CommitJob
    committed: list[list[RoutedRecord]] | None
    error: Exception | None
    seconds: float


class CommitThread:
    """Runs one commit job at a time (off the loop thread unless `inline`); the loop collects each outcome
    before it hands over the next."""

    def __init__(self, commit: CommitFunction, *, inline: bool = False, name: str = "gate-commit") -> None:
        self._commit = commit
        self._inline = inline
        self._changed = threading.Condition()
        self._job: tuple[CommitJob, Any] | None = None  # handed over, not started
        self._outcome: CommitOutcome | None = None  # finished, not collected
        self._busy = False  # handed over and not yet collected
        self._closed = False
        self._thread: threading.Thread | None = None
        # A byte on this pipe says a job ended: the loop waits in select() on its workers' pipes, and
        # without it noticed the end only when its wait slice ran out (~2.5 ms later on average, between
        # every two transactions; records decided meanwhile waited for the next commit that much longer).
        self._wake_r = self._wake_w = -1
        if not inline:
            self._wake_r, self._wake_w = os.pipe()
            os.set_blocking(self._wake_r, False)
            os.set_blocking(self._wake_w, False)
            self._thread = threading.Thread(target=self._run, name=name, daemon=True)
            self._thread.start()

    @property
    def wakeup_fd(self) -> int | None:
        """Readable once a job has ended (whoever waits on it drains it); None when inline."""
        return None if self._wake_r < 0 else self._wake_r

    @property
    def busy(self) -> bool:
        """A job was handed over and its outcome not yet collected."""
        return self._busy

    @property
    def finished(self) -> bool:
        """The job's outcome is ready to collect."""
        return self._outcome is not None

    def submit(self, job: CommitJob, group_metadata: Any) -> None:
        """Hand over a job (the loop's thread, with the consumer's group metadata read there)."""
        with self._changed:
            if self._busy:
                raise RuntimeError("one commit at a time: collect the previous outcome first")
            if self._closed:
                raise RuntimeError("the commit thread is closed")
            self._busy = True
            if not self._inline:
                self._job = (job, group_metadata)
                self._changed.notify_all()
                return
        self._outcome = self._run_job(job, group_metadata)  # inline: the caller's thread, now

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the job in flight has finished (True), or `timeout` passed; True when idle."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._busy or self._outcome is not None, timeout)

    def collect(self) -> CommitOutcome:
        """The finished job's outcome; the thread is then free for the next job."""
        with self._changed:
            outcome = self._outcome
            if outcome is None:
                raise RuntimeError("no finished commit to collect")
            self._outcome = None
            self._busy = False
            return outcome

    def close(self, timeout: float | None = None) -> None:
        """Let a commit in flight finish (its outcome is dropped uncollected), then stop the thread."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            if not self._thread.is_alive():
                for fd in (self._wake_r, self._wake_w):
                    with contextlib.suppress(OSError):
                        os.close(fd)
                self._wake_r = self._wake_w = -1

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._job is not None or self._closed)
                if self._job is None:
                    return  # closed with nothing to do
                job, metadata = self._job
                self._job = None
            outcome = self._run_job(job, metadata)
            with self._changed:
                self._outcome = outcome
                self._changed.notify_all()
            with contextlib.suppress(OSError):  # full (the loop has not drained it yet) or closed
                os.write(self._wake_w, b"\0")

    def _run_job(self, job: CommitJob, metadata: Any) -> CommitOutcome:
        started = time.monotonic()
        committed: list[list[RoutedRecord]] | None = None
        error: Exception | None = None
        try:
            produced = self._commit(job.merged, job.records, metadata)
            if produced is not None:
                committed = _split(produced, job)
        except Exception as exc:  # handed to the loop thread, which raises it
            error = exc
        return CommitOutcome(job, committed, error, time.monotonic() - started)


def _split(produced: list[RoutedRecord], job: CommitJob) -> list[list[RoutedRecord]]:
    """The committed records of the merged batch, per entry again."""
    out, start = [], 0
    for routed in job.routed:
        out.append(produced[start : start + len(routed)])
        start += len(routed)
    return out
