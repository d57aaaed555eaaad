"""The quarantine flood guard: stop consuming instead of quarantining the whole stream.

A bad deploy, an expired trust anchor or signer certificate, or a broken generator makes nearly every event
fail the same way. Quarantining them all loses nothing, but buries the quarantine topic and its reviewers
under thousands of records with one cause. So, as Sentry Arroyo's `DlqLimit` does, the gate counts per
partition: over the last `window_events` decided events of a partition, once `min_events` were seen, a
share of quarantined events above `max_held_ratio` trips the guard. Rejections do not count: rejecting is
the policy working (personal data found), not the gate failing.

Tripped, the gate has already committed the batch that tripped it (every decision made is kept); it then
pauses all its partitions, reports not-ready on /readyz with the reason, sets `gate_flood_guard_tripped`, logs
one line, and keeps polling the consumer (paused) so that it stays in its group. It resumes when an operator
asks (`gate resume` -> `POST /admin/resume`), on restart, or, when `cooldown_s` is set, after the
cool-down, on probation: the windows restart and a partition re-trips after only `probe_events` events if
the flood goes on.

`FloodGuard` is the counting (pure, clock injected); `PauseControl` applies it to a consumer.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from confluent_kafka import KafkaException, TopicPartition

from gate.core.record import RoutedRecord
from gate.model import Verdict
from gate.observe.observer import Observer
from gate.runner.batching import Batch
from gate.runner.clients import fatal_error, kafka_error_of
from gate.runner.health import RunnerHealth
from gate.settings import FloodGuardSettings

__all__ = ["FloodGuard", "PauseControl", "Trip"]

log = logging.getLogger("gate.runner.flood_guard")
Partition = tuple[str, int]


@dataclass(frozen=True, slots=True)
class Trip:
    """Why the guard tripped: the partition and its counts (no event data)."""

    topic: str
    partition: int
    held: int
    window: int
    max_held_ratio: float

    @property
    def reason(self) -> str:
        """One line for /readyz and the log."""
        return (
            f"flood guard tripped: {self.held} of the last {self.window} events of "
            f"{self.topic}[{self.partition}] were quarantined (bound {self.max_held_ratio:.0%}); "
            "find the cause, then run `gate resume` (see docs/runbook.md#gateflood-guard-tripped)"
        )


class FloodGuard:
    """Per-partition windows of held-back (quarantined) outcomes. Thread-safe for `request_resume`."""

    def __init__(self, settings: FloodGuardSettings, clock: Callable[[], float] = time.monotonic) -> None:
        """Bounds from `settings`; `clock` (monotonic seconds) times the cool-down."""
        self._settings = settings
        self._clock = clock
        self._windows: dict[Partition, deque[bool]] = {}
        self._tripped: Trip | None = None
        self._tripped_at = 0.0
        self._probing = False
        self._resume_requested = threading.Event()

    @property
    def tripped(self) -> Trip | None:
        """The trip in force, or None while consuming."""
        return self._tripped

    def record(self, outcomes: Iterable[tuple[Partition, bool]]) -> Trip | None:
        """Count decided events, `(partition, held_back)` each; returns the trip if this trips the guard."""
        if not self._settings.enabled or self._tripped is not None:
            return None
        size = self._settings.window_events
        for partition, held in outcomes:
            self._windows.setdefault(partition, deque(maxlen=size)).append(held)
        needed = self._settings.probe_events if self._probing else self._settings.min_events
        for (topic, number), window in sorted(self._windows.items()):
            held_count = sum(window)
            if len(window) >= needed and held_count > self._settings.max_held_ratio * len(window):
                self._tripped = Trip(topic, number, held_count, len(window), self._settings.max_held_ratio)
                self._tripped_at = self._clock()
                self._resume_requested.clear()
                return self._tripped
        if self._probing and all(len(w) >= self._settings.min_events for w in self._windows.values()):
            self._probing = False  # the probation passed: back to the normal minimum
        return None

    def request_resume(self) -> bool:
        """An operator asks to resume (any thread). False when the guard is not tripped."""
        if self._tripped is None:
            return False
        self._resume_requested.set()
        return True

    def resume_due(self) -> str | None:
        """`"operator"` or `"cool-down"` when the loop should resume now, else None."""
        if self._tripped is None:
            return None
        if self._resume_requested.is_set():
            return "operator"
        cooldown = self._settings.cooldown_s
        if cooldown is not None and self._clock() - self._tripped_at >= cooldown:
            return "cool-down"
        return None

    def resumed(self, *, probation: bool) -> None:
        """Consumption resumed: empty the windows (on `probation`, re-trip after `probe_events`)."""
        self._tripped = None
        self._windows.clear()
        self._probing = probation
        self._resume_requested.clear()

    def forget(self, partitions: Iterable[Partition]) -> None:
        """Partitions were revoked: their counts go with them (the next owner counts afresh)."""
        for partition in partitions:
            self._windows.pop(partition, None)


class PauseControl:
    """Applies a `FloodGuard` to the runner's consumer, health and observer (loop thread only)."""

    def __init__(self, guard: FloodGuard, consumer: Any, health: RunnerHealth, observer: Observer) -> None:
        """`consumer` is the runner's subscribed confluent-kafka Consumer."""
        self.guard = guard
        self._consumer = consumer
        self._health = health
        self._observer = observer

    @property
    def paused(self) -> bool:
        """True while the guard holds consumption paused."""
        return self.guard.tripped is not None

    def after_commit(self, routed: Sequence[RoutedRecord], batch: Batch) -> None:
        """Count a committed batch; trip and pause when it floods."""
        outcomes = (
            ((record.topic, record.partition), out.verdict is Verdict.QUARANTINED)
            for record, out in zip(batch.records, routed, strict=True)
        )
        trip = self.guard.record(outcomes)
        if trip is None:
            return
        partitions = self._pause_assignment()
        self._health.set_not_ready_reason(trip.reason)
        self._observer.flood_guard(tripped=True, partitions=partitions)
        log.error("%s", trip.reason, extra={"topic": trip.topic, "partition": trip.partition})

    def before_fetch(self) -> None:
        """While tripped: resume if due, else keep every assigned partition paused (a rebalance unpauses)."""
        if not self.paused:
            return
        due = self.guard.resume_due()
        if due is None:
            self._pause_assignment()
            return
        self.guard.resumed(probation=due == "cool-down")
        try:
            self._consumer.resume(self._consumer.assignment())
        except KafkaException as exc:
            raise fatal_error(kafka_error_of(exc), "resume") from None
        self._health.set_not_ready_reason(None)
        self._observer.flood_guard(tripped=False, partitions=())
        log.warning("flood guard released (%s): consuming again", due)

    def hold_back(self, batch: Batch) -> bool:
        """True (and the batch given back by seeking) if records arrived while paused, e.g. from a
        partition assigned after the trip: nothing is decided while the guard holds."""
        if not self.paused:
            return False
        try:
            for (topic, partition), offset in batch.first_offsets.items():
                self._consumer.seek(TopicPartition(topic, partition, offset))
        except KafkaException as exc:
            raise fatal_error(kafka_error_of(exc), "seek back while paused") from None
        self._pause_assignment()
        return True

    def _pause_assignment(self) -> list[Partition]:
        try:
            assignment = self._consumer.assignment()
            if assignment:
                self._consumer.pause(assignment)
        except KafkaException as exc:
            raise fatal_error(kafka_error_of(exc), "pause") from None
        return [(tp.topic, tp.partition) for tp in assignment]
