"""The worker side of the process pool, and the framing of what the pool sends it.

A worker reads a chunk of records from its inbox pipe (one message holds several records, so a worker
always has its next record at hand while the runner is busy fetching or committing), evaluates them in
order, and answers each on its outbox pipe once it is decided (an answer waits for the next record's when
that one is of the same batch, `HOLD_MAX_S`). A counter in shared memory tells the pool how many records the
worker has begun, so it knows which record a worker is on (for the per-record timeout and a death) and which
it had not started or had decided without its answer reaching the pool (those are sent again).

Inbox and outbox are separate one-way pipes, and the pool writes the inbox without blocking: a runner
blocked writing a chunk to a worker blocked writing results would deadlock. Both directions are framed by
`gate.runner.frames` (one write per message, one read for whatever the pipe holds).

Records cross as plain tuples of their fields (`inbound_fields`, `routed_fields`), not as dataclasses: a
slots dataclass unpickles through `dataclasses.fields()` and a setattr per field, which cost the runner's
one thread 10-25 us per 50 KB result, a tenth of all its Python per event (measured, README "Performance").
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import Any

from gate.core.record import InboundRecord, RoutedRecord
from gate.errors import StoreUnavailable
from gate.model import Verdict
from gate.runner.contract import ProcessorFactory
from gate.runner.frames import FrameReader, encode_message, frame_parts, write_frames, write_message

__all__ = ["encode_message", "inbound_fields", "routed_fields", "routed_from", "worker_main"]

_PR_SET_PDEATHSIG = 1
InboundFields = tuple[Any, ...]  # an InboundRecord's fields, in declaration order
RoutedFields = tuple[Any, ...]  # a RoutedRecord's fields, the verdict as its value
Job = tuple[int, int, InboundFields]  # ticket, index in the ticket's batch, record
_VERDICTS = {verdict.value: verdict for verdict in Verdict}
# A worker holds a decided record's answer while its next record is of the same batch (the batch is not
# done before that one anyway), and writes the answers together: the runner then wakes, reads and serves
# once for several records. Each wake-up cost the runner's one thread about 25 us per record (a 2-worker
# echo pool of 50 KB records, batches of 56: 74-99 -> 47-58 us of its CPU per record). The held answers
# span at most this long from the first one's start, so the pool's per-record timeout, counted from the
# last answer it read, is shortened by at most this much (and a record that takes longer is never held).
HOLD_MAX_S = 0.05


def inbound_fields(record: InboundRecord) -> InboundFields:
    """What crosses the pipe for an inbound record (rebuilt with `InboundRecord(*fields)`)."""
    return (
        record.topic,
        record.partition,
        record.offset,
        record.key,
        record.value,
        record.headers,
        record.timestamp_ms,
    )


def routed_fields(routed: RoutedRecord) -> RoutedFields:
    """What crosses the pipe for a routed record (rebuilt with `routed_from`)."""
    return (
        routed.verdict.value,
        routed.key,
        routed.value,
        routed.headers,
        routed.reason_codes,
        routed.source,
        routed.check_seconds,
        routed.entity_types,
        routed.audit,
    )


def routed_from(fields: RoutedFields) -> RoutedRecord:
    """The routed record `routed_fields` took apart."""
    verdict, *rest = fields
    return RoutedRecord(_VERDICTS[verdict], *rest)


def worker_main(
    inbox: Connection,
    outbox: Connection,
    factory: ProcessorFactory,
    parent_pid: int,
    started: Any,
    *,
    preloaded: dict[str, str | None] | None = None,
) -> None:
    """Entry point of a worker process: build once, then answer each job of each chunk as it is decided.

    `started` is a shared c_uint64 counting the records begun: if this process dies, the pool compares it
    with the answers it read to tell the record it was on from those still unread in its pipe.
    `preloaded` names the files the parent imported the forkserver's preloaded modules from: a worker
    whose forkserver imported another copy builds nothing and says so (see `gate.runner.worker_start`).

    Answers: ("ready", None), ("build_failed", text), ("other_build", text), ("ok", (ticket, index, routed
    fields)), ("raised", (ticket, index, exception class name)), ("store_unavailable", (ticket, index, text)).
    """
    # The parent owns our lifecycle: Ctrl-C or SIGTERM to the process group must not kill a record mid-way.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # A forkserver's child inherits the mask it was started with (`gate.runner.worker_start`): unblocked,
    # the signals mean here what they mean in a spawned worker.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
    _die_with_parent(parent_pid)
    out = outbox.fileno()
    differs = _other_build(preloaded or {})
    if differs:
        write_message(out, ("other_build", differs))
        return
    try:
        processor = factory.build()
    except Exception as exc:
        write_message(out, ("build_failed", f"{exc.__class__.__name__}: {exc}"))
        return
    write_message(out, ("ready", None))
    reader = FrameReader(inbox.fileno())
    while True:
        try:
            chunks: list[Sequence[Job] | None] = reader.read()  # blocks until the pool writes
        except (EOFError, OSError):
            return  # the parent is gone
        for chunk in chunks:
            if chunk is None:
                return
            _answer_chunk(chunk, processor, out, started)


def _answer_chunk(chunk: Sequence[Job], processor: Any, out: int, started: Any) -> None:
    """Decide every record of a chunk in order and answer each, an answer held back while the next record
    is of the same batch and the answers held span under `HOLD_MAX_S` (see `HOLD_MAX_S`)."""
    held: list[tuple[bytes, memoryview]] = []
    held_from = 0.0
    for position, (ticket, index, fields) in enumerate(chunk):
        started.value += 1
        if not held:
            held_from = time.monotonic()
        kind = "ok"
        try:
            answer: Any = (ticket, index, routed_fields(processor(InboundRecord(*fields))))
        except StoreUnavailable as exc:
            kind, answer = "store_unavailable", (ticket, index, str(exc))
        except Exception as exc:
            kind, answer = "raised", (ticket, index, exc.__class__.__name__)
        held.append(frame_parts((kind, answer)))
        following = chunk[position + 1][0] if position + 1 < len(chunk) else None
        if kind != "ok" or following != ticket or time.monotonic() - held_from >= HOLD_MAX_S:
            write_frames(out, held)
            held = []


def _other_build(preloaded: dict[str, str | None]) -> str:
    """Which preloaded module this process holds from another file than the parent's ("" when none)."""
    for name, parent_file in preloaded.items():
        module = sys.modules.get(name)
        if module is not None and getattr(module, "__file__", None) != parent_file:
            return f"{name} from {getattr(module, '__file__', None)}, the parent's from {parent_file}"
    return ""


def _die_with_parent(parent_pid: int) -> None:
    """On Linux, SIGKILL this worker when the gate (`parent_pid`) dies, even if we are stuck in C code.

    Spawned, the gate is our parent and the kernel does it (PR_SET_PDEATHSIG). Forked by a forkserver, our
    parent is the forkserver, so a thread waits on a pidfd of the gate (blocked in select, it takes no
    GIL and no CPU while the gate lives)."""
    if os.getppid() != parent_pid:
        _watch(parent_pid)
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:
        os._exit(0)  # the parent died before the request took effect


def _watch(parent_pid: int) -> None:
    try:
        pidfd = os.pidfd_open(parent_pid)
    except ProcessLookupError:
        os._exit(0)  # the gate is gone already
    except (OSError, AttributeError):
        return  # no pidfds here: the inbox's end of file still stops an idle worker

    def wait() -> None:
        select.select([pidfd], [], [])
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=wait, name="gate-worker-parent-watch", daemon=True).start()
