"""Markdown and plot for the end-to-end part (`benchmarks.e2e.run_e2e`)."""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Any

STAGES = ("fetch", "decode", "ipc", "produce", "commit", "wait", "evaluate")


def _s(summary: dict[str, Any] | None, digits: int = 2) -> str:
    if not summary:
        return "-"
    return f"{summary['median']:.{digits}f} [{summary['q1']:.{digits}f}-{summary['q3']:.{digits}f}]"


def _verdict(value: float | None, goal: float, *, at_most: bool = False) -> str:
    if value is None:
        return "not measured"
    met = value <= goal if at_most else value >= goal
    return "met" if met else "NOT met"


def markdown_lines(e2e: dict[str, Any]) -> list[str]:
    """The section's lines."""
    goals, reps = e2e["goals"], e2e["repetitions"]
    default = str(e2e["default_workers"])
    first = reps[0][default]["gate"]
    half = first.get("half_load", {})
    eff = e2e["efficiency"][default]
    p99_verdict = _verdict(half.get("p99_ms"), goals["p99_half_load_ms"], at_most=True)
    lines = [
        "## 3. End to end through the embedded broker (transactions on)",
        "",
        f"`gate run` with default settings ({default} workers, adaptive batches) and with 1 worker, "
        f"each draining {e2e['events_per_rep']} pre-produced events (~50 KB JPEG/PNG inline, half signed, "
        f"half unsigned synthetic) over {e2e['partitions']} partitions; rate from the first verdicts "
        f"(after the first {100 * e2e.get('warm_up_share', 0):.0f}% of the events) to the last, timed "
        "after the drain by the verdicts' own record timestamps (stamped by the gate's producer in their "
        "transactions), so no instrument polls the broker while the gate drains (the gate's committed "
        "offsets are looked at every 50 ms, to see the end); every verdict is read and counted "
        "afterwards. Latency: a verdict is readable when the gate's committed offsets (committed in its "
        "own transaction) pass its input, polled every 2 ms (one request, where a collector reading every "
        "verdict partition took 0.12-0.13 cores of the broker). Baseline: the same processor evaluating "
        "the same events in process with as many worker processes, each taking a contiguous block of "
        "the events (the same mix of payloads).",
        "",
        "| goal | measured | target | |",
        "|---|---:|---:|---|",
        f"| efficiency, {default} workers (gate / core) | {_s(eff)} | >= {goals['efficiency']} | "
        f"{_verdict(eff['median'], goals['efficiency'])} |",
        f"| p99 produce -> verdict readable at half load | {half.get('p99_ms', float('nan')):.0f} ms | "
        f"<= {goals['p99_half_load_ms']:.0f} ms | {p99_verdict} |",
    ]
    if e2e["scaling"]:
        lines.append(
            f"| scaling, {default} workers / 1 | {_s(e2e['scaling'])} | >= {goals['scaling']} | "
            f"{_verdict(e2e['scaling']['median'], goals['scaling'])} |"
        )
        if e2e.get("core_scaling"):
            lines.append(
                f"| (the in-process core's own scaling, {default} processes / 1, same repetitions) | "
                f"{_s(e2e['core_scaling'])} | - | |"
            )
    rising = curve_rising(e2e)
    met = "met" if rising else "NOT met"
    lines += [
        f"| batching curve rising | {'yes' if rising else 'no'} | rising | {met} |",
        "",
        "| rep | workers | core images/s | gate images/s | ratio | load generator ev/s | broker CPU "
        "(cores) | CPU ms/event: broker | runner process | (its Python / librdkafka threads) | workers "
        "| load average |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for i, row in enumerate(reps):
        for workers, cell in row.items():
            gate = cell["gate"]
            lines.append(
                f"| {i} | {workers} | {cell['core_per_s']:.0f} | {gate['images_per_s']:.0f} | "
                f"{cell['ratio']:.2f} | {gate['loadgen_per_s']:.0f} | {gate['broker_cpu_share']:.2f} | "
                f"{gate.get('broker_cpu_ms_per_event', float('nan')):.2f} | "
                f"{gate.get('runner_cpu_ms_per_event', float('nan')):.2f} | "
                f"{gate.get('runner_python_cpu_ms_per_event', float('nan')):.2f} / "
                f"{gate.get('runner_librdkafka_cpu_ms_per_event', float('nan')):.2f} | "
                f"{gate.get('workers_cpu_ms_per_event', float('nan')):.2f} | "
                f"{gate.get('load_average', float('nan')):.1f} |"
            )
    lines += _cpu_bound_lines(reps, default, goals["scaling"])
    if half:
        partial = first.get("partial_batch_ms", [])
        lines += [
            "",
            f"Half load ({half['offered_per_s']:.0f} events/s, {half['events']} events): p50 "
            f"{half['p50_ms']:.0f} ms, p99 {half['p99_ms']:.0f} ms"
            + (f", {half['batch_records']:.1f} records per batch" if half.get("batch_records") else "")
            + _half_load_inside(half)
            + f". End of a burst ({len(partial)} bursts "
            "of 5 records on an idle gate, flush -> last verdict readable): "
            + ", ".join(f"{v:.0f}" for v in partial)
            + " ms.",
        ]
    lines += _curve_lines(e2e)
    if e2e.get("ipc_copy"):
        core_ms = 1000.0 / (reps[0]["1"]["core_per_s"]) if "1" in reps[0] else None
        lines += [
            "",
            "Bytes moved through the worker pool (a worker echoing its input: record out, same-size routed "
            "record back, one worker)"
            + (f"; the core takes {core_ms:.1f} ms per 50 KB image here" if core_ms else "")
            + ":",
            "",
            "| image bytes | us per record | the runner's CPU, us per record | MB/s one way |",
            "|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {c['bytes']:,} | {c['us_per_record']:.0f} | {_us(c.get('runner_cpu_us_per_record'))} "
            f"| {c['mb_per_s']:.0f} |"
            for c in e2e["ipc_copy"]
        ]
    if e2e.get("pool_queueing"):
        cases = e2e["pool_queueing"]
        lines += [
            "",
            f"Queueing in the worker pool at half load (2 workers, a sleep standing in for a "
            f"{cases[0]['evaluation_ms']:.1f} ms evaluation, small batches arriving at random at "
            f"{cases[0]['records_per_s']:.0f} records/s; a sleep needs no CPU, so this is how records are "
            "dealt to workers, whatever else the machine runs), submit -> batch done:",
            "",
            "| records per batch | batches | p50 ms | p99 ms |",
            "|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {c['batch_records']} | {c['batches']} | {c['p50_ms']:.1f} | {c['p99_ms']:.1f} |"
            for c in cases
        ]
    names = sorted({k for row in reps for cell in row.values() for k in cell["gate"]["ms_per_event"]})
    stages = [f"stage:{s}" for s in STAGES if f"stage:{s}" in names]
    checks = [n for n in names if n.startswith("check:")]
    lines += [
        "",
        "Where the time goes, ms per event (first repetition). Runner thread: `fetch` (consume, including "
        "waiting for records and serving workers between slices), `decode`, `ipc` (pickling and pipes), "
        "`wait` (waiting for workers). Commit thread: `produce` (produce calls, offsets into the "
        "transaction, flush), `commit`. `evaluate` is submit -> results taken for a commit: queueing at "
        "a worker behind other records, the evaluation, and the wait for the commit before, overlapping "
        "the rest; checks run in the workers.",
        "",
        "| workers | " + " | ".join(n.split(":", 1)[1] for n in stages + checks) + " |",
        "|---:|" + "---:|" * (len(stages) + len(checks)),
    ]
    for workers, cell in reps[0].items():
        per = cell["gate"]["ms_per_event"]
        lines.append(f"| {workers} | " + " | ".join(f"{per.get(n, 0):.2f}" for n in stages + checks) + " |")
    lines.append("")
    return lines


# A step of the batching curve counts as rising unless the larger batch is more than 5% slower: past the
# point where evaluation dominates, two sizes differ by less than the drains' noise.
RISING_TOLERANCE = 0.95


def curve_rising(e2e: dict[str, Any]) -> bool:
    """Does throughput rise (within the tolerance) from each batch size to the next? Judged on the median of
    the ratios paired inside each round where the curve was repeated, else on the points themselves."""
    steps = e2e.get("batching_steps")
    if steps:
        return all(step["ratio"]["median"] >= RISING_TOLERANCE for step in steps)
    curve = e2e["batching_curve"]
    return all(
        b["images_per_s"] >= a["images_per_s"] * RISING_TOLERANCE for a, b in itertools.pairwise(curve)
    )


def _curve_lines(e2e: dict[str, Any]) -> list[str]:
    curve = e2e["batching_curve"]
    steps = {step["to"]: step["ratio"] for step in e2e.get("batching_steps") or []}
    rounds = e2e.get("curve_rounds", 1)
    lines = [
        "",
        "Batching curve (fixed batch size, default workers; each point drains at least six batches, and at "
        f"least the configured events per point, the first {100 * e2e.get('warm_up_share', 0):.0f}% of them "
        f"and the first commit before the clock starts; {rounds} round(s), every size once a round, the "
        "order rotated each round; images/s: median [IQR] of the rounds; step: this size / the one before, "
        "taken inside each round, median [IQR]):",
        "",
        "| batch | events drained | images/s | each round | step |",
        "|---:|---:|---:|---|---:|",
    ]
    for c in curve:
        rates = ", ".join(f"{r:.0f}" for r in c.get("rates", [c["images_per_s"]]))
        shown = _s(c["summary"], 0) if c.get("summary") else f"{c['images_per_s']:.0f}"
        step = _s(steps[c["batch"]]) if c["batch"] in steps else "-"
        lines.append(f"| {c['batch']} | {c.get('events', '-')} | {shown} | {rates} | {step} |")
    return lines


def plot(e2e: dict[str, Any], out_dir: Path) -> str:
    """The batching curve; the file name written."""
    import matplotlib  # noqa: PLC0415

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    curve = e2e["batching_curve"]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot([c["batch"] for c in curve], [c["images_per_s"] for c in curve], marker="o")
    for c in curve:  # every round's rate, around its median
        ax.scatter([c["batch"]] * len(c.get("rates", [])), c.get("rates", []), s=8, color="grey")
    ax.set_xscale("log", base=2)
    ax.set_xlabel("batch size (records per transaction)")
    ax.set_ylabel("images / s")
    ax.set_title(f"gate run, {e2e['default_workers']} workers: batching curve")
    fig.tight_layout()
    fig.savefig(out_dir / "e2e.png", dpi=110)
    plt.close(fig)
    return "e2e.png"


def scaling_bound(one: dict[str, Any], many: dict[str, Any], workers: int) -> float | None:
    """The most `workers` workers can gain over 1 on as many cores, from CPU per event: one worker runs on
    a core of its own (rate 1/W1), while `workers` share all cores with the runner R and the broker B
    (rate workers/(W + R + B)), so the ratio is at most workers x W1 / (W + R + B)."""
    try:
        w1 = one["workers_cpu_ms_per_event"]
        shared = (
            many["workers_cpu_ms_per_event"]
            + many["runner_cpu_ms_per_event"]
            + many["broker_cpu_ms_per_event"]
        )
    except KeyError:
        return None
    return workers * w1 / shared if shared > 0 else None


def _cpu_bound_lines(reps: list[dict[str, Any]], default: str, goal: float) -> list[str]:
    if default == "1" or any("1" not in row for row in reps):
        return []
    bounds = [scaling_bound(row["1"]["gate"], row[default]["gate"], int(default)) for row in reps]
    if any(b is None for b in bounds):
        return []
    needed = [
        _runner_and_broker_needed(row["1"]["gate"], row[default]["gate"], int(default), goal) for row in reps
    ]
    return [
        "",
        f"CPU bound on the scaling ({default} x W1 / (W + R + B), from the CPU per event above, per "
        "repetition; the cores are shared with the broker): "
        + ", ".join(f"{b:.2f}" for b in bounds if b is not None)
        + ". It assumes the single worker is never idle (rate 1/W1); where that gate ran below 1/W1 "
        "(waiting on the runner), the measured ratio can pass the bound. Otherwise only less CPU per event "
        "in the runner, the broker or the workers raises it. "
        f"For {goal}x at these workers' CPU, runner + broker (R + B) would have to take at most "
        + ", ".join(f"{n:.2f}" for n in needed if n is not None)
        + " ms per event; they took "
        + ", ".join(f"{_runner_and_broker(row[default]['gate']):.2f}" for row in reps)
        + f". A worker's CPU per event with {default} workers over that with 1 (contention for the cores "
        "makes each record dearer; the bound falls with it): "
        + ", ".join(f"{_worker_cpu_ratio(row['1']['gate'], row[default]['gate']):.2f}" for row in reps)
        + ".",
    ]


def _runner_and_broker_needed(
    one: dict[str, Any], many: dict[str, Any], workers: int, goal: float
) -> float | None:
    """The runner + broker CPU per event at which the bound reaches `goal`: workers x W1 / goal - W."""
    try:
        needed: float = workers * one["workers_cpu_ms_per_event"] / goal - many["workers_cpu_ms_per_event"]
    except KeyError:
        return None
    return needed


def _worker_cpu_ratio(one: dict[str, Any], many: dict[str, Any]) -> float:
    """A worker's CPU per event with many workers over that with one (nan when not measured)."""
    w1 = one.get("workers_cpu_ms_per_event") or float("nan")
    ratio: float = many.get("workers_cpu_ms_per_event", float("nan")) / w1
    return ratio


def _runner_and_broker(gate: dict[str, Any]) -> float:
    """Runner process + broker CPU ms per event of one drain (nan when not measured)."""
    total: float = gate.get("runner_cpu_ms_per_event", float("nan")) + gate.get(
        "broker_cpu_ms_per_event", float("nan")
    )
    return total


def _half_load_inside(half: dict[str, Any]) -> str:
    """The gate's own part of the half-load latency, as its metrics saw it (absent from older results)."""
    if half.get("gate_fetch_to_commit_ms") is None:
        return ""
    stages = half.get("ms_per_event", {})
    shown = ", ".join(
        f"{name.split(':')[1]} {stages[name]:.2f}"
        for name in (
            "stage:fetch",
            "stage:ipc",
            "stage:produce",
            "stage:commit",
            "stage:wait",
            "stage:evaluate",
        )
        if name in stages
    )
    return (
        _half_load_cores(half) + "; inside the gate (first record fetched -> committed) "
        f"{half['gate_fetch_to_commit_ms']:.0f} ms on average, "
        f"{half.get('transactions_per_s') or 0:.0f} transactions/s, chosen size "
        f"{half.get('chosen_batch_records') or 0:.0f}, ms per event: {shown}; load average "
        f"{half.get('load_average', float('nan')):.1f} (a p99 from a loaded machine is an upper bound)"
    )


def _half_load_cores(half: dict[str, Any]) -> str:
    """The cores each part of the stack took at half load, and their sum (absent from older results):
    on 2 cores, a half load of the gate's drain rate is not half of the machine (the broker and runner
    serve many small requests an event at a trickle, few large ones in a drain)."""
    cores = half.get("cores")
    if not cores or any(v is None for v in cores.values()):
        return ""
    shown = ", ".join(f"{name.replace('_', ' ')} {value:.2f}" for name, value in cores.items())
    line = f"; cores taken: {shown}, together {sum(cores.values()):.2f} of {os.cpu_count()}"
    idle = half.get("idle_cores")
    if idle:
        # Paid whatever the rate: the collector's 2 ms polling and the gate's fetches (the broker's part)
        line += (
            f" (with nothing offered, the instruments on: broker {idle.get('broker', 0.0):.2f}, "
            f"together {sum(idle.values()):.2f})"
        )
    return line


def _us(value: float | None) -> str:
    """Microseconds for a table cell ("-" where an older run did not measure them)."""
    return "-" if value is None else f"{value:.0f}"
