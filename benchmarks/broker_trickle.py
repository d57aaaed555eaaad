"""What the embedded broker's CPU goes to at a trickle, part by part of the half-load traffic (a diagnostic).

    python -P -m benchmarks.broker_trickle [--rate 250] [--seconds 3]

(from the repository root, with the bench venv's python). Starts the embedded broker and, one part at a
time with nothing else on it, measures the broker's CPU (ms per second) and this process's: the load
generator's single-record produce requests (`linger.ms` 0, ~50 KB values, `--rate` a second), the same
with a gate-like consumer reading them, that consumer idle, the e2e collector's read_committed polling
of 12 verdict partitions at several `fetch.wait.max.ms`, and transactions of the same records a second
cut into few large or many small transactions (two verdict topics and the audit topic, one partition
each). In a drain the broker takes about 0.25 ms of CPU an event; at half load several times that,
and on 2 shared cores that CPU is the workers' (README "Performance", fourteenth session).
"""

from __future__ import annotations

import argparse
import os
import threading
import time
import uuid
from collections.abc import Callable

from confluent_kafka import OFFSET_END, Consumer, Producer, TopicPartition

from benchmarks.broker_load import PARTITIONS, fresh_topics, producer
from benchmarks.e2e_burst import cpu_seconds

Part = Callable[[threading.Event], None]


def measure(broker_pid: int, seconds: float, part: Part) -> tuple[float, float]:
    """Run `part` on a thread; after a second of settling, the broker's and this process's CPU ms/s."""
    stop = threading.Event()
    thread = threading.Thread(target=part, args=(stop,))
    thread.start()
    try:
        time.sleep(1.0)
        broker0, own0, wall0 = cpu_seconds(broker_pid), time.process_time(), time.monotonic()
        time.sleep(seconds)
        wall = time.monotonic() - wall0
        return (
            1000 * (cpu_seconds(broker_pid) - broker0) / wall,
            1000 * (time.process_time() - own0) / wall,
        )
    finally:
        stop.set()
        thread.join()


def paced(rate: float, stop: threading.Event, step: Callable[[int], None]) -> None:
    """Call `step(i)` `rate` times a second until stopped."""
    started, i = time.monotonic(), 0
    while not stop.is_set():
        due = started + i / rate
        while (now := time.monotonic()) < due:
            time.sleep(min(0.001, due - now))
        step(i)
        i += 1


def main(argv: list[str] | None = None) -> int:
    """Measure each part and print one line per part."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=250.0, help="records a second")
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args(argv)
    from gate.broker import EmbeddedBroker  # noqa: PLC0415

    value = os.urandom(50_000)
    with EmbeddedBroker() as broker:
        bootstrap, pid = broker.bootstrap_servers, broker.pid
        assert pid is not None
        topics = fresh_topics(bootstrap, "trickle")
        verdicts = [topics.approved, topics.quarantine, topics.rejected]

        def consumer(wait_ms: int) -> Consumer:
            return Consumer(
                {
                    "bootstrap.servers": bootstrap,
                    "group.id": f"trickle-{uuid.uuid4().hex[:8]}",
                    "enable.auto.commit": False,
                    "isolation.level": "read_committed",
                    "auto.offset.reset": "latest",
                    "fetch.wait.max.ms": wait_ms,
                    "log_level": 3,
                }
            )

        def produce(stop: threading.Event) -> None:
            p = producer(bootstrap, linger_ms=0)

            def one(i: int) -> None:
                p.produce(topics.ingest, value, key=str(i).encode())
                p.poll(0)

            paced(args.rate, stop, one)
            p.flush(10)

        def gate_like(wait_ms: int) -> Consumer:
            # Assigned, not subscribed: a group join on this broker takes half the session timeout (23 s
            # by default), longer than a part lasts, and a consumer still joining fetches nothing (this
            # part once read 3 ms of CPU a second for that reason).
            c = consumer(wait_ms)
            c.assign([TopicPartition(topics.ingest, p, OFFSET_END) for p in range(PARTITIONS)])
            return c

        def produce_and_read(stop: threading.Event) -> None:
            c = gate_like(10)
            thread = threading.Thread(target=produce, args=(stop,))
            thread.start()
            while not stop.is_set():
                c.consume(100, 0.002)
            thread.join()
            c.close()

        def idle_reader(wait_ms: int) -> Part:
            def read(stop: threading.Event) -> None:
                c = gate_like(wait_ms)
                while not stop.is_set():
                    c.consume(100, 0.002)
                c.close()

            return read

        def collector(wait_ms: int) -> Part:
            def poll(stop: threading.Event) -> None:
                c = consumer(wait_ms)
                c.assign([TopicPartition(t, p, -2) for t in verdicts for p in range(4)])
                while not stop.is_set():
                    c.poll(0.05)
                c.close()

            return poll

        def transactions(records: int) -> Part:
            def commit(stop: threading.Event) -> None:
                p = Producer(
                    {
                        "bootstrap.servers": bootstrap,
                        "transactional.id": f"trickle-{uuid.uuid4().hex[:8]}",
                        "linger.ms": 5,
                        "compression.type": "zstd",
                        "log_level": 3,
                    }
                )
                p.init_transactions(10)

                def one(_i: int) -> None:
                    p.begin_transaction()
                    for j in range(records):
                        p.produce(verdicts[j % 2], value, key=b"k", partition=0)
                        p.produce(topics.audit, b"a" * 1000, key=b"k", partition=0)
                    p.flush(10)
                    p.commit_transaction(10)

                paced(args.rate / records, stop, one)

            return commit

        parts: list[tuple[str, Part]] = [
            (f"produce {args.rate:.0f} records/s, linger 0", produce),
            ("the same, read by a gate-like consumer (fetch.wait.max.ms 10)", produce_and_read),
            *[(f"a gate-like consumer, idle, fetch.wait.max.ms {w}", idle_reader(w)) for w in (10, 50)],
            *[(f"the collector's polling, idle, fetch.wait.max.ms {w}", collector(w)) for w in (2, 5, 10)],
            *[
                (f"{args.rate / k:.0f} transactions/s of {k} records and audit records", transactions(k))
                for k in (2, 4, 8)
            ],
        ]
        for name, part in parts:
            broker_ms, own_ms = measure(pid, args.seconds, part)
            print(f"{name}: broker {broker_ms:.0f} ms CPU/s, this process {own_ms:.0f}", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
