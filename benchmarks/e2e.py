"""Part 3: end to end through the embedded broker with transactions on.

For each number of gate processes (1, 2; one worker process each, so the comparison is about scaling by
processes) and each batch size, the gates are started once, warmed up until every process has decided
events, then:
  throughput  N events produced at once; rate = N / (time from the first produce to the last verdict
              being readable by a read_committed consumer). Repeated `reps` times on the same processes.
  latency     events produced at half that rate for a few seconds; per event, produce -> verdict readable.
  breakdown   where the time goes per event, from the gates' own Prometheus metrics (stage and check sums
              divided by events decided) over the throughput runs.
"""

from __future__ import annotations

import itertools
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.broker_load import Collector, GateProcess, fresh_topics, ingest_event, metric_delta, producer
from benchmarks.stats import quantile, ratio_summary, summarize
from gate.provenance import DevPki


@dataclass(frozen=True, slots=True)
class Payload:
    """An image to send inline, and its media type."""

    data: bytes
    media_type: str
    parameters: dict[str, Any] | None = None  # None: the corpus's usual generation parameters


def gate_config(bootstrap: str, topics: Any, group: str, batch: int, pki: DevPki) -> dict[str, Any]:
    """Settings for one benchmark gate: transactional, one worker, Tansu-friendly session timeout."""
    return {
        "settings": {
            "bootstrap_servers": bootstrap,
            "group_id": group,
            "topics": topics.model_dump(),
            "workers": 1,
            "event_timeout_s": 10,
            "session_timeout_ms": 6000,
            "shutdown_timeout_s": 20,
            "batch": {"max_records": batch, "linger_ms": 20},
            "transactional_id": f"bench-tx-{uuid.uuid4().hex[:10]}",
            "kafka": {"log_level": "3"},
        },
        "pki": {
            "root_ca": str(pki.root_ca),
            "signer_chain": str(pki.signer_chain),
            "signer_key": str(pki.signer_key),
        },
    }


def _produce(bootstrap: str, topic: str, payloads: Sequence[Payload], prefix: str, n: int) -> list[bytes]:
    p = producer(bootstrap)
    keys = []
    for i, payload in zip(range(n), itertools.cycle(payloads), strict=False):
        key = f"{prefix}-{i}".encode()
        value = ingest_event(
            key.decode(), payload.media_type, data=payload.data, parameters=payload.parameters
        )
        p.produce(topic, value, key=key)
        keys.append(key)
        p.poll(0)
    p.flush(60)
    return keys


def _warm_up(
    bootstrap: str, topic: str, gates: list[GateProcess], collector: Collector, payloads: Sequence[Payload]
) -> None:
    """Until every gate has decided something (so the group is stable and workers are up)."""
    deadline = time.monotonic() + 120
    round_ = 0
    while True:
        keys = _produce(bootstrap, topic, payloads, f"warm{round_}", 8 * len(gates))
        collector.wait_for(keys, 120)
        if all(g.ready() and g.events() > 0 for g in gates):
            return
        if time.monotonic() > deadline:
            raise TimeoutError("gates did not all take part within 120 s")
        round_ += 1


def _breakdown(before: list[dict[str, float]], after: list[dict[str, float]]) -> dict[str, float]:
    """Milliseconds per event for each stage and check, summed over the gates."""
    totals: dict[str, float] = {}
    events = 0.0
    for b, a in zip(before, after, strict=True):
        events += sum(metric_delta(b, a, "gate_events_total{").values())
        for key, value in metric_delta(b, a, "gate_stage_duration_seconds_sum{").items():
            name = "stage:" + key.split("stage=")[1].rstrip("}")
            totals[name] = totals.get(name, 0.0) + value
        for key, value in metric_delta(b, a, "gate_check_duration_seconds_sum{").items():
            name = "check:" + key.split("check=")[1].rstrip("}")
            totals[name] = totals.get(name, 0.0) + value
    return {k: 1000.0 * v / events for k, v in sorted(totals.items())} if events else {}


def run_config(
    bootstrap: str,
    pki: DevPki,
    payloads: Sequence[Payload],
    *,
    processes: int,
    batch: int,
    events: int,
    reps: int,
    latency_s: float,
    log_dir: Path,
) -> dict[str, Any]:
    """Measure one (processes, batch size) configuration; returns JSON-ready numbers."""
    topics = fresh_topics(bootstrap, f"e2e-p{processes}-b{batch}")
    group = f"bench-{uuid.uuid4().hex[:8]}"
    collector = Collector(bootstrap, topics).start()
    gates = [
        GateProcess.start(
            gate_config(bootstrap, topics, group, batch, pki), log_dir / f"gate-p{processes}-b{batch}-{i}.log"
        )
        for i in range(processes)
    ]
    try:
        _warm_up(bootstrap, topics.ingest, gates, collector, payloads)
        before = [g.metrics() for g in gates]
        rates: list[float] = []
        for rep in range(reps):
            start = time.monotonic()
            keys = _produce(bootstrap, topics.ingest, payloads, f"rep{rep}", events)
            last = collector.wait_for(keys, 600)
            rates.append(events / (last - start))
        after = [g.metrics() for g in gates]
        latencies = _latency(
            bootstrap, topics.ingest, collector, payloads, rate=0.5 * min(rates), seconds=latency_s
        )
    finally:
        codes = [g.stop() for g in gates]
        collector.stop()
    return {
        "processes": processes,
        "batch": batch,
        "events_per_rep": events,
        "images_per_s": summarize(rates).as_dict(),
        "rates": rates,
        "latency_ms": {
            "offered_rate": 0.5 * min(rates),
            "events": len(latencies),
            "p50": quantile(latencies, 0.5) if latencies else None,
            "p99": quantile(latencies, 0.99) if latencies else None,
        },
        "ms_per_event": _breakdown(before, after),
        "verdict_topics": dict(collector.verdicts),
        "exit_codes": codes,
    }


def _latency(
    bootstrap: str,
    topic: str,
    collector: Collector,
    payloads: Sequence[Payload],
    *,
    rate: float,
    seconds: float,
) -> list[float]:
    p = producer(bootstrap)
    sent: dict[bytes, float] = {}
    interval = 1.0 / rate
    count = max(20, int(rate * seconds))
    events = [
        ingest_event(f"lat-{i}", pl.media_type, data=pl.data, parameters=pl.parameters)
        for i, pl in zip(range(count), itertools.cycle(payloads), strict=False)
    ]
    start = time.monotonic()
    for i, value in enumerate(events):
        due = start + i * interval
        while (now := time.monotonic()) < due:
            time.sleep(min(0.002, due - now))
        key = f"lat-{i}".encode()
        sent[key] = time.monotonic()
        p.produce(topic, value, key=key)
        p.poll(0)
    p.flush(60)
    collector.wait_for(list(sent), 300)
    return [1000.0 * (collector.arrived[k] - t) for k, t in sent.items()]


def run_e2e(
    bootstrap: str,
    pki: DevPki,
    payloads: Sequence[Payload],
    *,
    batches: Sequence[int],
    process_counts: Sequence[int],
    events: int,
    reps: int,
    latency_s: float,
    log_dir: Path,
) -> dict[str, Any]:
    """Every configuration, plus the scaling ratio (2 processes over 1) per batch size."""
    configs = []
    for batch in batches:
        for processes in process_counts:
            configs.append(
                run_config(
                    bootstrap, pki, payloads, processes=processes, batch=batch, events=events, reps=reps,
                    latency_s=latency_s, log_dir=log_dir,
                )
            )  # fmt: skip
    scaling = {}
    for batch in batches:
        by_processes = {c["processes"]: c["rates"] for c in configs if c["batch"] == batch}
        if 1 in by_processes and 2 in by_processes:
            scaling[str(batch)] = ratio_summary(by_processes[2], by_processes[1]).as_dict()
    return {
        "workers_per_process": 1,
        "partitions": 4,
        "payload_bytes": [len(p.data) for p in payloads],
        "configs": configs,
        "scaling_2_over_1": scaling,
    }
