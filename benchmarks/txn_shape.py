"""What a transaction costs by its shape: outputs by key against one partition per topic (a diagnostic).

`python -P -m benchmarks.txn_shape [--transactions N] [--sizes 1,6,16,64] [--value-bytes B] [--linger-ms L]`
(from the repository root, with the venv's python): starts the embedded broker, creates the verdict and
audit topics with 4 partitions each, and commits transactions of k records through the runner's own
`TransactionalCommitter` (half approved, half quarantined, records from 4 input partitions at random),
alternating per transaction between outputs by key (the partition counts withheld, so librdkafka's
partitioner spreads them) and the committer's default, one partition per topic. Prints the median and
p90 ms per transaction for each k. The broker is otherwise idle, so the load of the machine matters less
than in the end-to-end runs; alternating keeps what it does the same for both.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
import uuid

from confluent_kafka import Consumer, Producer

from gate.broker import EmbeddedBroker
from gate.core.record import InboundRecord, RoutedRecord, route_headers
from gate.model import PolicyRef, Verdict
from gate.observe.observer import NullObserver
from gate.runner.batching import Batch
from gate.runner.clients import producer_config
from gate.runner.topics import create_topics
from gate.runner.transaction import TransactionalCommitter, verdict_topics
from gate.settings import TopicSettings, load_settings

POLICY = PolicyRef("bench", "0" * 64)
PARTITIONS = 4
MODES = ("by key", "one per topic")


def _transaction(
    rng: random.Random, topics: TopicSettings, offsets: dict[int, int], k: int, value: bytes
) -> tuple[Batch, list[RoutedRecord]]:
    records, routed = [], []
    for _ in range(k):
        partition = rng.randrange(PARTITIONS)
        key = uuid.uuid4().hex.encode()
        records.append(InboundRecord(topics.ingest, partition, offsets[partition], key, b"{}"))
        offsets[partition] += 1
        verdict = rng.choice([Verdict.APPROVED, Verdict.QUARANTINED])
        headers = route_headers(verdict, ("bench",), POLICY, None)
        audit = b"{" + b"a" * 900 + b"}"
        routed.append(RoutedRecord(verdict, key, value, headers, ("bench",), "bench", audit=audit))
    return Batch(tuple(records), k, 0.0), routed


def main(argv: list[str] | None = None) -> int:
    """Run the A/B and print one line per transaction size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=int, default=40, help="per size and shape")
    parser.add_argument("--sizes", default="1,2,6,16,64", help="records per transaction")
    parser.add_argument("--value-bytes", type=int, default=67_000, help="a verdict's size (inline image)")
    parser.add_argument("--linger-ms", default=None, help="the producer's linger.ms (default: the gate's)")
    args = parser.parse_args(argv)
    rng = random.Random(7)
    tag = uuid.uuid4().hex[:8]
    topics = TopicSettings(
        ingest=f"shape-in-{tag}", approved=f"shape-ap-{tag}", quarantine=f"shape-qu-{tag}",
        rejected=f"shape-re-{tag}", audit=f"shape-au-{tag}",
    )  # fmt: skip
    # Half-compressible, as base64 of a JPEG is for zstd.
    value = os.urandom(args.value_bytes).hex().encode()[: args.value_bytes]
    with EmbeddedBroker() as broker:
        bootstrap = broker.bootstrap_servers
        names = [topics.ingest, topics.approved, topics.quarantine, topics.rejected, topics.audit]
        create_topics(bootstrap, names, PARTITIONS)
        kafka = {} if args.linger_ms is None else {"linger.ms": str(args.linger_ms)}
        settings = load_settings(bootstrap_servers=bootstrap, topics=topics.model_dump(), kafka=kafka)
        producer = Producer(producer_config(settings, error_cb=lambda _err: None))
        consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"shape-{tag}"})
        committer = TransactionalCommitter(
            producer, consumer, verdict_topics(topics), NullObserver(), POLICY, audit_topic=topics.audit
        )
        committer.init()
        counts = dict(committer.partition_counts)
        metadata = consumer.consumer_group_metadata()
        offsets = dict.fromkeys(range(PARTITIONS), 0)
        for k in (int(size) for size in args.sizes.split(",")):
            times: dict[str, list[float]] = {mode: [] for mode in MODES}
            for i in range(2 * args.transactions):
                mode = MODES[i % 2]
                committer.partition_counts = {} if mode == "by key" else counts
                batch, routed = _transaction(rng, topics, offsets, k, value)
                started = time_ms()
                if committer.commit_batch(batch, routed, group_metadata=metadata) is None:
                    raise RuntimeError("a transaction was aborted")
                times[mode].append(time_ms() - started)
            cells = ", ".join(
                f"{mode}: median {statistics.median(v):.2f} ms, p90 {sorted(v)[int(0.9 * len(v))]:.2f}"
                for mode, v in times.items()
            )
            print(f"{k:3d} records a transaction: {cells}; load average {os.getloadavg()[0]:.1f}", flush=True)
        consumer.close()
    return 0


def time_ms() -> float:
    """A monotonic clock in milliseconds."""
    return 1000.0 * time.perf_counter()


if __name__ == "__main__":
    raise SystemExit(main())
