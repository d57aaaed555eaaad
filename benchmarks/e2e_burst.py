"""One `gate run` against a pre-produced burst: its sustained rate, what the broker took, where time went.

The ingest topic is filled before the gate starts (the load generator's own rate is reported: it must be
far above the gate's), then one gate process starts with the given settings and drains it. The rate is
taken from the first verdicts readable (optionally after a warm-up share of the events) to the last, so
start-up does not count. It is timed after the drain by the verdicts' own record timestamps (the gate's
producer stamps each verdict as its transaction produces it), so no instrument polls the broker for it
while the gate runs: the gate's committed consumer offsets (committed in the verdicts' own transactions)
are watched only every 50 ms, to see the end. Every verdict is read and checked after the drain.
On request, the same gate then serves half that rate for a few seconds (p99 produce -> verdict readable)
and a few small bursts of fewer records than a batch (how long the last, partial batch waits).
"""

from __future__ import annotations

import itertools
import os
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.broker_load import (
    Collector,
    CommitWatch,
    GateProcess,
    children,
    fresh_topics,
    metric_delta,
    producer,
)
from benchmarks.e2e import Payload, _breakdown, _latency
from benchmarks.stats import quantile
from gate.provenance import DevPki

Event = tuple[bytes, bytes]  # key, ingest event value
IDLE_S = 1.5  # how long the idle stack is measured after the half-load stretch
PARTIAL_BURST = 5  # records per end-of-burst probe: fewer than any default batch
SHARP_WATCH_S = 0.005  # the drain's commit watch at its start and end (`CommitWatch`'s default)
PROBE_WATCH_S = 0.002  # the half-load stretch's offset watch: as sharp as the collector's 2 ms fetches
COARSE_WATCH_S = 0.05  # the commit watch's interval when the drain is timed by the verdicts' timestamps


def gate_settings(
    bootstrap: str, topics: Any, pki: DevPki, *, workers: int | None, batch: int | None
) -> dict[str, Any]:
    """`gate run` defaults, except what the benchmark must name: broker, group, topics, transactional id, and
    Tansu's slow group join (a 6 s session timeout). `workers`/`batch` None: the default."""
    settings: dict[str, Any] = {
        "bootstrap_servers": bootstrap,
        "group_id": f"bench-{uuid.uuid4().hex[:8]}",
        "topics": topics.model_dump(),
        "session_timeout_ms": 6000,
        "transactional_id": f"bench-tx-{uuid.uuid4().hex[:10]}",
        "kafka": {"log_level": "3"},
    }
    if workers is not None:
        settings["workers"] = workers
    if batch is not None:  # a fixed size: the batching curve turns the adaptive size off
        settings["batch"] = {"max_records": batch, "target_latency_ms": None}
    return {
        "settings": settings,
        "pki": {
            "root_ca": str(pki.root_ca),
            "signer_chain": str(pki.signer_chain),
            "signer_key": str(pki.signer_key),
        },
    }


def cpu_seconds(pid: int | None) -> float:
    """User + system CPU time of a process so far (0 when unknown)."""
    return 0.0 if pid is None else cpu_seconds_of(Path(f"/proc/{pid}/stat"))


def runner_threads_cpu(pid: int | None) -> dict[str, float]:
    """CPU seconds so far of a gate's runner process, split into its Python threads (the loop: consume,
    decode, pickling, produce calls, metrics) and librdkafka's own threads (named `rdk:*`: fetch, compress,
    send). A thread that ended in between is lost (none does while a gate runs)."""
    split = {"python": 0.0, "librdkafka": 0.0}
    if pid is None:
        return split
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return split
    for task in tasks:
        try:
            name = (task / "comm").read_text().strip()
        except OSError:
            continue
        split["librdkafka" if name.startswith("rdk:") else "python"] += cpu_seconds_of(task / "stat")
    return split


def cpu_seconds_of(stat: Path) -> float:
    """User + system CPU seconds from a /proc stat file (0 when it is gone)."""
    try:
        fields = stat.read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pre_produce(bootstrap: str, topic: str, events: Sequence[Event]) -> float:
    """Produce every event and wait for the broker to have them; the load generator's rate (events/s)."""
    p = producer(bootstrap)
    started = time.monotonic()
    for key, value in events:
        while True:
            try:
                p.produce(topic, value, key=key)
                break
            except BufferError:
                p.poll(0.01)
        p.poll(0)
    p.flush(120)
    return len(events) / (time.monotonic() - started)


def sustained_rate(arrivals: Sequence[float], warm_up: int = 0) -> float:
    """Events per second from the first verdicts becoming readable (after `warm_up` events) to the last.

    Verdicts become readable a transaction at a time, so the commit that passes the warm-up (at least the
    first commit) marks time zero and its events are not counted: what is left is the drain rate, start-up
    (worker spawn, group join, each fresh worker's first records) excluded. `arrivals`: one time per
    event, when its verdict became readable (here: when the gate's committed offsets passed it, see
    `CommitWatch`).
    """
    ordered = sorted(arrivals)
    zero = ordered[min(max(0, warm_up), len(ordered) - 1)]
    counted = sum(1 for t in ordered if t > zero)
    span = ordered[-1] - zero
    return counted / span if span > 0 else float("inf")


def breakdown(metrics: dict[str, float]) -> dict[str, float]:
    """Milliseconds per decided event for each runner stage and each check, from one fresh gate's metrics."""
    return _breakdown([{}], [metrics])


def burst_run(
    bootstrap: str,
    pki: DevPki,
    events: Sequence[Event],
    *,
    workers: int | None,
    batch: int | None,
    log: Path,
    broker_pid: int | None,
    probes: Sequence[Payload] = (),
    latency_s: float = 0.0,
    latency_rate: float | None = None,
    latency_share: float = 0.5,
    gate_module: str = "benchmarks.gate_process",
    stamps: dict[bytes, tuple[float, float]] | None = None,
    warm_up: float = 0.0,
    collector_wait_ms: int = 2,
    watching: str = "coarse",
    pin_workers: bool = False,
    readable_by: str = "offsets",
) -> dict[str, Any]:
    """Drain `events` with one fresh gate; with `probes`, then measure latency on the same gate, at
    `latency_share` of the drain rate (half by default) or at `latency_rate` events/s (the same offered load
    for an A/B of two builds).
    `gate_module`: the gate's entry point; `stamps`: each probe's produce and verdict-read times;
    `warm_up`: the share of the events decided before the rate's clock starts (besides the first commit);
    `collector_wait_ms`: the verdict collector's fetch wait (its polling loads the broker at half load);
    `watching`: how the drain's commits are watched while it runs: "coarse" (the default) every 50 ms, only
    to see the end, and the rate `images_per_s` is read afterwards from the verdicts' own timestamps
    (`images_per_s_stamped`, which every drain reports; the same as the sharp watch's within 1-2% in the
    same drains); "sharp" polls every 5 ms at the drain's start and end and reads the rate from the watch.
    The instrument's CPU (this process) is reported either way. `pin_workers` (a diagnostic): once the
    gate commits, worker i is bound to CPU i (the runner and broker stay free).
    `readable_by`: how the half-load stretch sees a verdict readable: "offsets" (the default: the collector
    stopped, the gate's committed ingest offsets polled every 2 ms, `CommitWatch.readable_at`; one
    OffsetFetch a poll), "collector" (reads every verdict partition, a read_committed fetch of 12
    partitions every `collector_wait_ms`: 0.12-0.13 more cores of broker at half load, measured), "both"
    (p99 of each reported; the same stretch gave 438/435, 60/59, 446/447, 618/652, 55/54, 53/53 ms)."""
    topics = fresh_topics(bootstrap, f"e2e-w{workers}-b{batch}")
    loadgen_rate = pre_produce(bootstrap, topics.ingest, events)
    config = gate_settings(bootstrap, topics, pki, workers=workers, batch=batch)
    skipped = int(warm_up * len(events))
    watch = CommitWatch(
        bootstrap, topics.ingest, config["settings"]["group_id"], expected=len(events), warm_up=skipped,
        interval_s=COARSE_WATCH_S if watching == "coarse" else SHARP_WATCH_S,
    ).start()  # fmt: skip
    gate = GateProcess.start(config, log, gate_module)
    collector: Collector | None = None
    result: dict[str, Any] = {}
    try:
        deadline = time.monotonic() + 180
        while not watch.committed:
            if time.monotonic() > deadline or gate.process.poll() is not None:
                raise RuntimeError(f"the gate decided nothing (exit {gate.process.poll()}); see {log}")
            time.sleep(0.005)
        if pin_workers:
            cpus = sorted(os.sched_getaffinity(0))
            for i, child in enumerate(sorted(children(gate.process.pid))):
                os.sched_setaffinity(child, {cpus[i % len(cpus)]})
        broker_before, wall_before = cpu_seconds(broker_pid), time.monotonic()
        gate_before = cpu_seconds(gate.process.pid)
        workers_before = _workers_cpu(gate.process.pid)
        threads_before = runner_threads_cpu(gate.process.pid)
        woken_before = _stack_wakeups(gate.process.pid, broker_pid)
        io_before = {"runner": io_bytes(gate.process.pid)}
        faults_before = _stack_faults(gate.process.pid, broker_pid)
        instrument_before = cpu_seconds_of(Path("/proc/self/stat"))
        watch.wait_for(len(events), 600)
        instrument_cpu = cpu_seconds_of(Path("/proc/self/stat")) - instrument_before
        broker_cpu, wall = cpu_seconds(broker_pid) - broker_before, time.monotonic() - wall_before
        gate_cpu = cpu_seconds(gate.process.pid) - gate_before  # the runner process (workers are children)
        workers_cpu = _workers_cpu(gate.process.pid) - workers_before
        threads = runner_threads_cpu(gate.process.pid)
        woken = _stack_wakeups(gate.process.pid, broker_pid)
        io_after = {"runner": io_bytes(gate.process.pid)}
        faults = _stack_faults(gate.process.pid, broker_pid)
        watch.stop()
        metrics = gate.metrics()
        result = {
            "workers": workers,
            "batch": batch,
            "events": len(events),
            "images_per_s": sustained_rate(watch.arrivals[: len(events)], skipped),
            "warm_up_events": skipped,
            "loadgen_per_s": loadgen_rate,
            "broker_cpu_share": broker_cpu / wall if wall > 0 else None,
            "broker_cpu_ms_per_event": 1000.0 * broker_cpu / len(events),
            "runner_cpu_ms_per_event": 1000.0 * gate_cpu / len(events),
            "workers_cpu_ms_per_event": 1000.0 * workers_cpu / len(events),
            "runner_python_cpu_ms_per_event": 1000.0
            * (threads["python"] - threads_before["python"])
            / len(events),
            "runner_librdkafka_cpu_ms_per_event": (
                1000.0 * (threads["librdkafka"] - threads_before["librdkafka"]) / len(events)
            ),
            "wakeups_per_event": {part: (woken[part] - woken_before[part]) / len(events) for part in woken},
            # Minor page faults per event: pages the kernel had to map (and zero) afresh for each part.
            "minor_faults_per_event": {
                part: (faults[part] - faults_before[part]) / len(events) for part in faults
            },
            # Bytes the runner read and wrote through its pipes per event (the workers' records out, their
            # results in; sockets are not counted: librdkafka uses send and recv).
            "io_kb_per_event": {
                f"{part}_{way}": (io_after[part][way] - io_before[part][way]) / 1024 / len(events)
                for part in io_after
                for way in ("read", "written")
            },
            "load_average": os.getloadavg()[0],
            "ms_per_event": breakdown(metrics),
            "chosen_batch_records": metrics.get("gate_batch_target_records{}"),
            # The drain's own instrument: this process (the commit watch's polling; nothing else runs here
            # meanwhile). Its broker requests are in the broker's figure.
            "watch": watching,
            "pinned": pin_workers,
            "instrument_cpu_ms_per_event": 1000.0 * instrument_cpu / len(events),
            "transactions": sum(
                metric_delta({}, metrics, "gate_transactions_total{outcome=committed}").values()
            ),
        }
        # Every verdict is read after the drain (checked, counted per topic), not during it.
        collector = Collector(bootstrap, topics, fetch_wait_ms=collector_wait_ms).start()
        collector.wait_for([key for key, _ in events], 600)
        stamps_of_drain = [collector.stamped[key] for key, _ in events if key in collector.stamped]
        result["images_per_s_stamped"] = (
            sustained_rate(stamps_of_drain, skipped) if len(stamps_of_drain) == len(events) else None
        )
        result["images_per_s_watch"] = result["images_per_s"]
        if watching == "coarse":
            if result["images_per_s_stamped"] is None:
                raise RuntimeError("a verdict without a producer timestamp: the drain cannot be timed")
            result["images_per_s"] = result["images_per_s_stamped"]
        if probes:
            rate = latency_rate or latency_share * result["images_per_s"]
            before, started = gate.metrics(), time.monotonic()
            cpu_before = _stack_cpu(gate.process.pid, broker_pid)
            woken_before = _stack_wakeups(gate.process.pid, broker_pid)
            probe_watch = None
            if readable_by in ("offsets", "both"):
                if readable_by == "offsets":
                    collector.stop()  # its polling would load the broker the gate shares
                    collector = None
                probe_watch = CommitWatch(
                    bootstrap, topics.ingest, config["settings"]["group_id"], interval_s=PROBE_WATCH_S
                ).start()
            by_collector: list[float] = []
            latencies = _latency(
                bootstrap, topics.ingest, collector, probes, rate=rate, seconds=latency_s, stamps=stamps,
                watch=probe_watch, by_collector=by_collector,
            )  # fmt: skip
            after, seconds = gate.metrics(), time.monotonic() - started
            cpu_after = _stack_cpu(gate.process.pid, broker_pid)
            woken_after = _stack_wakeups(gate.process.pid, broker_pid)
            result["half_load"] = {
                "offered_per_s": rate,
                "events": len(latencies),
                "p50_ms": quantile(latencies, 0.5),
                "p99_ms": quantile(latencies, 0.99),
                "batch_records": _batch_records(after, before),
                # CPU per offered event (the runner process, the broker) over the half-load stretch
                **{
                    f"{part}_cpu_ms_per_event": 1000.0
                    * (cpu_after[part] - cpu_before[part])
                    / max(1, len(latencies))
                    for part in ("runner", "broker")
                },
                # Wake-ups per offered event, part by part (a part that polls wakes whether or not
                # records come: its figure grows as the rate falls)
                "wakeups_per_event": {
                    part: (woken_after[part] - woken_before[part]) / max(1, len(latencies))
                    for part in woken_after
                },
                # How busy the machine was: cores each part of the stack took over the stretch
                "cores": {
                    part: (cpu_after[part] - cpu_before[part]) / seconds if seconds > 0 else None
                    for part in cpu_after
                },
                **_half_load_inside(before, after, seconds),
            }
            if by_collector:
                result["half_load"]["p99_ms_by_collector"] = quantile(by_collector, 0.99)
                result["half_load"]["p50_ms_by_collector"] = quantile(by_collector, 0.5)
            result["half_load"]["readable_by"] = readable_by
            result["half_load"]["idle_cores"] = idle_cores(gate.process.pid, broker_pid)
            if probe_watch is not None:
                probe_watch.stop()
            if collector is None:  # read every verdict again (counted per topic) and time the bursts
                collector = Collector(bootstrap, topics, fetch_wait_ms=collector_wait_ms).start()
                collector.wait_for([key for key, _ in events], 600)
            result["partial_batch_ms"] = _partial_bursts(bootstrap, topics.ingest, collector, probes)
        result["verdict_topics"] = dict(collector.verdicts)
    finally:
        result_code = gate.stop()
        watch.stop()
        if collector is not None:
            collector.stop()
    result["exit_code"] = result_code
    return result


def _stack_cpu(gate_pid: int, broker_pid: int | None) -> dict[str, float]:
    """CPU seconds so far of each part of the stack: the gate's runner process, its workers, the broker,
    and this process (the load generator and the verdict collector, whose requests load the broker too)."""
    return {
        "runner": cpu_seconds(gate_pid),
        "workers": _workers_cpu(gate_pid),
        "broker": cpu_seconds(broker_pid),
        "load_generator": cpu_seconds_of(Path("/proc/self/stat")),
    }


def idle_cores(gate_pid: int, broker_pid: int | None, seconds: float = IDLE_S) -> dict[str, float]:
    """Cores each part of the stack takes with nothing offered and the instruments on (the collector
    polling, the gate's consumer fetching): what half load pays whatever its rate, for `seconds`."""
    time.sleep(0.3)  # the last half-load verdicts settle
    before, started = _stack_cpu(gate_pid, broker_pid), time.monotonic()
    time.sleep(seconds)
    after, elapsed = _stack_cpu(gate_pid, broker_pid), time.monotonic() - started
    return {part: (after[part] - before[part]) / elapsed for part in after}


def wakeups(pid: int | None) -> int:
    """Voluntary context switches of every thread of a process so far: each is a wait that ended (a
    wake-up), so their rate per event says how much a part polls or waits in short slices."""
    if pid is None:
        return 0
    total = 0
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            for line in (task / "status").read_text().splitlines():
                if line.startswith("voluntary_ctxt_switches:"):
                    total += int(line.split()[1])
        except OSError:
            continue  # a thread that ended in between
    return total


def io_bytes(pid: int | None) -> dict[str, int]:
    """Bytes a process has read and written so far through read/write calls (/proc/PID/io's rchar and
    wchar: pipes and files, not send/recv on sockets); zeros when unknown."""
    if pid is None:
        return {"read": 0, "written": 0}
    try:
        fields = dict(line.split(": ") for line in Path(f"/proc/{pid}/io").read_text().splitlines())
    except (OSError, ValueError):
        return {"read": 0, "written": 0}
    return {"read": int(fields.get("rchar", 0)), "written": int(fields.get("wchar", 0))}


def minor_faults(pid: int | None) -> int:
    """Minor page faults of a process so far (0 when unknown)."""
    if pid is None:
        return 0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[7])


def _stack_faults(gate_pid: int, broker_pid: int | None) -> dict[str, int]:
    """Minor page faults so far of the runner, its workers and the broker."""
    return {
        "runner": minor_faults(gate_pid),
        "workers": sum(minor_faults(child) for child in children(gate_pid)),
        "broker": minor_faults(broker_pid),
    }


def _stack_wakeups(gate_pid: int, broker_pid: int | None) -> dict[str, int]:
    """Wake-ups so far of each part of the stack (as `_stack_cpu`)."""
    return {
        "runner": wakeups(gate_pid),
        "workers": sum(wakeups(child) for child in children(gate_pid)),
        "broker": wakeups(broker_pid),
        "load_generator": wakeups(os.getpid()),
    }


def _workers_cpu(pid: int) -> float:
    """CPU seconds of a gate's worker processes so far (its children; a replaced worker's are lost)."""
    return sum(cpu_seconds(child) for child in children(pid))


def _batch_records(after: dict[str, float], before: dict[str, float]) -> float | None:
    """Mean records per committed batch between two metric samples (the half-load batches)."""
    count = after.get("gate_batch_size_records_count{}", 0.0) - before.get(
        "gate_batch_size_records_count{}", 0.0
    )
    total = after.get("gate_batch_size_records_sum{}", 0.0) - before.get("gate_batch_size_records_sum{}", 0.0)
    return total / count if count else None


def _half_load_inside(before: dict[str, float], after: dict[str, float], seconds: float) -> dict[str, Any]:
    """The gate's own view of the half-load events: its part of the latency (first record fetched ->
    committed, mean), transactions per second, the size it chose, ms per event per stage, load average."""
    count = metric_delta(before, after, "gate_event_duration_seconds_count{")
    total = metric_delta(before, after, "gate_event_duration_seconds_sum{")
    events = sum(count.values())
    committed = metric_delta(before, after, "gate_transactions_total{outcome=committed}")
    return {
        "gate_fetch_to_commit_ms": 1000.0 * sum(total.values()) / events if events else None,
        "transactions_per_s": sum(committed.values()) / seconds if seconds > 0 else None,
        "chosen_batch_records": after.get("gate_batch_target_records{}"),
        "ms_per_event": _breakdown([before], [after]),
        "load_average": os.getloadavg()[0],
    }


def _partial_bursts(
    bootstrap: str, topic: str, collector: Collector, payloads: Sequence[Payload], bursts: int = 5
) -> list[float]:
    """Per small burst on an idle gate: ms from its flush to its last verdict being readable."""
    from benchmarks.broker_load import ingest_event  # noqa: PLC0415

    p = producer(bootstrap)
    out = []
    for b in range(bursts):
        time.sleep(0.5)  # idle: the previous burst is decided and the gate waits for records
        keys = [f"partial-{b}-{i}".encode() for i in range(PARTIAL_BURST)]
        for key, payload in zip(keys, itertools.cycle(payloads), strict=False):
            p.produce(topic, ingest_event(key.decode(), payload.media_type, data=payload.data), key=key)
        p.flush(30)
        flushed = time.monotonic()
        last = collector.wait_for(keys, 60)
        out.append(1000.0 * (last - flushed))
    return out
