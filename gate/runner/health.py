"""The runner's health, written by the loop thread and read by the HTTP server thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable


class RunnerHealth:
    """Liveness and readiness of one runner.

    alive: the loop made progress (a consume returned or a record was decided) within `max_stall_s`.
    Choose `max_stall_s` above the worst batch time (about event_timeout_s * max_records / workers).
    ready: clients are set up, the broker answers, the store for published images answered the last batch,
    and the runner is not shutting down.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._last_tick = clock()
        self._started = False
        self._stopping = False
        self._broker_reachable = False
        self._store_reachable = True  # until a batch finds it unavailable
        self._assigned: frozenset[tuple[str, int]] = frozenset()
        self._held_reason: str | None = None

    def tick(self) -> None:
        """The loop is making progress."""
        now = self._clock()
        with self._lock:
            self._last_tick = now

    def mark_started(self) -> None:
        """Clients and workers are ready and the loop is about to consume."""
        with self._lock:
            self._started = True
            self._last_tick = self._clock()

    def mark_stopping(self) -> None:
        """Shutdown began: stop receiving traffic, stay alive until the loop returns."""
        with self._lock:
            self._stopping = True

    def set_broker_reachable(self, reachable: bool) -> None:
        """What the clients last reported about the brokers."""
        with self._lock:
            self._broker_reachable = reachable

    def set_store_reachable(self, reachable: bool) -> None:
        """Whether the last batch could read and write the store for published images."""
        with self._lock:
            self._store_reachable = reachable

    @property
    def store_reachable(self) -> bool:
        """Whether the store answered the last batch."""
        with self._lock:
            return self._store_reachable

    def set_assignment(self, partitions: Iterable[tuple[str, int]]) -> None:
        """The partitions this runner currently owns."""
        with self._lock:
            self._assigned = frozenset(partitions)

    def set_not_ready_reason(self, reason: str | None) -> None:
        """Hold readiness off with `reason` (the flood guard), or release it with None."""
        with self._lock:
            self._held_reason = reason

    def not_ready_reason(self) -> str | None:
        """Why the runner is not ready (one line, no event data), or None when it is ready."""
        with self._lock:
            if self._stopping:
                return "stopping"
            if not self._started:
                return "starting"
            if not self._broker_reachable:
                return "no Kafka broker reachable"
            if not self._store_reachable:
                return "the store for published images is unavailable"
            return self._held_reason

    @property
    def assigned(self) -> frozenset[tuple[str, int]]:
        """(topic, partition) pairs we own; empty is normal when instances outnumber partitions."""
        with self._lock:
            return self._assigned

    @property
    def broker_reachable(self) -> bool:
        """Whether the clients last saw a broker up."""
        with self._lock:
            return self._broker_reachable

    def seconds_since_tick(self) -> float:
        """Seconds since the loop last made progress."""
        with self._lock:
            return self._clock() - self._last_tick

    def alive(self, max_stall_s: float) -> bool:
        """False when the loop has been stuck for longer than `max_stall_s` (the pod should be restarted)."""
        return self.seconds_since_tick() <= max_stall_s

    def ready(self) -> bool:
        """True while the runner is started, not stopping, a broker is reachable and nothing holds it off."""
        return self.not_ready_reason() is None
