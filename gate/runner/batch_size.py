"""The batch size the gate chooses for itself: additive increase, multiplicative decrease (AIMD).

A batch's latency is the time from its first record's arrival to its committed transaction. While a full
batch commits within `batch.target_latency_ms`, demand is there and latency has room: the next batch may be
a step larger (larger batches pay one transaction, one flush and one IPC chunk for more records). A batch
over the target halves the size at once, so a burst that builds a queue sheds latency in a few batches.
A batch that was not full says nothing about its size (records ran out first), so the size stays put.
Without a target (`target_latency_ms: null`) the size is the configured `max_records`, as before.
"""

from __future__ import annotations

from gate.settings import BatchSettings


class BatchSizer:
    """Chooses `size`, between `batch.min_records` and `batch.max_records`."""

    def __init__(self, limits: BatchSettings) -> None:
        self._min = min(limits.min_records, limits.max_records)
        self._max = limits.max_records
        self._target_s = None if limits.target_latency_ms is None else limits.target_latency_ms / 1000
        self._step = max(1, self._max // 16)
        self.size = self._max  # start where a fixed-size gate runs; the first slow batch halves it

    @property
    def adaptive(self) -> bool:
        """False when no latency target is configured (the size is then fixed at `max_records`)."""
        return self._target_s is not None

    def observe(self, records: int, latency_s: float) -> int:
        """Learn from one committed batch of `records` that took `latency_s`; the size for the next one."""
        if self._target_s is None:
            return self.size
        if latency_s > self._target_s:
            self.size = max(self._min, self.size // 2)
        elif records >= self.size:
            self.size = min(self._max, self.size + self._step)
        return self.size
