"""Evaluate records in worker processes, several in flight per worker, results in input order per batch.

Workers are forked from a forkserver that imported the factory's module once (`gate.runner.worker_start`:
never forked from the gate, whose librdkafka threads may hold locks), so a replacement costs a fork and a
`build`, not a fresh interpreter importing the scanner. Each worker builds its processor once. Batches
are submitted as tickets and split into
chunks (several records per pipe message); a worker holds up to two chunks, so it starts its next record
the moment it finishes one, while the runner fetches, produces or commits (see `gate.runner.pool_worker`).
Each chunk goes to the worker holding the fewest records, so a small batch never queues behind a busy
worker while another idles.

Failure is closed, never silent: a worker that spends more than `event_timeout_s` on one record is killed
and replaced and that record routed as `gate.timeout`; a worker that dies (crash, segfault, os._exit,
SIGKILL) while busy is replaced and its current record yields `gate.error`, as does a processor that
raises; records it had been sent but not started go to another worker. Which record a worker had started
is read from a counter the worker keeps in shared memory, not guessed from the pipe: a worker killed while
idle can still accept a chunk into its pipe (its threads outlive the main one by milliseconds, holding the
pipe open), and the records of that chunk were never started, so they go to another worker and nothing
fails. One that died while idle is replaced before it is given a record.

Workers build from the factory's loaded configuration, so a replacement decides exactly as the worker it
replaces (see `gate.worker.assembly`). The one exception is `StoreUnavailable`: no verdict can be committed
without its published bytes, so the batch is cut short and `take` raises it to the loop, which leaves the
batch uncommitted.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import select
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from typing import Any

from gate.core.record import InboundRecord, RoutedRecord, failure_record
from gate.errors import StoreUnavailable
from gate.runner.contract import ProcessorFactory
from gate.runner.errors import PoolError
from gate.runner.evaluator import (
    ERROR_CODE,
    TIMEOUT_CODE,
    BatchAbandoned,
    Evaluator,
    InProcessEvaluator,
    never,
    nothing,
)
from gate.runner.frames import encode_message, frame_parts
from gate.runner.pool_worker import inbound_fields, routed_from
from gate.runner.worker_start import JobKey, Worker, preloaded_files, reap, start_worker, worker_context

log = logging.getLogger("gate.runner.pool")

__all__ = ["ERROR_CODE", "TIMEOUT_CODE", "BatchAbandoned", "Evaluator", "InProcessEvaluator", "ProcessPool"]

_WAIT_SLICE_S = 0.25  # how often a long wait looks at the abandon flag
# Records per pipe message. Eight 50 KB records are one 400 KB write, and at 2-5 ms per record a worker
# holding two chunks has 30-80 ms of work at hand: more than a commit or a fetch takes, so it never idles.
CHUNK_RECORDS = 8


@dataclass
class _Ticket:
    records: Sequence[InboundRecord]
    results: list[RoutedRecord | None]
    unresolved: int
    store_failure: str | None = None
    discarded: bool = False


class ProcessPool:
    """A fixed number of worker processes evaluating submitted batches."""

    def __init__(
        self,
        factory: ProcessorFactory,
        workers: int,
        event_timeout_s: float,
        *,
        on_event: Callable[[str], None] = lambda _kind: None,
        start_timeout_s: float = 120.0,
        stop_timeout_s: float = 2.0,
        chunk_records: int = CHUNK_RECORDS,
        start_method: str = "forkserver",
    ) -> None:
        if workers < 1:
            raise ValueError("a process pool needs at least one worker (use InProcessEvaluator for 0)")
        self._factory = factory
        self._size = workers
        self._event_timeout_s = event_timeout_s
        self._on_event = on_event
        self._start_timeout_s = start_timeout_s
        self._stop_timeout_s = stop_timeout_s
        self._chunk = max(1, chunk_records)
        self._start_method = start_method
        self._context: BaseContext | None = None  # made by the first start: a forkserver starts then
        # The forkserver imports the module that defines the factory's class (unpickling the factory in a
        # worker would import it anyway); a worker checks it holds the parent's copy of each.
        self._preloaded = preloaded_files([type(factory).__module__])
        self._workers: list[Worker] = []
        self._tickets: dict[int, _Ticket] = {}
        self._todo: deque[JobKey] = deque()
        self._next_ticket = 0
        self._completed = False  # some ticket became done during this serve()
        self._watched: int | None = None  # a descriptor whose readability also ends a serve() (see `watch`)
        self.ipc_seconds = 0.0  # time spent pickling, writing and reading pipes (for the stage metric)
        self.overlaps = True

    @property
    def pids(self) -> list[int]:
        """Process ids of the current workers (tests check replacement and clean-up with them)."""
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    @property
    def in_flight(self) -> int:
        """Records submitted and not yet resolved."""
        return sum(t.unresolved for t in self._tickets.values())

    def start(self, stopped: Callable[[], bool] = never) -> bool:
        """Start all workers and wait until each has built its processor; False, with every worker gone,
        when `stopped()` turned true first (looked at every `_WAIT_SLICE_S`)."""
        deadline = time.monotonic() + self._start_timeout_s
        if not self._launch(self._size - len(self._workers), stopped):
            return False
        while not all(w.ready for w in self._workers):
            if stopped():
                self.close()
                return False
            if time.monotonic() > deadline:
                self.close()
                raise PoolError(f"workers did not build their processor within {self._start_timeout_s}s")
            self._serve_once(min(deadline, time.monotonic() + _WAIT_SLICE_S))
        return True

    def _launch(self, count: int, stopped: Callable[[], bool]) -> bool:
        """Start `count` worker processes on a thread while this one looks at `stopped()`: the forkserver's
        first start imports the worker's modules before it forks one (seconds). False when stopped: the
        processes started are reaped, those still to come as the thread makes them."""
        made: list[Worker] = []
        failed: list[BaseException] = []
        lock, abandoned = threading.Lock(), threading.Event()

        def run() -> None:
            try:
                for _ in range(count):
                    worker = self._spawn()
                    with lock:
                        if abandoned.is_set():
                            reap(worker)
                        else:
                            made.append(worker)
            except BaseException as exc:  # raised again on the caller's thread
                failed.append(exc)

        thread = threading.Thread(target=run, name="gate-worker-start", daemon=True)
        thread.start()
        while thread.is_alive():
            thread.join(_WAIT_SLICE_S)
            if thread.is_alive() and stopped():
                with lock:
                    abandoned.set()
                    left, made[:] = list(made), []
                for worker in left:
                    reap(worker)
                self.close()
                return False
        self._workers.extend(made)
        if failed:
            self.close()
            raise failed[0]
        return True

    def submit(self, records: Sequence[InboundRecord]) -> int:
        """Queue a batch; its ticket. Records go out to workers on the next `serve`."""
        if not self._workers:
            self.start()
        ticket, self._next_ticket = self._next_ticket, self._next_ticket + 1
        self._tickets[ticket] = _Ticket(records, [None] * len(records), len(records))
        self._todo.extend((ticket, i) for i in range(len(records)))
        return ticket

    def serve(self, timeout: float) -> None:
        """Send, receive, replace and time out for up to `timeout` s; return early when a batch completes
        or the watched descriptor turns readable."""
        until = time.monotonic() + timeout
        self._completed = False
        while True:
            self._serve_once(until)
            if self._completed or time.monotonic() >= until:
                return

    def watch(self, fd: int | None) -> None:
        """Have `serve` also return as soon as `fd` turns readable (the commit thread's end); it drains
        what is there, so a wake-up is seen once."""
        self._watched = fd

    def done(self, ticket: int) -> bool:
        """True when the batch needs nothing more from the workers."""
        return self._tickets[ticket].unresolved == 0

    def hungry(self) -> bool:
        """Nothing waits to be sent and some worker holds fewer than two records not yet decided: it will be
        idle before a lingering batch would reach it. (Records it decided may still be in `jobs`, their
        answers held back until its current one is decided: all but one of those it began, by its shared
        counter, and not answered.)"""
        if self._todo:
            return False
        return any(
            w.ready and len(w.jobs) - max(0, w.started.value - w.answered - 1) < 2 for w in self._workers
        )

    def take(self, ticket: int) -> list[RoutedRecord]:
        """The routed records of a done batch, in input order (raises the store outage that cut it short)."""
        held = self._tickets.pop(ticket)
        if held.store_failure is not None:
            raise StoreUnavailable(held.store_failure)
        assert held.unresolved == 0 and all(r is not None for r in held.results)
        return [r for r in held.results if r is not None]

    def discard(self, ticket: int) -> None:
        """Forget a batch: its unsent records are dropped and the results of those in flight ignored."""
        held = self._tickets.get(ticket)
        if held is None:
            return
        held.discarded = True
        self._drop_unsent(ticket)

    def abandon(self) -> None:
        """Kill busy workers and forget every batch (the loop closes the pool next)."""
        for worker in [w for w in self._workers if w.jobs]:
            reap(worker)
            self._workers.remove(worker)
        self._tickets.clear()
        self._todo.clear()

    def process(
        self,
        records: Sequence[InboundRecord],
        *,
        abandon: Callable[[], bool] = never,
        on_progress: Callable[[], None] = nothing,
    ) -> list[RoutedRecord]:
        """One routed record per input record, in input order. Raises BatchAbandoned if `abandon()` turns true
        (the pool must then be closed)."""
        ticket = self.submit(records)
        while not self.done(ticket):
            if abandon():
                self.abandon()
                raise BatchAbandoned
            self.serve(_WAIT_SLICE_S)
            on_progress()
        return self.take(ticket)

    def close(self) -> None:
        """Ask workers to exit, then kill any that do not within the stop bound; reap them all."""
        workers, self._workers = self._workers, []
        for worker in workers:
            with contextlib.suppress(OSError, ValueError):
                if not worker.unsent:  # a half-written chunk would garble the goodbye: kill instead
                    os.write(worker.inbox.fileno(), encode_message(None))
        deadline = time.monotonic() + self._stop_timeout_s
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            reap(worker)
        self._tickets.clear()
        self._todo.clear()

    def _serve_once(self, until: float) -> None:
        """One wait for pipes, deaths or deadlines (not past `until`), and what follows from it."""
        self._dispatch()
        now = time.monotonic()
        deadlines = [w.deadline for w in self._workers if w.jobs]
        timeout = max(0.0, min([until, *deadlines]) - now)
        # The workers this wait is about: ready descriptors are matched by number, and a worker started in
        # place of one that died while flushing may have been given the same numbers.
        waited_on = list(self._workers)
        readable = [w.outbox_fd for w in waited_on] + [w.sentinel for w in waited_on]
        watched = self._watched
        if watched is not None:
            readable.append(watched)
        writable = [w.inbox_fd for w in waited_on if w.unsent]
        ready_r, ready_w, _ = select.select(readable, writable, [], timeout)
        if watched is not None and watched in ready_r:
            self._completed = True  # the caller has something to do (collect a commit): return now
            with contextlib.suppress(OSError):  # BlockingIOError once empty
                os.read(watched, 512)
        for worker in waited_on:
            if worker.inbox_fd in ready_w and worker in self._workers:
                self._flush(worker)
        for worker in waited_on:
            if worker not in self._workers:
                continue  # replaced while flushing
            dead = False
            if worker.outbox_fd in ready_r:
                dead = self._drain(worker)
            if worker not in self._workers:
                continue  # replaced by a spawned one (`_use_spawn`)
            if dead or worker.sentinel in ready_r:
                self._drain(worker, to_end=True)  # results it sent before dying still count
                self._replace(worker, ERROR_CODE, "worker_died")
            elif worker.jobs and time.monotonic() >= worker.deadline:
                self._replace(worker, TIMEOUT_CODE, "worker_timeout")
        self._dispatch()

    def _dispatch(self) -> None:
        """Hand out waiting records, least-loaded worker first, up to a chunk per message.

        Each message goes to the worker holding the fewest records, sized to even the workers' loads out:
        a record given to a busy worker while another idles waits out the busy one's current record (at
        half load, where batches are a record or two, taking workers in list order queued most records
        behind the first worker while the second waited for work). In a drain every worker holds a chunk
        or more, and the messages stay a chunk long."""
        while self._todo:
            open_ = [w for w in self._workers if w.ready and not w.unsent and len(w.jobs) <= self._chunk]
            if not open_:
                return
            worker = min(open_, key=lambda w: len(w.jobs))
            if not worker.jobs and not worker.process.is_alive():
                self._replace(worker, ERROR_CODE, "worker_died")  # died while idle: nothing of ours lost
                continue
            held = sum(len(w.jobs) for w in open_)
            even = -(-(held + len(self._todo)) // len(open_))  # each open worker's share, rounded up
            size = max(1, min(self._chunk, even - len(worker.jobs), len(self._todo)))
            jobs = [self._todo.popleft() for _ in range(size)]
            started = time.monotonic()
            header, payload = frame_parts(
                [(t, i, inbound_fields(self._tickets[t].records[i])) for t, i in jobs]
            )
            if not worker.jobs:
                worker.deadline = started + self._event_timeout_s
            worker.jobs.extend(jobs)
            self._send(worker, header, payload)
            self.ipc_seconds += time.monotonic() - started

    def _send(self, worker: Worker, header: bytes, payload: memoryview) -> None:
        """Write a frame now, as far as the pipe takes it; keep only the rest (a chunk of 50 KB records
        went into the pipe in one call, without being joined and copied into `unsent` first)."""
        written = 0
        if not worker.unsent:
            try:
                written = os.writev(worker.inbox_fd, (header, payload))
            except BlockingIOError:
                pass
            except OSError:  # it died: `_flush` meets the error again and replaces it
                pass
        if written < len(header):
            worker.unsent += header[written:]
            worker.unsent += payload
        elif written < len(header) + len(payload):
            worker.unsent += payload[written - len(header) :]
        if worker.unsent:
            self._flush(worker)

    def _flush(self, worker: Worker) -> None:
        """Write what the pipe takes now; the rest waits for select to say it is writable."""
        started = time.monotonic()
        try:
            while worker.unsent:
                written = os.write(worker.inbox_fd, worker.unsent)
                del worker.unsent[:written]
        except BlockingIOError:
            pass
        except OSError:  # BrokenPipeError: it died (its counter says whether it was on a record)
            self._drain(worker, to_end=True)  # its answers still count, and make the counter comparison exact
            self._replace(worker, ERROR_CODE, "worker_died")
        self.ipc_seconds += time.monotonic() - started

    def _drain(self, worker: Worker, *, to_end: bool = False) -> bool:
        """Handle the messages `worker` has sent (one read of what its pipe holds; with `to_end`, every
        message up to the end of the pipe of a worker that is gone); True when its pipe says it is gone."""
        started = time.monotonic()
        try:
            while True:
                for kind, payload in worker.reader.read():
                    self._resolve(worker, kind, payload)
                if not to_end:
                    return False
        except (EOFError, OSError):
            return True
        finally:
            self.ipc_seconds += time.monotonic() - started

    def _resolve(self, worker: Worker, kind: str, payload: Any) -> None:
        if kind == "ready":
            worker.ready = True
            return
        if kind == "build_failed":
            self.close()
            raise PoolError(f"a worker could not build its processor: {payload}")
        if kind == "other_build":
            self._use_spawn(worker, payload)
            return
        ticket, index, value = payload
        worker.answered += 1
        if worker.jobs and worker.jobs[0] == (ticket, index):
            worker.jobs.popleft()
        worker.deadline = time.monotonic() + self._event_timeout_s
        if kind == "store_unavailable":
            held = self._tickets.get(ticket)
            if held is not None and held.store_failure is None:
                held.store_failure = str(value)
                self._drop_unsent(ticket)  # start no more of it: the batch will be redone
        routed = None
        if kind == "raised":
            self._on_event("processor_raised")
            routed = self._failure(ticket, index, ERROR_CODE)
        elif kind == "ok":
            routed = routed_from(value)
        self._settle(ticket, index, routed)

    def _failure(self, ticket: int, index: int, code: str) -> RoutedRecord | None:
        held = self._tickets.get(ticket)
        if held is None:
            return None
        return failure_record(held.records[index], code, self._factory.policy)

    def _settle(self, ticket: int, index: int, routed: RoutedRecord | None) -> None:
        """One record of `ticket` needs nothing more (its outcome is `routed`, or None when not kept)."""
        held = self._tickets.get(ticket)
        if held is None:
            return
        if routed is not None and not held.discarded and held.store_failure is None:
            held.results[index] = routed
        held.unresolved -= 1
        if held.unresolved == 0:
            self._completed = True
            if held.discarded:
                del self._tickets[ticket]

    def _drop_unsent(self, ticket: int) -> None:
        kept = deque(job for job in self._todo if job[0] != ticket)
        dropped = len(self._todo) - len(kept)
        self._todo = kept
        held = self._tickets[ticket]
        held.unresolved -= dropped
        if held.unresolved == 0:
            self._completed = True
            if held.discarded:
                del self._tickets[ticket]

    def _replace(self, worker: Worker, code: str, event: str) -> None:
        """Kill and reap `worker`, start a fresh one in its place; the record it was on fails closed, the
        records it had not started go back to the front of the queue."""
        if not worker.ready:
            self.close()
            raise PoolError("a worker died while building its processor")
        self._on_event(event)
        exitcode = reap(worker)
        self._workers[self._workers.index(worker)] = self._spawn()
        jobs = list(worker.jobs)
        # Results it sent before dying were read (the caller drains first), so this is exact: a worker
        # counts a record as begun before it reads its fields, and answers it after deciding it. The
        # records begun and not answered are the first `begun` jobs: the last of them is the one it was on
        # (it fails closed); the ones before were decided, their answers held back with it (see
        # `gate.runner.pool_worker.HOLD_MAX_S`), and go to another worker with those it had not begun.
        begun = min(len(jobs), worker.started.value - worker.answered)
        on_record = begun > 0
        if on_record:
            ticket, index = jobs.pop(begun - 1)
            self._settle(ticket, index, self._failure(ticket, index, code))
        for ticket, index in reversed(jobs):
            held = self._tickets.get(ticket)
            if held is None:
                continue
            if held.discarded or held.store_failure is not None:
                self._settle(ticket, index, None)
            else:
                self._todo.appendleft((ticket, index))
        log.warning(
            "worker replaced (%s, exit code %s): %d record failed closed, %d sent to another worker",
            event,
            exitcode,
            int(on_record),
            len(jobs),
            extra={"kind": event},
        )

    def _use_spawn(self, worker: Worker, differs: str) -> None:
        """The forkserver imported another copy of the worker's modules than this process (see
        `gate.runner.worker_start`): start this worker and every later one with "spawn"."""
        log.warning("worker modules differ from the gate's (%s): starting workers with spawn", differs)
        self._start_method, self._context = "spawn", multiprocessing.get_context("spawn")
        reap(worker)
        self._workers[self._workers.index(worker)] = self._spawn()

    def _spawn(self) -> Worker:
        if self._context is None:
            self._context = worker_context(self._start_method, list(self._preloaded))
        forked = self._start_method == "forkserver"  # a spawned worker imports from our path
        return start_worker(self._context, self._factory, self._preloaded if forked else {})
