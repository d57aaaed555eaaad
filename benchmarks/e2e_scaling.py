"""What a 2-worker gate pays that a 1-worker gate does not (a diagnostic for the scaling figure).

    python -P -m benchmarks.e2e_scaling [--reps 4] [--events 1500] [--perf DIR]

(from the repository root, with the bench venv's python). Per repetition, in an order alternated every
repetition on one embedded broker: the in-process core with 1 and 2 processes (`benchmarks.e2e_core`),
then a default `gate run` with 1 and 2 workers draining the same pre-produced events
(`benchmarks.e2e_burst`). Printed per drain: the rate, CPU per event of the broker, the runner process (its
Python thread and librdkafka's threads) and the workers, and the runner's stages in ms per event; then per
repetition the gate's and the core's scaling and where the 2-worker drain's extra CPU per event went.
With `--perf DIR`, `perf record` samples the runner process and the broker over each timed drain (the
first commit to the last), and the top symbols per process are printed (perf must be allowed to attach).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Any

PERF_TOP = 25
PERF_RECORD = ["perf", "record", "-q", "-F", "499", "-g"]
# With --py-spy PATH: the runner's Python stacks over each timed drain too (raw, collapsed stacks; py-spy
# is not a dependency: give the path of one installed anywhere).
PY_SPY_RECORD = ["record", "-r", "499", "-f", "raw", "--nonblocking"]


def main(argv: list[str] | None = None) -> int:
    """Alternate 1- and 2-worker drains and print what each part of the stack took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=4)
    parser.add_argument("--events", type=int, default=1500)
    parser.add_argument("--perf", type=Path, default=None)
    parser.add_argument("--py-spy", dest="py_spy", default=None, help="py-spy's path (with --perf DIR)")
    parser.add_argument(
        "--watch", default="sharp", help="sharp, coarse or both (alternated): how the drains are watched"
    )
    args = parser.parse_args(argv)
    watches = ["sharp", "coarse"] if args.watch == "both" else [args.watch]
    from benchmarks import e2e_burst  # noqa: PLC0415
    from benchmarks.e2e import WARM_UP_SHARE, signing_factory  # noqa: PLC0415
    from benchmarks.e2e_core import core_rate  # noqa: PLC0415
    from benchmarks.e2e_timeline import mixed_50kb_load  # noqa: PLC0415
    from gate.broker import EmbeddedBroker  # noqa: PLC0415
    from gate.provenance import create_dev_pki  # noqa: PLC0415

    os.environ.setdefault("OTEL_TRACES_EXPORTER", "none")
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="gate-e2e-scaling-") as tmp:
        pki = create_dev_pki(Path(tmp) / "pki")
        _payloads, events = mixed_50kb_load(pki, args.events)
        factory = signing_factory(pki)
        values = [value for _, value in events]
        with EmbeddedBroker() as broker:
            for rep in range(args.reps):
                order = (1, 2) if rep % 2 == 0 else (2, 1)
                for workers in order:
                    core = core_rate(factory, values, workers)
                    for watch in watches if rep % 2 == 0 else watches[::-1]:
                        label = f"rep{rep}-w{workers}-{watch}"
                        with _perf_over_drain(e2e_burst, args.perf, label, broker.pid, args.py_spy):
                            result = e2e_burst.burst_run(
                                broker.bootstrap_servers, pki, events, workers=workers, batch=None,
                                log=Path(tmp) / f"gate-{label}.log", broker_pid=broker.pid,
                                warm_up=WARM_UP_SHARE, watching=watch,
                            )  # fmt: skip
                        row = _row(rep, workers, core, result)
                        rows.append(row)
                        print(json.dumps(row), flush=True)
    _summary(rows)
    if args.perf is not None:
        _perf_report(args.perf)
    return 0


def _row(rep: int, workers: int, core: float, result: dict[str, Any]) -> dict[str, Any]:
    stages = {
        k.split(":", 1)[1]: round(v, 3) for k, v in result["ms_per_event"].items() if k.startswith("stage:")
    }
    return {
        "rep": rep,
        "workers": workers,
        "core_per_s": round(core, 1),
        "watch": result["watch"],
        "gate_per_s": round(result["images_per_s"], 1),
        "gate_per_s_stamped": result["images_per_s_stamped"] and round(result["images_per_s_stamped"], 1),
        "instrument_ms": round(result["instrument_cpu_ms_per_event"], 3),
        "records_per_transaction": round(result["events"] / max(1.0, result["transactions"]), 1),
        "broker_ms": round(result["broker_cpu_ms_per_event"], 3),
        "runner_ms": round(result["runner_cpu_ms_per_event"], 3),
        "runner_python_ms": round(result["runner_python_cpu_ms_per_event"], 3),
        "runner_librdkafka_ms": round(result["runner_librdkafka_cpu_ms_per_event"], 3),
        "workers_ms": round(result["workers_cpu_ms_per_event"], 3),
        "stages_ms": stages,
        "load_average": round(result["load_average"], 1),
    }


def _summary(rows: list[dict[str, Any]]) -> None:
    print(
        "\nrep | watch | gate 2/1 (as timed; verdict stamps) | core 2/1 | CPU bound 2*W1/(W2+R2+B2+I2) | "
        "ms/event 2w - 1w: workers, runner, broker"
    )
    for rep, watch in sorted({(r["rep"], r["watch"]) for r in rows}):
        by_workers = {r["workers"]: r for r in rows if r["rep"] == rep and r["watch"] == watch}
        one, two = by_workers[1], by_workers[2]
        # The benchmark's own process (the commit watch) shares the cores with the 2-worker drain too.
        shared = two["workers_ms"] + two["runner_ms"] + two["broker_ms"] + two["instrument_ms"]
        bound = 2 * one["workers_ms"] / shared
        gate, core = two["gate_per_s"] / one["gate_per_s"], two["core_per_s"] / one["core_per_s"]
        stamped = (two["gate_per_s_stamped"] or 0) / (one["gate_per_s_stamped"] or float("inf"))
        extra = ", ".join(f"{two[k] - one[k]:+.3f}" for k in ("workers_ms", "runner_ms", "broker_ms"))
        print(f"{rep} | {watch} | {gate:.2f}; {stamped:.2f} | {core:.2f} | {bound:.2f} | {extra}")


class _perf_over_drain:
    """Wraps `e2e_burst.CommitWatch.wait_for` (the timed drain) in `perf record` of the gate and broker."""

    def __init__(
        self, e2e_burst: Any, out: Path | None, label: str, broker_pid: int | None, py_spy: str | None = None
    ) -> None:
        self._module, self._out, self._label, self._broker = e2e_burst, out, label, broker_pid
        self._py_spy = py_spy
        self._saved: dict[str, Any] = {}

    def __enter__(self) -> None:
        if self._out is None:
            return
        self._out.mkdir(parents=True, exist_ok=True)
        module, out, label, broker, py_spy = self._module, self._out, self._label, self._broker, self._py_spy
        gate_class, watch_class = module.GateProcess, module.CommitWatch
        self._saved = {"GateProcess": gate_class, "CommitWatch": watch_class}
        pids: dict[str, int] = {}

        class Gate(gate_class):  # type: ignore[misc, valid-type]
            @classmethod
            def start(cls, *a: Any, **k: Any) -> Any:
                started = gate_class.start(*a, **k)
                pids["runner"] = started.process.pid
                return started

        class Watch(watch_class):  # type: ignore[misc, valid-type]
            def wait_for(self, *a: Any, **k: Any) -> Any:
                records = [
                    subprocess.Popen(
                        [*PERF_RECORD, "-p", str(pid), "-o", str(out / f"{label}-{name}.data")],
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                    for name, pid in (("runner", pids.get("runner")), ("broker", broker))
                    if pid is not None
                ]
                if py_spy is not None and pids.get("runner") is not None:
                    spy = [
                        py_spy,
                        *PY_SPY_RECORD,
                        "-p",
                        str(pids["runner"]),
                        "-o",
                        str(out / f"{label}-runner.spy"),
                    ]
                    records.append(
                        subprocess.Popen(spy, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    )
                try:
                    return super().wait_for(*a, **k)
                finally:
                    for record in records:
                        record.send_signal(signal.SIGINT)
                        record.wait(60)

        module.GateProcess, module.CommitWatch = Gate, Watch

    def __exit__(self, *_exc: object) -> None:
        for name, value in self._saved.items():
            setattr(self._module, name, value)


def _perf_report(directory: Path) -> None:
    """The top symbols (self time) of each recorded process, all drains of one worker count together."""
    for workers in (1, 2):
        for name in ("runner", "broker"):
            files = sorted(directory.glob(f"rep*-w{workers}-{name}.data"))
            if not files:
                continue
            print(f"\n== {name}, {workers} worker(s): top symbols, self, the first of {len(files)} drains ==")
            for data in files[:1]:  # one drain is enough for the shape; all are kept for perf report
                report = subprocess.run(
                    ["perf", "report", "-i", str(data), "--stdio", "--no-children", "-g", "none",
                     "--sort", "dso,sym", "--percent-limit", "0.7"],
                    capture_output=True, text=True, check=False,
                )  # fmt: skip
                lines = [line for line in report.stdout.splitlines() if line and not line.startswith("#")]
                print(data.name)
                print("\n".join(lines[:PERF_TOP]))


if __name__ == "__main__":
    raise SystemExit(main())
