"""What the loop needs from an evaluator, and the in-process one (workers=0).

The loop keeps several batches in flight: it `submit`s a batch and gets a ticket, lets the evaluator make
progress with `serve` while it fetches or commits other batches, and `take`s a ticket's results (one routed
record per input record, in input order) once `done`. `process` is the synchronous form of the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from gate.core.record import FailureCode, InboundRecord, RoutedRecord, failure_record
from gate.errors import StoreUnavailable
from gate.runner.contract import ProcessorFactory, RecordProcessor
from gate.runner.errors import PoolError

TIMEOUT_CODE = FailureCode.TIMEOUT
ERROR_CODE = FailureCode.ERROR


class BatchAbandoned(Exception):
    """The caller asked to stop in the middle of a batch; no result is returned for it."""


class Evaluator(Protocol):
    """An evaluator with batches in flight: tickets in, routed records out."""

    ipc_seconds: float  # time spent so far moving records and results between processes
    overlaps: bool  # evaluates while the caller does other work (worker processes), not inside `submit`

    def start(self, stopped: Callable[[], bool] = ...) -> bool:
        """Get ready to evaluate (start workers); False, with nothing left running, when `stopped()`
        turned true first (a SIGTERM while workers start)."""

    def submit(self, records: Sequence[InboundRecord]) -> int:
        """Queue a batch for evaluation; its ticket."""

    def serve(self, timeout: float) -> None:
        """Make progress (send records, collect results, replace dead workers) for up to `timeout` s;
        returns early once some batch is complete."""

    def watch(self, fd: int | None) -> None:
        """Have `serve` also return as soon as `fd` turns readable (the commit thread's end); it drains
        what is there. None: watch nothing."""

    def done(self, ticket: int) -> bool:
        """True when every record of the ticket's batch has an outcome (or a store outage cut it short)."""

    def hungry(self) -> bool:
        """True when a worker will run out of records before the batch being assembled could reach it:
        a lingering batch then only adds latency, so the loop sends it at once."""

    def take(self, ticket: int) -> list[RoutedRecord]:
        """The batch's routed records, in input order (raises StoreUnavailable if the store failed)."""

    def discard(self, ticket: int) -> None:
        """Forget a batch (it will be read again): records not yet started are dropped, results ignored."""

    def abandon(self) -> None:
        """Stop now: kill whatever is being evaluated (the evaluator must then be closed)."""

    def process(
        self,
        records: Sequence[InboundRecord],
        *,
        abandon: Callable[[], bool] = ...,
        on_progress: Callable[[], None] = ...,
    ) -> list[RoutedRecord]:
        """One routed record per input record, same order (submit, serve until done, take)."""

    def close(self) -> None:
        """Stop all workers."""


def never() -> bool:
    """The default `abandon`: never."""
    return False


def nothing() -> None:
    """The default `on_progress`: nothing."""
    return None


class InProcessEvaluator:
    """workers=0: evaluate in the calling process (debugging, `gate check`). No per-event timeout, and no
    overlap: a batch is evaluated when it is submitted."""

    def __init__(
        self, factory: ProcessorFactory, on_event: Callable[[str], None] = lambda _kind: None
    ) -> None:
        self._factory = factory
        self._on_event = on_event
        self._processor: RecordProcessor | None = None
        self._results: dict[int, list[RoutedRecord] | StoreUnavailable] = {}
        self._next_ticket = 0
        self.ipc_seconds = 0.0  # nothing crosses a process boundary
        self.overlaps = False

    def start(self, stopped: Callable[[], bool] = never) -> bool:
        """Build the processor."""
        try:
            self._processor = self._factory.build()
        except Exception as exc:
            raise PoolError(f"the processor could not be built: {exc.__class__.__name__}") from exc
        return True

    def submit(self, records: Sequence[InboundRecord]) -> int:
        """Evaluate the batch now; a store outage is kept for `take` to raise."""
        ticket, self._next_ticket = self._next_ticket, self._next_ticket + 1
        try:
            self._results[ticket] = self._evaluate(records, never, nothing)
        except StoreUnavailable as exc:
            self._results[ticket] = exc
        return ticket

    def serve(self, timeout: float) -> None:
        """Nothing runs in the background."""

    def watch(self, fd: int | None) -> None:
        """`serve` never waits, so there is nothing to wake."""

    def done(self, ticket: int) -> bool:
        """Always true for a submitted ticket."""
        return ticket in self._results

    def hungry(self) -> bool:
        """Never: nothing is evaluated between calls, so there is no worker to keep busy."""
        return False

    def take(self, ticket: int) -> list[RoutedRecord]:
        """The results (raises the store outage that cut the batch short)."""
        outcome = self._results.pop(ticket)
        if isinstance(outcome, StoreUnavailable):
            raise outcome
        return outcome

    def discard(self, ticket: int) -> None:
        """Drop the results."""
        self._results.pop(ticket, None)

    def abandon(self) -> None:
        """Nothing is running between calls."""

    def process(
        self,
        records: Sequence[InboundRecord],
        *,
        abandon: Callable[[], bool] = never,
        on_progress: Callable[[], None] = nothing,
    ) -> list[RoutedRecord]:
        """Evaluate each record; a raising processor yields a `gate.error` record."""
        return self._evaluate(records, abandon, on_progress)

    def _evaluate(
        self, records: Sequence[InboundRecord], abandon: Callable[[], bool], on_progress: Callable[[], None]
    ) -> list[RoutedRecord]:
        if self._processor is None:
            self.start()
        assert self._processor is not None
        out = []
        for record in records:
            if abandon():
                raise BatchAbandoned
            try:
                out.append(self._processor(record))
            except StoreUnavailable:
                raise
            except Exception:
                self._on_event("processor_raised")
                out.append(failure_record(record, ERROR_CODE, self._factory.policy))
            on_progress()
        return out

    def close(self) -> None:
        """Drop the processor."""
        self._processor = None
