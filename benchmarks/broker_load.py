"""Plumbing for the streaming benchmarks: ingest events, gate subprocesses, an output collector, metrics.

Kept apart from the measurements (`benchmarks.e2e`, `benchmarks.memory`) so those read as the experiment.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import json
import math
import os
import signal
import subprocess
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from confluent_kafka import TIMESTAMP_CREATE_TIME, Consumer, KafkaException, Producer, TopicPartition
from prometheus_client.parser import text_string_to_metric_families

from benchmarks.build import module_command
from gate.broker import free_loopback_port
from gate.runner.topics import create_topics
from gate.settings import TopicSettings

PARTITIONS = 4
SESSION = {"session.timeout.ms": 6000}  # Tansu joins a group after half the session timeout
ROOT = Path(__file__).resolve().parent.parent


def ingest_event(
    event_id: str,
    media_type: str,
    *,
    data: bytes | None = None,
    path: Path | None = None,
    synthetic: bool = True,
    parameters: dict[str, Any] | None = None,
) -> bytes:
    """An ingest event carrying the image inline (`data`) or by file:// URI (`path`)."""
    if path is not None:
        raw = path.read_bytes()
        asset: dict[str, Any] = {
            "uri": path.as_uri(),
            "sha256": hashlib.sha256(raw).hexdigest(),
            "media_type": media_type,
        }
    else:
        assert data is not None
        asset = {"data": base64.b64encode(data).decode("ascii"), "media_type": media_type}
    from benchmarks.corpus_images import MODEL, PARAMETERS  # noqa: PLC0415 - avoid a cycle at import

    generation = {
        "synthetic": synthetic,
        "model": {"name": MODEL.name, "version": MODEL.version, "provider": MODEL.provider},
        "parameters": PARAMETERS if parameters is None else parameters,
        "training_data_sources": ["licensed-stock"],
    }
    event = {
        "event_id": event_id,
        "occurred_at": "2026-11-26T10:00:00Z",
        "source": "bench",
        "asset": asset,
        "generation": generation,
        "context": {"store": "eu-main", "sku": "SKU-48213-BLK"},
    }
    return json.dumps(event).encode()


def fresh_topics(bootstrap: str, prefix: str) -> TopicSettings:
    """Unique ingest and verdict topics (Tansu keeps everything in memory; names never collide)."""
    tag = uuid.uuid4().hex[:8]
    topics = TopicSettings(
        ingest=f"{prefix}-ingest-{tag}",
        approved=f"{prefix}-approved-{tag}",
        quarantine=f"{prefix}-quarantine-{tag}",
        rejected=f"{prefix}-rejected-{tag}",
    )
    create_topics(bootstrap, [topics.ingest, topics.approved, topics.quarantine, topics.rejected], PARTITIONS)
    return topics


def producer(bootstrap: str, *, linger_ms: int = 5) -> Producer:
    """A plain producer for loading the ingest topic (`linger_ms` 0 for a latency probe: a linger would
    count as the gate's latency, from produce() to the verdict)."""
    return Producer(
        {
            "bootstrap.servers": bootstrap,
            "linger.ms": linger_ms,
            "message.max.bytes": 64 * 1024 * 1024,
            "log_level": 3,
        }
    )


@dataclass
class Collector:
    """Reads every verdict topic (read_committed) in a thread and remembers when each key arrived."""

    bootstrap: str
    topics: TopicSettings
    # How long the broker may hold its fetches. Its polling is not free: idle, 12 partitions every 2 ms
    # cost the embedded broker 130-163 ms of CPU a second (5 ms: 87-90, 10 ms: 77-100), paid at half load
    # and not in the drain that sets the half rate. 10 ms adds up to ~5 ms to an arrival time (the
    # broker holds a fetch); two A/Bs of 2 against 10 ms on a loaded machine disagreed (p99 in-round
    # 2.03 and 0.46, results/latency14-trickle.txt), so the sharper instrument stays until a quiet run
    # decides (`benchmarks.e2e_ab NAME=@collector.fetch_wait_ms=10`).
    fetch_wait_ms: int = 2
    arrived: dict[bytes, float] = field(default_factory=dict)
    # Each verdict's record timestamp (its producer's clock at produce(), seconds since the epoch): when the
    # gate's commit thread produced it, a moment before its transaction committed. Read after a drain, it
    # times the drain with no instrument polling the broker while the gate runs (`sustained_rate`).
    stamped: dict[bytes, float] = field(default_factory=dict)
    verdicts: dict[str, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> Collector:
        """Assign all partitions from the beginning (no group join) and start polling."""
        consumer = Consumer(
            {
                "bootstrap.servers": self.bootstrap,
                "group.id": f"bench-collector-{uuid.uuid4().hex[:8]}",
                "isolation.level": "read_committed",
                "enable.auto.commit": False,
                "fetch.message.max.bytes": 64 * 1024 * 1024,
                "receive.message.max.bytes": 128 * 1024 * 1024,
                # Arrival times must not wait out a broker long-poll (librdkafka's default is 500 ms): a
                # transaction's commit marker does not always wake Tansu's long-poll (2 ms: ~1.5 ms to
                # readable after the commit returns; 10 ms: ~5 ms). See `fetch_wait_ms`.
                "fetch.wait.max.ms": self.fetch_wait_ms,
                "log_level": 3,
            }
        )
        names = [self.topics.approved, self.topics.quarantine, self.topics.rejected]
        consumer.assign([TopicPartition(t, p, -2) for t in names for p in range(PARTITIONS)])  # -2: beginning
        self._thread = threading.Thread(target=self._poll, args=(consumer,), daemon=True)
        self._thread.start()
        return self

    def _poll(self, consumer: Consumer) -> None:
        try:
            while not self._stop.is_set():
                # poll() returns as soon as one message is there; consume(n, t) would wait for n messages
                # or the whole t, and the arrival times it reports would carry that wait (up to 50 ms).
                first = consumer.poll(0.05)
                if first is None:
                    continue
                now = time.monotonic()
                for message in [first, *consumer.consume(500, timeout=0)]:
                    if message.error() is not None:
                        continue
                    kind, stamp = message.timestamp()
                    with self._lock:
                        self.arrived.setdefault(message.key() or b"", now)
                        if kind == TIMESTAMP_CREATE_TIME:
                            self.stamped.setdefault(message.key() or b"", stamp / 1000.0)
                        topic = message.topic() or ""
                        self.verdicts[topic] = self.verdicts.get(topic, 0) + 1
        finally:
            consumer.close()

    def count(self, keys: Iterable[bytes]) -> int:
        """How many of `keys` have arrived."""
        with self._lock:
            return sum(1 for k in keys if k in self.arrived)

    def wait_for(self, keys: Sequence[bytes], timeout_s: float) -> float:
        """Block until all `keys` arrived; return the arrival time of the last one."""
        deadline = time.monotonic() + timeout_s
        while self.count(keys) < len(keys):
            if time.monotonic() > deadline:
                raise TimeoutError(f"only {self.count(keys)} of {len(keys)} verdicts arrived in {timeout_s}s")
            time.sleep(0.01)
        with self._lock:
            return max(self.arrived[k] for k in keys)

    def stop(self) -> None:
        """Stop polling and close the consumer."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)


@dataclass
class CommitWatch:
    """Watches a consumer group's committed offsets on the ingest topic in a thread (every `interval_s`).

    A gate commits its consumer offsets in the same transaction as the verdicts, so the moment its committed
    offsets pass an event is the moment that event's verdict became readable, give or take one interval.
    Timing a drain this way reads no verdict: a collector reading every 50 KB verdict while the gate runs
    takes CPU from the gate and the broker on the same cores, and would be measured as the gate's cost.
    The polling itself is not free either (every 5 ms: about 40 ms of broker CPU and 30 ms of this
    process's per second, measured, 3-4% of two cores that a 2-worker drain needs whole), and a drain's
    rate needs only its first and last commits sharp: given `expected`, it polls every `interval_s` until
    the commit that passes `warm_up` events (the first commit with none) and again over the last `tail`
    share of the events, every `coarse_s` in between. The e2e drains now watch only every 50 ms, to see the
    end, and take their rate from the verdicts' own timestamps afterwards (`benchmarks.e2e_burst`); the
    half-load stretch polls it every 2 ms to time verdicts readable (`readable_at`).
    """

    bootstrap: str
    topic: str
    group: str
    interval_s: float = 0.005
    expected: int | None = None  # events the drain will commit (None: poll every interval_s throughout)
    coarse_s: float = 0.05
    tail: float = 0.2
    warm_up: int = 0  # events the rate leaves out at the start (`benchmarks.e2e_burst.sustained_rate`)
    arrivals: list[float] = field(default_factory=list)  # one monotonic time per committed event
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    # Notified when `arrivals` grows: `wait_for` sleeps on it instead of waking every 5 ms to look (200
    # wake-ups a second of this process while the gate drains: the drain's instrument, on its cores).
    _grew: threading.Condition = field(default_factory=threading.Condition)
    # Per partition, (committed offset, time first seen) each time its committed offset moved: a record
    # at (partition, offset) became readable at the first move past its offset (`readable_at`).
    moves: dict[int, list[tuple[int, float]]] = field(default_factory=dict)

    def start(self) -> CommitWatch:
        """Start polling (the consumer never subscribes, so it does not join the gate's group)."""
        consumer = Consumer({"bootstrap.servers": self.bootstrap, "group.id": self.group, "log_level": 3})
        self._thread = threading.Thread(target=self._poll, args=(consumer,), daemon=True)
        self._thread.start()
        return self

    @property
    def committed(self) -> int:
        """Events committed so far."""
        return len(self.arrivals)

    def _poll(self, consumer: Consumer) -> None:
        partitions = [TopicPartition(self.topic, p) for p in range(PARTITIONS)]
        try:
            while not self._stop.is_set():
                try:
                    offsets = consumer.committed(partitions, timeout=5)
                except KafkaException:
                    offsets = []  # the coordinator is busy or moving: ask again
                total = sum(max(0, tp.offset) for tp in offsets)
                seen = time.monotonic()
                for tp in offsets:
                    moved = self.moves.setdefault(tp.partition, [])
                    if tp.offset >= 0 and (not moved or tp.offset > moved[-1][0]):
                        moved.append((tp.offset, seen))
                if total > len(self.arrivals):
                    now = time.monotonic()
                    with self._grew:
                        self.arrivals.extend([now] * (total - len(self.arrivals)))
                        self._grew.notify_all()
                self._stop.wait(self.interval_s if self._sharp() else self.coarse_s)
        finally:
            consumer.close()

    def _sharp(self) -> bool:
        """Poll finely now: until the commit that passes the warm-up, or in the last stretch of the expected
        events."""
        if self.expected is None or len(self.arrivals) <= self.warm_up:
            return True
        return len(self.arrivals) >= self.expected * (1.0 - self.tail)

    def wait_for(self, events: int, timeout_s: float) -> float:
        """Block until `events` are committed; the time the last of them was seen committed."""
        deadline = time.monotonic() + timeout_s
        with self._grew:
            while self.committed < events:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"only {self.committed} of {events} events committed in {timeout_s}s")
                self._grew.wait(min(left, 1.0))
        return self.arrivals[events - 1]

    def readable_at(self, partition: int, offset: int) -> float | None:
        """When the record at `partition`/`offset` was first seen committed (None: not yet). The gate
        commits an input's offset in the transaction of its verdict, so this is when the verdict became
        readable, within one interval."""
        moved = list(self.moves.get(partition, ()))  # a copy: the thread appends meanwhile
        at = bisect.bisect_right(moved, (offset, math.inf))  # the first committed offset > `offset`
        return moved[at][1] if at < len(moved) else None

    def stop(self) -> None:
        """Stop polling and close the consumer."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)


@dataclass
class GateProcess:
    """One `benchmarks.gate_process` subprocess and the port of its /metrics."""

    process: subprocess.Popen[bytes]
    metrics_port: int
    log: Path

    @classmethod
    def start(cls, config: dict[str, Any], log: Path, module: str = "benchmarks.gate_process") -> GateProcess:
        """Start a gate with `config` (see benchmarks.gate_process); its stderr goes to `log`. `module`: the
        entry point (a diagnostic one, such as `benchmarks.timeline_gate`, takes the same argument)."""
        port = free_loopback_port()
        config = {**config, "metrics_port": port}
        env = {**os.environ, "OTEL_TRACES_EXPORTER": "none"}
        with log.open("ab") as sink:
            process = subprocess.Popen(
                module_command(module, json.dumps(config)),  # the build this one runs
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=sink,
            )
        return cls(process, port, log)

    def metrics(self) -> dict[str, float]:
        """Samples of /metrics as {"name{label=value,...}": value}."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=5) as reply:
            text = reply.read().decode()
        samples: dict[str, float] = {}
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
                samples[f"{sample.name}{{{labels}}}"] = sample.value
        return samples

    def ready(self) -> bool:
        """Whether /metrics answers (the gate has started serving)."""
        try:
            self.metrics()
        except OSError:
            return False
        return True

    def events(self) -> float:
        """Events this gate has decided so far (sum over verdicts and sources)."""
        return sum(v for k, v in self.metrics().items() if k.startswith("gate_events_total{"))

    def stop(self, timeout_s: float = 30.0) -> int | None:
        """SIGTERM (the gate finishes and commits its batch), SIGKILL if it does not exit in time."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def rss_kib(pid: int) -> int:
    """Resident set size of one process in KiB (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return 0
    return 0


def children(pid: int) -> list[int]:
    """The gate's worker processes, from /proc: the children of `pid`, a forkserver's children in its
    place (the pool forks its workers from one; its own CPU is its start and a fork per worker)."""
    found: list[int] = []
    for child in _direct_children(pid):
        try:
            forkserver = b"multiprocessing.forkserver" in Path(f"/proc/{child}/cmdline").read_bytes()
        except (FileNotFoundError, ProcessLookupError):
            continue
        found.extend(_direct_children(child) if forkserver else [child])
    return found


def _direct_children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.extend(int(c) for c in (task / "children").read_text().split())
        except FileNotFoundError:
            continue
    return found


def metric_delta(before: dict[str, float], after: dict[str, float], prefix: str) -> dict[str, float]:
    """after - before for every sample whose key starts with `prefix`."""
    return {k: after[k] - before.get(k, 0.0) for k in after if k.startswith(prefix)}
