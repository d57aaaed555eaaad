"""The worker side of the process pool, and the framing of what the pool sends it.

A worker reads a chunk of records from its inbox pipe (one message holds several records, so a worker
always has its next record at hand while the runner is busy fetching or committing), evaluates them in
order, and answers each on its outbox pipe as soon as it is decided, so the pool knows which record a
worker is on (for the per-record timeout) and which it had not started when it died (those are sent again).

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
import signal
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import Any

from gate.core.record import InboundRecord, RoutedRecord
from gate.errors import StoreUnavailable
from gate.model import Verdict
from gate.runner.contract import ProcessorFactory
from gate.runner.frames import FrameReader, encode_message, write_message

__all__ = ["encode_message", "inbound_fields", "routed_fields", "routed_from", "worker_main"]

_PR_SET_PDEATHSIG = 1
InboundFields = tuple[Any, ...]  # an InboundRecord's fields, in declaration order
RoutedFields = tuple[Any, ...]  # a RoutedRecord's fields, the verdict as its value
Job = tuple[int, int, InboundFields]  # ticket, index in the ticket's batch, record
_VERDICTS = {verdict.value: verdict for verdict in Verdict}


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
    inbox: Connection, outbox: Connection, factory: ProcessorFactory, parent_pid: int, started: Any
) -> None:
    """Entry point of a worker process: build once, then answer each job of each chunk as it is decided.

    `started` is a shared c_uint64 counting the records begun: if this process dies, the pool compares it
    with the answers it read to tell the record it was on from those still unread in its pipe.

    Answers: ("ready", None), ("build_failed", text), ("ok", (ticket, index, routed fields)),
    ("raised", (ticket, index, exception class name)), ("store_unavailable", (ticket, index, text)).
    """
    # The parent owns our lifecycle: Ctrl-C or SIGTERM to the process group must not kill a record mid-way.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _die_with_parent(parent_pid)
    out = outbox.fileno()
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
            for ticket, index, fields in chunk:
                started.value += 1
                try:
                    routed = routed_fields(processor(InboundRecord(*fields)))
                    write_message(out, ("ok", (ticket, index, routed)))
                except StoreUnavailable as exc:
                    write_message(out, ("store_unavailable", (ticket, index, str(exc))))
                except Exception as exc:
                    write_message(out, ("raised", (ticket, index, exc.__class__.__name__)))


def _die_with_parent(parent_pid: int) -> None:
    """On Linux, have the kernel SIGKILL this worker when the parent dies, even if we are stuck in C code."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:
        os._exit(0)  # the parent died before the request took effect
