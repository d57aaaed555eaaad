"""Consumer lag in seconds: the age of the oldest record taken from a partition and not yet decided.

Why from record timestamps and not from offsets: lag in records needs the partition's high watermark, which
some brokers get wrong (Tansu reports 3 where 12 are readable), and a record count says nothing about how long
a product waits. The age of the oldest undecided record is what an SRE asks about, and it needs nothing but
the records the gate already holds.

What each partition reports (computed when Prometheus scrapes, so a stuck batch shows a growing age):
- a batch holds records of it: now minus the producer timestamp of its oldest record in that batch;
- its last records were decided (committed) and nothing newer is held: 0, until the next fetch says more;
- the flood guard paused it: now minus the moment of the pause (a lower bound: records keep arriving
  unseen while paused; the gate cannot know their age without consuming them).
A record without a timestamp counts from the moment it was taken. Revoked partitions disappear.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Mapping

__all__ = ["RecordAgeLag", "TopicPartition"]

TopicPartition = tuple[str, int]


class RecordAgeLag:
    """Per-partition age of the oldest undecided record; fed by the runner, read by the metrics collector.

    Thread-safe: the loop thread writes, the HTTP server thread reads.
    """

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        """`clock` gives wall-clock seconds since the epoch (record timestamps are wall-clock)."""
        self._clock = clock
        self._lock = threading.Lock()
        self._oldest: dict[TopicPartition, float | None] = {}  # None: nothing undecided known

    def taken(self, oldest_timestamp_ms: Mapping[TopicPartition, int | None]) -> None:
        """A batch was taken: for each partition in it, the timestamp (ms) of its oldest record."""
        now = self._clock()
        with self._lock:
            for tp, ms in oldest_timestamp_ms.items():
                since = now if ms is None or ms <= 0 else min(ms / 1000.0, now)
                held = self._oldest.get(tp)
                self._oldest[tp] = since if held is None else min(held, since)

    def decided(self, partitions: Iterable[TopicPartition]) -> None:
        """The batch's records of these partitions were committed."""
        with self._lock:
            for tp in partitions:
                self._oldest[tp] = None

    def caught_up(self, partitions: Iterable[TopicPartition]) -> None:
        """A fetch found nothing new on these (assigned, not paused) partitions."""
        self.decided(partitions)

    def paused(self, partitions: Iterable[TopicPartition]) -> None:
        """Consumption of these partitions stopped: their age counts from now (unless already older)."""
        now = self._clock()
        with self._lock:
            for tp in partitions:
                held = self._oldest.get(tp)
                self._oldest[tp] = now if held is None else min(held, now)

    def released(self, partitions: Iterable[TopicPartition]) -> None:
        """These partitions are no longer ours: stop reporting them."""
        with self._lock:
            for tp in partitions:
                self._oldest.pop(tp, None)

    def seconds(self) -> dict[TopicPartition, float]:
        """The lag in seconds of every partition we know, as of now."""
        now = self._clock()
        with self._lock:
            return {tp: 0.0 if since is None else max(0.0, now - since) for tp, since in self._oldest.items()}
