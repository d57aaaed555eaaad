"""Evaluate records in worker processes, one record per worker at a time, results in input order.

Workers are started with "spawn": librdkafka runs threads in the parent, and forking a threaded process can
copy held locks. Each worker builds its processor once. Failure is closed, never silent:
a worker that exceeds `event_timeout_s` is killed and replaced and its record routed as `gate.timeout`;
a worker that dies (crash, segfault, os._exit, SIGKILL) while busy is replaced and its record yields
`gate.error`, as does a processor that raises; one that dies while idle is replaced before it is given a
record. Workers build from the factory's loaded configuration, so a replacement decides exactly as the
worker it replaces (see `gate.worker.assembly`). The one exception is `StoreUnavailable`: no verdict can be
committed without its published bytes, so the batch is cut short and the error raised to the loop, which
leaves the batch uncommitted.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Protocol

from gate.core.record import FailureCode, InboundRecord, RoutedRecord, failure_record
from gate.errors import StoreUnavailable
from gate.runner.contract import ProcessorFactory
from gate.runner.errors import PoolError

TIMEOUT_CODE = FailureCode.TIMEOUT
ERROR_CODE = FailureCode.ERROR
_WAIT_SLICE_S = 0.25  # how often a long wait looks at the abandon flag
_PR_SET_PDEATHSIG = 1


class BatchAbandoned(Exception):
    """The caller asked to stop in the middle of a batch; no result is returned for it."""


class Evaluator(Protocol):
    """What the loop needs from a pool (processes or in-process)."""

    def start(self) -> None:
        """Get ready to evaluate (start workers)."""

    def process(
        self,
        records: Sequence[InboundRecord],
        *,
        abandon: Callable[[], bool] = ...,
        on_progress: Callable[[], None] = ...,
    ) -> list[RoutedRecord]:
        """One routed record per input record, same order."""

    def close(self) -> None:
        """Stop all workers."""


def _never() -> bool:
    return False


def _nothing() -> None:
    return None


class InProcessEvaluator:
    """workers=0: evaluate in the calling process (debugging, `gate check`). No per-event timeout."""

    def __init__(
        self, factory: ProcessorFactory, on_event: Callable[[str], None] = lambda _kind: None
    ) -> None:
        self._factory = factory
        self._on_event = on_event
        self._processor: Callable[[InboundRecord], RoutedRecord] | None = None

    def start(self) -> None:
        """Build the processor."""
        try:
            self._processor = self._factory.build()
        except Exception as exc:
            raise PoolError(f"the processor could not be built: {exc.__class__.__name__}") from exc

    def process(
        self,
        records: Sequence[InboundRecord],
        *,
        abandon: Callable[[], bool] = _never,
        on_progress: Callable[[], None] = _nothing,
    ) -> list[RoutedRecord]:
        """Evaluate each record; a raising processor yields a `gate.error` record."""
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


def _worker_main(conn: Connection, factory: ProcessorFactory, parent_pid: int) -> None:
    """Entry point of a worker process: build once, then answer (index, record) with (index, outcome)."""
    # The parent owns our lifecycle: Ctrl-C or SIGTERM to the process group must not kill a record mid-way.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _die_with_parent(parent_pid)
    try:
        processor = factory.build()
    except Exception as exc:
        conn.send(("build_failed", f"{exc.__class__.__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if message is None:
            return
        index, record = message
        try:
            conn.send(("ok", (index, processor(record))))
        except StoreUnavailable as exc:
            conn.send(("store_unavailable", (index, str(exc))))
        except Exception as exc:
            conn.send(("raised", (index, exc.__class__.__name__)))


def _die_with_parent(parent_pid: int) -> None:
    """On Linux, have the kernel SIGKILL this worker when the parent dies, even if we are stuck in C code."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:
        os._exit(0)  # the parent died before the request took effect


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    job: int | None = None  # index of the record it is evaluating
    deadline: float = 0.0


class ProcessPool:
    """A fixed number of worker processes; `process` keeps at most one record in flight per worker."""

    def __init__(
        self,
        factory: ProcessorFactory,
        workers: int,
        event_timeout_s: float,
        *,
        on_event: Callable[[str], None] = lambda _kind: None,
        start_timeout_s: float = 120.0,
        stop_timeout_s: float = 2.0,
    ) -> None:
        if workers < 1:
            raise ValueError("a process pool needs at least one worker (use InProcessEvaluator for 0)")
        self._factory = factory
        self._size = workers
        self._event_timeout_s = event_timeout_s
        self._on_event = on_event
        self._start_timeout_s = start_timeout_s
        self._stop_timeout_s = stop_timeout_s
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._store_failure: str | None = None  # set by a worker's StoreUnavailable: the batch is cut short

    @property
    def pids(self) -> list[int]:
        """Process ids of the current workers (tests check replacement and clean-up with them)."""
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    def start(self) -> None:
        """Start all workers and wait until each has built its processor."""
        while len(self._workers) < self._size:
            self._workers.append(self._spawn())
        deadline = time.monotonic() + self._start_timeout_s
        while not all(w.ready for w in self._workers):
            if time.monotonic() > deadline:
                self.close()
                raise PoolError(f"workers did not build their processor within {self._start_timeout_s}s")
            self._serve(deadline)

    def process(
        self,
        records: Sequence[InboundRecord],
        *,
        abandon: Callable[[], bool] = _never,
        on_progress: Callable[[], None] = _nothing,
    ) -> list[RoutedRecord]:
        """One routed record per input record, in input order. Raises BatchAbandoned if `abandon()` turns true
        (the pool must then be closed)."""
        if not self._workers:
            self.start()
        results: list[RoutedRecord | None] = [None] * len(records)
        todo = deque(range(len(records)))
        self._store_failure = None
        while todo or any(w.job is not None for w in self._workers):
            if abandon():
                self._kill_busy()
                raise BatchAbandoned
            if self._store_failure is not None:
                todo.clear()  # let the records in flight finish, start no more: the batch will be redone
            for worker in list(self._workers):
                if todo and worker.ready and worker.job is None:
                    self._dispatch(worker, todo, records)
            for index, routed in self._serve(time.monotonic() + _WAIT_SLICE_S, records):
                results[index] = routed
                on_progress()
        if self._store_failure is not None:
            raise StoreUnavailable(self._store_failure)
        assert all(r is not None for r in results)
        return [r for r in results if r is not None]

    def _dispatch(self, worker: _Worker, todo: deque[int], records: Sequence[InboundRecord]) -> None:
        """Send the next record to an idle worker; one that died while idle is replaced, the record kept.

        An idle worker can die unseen between batches (SIGKILL, the OOM killer): its pipe then refuses the
        record, which goes back to the front of the queue for another worker.
        """
        index = todo.popleft()
        try:
            worker.conn.send((index, records[index]))
        except OSError:  # BrokenPipeError, ConnectionResetError: nobody is reading
            todo.appendleft(index)
            self._replace(worker, ERROR_CODE, records, "worker_died")
            return
        worker.job, worker.deadline = index, time.monotonic() + self._event_timeout_s

    def close(self) -> None:
        """Ask workers to exit, then kill any that do not within the stop bound; reap them all."""
        workers, self._workers = self._workers, []
        for worker in workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        deadline = time.monotonic() + self._stop_timeout_s
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            self._reap(worker)

    def _serve(self, until: float, records: Sequence[InboundRecord] = ()) -> list[tuple[int, RoutedRecord]]:
        """Wait for worker messages, deaths or deadlines (not past `until`) and handle what happened."""
        now = time.monotonic()
        deadlines = [w.deadline for w in self._workers if w.job is not None]
        timeout = max(0.0, min([until, *deadlines]) - now)
        watched: list[Any] = [w.conn for w in self._workers] + [w.process.sentinel for w in self._workers]
        ready = set(wait(watched, timeout))
        done: list[tuple[int, RoutedRecord]] = []
        for worker in list(self._workers):
            outcome = self._receive(worker) if worker.conn in ready else None
            if outcome is not None:
                result = self._resolve(worker, outcome, records)
                if result is not None:
                    done.append(result)
            elif worker.process.sentinel in ready or worker.conn in ready:
                done.extend(self._replace(worker, ERROR_CODE, records, "worker_died"))
            elif worker.job is not None and time.monotonic() >= worker.deadline:
                done.extend(self._replace(worker, TIMEOUT_CODE, records, "worker_timeout"))
        return done

    def _receive(self, worker: _Worker) -> tuple[str, Any] | None:
        try:
            kind, payload = worker.conn.recv()
        except (EOFError, OSError):
            return None  # it died; its sentinel tells the rest
        return kind, payload

    def _resolve(
        self, worker: _Worker, outcome: tuple[str, Any], records: Sequence[InboundRecord]
    ) -> tuple[int, RoutedRecord] | None:
        kind, payload = outcome
        if kind == "ready":
            worker.ready = True
            return None
        if kind == "build_failed":
            self.close()
            raise PoolError(f"a worker could not build its processor: {payload}")
        index, value = payload
        worker.job = None
        if kind == "store_unavailable":
            self._store_failure = str(value)
            return None
        if kind == "raised":
            self._on_event("processor_raised")
            return index, failure_record(records[index], ERROR_CODE, self._factory.policy)
        return index, value

    def _replace(
        self, worker: _Worker, code: str, records: Sequence[InboundRecord], event: str
    ) -> list[tuple[int, RoutedRecord]]:
        """Kill and reap `worker`, start a fresh one in its place, and fail its record closed."""
        if not worker.ready:
            self.close()
            raise PoolError("a worker died while building its processor")
        self._on_event(event)
        self._reap(worker)
        self._workers[self._workers.index(worker)] = self._spawn()
        if worker.job is None:
            return []
        return [(worker.job, failure_record(records[worker.job], code, self._factory.policy))]

    def _kill_busy(self) -> None:
        for worker in [w for w in self._workers if w.job is not None]:
            self._reap(worker)
            self._workers.remove(worker)

    def _spawn(self) -> _Worker:
        parent_conn, child_conn = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_worker_main,
            args=(child_conn, self._factory, os.getpid()),
            name="gate-worker",
            daemon=True,
        )
        process.start()
        child_conn.close()  # only the worker holds its end: its death then reads as EOF here
        return _Worker(process=process, conn=parent_conn)

    @staticmethod
    def _reap(worker: _Worker) -> None:
        """Kill (if still running) and join, so no zombie is left, and release the pipe."""
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.process.close()
        worker.conn.close()
