"""The batch size the gate chooses for itself: AIMD on the measured p99, throughput-led under a backlog.

A batch's latency is the time from its first record's arrival to its committed transaction (the gate's part
of produce -> verdict readable). The sizer collects committed batches in a window and decides once the
window holds `DECIDE_EVENTS` events in at least `DECIDE_BATCHES` batches, then starts a fresh window, so
each decision sees the size it is about:

- The gate keeps up (most of the window's records came in batches that closed before a size bound: the
  workers were ready for them, or the linger ran out): when the window's p99 passes
  `batch.target_latency_ms` and its largest batch was at least half the size, the size halves (smaller
  batches, fewer records in flight, so less waiting behind them); otherwise it stays (a size the batches
  stayed far below limited nothing, and halving it would not lower the p99).
- A backlog (most records came in batches that closed at a size bound: records were waiting): the size
  follows throughput, a step up while the committed records per second do not fall, a step back when
  they fell. A smaller batch would lower the gate's own share of the latency but raise the backlog's
  (fewer records per second), so the latency target does not shrink it there.

Without a target (`target_latency_ms: null`) the size is the configured `max_records`, as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from gate.settings import BatchSettings

DECIDE_EVENTS = 64  # a p99 over fewer events is its maximum; 64 at half load is ~0.15 s of traffic
DECIDE_BATCHES = 4  # a rate needs the span between several commits
# Committed records per second move by a few percent between windows with nothing changed (shared cores):
# a fall smaller than this is noise, not a sign that the last step went past the peak.
RATE_NOISE = 0.05


@dataclass(frozen=True, slots=True)
class CommittedBatch:
    """What the sizer learns from one committed batch."""

    records: int
    latency_s: float  # first record fetched -> transaction committed
    full: bool  # closed at a size bound (records or bytes): records were waiting behind it
    committed_at: float  # monotonic


class BatchSizer:
    """Chooses `size`, between `batch.min_records` and `batch.max_records`."""

    def __init__(self, limits: BatchSettings) -> None:
        self._min = min(limits.min_records, limits.max_records)
        self._max = limits.max_records
        self._target_s = None if limits.target_latency_ms is None else limits.target_latency_ms / 1000
        self._step = max(1, self._max // 16)
        self.size = self._max  # start where a fixed-size gate runs: throughput first, the p99 shrinks it
        self._window: list[CommittedBatch] = []
        self._rate_before: float | None = None  # committed records/s of the last backlog window

    @property
    def adaptive(self) -> bool:
        """False when no latency target is configured (the size is then fixed at `max_records`)."""
        return self._target_s is not None

    def observe(self, batch: CommittedBatch) -> int:
        """Learn from one committed batch; the size for the next one."""
        if self._target_s is None:
            return self.size
        self._window.append(batch)
        if len(self._window) < DECIDE_BATCHES or sum(b.records for b in self._window) < DECIDE_EVENTS:
            return self.size
        window, self._window = self._window, []
        if _backlogged(window):
            self._follow_throughput(window)
        else:
            self._rate_before = None  # a later backlog starts its climb afresh
            # Halve only a size the batches came near: under a CPU-starved half load the p99 passes the
            # target with batches of 3-9 records, and halving a size of 64 down to 3 changed nothing but
            # the count of batches (measured: the size slid to 3, the p99 stayed).
            largest = max(b.records for b in window)
            if p99_latency_s(window) > self._target_s and 2 * largest >= self.size:
                self.size = max(self._min, self.size // 2)
        return self.size

    def _follow_throughput(self, window: list[CommittedBatch]) -> None:
        rate = committed_rate(window)
        if rate is None:
            return  # every batch of the window committed in one transaction: no span to measure
        if self._rate_before is not None and rate < self._rate_before * (1 - RATE_NOISE):
            self.size = max(self._min, self.size - self._step)  # past the peak: back where it was higher
        else:
            self.size = min(self._max, self.size + self._step)
        self._rate_before = rate


def _backlogged(window: list[CommittedBatch]) -> bool:
    """Most of the window's records came in batches closed at a size bound."""
    full = sum(b.records for b in window if b.full)
    return 2 * full > sum(b.records for b in window)


def p99_latency_s(window: list[CommittedBatch]) -> float:
    """The 99th percentile of the window's per-event latencies (every record of a batch shares its
    batch's latency), nearest rank."""
    ordered = sorted(window, key=lambda b: b.latency_s)
    events = sum(b.records for b in ordered)
    rank = -(-99 * events // 100)  # ceil(0.99 * events): the nearest-rank percentile
    seen = 0
    for batch in ordered:
        seen += batch.records
        if seen >= rank:
            return batch.latency_s
    return ordered[-1].latency_s


def committed_rate(window: list[CommittedBatch]) -> float | None:
    """Records per second committed over the window: the records after the first commit, over the span
    from the first commit to the last (None when they all committed together)."""
    first = min(b.committed_at for b in window)
    last = max(b.committed_at for b in window)
    if last <= first:
        return None
    return sum(b.records for b in window if b.committed_at > first) / (last - first)
