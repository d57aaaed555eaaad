"""How far ahead the pool deals records to a worker: by the time they take, not only by their count.

A record dealt to a worker's pipe is that worker's: it waits out every record ahead of it there, whatever
the other worker does. The loop commits batches in fetch order, so a record decided early still waits for
the slowest record of every batch before it. Two chunks a worker (16 records, 60-80 ms of evaluation at
4-5 ms a record) kept both workers busy in a drain, but under a queue at half load on shared cores they
made two private queues of that length: a record dealt behind a worker that ran slower (dearer payloads,
a core taken by the broker or another process) waited up to 154 ms there, and the decided records of the
other worker 240 ms more for it (the slowest 2% at 170 events/s, load 8, `benchmarks.e2e_timeline`).
Records that stay in the pool's one queue go to whichever worker frees first, in order.

So a worker is dealt records only while what it holds undecided is under `limit`: the record it is on and
`DEAL_AHEAD_S` of work behind it, counted with the evaluation time measured from its answers (at least
one record behind it, at most two chunks, as before). The loop serves the pool every 2 ms slice while work
is in flight, so a worker refilled `DEAL_AHEAD_S` ahead does not idle; cheap records (well under a
millisecond) still go a chunk or two at a time, their queue being short in time anyway.
"""

from __future__ import annotations

import math

# Work a worker holds beyond the record it is on: several of the loop's 2 ms serving slices, plus a
# scheduling delay on busy cores (a runnable runner waited 3-6 ms for a core at load 8).
DEAL_AHEAD_S = 0.015
# The estimate follows the evaluation time with this weight per sample (answers come in bursts of a few
# held answers; a few samples are enough to follow a change of payload mix).
WEIGHT = 0.2


class DealAhead:
    """The most undecided records a worker may hold, from the measured evaluation time per record."""

    def __init__(self, max_records: int, *, ahead_s: float = DEAL_AHEAD_S) -> None:
        self._max = max(2, max_records)
        self._ahead_s = ahead_s
        self.record_s: float | None = None  # estimated evaluation seconds per record (None: not measured)

    def observe(self, records: int, seconds: float) -> None:
        """A worker busy all along answered `records` records in `seconds`."""
        if records <= 0 or seconds <= 0:
            return
        sample = seconds / records
        self.record_s = sample if self.record_s is None else self.record_s + WEIGHT * (sample - self.record_s)

    @property
    def limit(self) -> int:
        """Undecided records a worker may hold: the one it is on and `DEAL_AHEAD_S` of work behind it
        (two chunks until an evaluation time was measured)."""
        if self.record_s is None:
            return self._max
        behind = math.ceil(self._ahead_s / self.record_s)
        return max(2, min(self._max, 1 + behind))


def undecided(jobs: int, started: int, answered: int) -> int:
    """Records a worker holds and has not decided: `jobs` sent and not answered, less those it decided
    with their answers held back (all but the last of those it began and did not answer)."""
    return jobs - max(0, started - answered - 1)
