"""How the pool's dealing depth shapes in-order latency under a queue, with a sleep standing in for the
evaluation (a diagnostic: a sleep needs no CPU, so what it shows is the dealing, whatever the machine runs).

    python -P -m benchmarks.e2e_dealing [--load 0.85] [--seconds 6] [--rounds 3]

Two workers, batches of 1-6 records arriving at random (Poisson) at `load` x the pool's capacity, each
record sleeping as one of the e2e mix's payloads costs (2.3-3.5 ms) and one in 50 for 30 ms (a worker
that lost its core for a moment). A batch counts as committable when it and every batch before it are
done, as the loop commits in fetch order. Per dealing: p50 / p99 ms from submit to committable, over the
rounds, alternated in each round. "two chunks": a worker holds up to 16 records, as before; "by time":
the undecided records a worker holds are bounded by `gate.runner.dealing.DEAL_AHEAD_S` of work.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from dataclasses import dataclass
from typing import Any

from benchmarks.ipc_copy import POLICY, EchoProcessor
from gate.core.record import InboundRecord, RoutedRecord
from gate.runner.dealing import DealAhead
from gate.runner.pool import CHUNK_RECORDS, ProcessPool

COSTS_S = (0.0023, 0.0028, 0.0031, 0.0035)  # the four payloads of the e2e mix, about
STALL_S, STALL_EVERY = 0.030, 50


class SleepProcessor(EchoProcessor):
    """Sleeps the seconds its record's value names, then echoes it."""

    def __call__(self, record: InboundRecord) -> RoutedRecord:
        time.sleep(float(record.value or b"0"))
        return super().__call__(record)


@dataclass(frozen=True)
class SleepFactory:
    """Picklable recipe for `SleepProcessor`."""

    def build(self) -> SleepProcessor:
        """The processor."""
        return SleepProcessor()

    @property
    def policy(self) -> Any:
        """The benchmark's policy reference."""
        return POLICY

    def reload(self) -> SleepFactory:
        """Nothing to read again."""
        return self


def in_order_latencies(pool: ProcessPool, *, load: float, seconds: float, seed: int) -> list[float]:
    """ms from submit to committable (it and every batch before it done), per record."""
    draw = random.Random(seed)
    mean_cost = statistics.mean(COSTS_S) + STALL_S / STALL_EVERY
    rate = load * 2 / mean_cost  # records per second, two workers
    submitted: list[tuple[int, float, int]] = []  # ticket, submit time, records
    done_at: dict[int, float] = {}
    started = due = time.monotonic()
    offset = 0
    while time.monotonic() < started + seconds or len(done_at) < len(submitted):
        now = time.monotonic()
        if now >= due and now < started + seconds:
            size = draw.randint(1, 6)
            values = [
                str(STALL_S if draw.randrange(STALL_EVERY) == 0 else draw.choice(COSTS_S)).encode()
                for _ in range(size)
            ]
            batch = [InboundRecord("bench", 0, offset + i, b"k", v) for i, v in enumerate(values)]
            offset += size
            submitted.append((pool.submit(batch), now, size))
            due += draw.expovariate(rate / 3.5)
        pool.serve(max(0.0, min(0.002, due - time.monotonic())))
        for ticket, _at, _n in submitted:
            if ticket not in done_at and pool.done(ticket):
                pool.take(ticket)
                done_at[ticket] = time.monotonic()
    out: list[float] = []
    committable = 0.0
    for ticket, at, size in submitted:
        committable = max(committable, done_at[ticket])
        out.extend([1000.0 * (committable - at)] * size)
    return out[len(out) // 10 :]  # the first tenth warms the estimate up


def main(argv: list[str] | None = None) -> int:
    """Alternate the two dealings and print their in-order latencies."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--load", type=float, default=0.85)
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    results: dict[str, list[tuple[float, float]]] = {"two chunks": [], "by time": []}
    for round_ in range(args.rounds):
        names = list(results) if round_ % 2 == 0 else list(reversed(results))
        for name in names:
            pool = ProcessPool(SleepFactory(), workers=2, event_timeout_s=30)
            if name == "two chunks":
                pool._ahead = DealAhead(2 * CHUNK_RECORDS, ahead_s=1e9)  # the old dealing
            pool.start()
            try:
                ms = sorted(in_order_latencies(pool, load=args.load, seconds=args.seconds, seed=round_))
            finally:
                pool.close()
            p50, p99 = ms[len(ms) // 2], ms[min(len(ms) - 1, int(0.99 * len(ms)))]
            results[name].append((p50, p99))
            print(f"round {round_} {name}: p50 {p50:.1f} ms, p99 {p99:.1f} ms ({len(ms)} records)")
    for name, rows in results.items():
        p50s, p99s = [r[0] for r in rows], [r[1] for r in rows]
        print(f"{name}: p50 median {statistics.median(p50s):.1f} ms, p99 {statistics.median(p99s):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
