"""Where a record's produce -> verdict readable goes, leg by leg (a diagnostic, not a benchmark figure).

`python -P -m benchmarks.e2e_timeline [--rate R] [--seconds S] [--events N]` (with the repository root on
the path, as `make bench` starts the benchmarks): starts the embedded broker and one default gate through
`benchmarks.timeline_gate`, drains N events, offers R events/s for S seconds (default: half the drain
rate) and prints, per leg, mean / p50 / p90 / p99 ms over the offered records (the first tenth left out),
then each transaction's phases and how busy the commit thread was. Legs: produce -> consumed (the
producer, the broker's fetch wait), the batch closing, submit, the pool dealing it, waiting for a worker,
the evaluation, the answer read, waiting to be taken for a commit (the commit in flight, older batches),
the transaction, and commit -> readable. On a loaded machine every leg that needs a core grows.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import tempfile
from pathlib import Path
from typing import Any

LEGS: list[tuple[str, str, str]] = [
    ("produce -> consumed", "produced", "consumed"),
    ("consumed -> batch closed", "consumed", "closed"),
    ("closed -> submitted", "closed", "submitted"),
    ("submitted -> sent to a worker", "submitted", "sent"),
    ("sent -> worker starts it", "sent", "worker_start"),
    ("evaluation", "worker_start", "worker_end"),
    ("worker end -> result read", "worker_end", "result"),
    ("result -> taken for a commit", "result", "taken"),
    ("taken -> transaction starts", "taken", "commit_start"),
    ("transaction", "commit_start", "commit_end"),
    ("commit end -> collected by the loop", "commit_end", "collected"),
    ("commit end -> verdict read", "commit_end", "readable"),
    ("produce -> verdict read", "produced", "readable"),
]
PHASES = [
    ("begin", "begin_transaction.start", "begin_transaction.end"),
    ("produce calls", "begin_transaction.end", "send_offsets_to_transaction.start"),
    ("offsets", "send_offsets_to_transaction.start", "send_offsets_to_transaction.end"),
    ("flush", "flush.start", "flush.end"),
    ("commit", "commit_transaction.start", "commit_transaction.end"),
    ("whole", "start", "end"),
]


def mixed_50kb_load(pki: Any, count: int) -> tuple[list[Any], list[tuple[bytes, bytes]]]:
    """The benchmark's ~50 KB images (JPEG/PNG, signed and unsigned synthetic) as payloads, and `count`
    (key, ingest event) pairs cycling through them, inline: the load the e2e timeline and A/B runs offer."""
    from benchmarks.broker_load import ingest_event  # noqa: PLC0415
    from benchmarks.corpus_images import build_image_cases  # noqa: PLC0415
    from benchmarks.e2e import Payload  # noqa: PLC0415

    cases = build_image_cases(pki, per_case=1)
    payloads = [Payload(c.images[0], c.media_type) for c in cases if c.size_class == "50KB"]
    events = [
        (f"ev-{i}".encode(), ingest_event(f"ev-{i}", p.media_type, data=p.data, parameters=p.parameters))
        for i, p in zip(range(count), itertools.cycle(payloads), strict=False)
    ]
    return payloads, events


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _row(name: str, values: list[float]) -> str:
    if not values:
        return f"| {name} | - | - | - | - |"
    cells = [statistics.mean(values), *(_quantile(values, q) for q in (0.5, 0.9, 0.99))]
    return f"| {name} | " + " | ".join(f"{v:.2f}" for v in cells) + " |"


def _requests_per_transaction(requests: list[dict[str, float]], txs: list[dict[str, Any]]) -> str:
    """Produce (and AddPartitionsToTxn) requests per transaction over the offered stretch, from the
    producer's statistics: one produce request per partition a transaction touches."""
    inside = [r for r in requests if txs[0]["start"] <= r["at"] <= txs[-1]["end"]]
    if len(inside) < 2:
        return "produce requests per transaction: - (no statistics in the stretch)"
    first, last = inside[0], inside[-1]
    count = sum(1 for t in txs if first["at"] <= t["end"] <= last["at"])
    if not count:
        return "produce requests per transaction: - (no transaction between two statistics)"
    per = {name: (last[name] - first[name]) / count for name in ("Produce", "AddPartitionsToTxn", "EndTxn")}
    return (
        f"produce requests per transaction {per['Produce']:.2f}, "
        f"AddPartitionsToTxn {per['AddPartitionsToTxn']:.2f}, EndTxn {per['EndTxn']:.2f} "
        f"({count} transactions)"
    )


def _tail(times: dict[str, dict[str, float]], keys: list[str], share: float = 0.02) -> list[str]:
    """What the slowest records' produce -> verdict read is made of: per leg, the mean over the slowest
    `share` of records next to the mean over all (the p99 is a few records; their legs say why)."""
    whole = {k: times["readable"][k] - times["produced"][k] for k in keys}
    slow = sorted(keys, key=whole.__getitem__)[-max(1, int(share * len(keys))) :]
    lines = [
        f"the slowest {len(slow)} records (from {1000.0 * whole[slow[0]]:.0f} ms): mean ms per leg, "
        "against all records",
        "",
        "| leg | slowest | all |",
        "|---|---:|---:|",
    ]
    for name, start, end in LEGS:
        legs = [1000.0 * (times[end][k] - times[start][k]) for k in slow]
        every = [1000.0 * (times[end][k] - times[start][k]) for k in keys]
        lines.append(f"| {name} | {statistics.mean(legs):.2f} | {statistics.mean(every):.2f} |")
    return lines


def report(directory: Path, stamps: dict[bytes, tuple[float, float]]) -> str:
    """The legs table and the transactions' phases from a run's stamps (see `benchmarks.timeline_gate`)."""
    runner = json.loads(next(directory.glob("runner-*.json")).read_text())
    times: dict[str, dict[str, float]] = dict(runner["stamps"])
    times["produced"] = {k.decode(): sent for k, (sent, _read) in stamps.items()}
    times["readable"] = {k.decode(): read for k, (_sent, read) in stamps.items()}
    times["worker_start"], times["worker_end"] = {}, {}
    for sink in directory.glob("worker-*.tsv"):
        for line in sink.read_text().splitlines():
            key, start, end = line.split("\t")
            times["worker_start"][key], times["worker_end"][key] = float(start), float(end)
    keys = [k for k in times["produced"] if all(k in times[step] for _n, _a, step in LEGS)]
    keys = keys[len(keys) // 10 :]  # the offered rate settles first
    lines = [f"{len(keys)} records", "", "| leg | mean ms | p50 | p90 | p99 |", "|---|---:|---:|---:|---:|"]
    for name, start, end in LEGS:
        lines.append(_row(name, [1000.0 * (times[end][k] - times[start][k]) for k in keys]))
    lines += ["", *_tail(times, keys)]
    first = min((times["produced"][k] for k in keys), default=0.0)
    txs = [t for t in runner["transactions"] if t["start"] >= first]
    if txs:
        span = txs[-1]["end"] - txs[0]["start"]
        busy = sum(t["end"] - t["start"] for t in txs) / span if span > 0 else 0.0
        mean_records = statistics.mean(t["records"] for t in txs)
        lines += [
            "",
            f"{len(txs)} transactions, {mean_records:.2f} records each, commit thread busy {busy:.0%}",
        ]
        lines.append(_requests_per_transaction(runner.get("requests", []), txs))
        lines += ["", "| phase | mean ms | p50 | p90 | p99 |", "|---|---:|---:|---:|---:|"]
        for name, start, end in PHASES:
            values = [1000.0 * (t[end] - t[start]) for t in txs if start in t and end in t]
            lines.append(_row(name, values))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run one timeline and print it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=None, help="offered events/s (default: half the drain)")
    parser.add_argument(
        "--share", type=float, default=0.5, help="without --rate: offer this share of the drain's rate"
    )
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--events", type=int, default=300, help="events drained first (warms the gate up)")
    args = parser.parse_args(argv)
    from benchmarks.e2e_burst import burst_run  # noqa: PLC0415
    from gate.broker import EmbeddedBroker  # noqa: PLC0415
    from gate.provenance import create_dev_pki  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="gate-timeline-") as tmp:
        directory = Path(tmp) / "stamps"
        directory.mkdir()
        os.environ["GATE_TIMELINE_DIR"] = str(directory)  # the gate and its workers inherit it
        pki = create_dev_pki(Path(tmp) / "pki")
        payloads, events = mixed_50kb_load(pki, args.events)
        stamps: dict[bytes, tuple[float, float]] = {}
        with EmbeddedBroker() as broker:
            result: dict[str, Any] = burst_run(
                broker.bootstrap_servers, pki, events, workers=None, batch=None, log=Path(tmp) / "gate.log",
                broker_pid=broker.pid, probes=payloads, latency_s=args.seconds, latency_rate=args.rate,
                latency_share=args.share,
                gate_module="benchmarks.timeline_gate", stamps=stamps,
            )  # fmt: skip
        half = result["half_load"]
        print(
            f"offered {half['offered_per_s']:.0f} events/s (drain {result['images_per_s']:.0f}/s): "
            f"p50 {half['p50_ms']:.1f} ms, p99 {half['p99_ms']:.1f} ms; load average {os.getloadavg()[0]:.1f}"
        )
        cpu = {k: v for k, v in result.items() if k.endswith("cpu_ms_per_event")}
        print(
            "CPU ms per event, drain: runner {runner_cpu_ms_per_event:.3f} (Python "
            "{runner_python_cpu_ms_per_event:.3f}), broker {broker_cpu_ms_per_event:.3f}".format(**cpu)
            + f"; half load: runner {half['runner_cpu_ms_per_event']:.3f}, "
            f"broker {half['broker_cpu_ms_per_event']:.3f}"
        )
        for stretch, woken in (
            ("drain", result["wakeups_per_event"]),
            ("half load", half["wakeups_per_event"]),
        ):
            parts = ", ".join(f"{part} {n:.1f}" for part, n in woken.items())
            print(f"wake-ups per event, {stretch}: {parts}")
        cores = ", ".join(f"{part} {c:.2f}" for part, c in half["cores"].items() if c is not None)
        print(f"cores taken at half load: {cores}")
        idle = ", ".join(f"{part} {c:.2f}" for part, c in half["idle_cores"].items())
        print(f"cores taken idle (nothing offered, the collector polling): {idle}")
        print(report(directory, stamps))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
