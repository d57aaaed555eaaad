"""The baseline of the end-to-end ratio: the same events through the same processor, in process, no Kafka.

`workers` spawned processes each build the processor `gate run`'s workers build (`GateProcessorFactory`),
take an equal share of the ingest event bytes as `InboundRecord`s, evaluate a few to warm up, then wait at a
barrier and evaluate the rest. The rate is all timed events over the slowest process's time: what the gate's
worker processes could do if records reached them and verdicts left them for free.

Shares are contiguous blocks of the events, so each holds the same mix of payloads. Dealt in turn
(`values[i::workers]`, as before the seventeenth session), a mix of four payloads cycling gave one of two
processes every signed image and the other every unsigned one, which the gate signs (3.4-3.5 against
2.8-2.9 ms, pure build): the slower share set the rate, and the core's own scaling read about 1.8 at most
with no contention at all (`python -m benchmarks.e2e_core`, which compares both ways in one run).
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
    started, cpu_started = time.perf_counter(), time.process_time()
    for record in records[WARM_UP:]:
        processor(record)
    results.put((len(records) - WARM_UP, time.perf_counter() - started, time.process_time() - cpu_started))


def shares_of(values: Sequence[bytes], workers: int, *, dealt: bool = False) -> list[list[bytes]]:
    """`values` split into `workers` contiguous blocks (each holds the stream's mix), or `dealt` in turn."""
    if dealt:
        return [list(values[i::workers]) for i in range(workers)]
    n = len(values)
    return [list(values[i * n // workers : (i + 1) * n // workers]) for i in range(workers)]


def core_rate(factory: Any, values: Sequence[bytes], workers: int, *, dealt: bool = False) -> float:
    """Events per second of `workers` processes evaluating `values` (split evenly) in process."""
    rate: float = core_run(factory, values, workers, dealt=dealt)["per_s"]
    return rate


def core_run(factory: Any, values: Sequence[bytes], workers: int, *, dealt: bool = False) -> dict[str, Any]:
    """`core_rate`, with each process's CPU ms per event (how even the shares were, and the contention)."""
    context = multiprocessing.get_context("spawn")
    ready, results, go = context.Queue(), context.Queue(), context.Event()
    processes = [
        context.Process(target=_evaluate_share, args=(factory, share, ready, go, results), daemon=True)
        for share in shares_of(values, workers, dealt=dealt)
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
    return {
        "per_s": sum(count for count, _, _ in done) / max(seconds for _, seconds, _ in done),
        "cpu_ms_per_event": [1000.0 * cpu / count for count, _, cpu in done],
        "seconds": [seconds for _, seconds, _ in done],
    }


def main() -> int:
    """The core's own scaling, shares as blocks and dealt in turn, alternated (a diagnostic)."""
    import argparse  # noqa: PLC0415
    import json  # noqa: PLC0415
    import tempfile  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from benchmarks.e2e import signing_factory  # noqa: PLC0415
    from benchmarks.e2e_timeline import mixed_50kb_load  # noqa: PLC0415
    from gate.provenance import create_dev_pki  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--events", type=int, default=800)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gate-e2e-core-") as tmp:
        pki = create_dev_pki(Path(tmp) / "pki")
        _payloads, events = mixed_50kb_load(pki, args.events)
        factory = signing_factory(pki)
        values = [value for _, value in events]
        cases = [("one", 1, False), ("blocks", 2, False), ("dealt", 2, True)]
        for rep in range(args.reps):
            row: dict[str, Any] = {"rep": rep}
            for name, workers, dealt in cases[rep % 3 :] + cases[: rep % 3]:
                run = core_run(factory, values, workers, dealt=dealt)
                row[name] = {
                    "per_s": round(run["per_s"], 1),
                    "cpu_ms": [round(c, 3) for c in run["cpu_ms_per_event"]],
                    "s": [round(s, 2) for s in run["seconds"]],
                }
            row["scaling_blocks"] = round(row["blocks"]["per_s"] / row["one"]["per_s"], 3)
            row["scaling_dealt"] = round(row["dealt"]["per_s"] / row["one"]["per_s"], 3)
            print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
