"""Part 3: end to end through the embedded broker with transactions on.

`run_e2e` (the issue-18 measurements; each run drains a pre-produced burst, see `benchmarks.e2e_burst`):
  efficiency  per repetition, `gate run` with default settings (2 workers here) and with 1 worker, each
              against the decision core evaluating the same events in process with as many worker
              processes (`benchmarks.e2e_core`); the ratio is taken inside the repetition.
  scaling     default workers over 1 worker, per repetition; with the broker's CPU share.
  curve       throughput per fixed batch size (the adaptive size off), every size once a round over
              several rounds, the order rotated each round; medians, and each step as a paired ratio.
  latency     on the default gate of the first repetition: half its rate for a few seconds (p50/p99
              produce -> verdict readable), then small bursts of fewer records than a batch.
  breakdown   ms per event per runner stage and check, from each gate's own metrics.

`run_config` (used by the pixel-check benchmark): gate processes of one worker each, warmed up, then
bursts produced while they run; rate = N / (first produce -> last verdict readable).
"""

from __future__ import annotations

import itertools
import os
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.broker_load import (
    Collector,
    CommitWatch,
    GateProcess,
    fresh_topics,
    ingest_event,
    metric_delta,
    producer,
)
from benchmarks.stats import quantile, ratio_summary, summarize
from gate.provenance import DevPki

# Each point of the batching curve drains at least this many batches of its size.
CURVE_BATCHES_PER_POINT = 6
# The share of a drain's events decided before its rate's clock starts (besides the first commit): each
# fresh worker's first records load code and fill caches (the in-process core leaves out its first four).
WARM_UP_SHARE = 0.1


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
    collector: Collector | None,
    payloads: Sequence[Payload],
    *,
    rate: float,
    seconds: float,
    stamps: dict[bytes, tuple[float, float]] | None = None,
    watch: CommitWatch | None = None,
    by_collector: list[float] | None = None,
) -> list[float]:
    """Produce at `rate` for `seconds`; ms from each produce() to its verdict readable. `stamps` receives
    both times per key (monotonic), for a per-record timeline (`benchmarks.e2e_timeline`).

    Readable: when `collector` read the verdict, or with `watch` (the gate's committed offsets on the
    ingest topic, polled) when the input's offset was committed, which the gate does in the verdict's own
    transaction; one request every poll instead of a fetch of every verdict partition. With both, the
    watch's figures are returned and the collector's appended to `by_collector` (to compare the two)."""
    p = producer(bootstrap, linger_ms=0)  # each event sent when due, not after the client's linger
    sent: dict[bytes, float] = {}
    placed: dict[bytes, tuple[int, int]] = {}

    def delivered(err: Any, message: Any) -> None:
        if err is None:
            placed[message.key()] = (message.partition(), message.offset())

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
        p.produce(topic, value, key=key, on_delivery=delivered if watch is not None else None)
        p.poll(0)
    p.flush(60)
    if watch is None:
        assert collector is not None
        collector.wait_for(list(sent), 300)
        arrived = {k: collector.arrived[k] for k in sent}
    else:
        arrived = _readable_by_offsets(watch, sent, placed, 300)
        if collector is not None and by_collector is not None:
            collector.wait_for(list(sent), 300)
            by_collector.extend(1000.0 * (collector.arrived[k] - t) for k, t in sent.items())
    if stamps is not None:
        stamps.update({k: (t, arrived[k]) for k, t in sent.items()})
    return [1000.0 * (arrived[k] - t) for k, t in sent.items()]


def _readable_by_offsets(
    watch: CommitWatch, sent: dict[bytes, float], placed: dict[bytes, tuple[int, int]], timeout_s: float
) -> dict[bytes, float]:
    """Per key, when the gate's committed offsets passed its input record (waits until all did)."""
    if len(placed) < len(sent):
        raise RuntimeError(f"{len(sent) - len(placed)} probes were not delivered to the ingest topic")
    deadline = time.monotonic() + timeout_s
    while True:
        arrived = {k: watch.readable_at(*placed[k]) for k in sent}
        if all(v is not None for v in arrived.values()):
            return {k: v for k, v in arrived.items() if v is not None}
        if time.monotonic() > deadline:
            raise TimeoutError("not every probe's offset was committed in time")
        time.sleep(0.05)


def signing_factory(pki: DevPki) -> Any:
    """The worker recipe of every end-to-end benchmark's gate: the dev PKI's root trusted, its signer
    signing, the default policy and fetch rules (the in-process core builds the same, to compare with)."""
    from gate.assets import FetchPolicy  # noqa: PLC0415
    from gate.worker.assembly import PipelineSpec  # noqa: PLC0415
    from gate.worker.processor import GateProcessorFactory  # noqa: PLC0415

    return GateProcessorFactory(
        spec=PipelineSpec(
            trust_anchors=(pki.root_ca,), signer_chain=pki.signer_chain, signer_key=pki.signer_key
        ),
        fetch=FetchPolicy(),
    )


def run_e2e(
    bootstrap: str,
    pki: DevPki,
    payloads: Sequence[Payload],
    *,
    events: int,
    reps: int,
    curve_batches: Sequence[int],
    curve_events: int,
    curve_rounds: int,
    latency_s: float,
    log_dir: Path,
    broker_pid: int | None,
) -> dict[str, Any]:
    """Efficiency (gate / in-process core, same worker count) and scaling per repetition, the batching
    curve, latency at half load and at the end of a burst. See `benchmarks.e2e_burst`."""
    from benchmarks.broker_load import ingest_event  # noqa: PLC0415
    from benchmarks.e2e_burst import burst_run  # noqa: PLC0415
    from benchmarks.e2e_core import core_rate  # noqa: PLC0415
    from gate.settings import GateSettings  # noqa: PLC0415

    os.environ.setdefault("OTEL_TRACES_EXPORTER", "none")  # as the gate processes run (see GateProcess)
    factory = signing_factory(pki)
    default_workers = GateSettings.model_fields["workers"].get_default(call_default_factory=True)

    def event_stream(count: int) -> list[tuple[bytes, bytes]]:
        return [
            (f"ev-{i}".encode(), ingest_event(f"ev-{i}", p.media_type, data=p.data, parameters=p.parameters))
            for i, p in zip(range(count), itertools.cycle(payloads), strict=False)
        ]

    stream = event_stream(events)
    values = [value for _, value in stream]
    from benchmarks.ipc_copy import ipc_cost, pool_queueing  # noqa: PLC0415

    ipc = ipc_cost()
    queueing = pool_queueing()
    counts = sorted({default_workers, 1}, reverse=True)
    repetitions: list[dict[str, Any]] = []
    for rep in range(reps):
        row: dict[str, Any] = {}
        # Interleaved, and the order alternates: the broker keeps every earlier topic in memory and the
        # machine's other load drifts, so whichever case ran second would otherwise always pay for it.
        for workers in counts if rep % 2 == 0 else counts[::-1]:
            core = core_rate(factory, values, workers)
            gate = burst_run(
                bootstrap, pki, stream, workers=None if workers == default_workers else workers, batch=None,
                log=log_dir / f"e2e-rep{rep}-w{workers}.log", broker_pid=broker_pid,
                probes=payloads if rep == 0 and workers == default_workers else (), latency_s=latency_s,
                warm_up=WARM_UP_SHARE,
            )  # fmt: skip
            row[str(workers)] = {"core_per_s": core, "gate": gate, "ratio": gate["images_per_s"] / core}
        repetitions.append({str(w): row[str(w)] for w in counts})
    curve = batching_curve(
        lambda batch, round_: burst_run(
            bootstrap,
            pki,
            # At least CURVE_BATCHES_PER_POINT batches: a drain of one or two batches measures the
            # start and the last partial batch, not what that batch size sustains.
            event_stream(max(curve_events, CURVE_BATCHES_PER_POINT * batch)),
            workers=None,
            batch=batch,
            log=log_dir / f"e2e-curve-b{batch}-r{round_}.log",
            broker_pid=broker_pid,
            warm_up=WARM_UP_SHARE,
        ),
        curve_batches,
        curve_rounds,
    )
    efficiency = {
        str(w): ratio_summary(
            [r[str(w)]["gate"]["images_per_s"] for r in repetitions],
            [r[str(w)]["core_per_s"] for r in repetitions],
        ).as_dict()
        for w in counts
    }
    scaling = core_scaling = None
    if len(counts) == 2:
        scaling = ratio_summary(
            [r[str(counts[0])]["gate"]["images_per_s"] for r in repetitions],
            [r["1"]["gate"]["images_per_s"] for r in repetitions],
        ).as_dict()
        # The same ratio for the in-process core, per repetition: what this machine lets any 2 processes
        # gain over 1 at the moment (the cores are shared with the broker and whatever else runs).
        core_scaling = ratio_summary(
            [r[str(counts[0])]["core_per_s"] for r in repetitions],
            [r["1"]["core_per_s"] for r in repetitions],
        ).as_dict()
    return {
        "default_workers": default_workers,
        "partitions": 4,
        "events_per_rep": events,
        "warm_up_share": WARM_UP_SHARE,
        "payload_bytes": [len(p.data) for p in payloads],
        "repetitions": repetitions,
        "efficiency": efficiency,
        "scaling": scaling,
        "core_scaling": core_scaling,
        "batching_curve": curve["points"],
        "batching_steps": curve["steps"],
        "curve_rounds": curve_rounds,
        "ipc_copy": ipc,
        "pool_queueing": queueing,
        "goals": GOALS,
    }


GOALS = {"efficiency": 0.75, "p99_half_load_ms": 100.0, "scaling": 1.7}


def batching_curve(
    drain: Callable[[int, int], dict[str, Any]], batches: Sequence[int], rounds: int
) -> dict[str, Any]:
    """Every batch size drained once per round, `drain(batch, round)`, the order rotated each round.

    A point is the median of its rounds; a step (one size to the next) is the median of the ratios taken
    inside each round, so the machine's drift between rounds cancels, and a size never always runs first
    or last (the broker keeps every earlier topic in memory; the machine's other load comes and goes).
    """
    runs: dict[int, list[dict[str, Any]]] = {batch: [] for batch in batches}
    for round_ in range(rounds):
        shift = round_ % len(batches)
        for batch in [*batches[shift:], *batches[:shift]]:
            runs[batch].append(drain(batch, round_))
    points = []
    for batch in batches:
        rates = [run["images_per_s"] for run in runs[batch]]
        points.append(
            {
                "batch": batch,
                "events": runs[batch][0]["events"],
                "images_per_s": summarize(rates).median,
                "summary": summarize(rates).as_dict(),
                "rates": rates,
                "load_averages": [run.get("load_average") for run in runs[batch]],
            }
        )
    steps = [
        {
            "from": a["batch"],
            "to": b["batch"],
            "ratio": ratio_summary(b["rates"], a["rates"]).as_dict(),
        }
        for a, b in itertools.pairwise(points)
    ]
    return {"points": points, "steps": steps}
