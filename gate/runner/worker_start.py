"""How the pool starts worker processes: forked from a forkserver that imported the worker's modules once.

Workers are never forked from the gate itself: librdkafka runs threads there, and forking a threaded process
can copy locks another thread holds. "spawn" avoids that by starting each worker as a fresh interpreter,
which then imports the worker's modules (the scanner compiles its tables at import): seconds of CPU for
every worker and every replacement of one that died or timed out. A forkserver is also a fresh interpreter,
started once (exec'd, so none of the gate's threads are in it); it imports the modules that define the
factory before it serves, and forks every worker from itself, so a replacement costs a fork and the
factory's `build`.

Two things the forkserver must not differ in from the gate:
- **The build it imports.** Python 3.11's forkserver does not apply the parent's `sys.path` to its preload
  (it receives it and ignores it), so a forkserver started in a directory holding another copy of a
  preloaded package would import that one. Each worker compares the files of the preloaded modules with
  its parent's (`preloaded_files`), and a pool whose worker differs starts its workers with "spawn" from
  then on (`gate.runner.pool`).
- **Signals.** It shares the gate's process group, and a SIGTERM or SIGHUP to the group (a service manager
  stopping the unit, a closed terminal) would end it; its workers would survive it, but every replacement
  would then start another forkserver and import again. It is started with those signals blocked in the
  starting thread, so it inherits them blocked; the gate's own pending ones are delivered once unblocked.
"""

from __future__ import annotations

import contextlib
import fcntl
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any

from gate.runner.contract import ProcessorFactory
from gate.runner.frames import FrameReader
from gate.runner.pool_worker import worker_main

__all__ = ["START_METHODS", "Worker", "preloaded_files", "reap", "start_worker", "worker_context"]

START_METHODS = ("forkserver", "spawn")
JobKey = tuple[int, int]  # ticket, index
PIPE_BYTES = 1 << 20
# What a forkserver must outlive in its process group (SIGINT it ignores by itself).
_SHIELDED = {signal.SIGTERM, signal.SIGHUP, signal.SIGINT}


def worker_context(method: str, preload: Sequence[str]) -> BaseContext:
    """The multiprocessing context the pool starts workers with; for "forkserver", running and importing
    `preload` (the forkserver is shared by the whole process: the first pool to start it names its
    modules)."""
    if method not in START_METHODS:
        raise ValueError(f"start method {method!r}: one of {', '.join(START_METHODS)}")
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(list(preload))
        _start_shielded()
    return context


def _start_shielded() -> None:
    """Start the forkserver (if not running) with the group's stop signals blocked, so it inherits them
    blocked (a signal mask survives fork and exec; Python does not unblock what it finds blocked)."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SHIELDED)
    try:
        forkserver.ensure_running()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def preloaded_files(modules: Sequence[str]) -> dict[str, str | None]:
    """{module: the file it was imported from} for those of `modules` this process has imported."""
    loaded = (sys.modules.get(name) for name in modules)
    return {module.__name__: getattr(module, "__file__", None) for module in loaded if module is not None}


@dataclass(eq=False)  # a worker is itself, not its fields: `in` and `index` compare identities
class Worker:
    """A worker process as the pool sees it: its pipes, its counter and what it was sent."""

    process: BaseProcess
    inbox: Connection  # our write end, non-blocking
    outbox: Connection  # our read end
    reader: FrameReader  # reads `outbox`
    started: Any  # a shared c_uint64: records the worker has begun (it writes, the pool reads after death)
    # The descriptors select() waits on, read once: a Connection or the process's `sentinel` property
    # costs Python calls (fileno(), _check_closed()) per worker on every wait, i.e. on every result.
    inbox_fd: int
    outbox_fd: int
    sentinel: int
    ready: bool = False
    answered: int = 0  # results read from it: started - answered is 1 while it is on a record, else 0
    jobs: deque[JobKey] = field(default_factory=deque)  # sent, in order: the head is being evaluated
    unsent: bytearray = field(default_factory=bytearray)
    deadline: float = 0.0  # when the head record times out


def start_worker(context: BaseContext, factory: ProcessorFactory, preloaded: dict[str, str | None]) -> Worker:
    """Start a worker process that builds from `factory`; it says "ready" on its outbox once built."""
    inbox_read, inbox_write = context.Pipe(duplex=False)
    outbox_read, outbox_write = context.Pipe(duplex=False)
    started = context.RawValue("Q", 0)
    process = context.Process(  # type: ignore[attr-defined]
        target=worker_main,
        args=(inbox_read, outbox_write, factory, os.getpid(), started),
        kwargs={"preloaded": preloaded},
        name="gate-worker",
        daemon=True,
    )
    process.start()
    inbox_read.close()  # only the worker holds these ends: its death then reads as EOF/EPIPE here
    outbox_write.close()
    os.set_blocking(inbox_write.fileno(), False)
    for end in (inbox_write, outbox_read):
        # 1 MiB pipes (Linux's unprivileged maximum) instead of 64 KiB: a 3 MB image then crosses in
        # a few writes instead of ~50 wake-ups. Best effort: elsewhere the default size still works.
        with contextlib.suppress(OSError, AttributeError):
            fcntl.fcntl(end.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    return Worker(
        process=process,
        inbox=inbox_write,
        outbox=outbox_read,
        reader=FrameReader(outbox_read.fileno()),
        started=started,
        inbox_fd=inbox_write.fileno(),
        outbox_fd=outbox_read.fileno(),
        sentinel=process.sentinel,
    )


def reap(worker: Worker) -> int | None:
    """Kill (if still running) and join, so no zombie is left, and release the pipes; its exit code."""
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join()
    exitcode = worker.process.exitcode
    worker.process.close()
    worker.inbox.close()
    worker.outbox.close()
    return exitcode
