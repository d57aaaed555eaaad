"""When the loop may start a transaction: the commit cadence (`batch.commit_interval_ms`).

A transaction costs the broker and the runner about the same whatever it holds: at a trickle about 2 ms
of CPU each for a transaction of one or two records, against 0.25 ms an event in a drain (README
"Performance", `benchmarks.broker_trickle`). Committing every decided record at once made half load cost
nearly as much CPU as a drain on two shared cores, and the queues that built then were the p99.

The cadence is a token bucket. A transaction may start while a start is in the bucket; starts come back
one per interval, and the bucket holds at most `COMMIT_BURST`. So:
- a burst on an idle gate finds the bucket full and commits batch after batch as before: the end of a
  burst does not wait for the cadence (a fixed 25 ms between starts made it wait, measured 32-89 ms
  against 18-48);
- a steady trickle gets one transaction per interval, holding what was decided meanwhile;
- a decided head of `FULL_TRANSACTION_RECORDS` or more starts at once: its per-record cost is small
  already, and holding it would only add latency under a backlog.
A decided batch waits at most one interval for its transaction; the interval is capped at the linger, so
a batch is never held longer than the linger would have held it open. 0 turns the cadence off.
"""

from __future__ import annotations

import time
from collections.abc import Callable

# Starts the bucket holds: a small burst on an idle gate (a few batches, as the reader closes them for
# idle workers) commits with no wait.
COMMIT_BURST = 4
# A decided head this large is worth its transaction now (a trickle's held transactions hold ~7 records
# at 290 events/s and 25 ms).
FULL_TRANSACTION_RECORDS = 8


class CommitCadence:
    """A token bucket of transaction starts: `COMMIT_BURST` at most, one more per `interval_s`."""

    def __init__(
        self,
        interval_s: float,
        *,
        burst: int = COMMIT_BURST,
        full_records: int = FULL_TRANSACTION_RECORDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._interval = max(0.0, interval_s)
        self._burst = max(1, burst)
        self._full = full_records
        self._clock = clock
        self._tokens = float(self._burst)
        self._counted_at = clock()

    @property
    def interval_s(self) -> float:
        """Seconds between starts at a trickle (0: no cadence)."""
        return self._interval

    def wait_s(self, decided_records: int) -> float:
        """0 when a transaction of `decided_records` may start now, else the seconds until it may."""
        if self._interval <= 0 or decided_records >= self._full:
            return 0.0
        self._refill()
        if self._tokens >= 1.0:
            return 0.0
        return (1.0 - self._tokens) * self._interval

    def started(self) -> None:
        """A transaction started: take a start from the bucket (none left: it was a full head's)."""
        if self._interval <= 0:
            return
        self._refill()
        self._tokens = max(0.0, self._tokens - 1.0)

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(float(self._burst), self._tokens + (now - self._counted_at) / self._interval)
        self._counted_at = now


def cadence_interval_s(commit_interval_ms: int, linger_ms: int) -> float:
    """The interval the loop uses: the configured one, never longer than the linger."""
    return max(0, min(commit_interval_ms, linger_ms)) / 1000
