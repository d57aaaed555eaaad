"""What the worker pool itself costs: moving images through it, and how long records queue in it.

A worker that returns its input as the routed value (the size of an inline image that comes back signed)
isolates the pool's copying: pickle, pipe write, pipe read, unpickle, both ways. Measured per record with
one worker and the pool's usual chunking, against the time the decision core spends on an image.

`pool_queueing`: the same echo after a sleep that stands in for an evaluation, two workers, small batches
arriving at random at half the pool's capacity (the half-load case): submit -> batch done, p50 and p99.
A sleep needs no CPU, so the figure is how records are dealt to workers, whatever else the machine runs.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import Any

from gate.core.record import InboundRecord, RoutedRecord, route_headers
from gate.model import PolicyRef, Verdict
from gate.runner.pool import ProcessPool

POLICY = PolicyRef(version="bench", sha256="0" * 64)


@dataclass(frozen=True)
class EchoProcessor:
    """Routes each record with its own bytes as the output value (after `hold_s`, an evaluation's time)."""

    hold_s: float = 0.0

    def __call__(self, record: InboundRecord) -> RoutedRecord:
        if self.hold_s:
            time.sleep(self.hold_s)
        return RoutedRecord(
            verdict=Verdict.APPROVED,
            key=record.key or b"",
            value=record.value or b"",
            headers=route_headers(Verdict.APPROVED, (), POLICY, None),
            reason_codes=(),
            source="bench",
        )


@dataclass(frozen=True)
class EchoFactory:
    """Picklable recipe for `EchoProcessor`."""

    hold_s: float = 0.0

    def build(self) -> EchoProcessor:
        """The processor."""
        return EchoProcessor(self.hold_s)

    @property
    def policy(self) -> PolicyRef:
        """The benchmark's policy reference."""
        return POLICY

    def reload(self) -> EchoFactory:
        """Nothing to read again."""
        return self


def ipc_cost(
    sizes: tuple[int, ...] = (50_000, 500_000, 3_000_000, 10_000_000), seconds: float = 1.0
) -> list[dict[str, Any]]:
    """Per size: microseconds per record through a one-worker pool (wall, and the runner's own CPU), and
    MB/s of image moved (one way)."""
    pool = ProcessPool(EchoFactory(), workers=1, event_timeout_s=30)
    pool.start()
    out = []
    try:
        for size in sizes:
            batch = [InboundRecord("bench", 0, i, b"k", bytes(size)) for i in range(8)]
            pool.process(batch)  # warm up
            count, started, cpu = 0, time.perf_counter(), time.process_time()
            while (elapsed := time.perf_counter() - started) < seconds or count < 16:
                pool.process(batch)
                count += len(batch)
            out.append(
                {
                    "bytes": size,
                    "us_per_record": 1e6 * elapsed / count,
                    # This process is the runner's side alone (the worker is another process): the CPU
                    # that counts against the scaling figure, where wall time also holds the worker's.
                    "runner_cpu_us_per_record": 1e6 * (time.process_time() - cpu) / count,
                    "mb_per_s": size * count / elapsed / 1e6,
                }
            )
    finally:
        pool.close()
    return out


def pool_queueing(
    batch_sizes: tuple[int, ...] = (1, 3),
    *,
    workers: int = 2,
    evaluation_s: float = 0.0024,
    load: float = 0.5,
    seconds: float = 4.0,
    seed: int = 7,
) -> list[dict[str, Any]]:
    """Per batch size: ms from submit to batch done (p50, p99), batches arriving at random (Poisson) at
    `load` x the pool's capacity (`workers` / `evaluation_s` records per second)."""
    out = []
    rate = load * workers / evaluation_s  # records per second
    for size in batch_sizes:
        pool = ProcessPool(EchoFactory(evaluation_s), workers=workers, event_timeout_s=30)
        pool.start()
        arrivals = random.Random(seed)
        waits: list[float] = []
        pending: dict[int, float] = {}
        try:
            started = due = time.monotonic()
            offset = 0
            while time.monotonic() < started + seconds or pending:
                now = time.monotonic()
                if now >= due and now < started + seconds:
                    batch = [InboundRecord("bench", 0, offset + i, b"k", b"x") for i in range(size)]
                    offset += size
                    pending[pool.submit(batch)] = now
                    due += arrivals.expovariate(rate / size)
                pool.serve(max(0.0, min(0.002, due - time.monotonic())))
                for ticket in [t for t in pending if pool.done(t)]:
                    pool.take(ticket)
                    waits.append(1000.0 * (time.monotonic() - pending.pop(ticket)))
        finally:
            pool.close()
        waits.sort()
        out.append(
            {
                "batch_records": size,
                "records_per_s": rate,
                "evaluation_ms": 1000.0 * evaluation_s,
                "batches": len(waits),
                "p50_ms": waits[len(waits) // 2],
                "p99_ms": waits[min(len(waits) - 1, int(0.99 * len(waits)))],
            }
        )
    return out
