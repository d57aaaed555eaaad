"""What moving an image through the worker pool costs: records out, routed records back, nothing else.

A worker that returns its input as the routed value (the size of an inline image that comes back signed)
isolates the pool's copying: pickle, pipe write, pipe read, unpickle, both ways. Measured per record with
one worker and the pool's usual chunking, against the time the decision core spends on an image.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from gate.core.record import InboundRecord, RoutedRecord, route_headers
from gate.model import PolicyRef, Verdict
from gate.runner.pool import ProcessPool

POLICY = PolicyRef(version="bench", sha256="0" * 64)


@dataclass(frozen=True)
class EchoProcessor:
    """Routes each record with its own bytes as the output value."""

    def __call__(self, record: InboundRecord) -> RoutedRecord:
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

    def build(self) -> EchoProcessor:
        """The processor."""
        return EchoProcessor()

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
    """Per size: microseconds per record through a one-worker pool, and MB/s of image moved (one way)."""
    pool = ProcessPool(EchoFactory(), workers=1, event_timeout_s=30)
    pool.start()
    out = []
    try:
        for size in sizes:
            batch = [InboundRecord("bench", 0, i, b"k", bytes(size)) for i in range(8)]
            pool.process(batch)  # warm up
            count, started = 0, time.perf_counter()
            while (elapsed := time.perf_counter() - started) < seconds or count < 16:
                pool.process(batch)
                count += len(batch)
            out.append(
                {
                    "bytes": size,
                    "us_per_record": 1e6 * elapsed / count,
                    "mb_per_s": size * count / elapsed / 1e6,
                }
            )
    finally:
        pool.close()
    return out
