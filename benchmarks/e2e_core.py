"""The baseline of the end-to-end ratio: the same events through the same processor, in process, no Kafka.

`workers` spawned processes each build the processor `gate run`'s workers build (`GateProcessorFactory`),
take an equal share of the ingest event bytes as `InboundRecord`s, evaluate a few to warm up, then wait at a
barrier and evaluate the rest. The rate is all timed events over the slowest process's time: what the gate's
worker processes could do if records reached them and verdicts left them for free.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Sequence
from typing import Any

from gate.core.record import InboundRecord

WARM_UP = 4  # events per process evaluated before the clock starts (first calls load code and caches)


def _evaluate_share(factory: Any, values: Sequence[bytes], ready: Any, go: Any, results: Any) -> None:
    processor = factory.build()
    records = [InboundRecord("bench", 0, i, f"core-{i}".encode(), v) for i, v in enumerate(values)]
    for record in records[:WARM_UP]:
        processor(record)
    ready.put(True)
    go.wait()
    started = time.perf_counter()
    for record in records[WARM_UP:]:
        processor(record)
    results.put((len(records) - WARM_UP, time.perf_counter() - started))


def core_rate(factory: Any, values: Sequence[bytes], workers: int) -> float:
    """Events per second of `workers` processes evaluating `values` (split evenly) in process."""
    context = multiprocessing.get_context("spawn")
    ready, results, go = context.Queue(), context.Queue(), context.Event()
    shares = [list(values[i::workers]) for i in range(workers)]
    processes = [
        context.Process(target=_evaluate_share, args=(factory, share, ready, go, results), daemon=True)
        for share in shares
    ]
    for process in processes:
        process.start()
    try:
        for _ in processes:
            ready.get(timeout=120)
        go.set()
        done = [results.get(timeout=600) for _ in processes]
    finally:
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
    return sum(count for count, _ in done) / max(seconds for _, seconds in done)
