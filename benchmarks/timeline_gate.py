"""A diagnostic gate process that stamps every record on its way through the runner (`e2e_timeline`).

Runs as `benchmarks.gate_process` does, with the runner's steps wrapped to record, per record key, the
monotonic time (one clock for every process on the machine) it was consumed, its batch closed, submitted,
sent to a worker, its result read, taken for a commit, its transaction started and ended, and collected by
the loop; each transaction's phases (begin, produce calls, offsets, flush, commit); and, in each worker,
when the processor started and finished it. Written as JSON under `GATE_TIMELINE_DIR` when the gate stops
(workers append a line per record as they go). It wraps private runner methods by name: a renamed method
fails here loudly, at start. Never for measuring rates: the stamps cost a few microseconds per step.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

STAMPS: dict[str, dict[bytes, float]] = defaultdict(dict)
TRANSACTIONS: list[dict[str, float]] = []
# The producer's request counts over time (librdkafka statistics, every STATS_MS): produce requests per
# transaction say how many partitions a transaction touched (one request per partition and flush).
REQUESTS: list[dict[str, float]] = []
STATS_MS = 200


def out_dir() -> Path:
    """Where the stamps go (`GATE_TIMELINE_DIR`)."""
    return Path(os.environ.get("GATE_TIMELINE_DIR", "timeline"))


def mark(step: str, keys: Any, now: float | None = None) -> None:
    """The first time each key reached `step`."""
    at = time.monotonic() if now is None else now
    seen = STAMPS[step]
    for key in keys:
        seen.setdefault(key, at)


class StampingFactory:
    """Wraps a processor factory: the processor it builds appends key, start and end per record."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    @property
    def policy(self) -> Any:
        """The wrapped factory's policy."""
        return self.inner.policy

    def build(self) -> Callable[[Any], Any]:
        """The wrapped processor."""
        processor = self.inner.build()
        sink = (out_dir() / f"worker-{os.getpid()}.tsv").open("a", buffering=1)

        def stamped(record: Any) -> Any:
            started = time.monotonic()
            try:
                return processor(record)
            finally:
                sink.write(f"{record.key.decode()}\t{started}\t{time.monotonic()}\n")

        return stamped


def stamping_worker_main(
    inbox: Any, outbox: Any, factory: Any, parent_pid: int, started: Any, **options: Any
) -> None:
    """The pool's worker entry point with a stamping factory."""
    from gate.runner.pool_worker import worker_main  # noqa: PLC0415

    worker_main(inbox, outbox, StampingFactory(factory), parent_pid, started, **options)


def _wrap(owner: Any, name: str, before: Callable[..., None]) -> None:
    original = getattr(owner, name)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        before(*args, **kwargs)
        return original(*args, **kwargs)

    setattr(owner, name, wrapped)


def install() -> None:
    """Wrap the runner's steps (this process only; workers get the stamping factory)."""
    import gate.runner.batching as batching  # noqa: PLC0415
    import gate.runner.loop as loop  # noqa: PLC0415
    import gate.runner.pool as pool  # noqa: PLC0415
    import gate.runner.transaction as transaction  # noqa: PLC0415
    import gate.runner.worker_start as worker_start  # noqa: PLC0415

    to_inbound = batching.to_inbound

    def stamped_to_inbound(message: Any) -> Any:
        record = to_inbound(message)
        mark("consumed", [record.key])
        return record

    batching.to_inbound = stamped_to_inbound
    next_batch = batching.BatchReader.next_batch

    def stamped_next_batch(self: Any, **kwargs: Any) -> Any:
        batch = next_batch(self, **kwargs)
        if batch is not None:
            mark("closed", [r.key for r in batch.records])
        return batch

    batching.BatchReader.next_batch = stamped_next_batch  # type: ignore[method-assign]
    _wrap(pool.ProcessPool, "submit", lambda _self, records: mark("submitted", [r.key for r in records]))
    frame_parts = pool.frame_parts

    def stamped_frame_parts(obj: Any) -> Any:
        if isinstance(obj, list):  # a chunk of (ticket, index, inbound fields); the key is field 3
            mark("sent", [job[2][3] for job in obj])
        return frame_parts(obj)

    pool.frame_parts = stamped_frame_parts

    def result(self: Any, ticket: int, index: int, _routed: Any) -> None:
        held = self._tickets.get(ticket)
        if held is not None:
            mark("result", [held.records[index].key])

    _wrap(pool.ProcessPool, "_settle", result)

    def taken(self: Any, ticket: int) -> None:
        held = self._tickets.get(ticket)
        if held is not None:
            mark("taken", [r.key for r in held.records])

    _wrap(pool.ProcessPool, "take", taken)
    worker_start.worker_main = stamping_worker_main
    _stamp_transactions(transaction.TransactionalCommitter)

    def collected(_self: Any, outcome: Any, _guard: Any, **_kwargs: Any) -> None:
        mark("collected", [r.key for entry in outcome.job.entries for r in entry.batch.records])

    _wrap(loop.GateRunner, "_committed", collected)
    _count_requests()


def _count_requests() -> None:
    """Give the runner's producer a statistics callback that keeps its per-request-type counts."""
    import gate.runner.clients as clients  # noqa: PLC0415

    producer_config = clients.producer_config

    def on_stats(document: str) -> None:
        brokers = json.loads(document).get("brokers", {}).values()
        counts: dict[str, float] = {"at": time.monotonic()}
        for name in ("Produce", "AddPartitionsToTxn", "EndTxn"):
            counts[name] = float(sum(b.get("req", {}).get(name, 0) for b in brokers))
        REQUESTS.append(counts)

    def stats_producer_config(settings: Any, **kwargs: Any) -> dict[str, Any]:
        config = producer_config(settings, **kwargs)
        return {**config, "statistics.interval.ms": STATS_MS, "stats_cb": on_stats}

    clients.producer_config = stats_producer_config


def _stamp_transactions(committer: Any) -> None:
    phases: dict[str, float] = {}
    call, flush, commit_batch = committer._call, committer._flush, committer.commit_batch

    def stamped_call(self: Any, name: str, operation: Any, *args: Any) -> Any:
        phases[name + ".start"] = time.monotonic()
        try:
            return call(self, name, operation, *args)
        finally:
            phases[name + ".end"] = time.monotonic()

    def stamped_flush(self: Any, failures: Any, deadline: float) -> None:
        phases["flush.start"] = time.monotonic()
        try:
            flush(self, failures, deadline)
        finally:
            phases["flush.end"] = time.monotonic()

    def stamped_commit_batch(self: Any, batch: Any, routed: Any, **kwargs: Any) -> Any:
        phases.clear()
        keys = [r.key for r in batch.records]
        started = time.monotonic()
        mark("commit_start", keys, started)
        try:
            return commit_batch(self, batch, routed, **kwargs)
        finally:
            ended = time.monotonic()
            mark("commit_end", keys, ended)
            TRANSACTIONS.append({"start": started, "end": ended, "records": len(keys), **phases})

    committer._call = stamped_call
    committer._flush = stamped_flush
    committer.commit_batch = stamped_commit_batch


def dump() -> None:
    """Write this process's stamps and transactions."""
    stamps = {step: {k.decode(): t for k, t in seen.items()} for step, seen in STAMPS.items()}
    path = out_dir() / f"runner-{os.getpid()}.json"
    path.write_text(json.dumps({"stamps": stamps, "transactions": TRANSACTIONS, "requests": REQUESTS}))


def main(argv: list[str]) -> int:
    """`benchmarks.gate_process` with the stamps installed; they are written when it stops."""
    out_dir().mkdir(parents=True, exist_ok=True)
    install()
    from benchmarks.gate_process import main as gate_main  # noqa: PLC0415

    try:
        return gate_main(argv)
    finally:
        dump()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
