"""Does the commit cadence hold the end of a burst? End-of-burst probes with it off and on, alternated.

    python -P -m benchmarks.e2e_burst_holds [--rounds 3]

(from the repository root, with the bench venv's python). Each round runs a fresh gate per setting
(`batch.commit_interval_ms` 0, then the default; the order alternates) through `benchmarks.timeline_gate`:
a short drain, 3 s at 100 events/s, then the five end-of-burst probes of `benchmarks.e2e_burst` (5
records on an idle gate). Per burst it prints the end (flush -> last verdict readable, which the machine's
load moves) and, from the gate's own stamps, the longest a transaction of the burst started after its
records were decided and the commit before it was collected: what a cadence hold would add (up to the
interval), which the load does not.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
from pathlib import Path
from typing import Any

SETTINGS = (("off", 0), ("on", None))  # None: the default interval
BURSTS = 5


def main(argv: list[str] | None = None) -> int:
    """Alternate the settings and print each burst's end and its longest commit wait."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    from benchmarks import e2e_burst  # noqa: PLC0415
    from benchmarks.e2e_timeline import mixed_50kb_load  # noqa: PLC0415
    from gate.broker import EmbeddedBroker  # noqa: PLC0415
    from gate.provenance import create_dev_pki  # noqa: PLC0415

    out: dict[str, list[tuple[list[float], list[float]]]] = {name: [] for name, _ in SETTINGS}
    base = e2e_burst.gate_settings
    with tempfile.TemporaryDirectory(prefix="gate-burst-holds-") as tmp:
        pki = create_dev_pki(Path(tmp) / "pki")
        payloads, events = mixed_50kb_load(pki, 200)
        with EmbeddedBroker() as broker:
            for round_ in range(args.rounds):
                for name, interval in SETTINGS[:: 1 if round_ % 2 == 0 else -1]:
                    stamps_dir = Path(tmp) / f"stamps-{name}-{round_}"
                    stamps_dir.mkdir()
                    os.environ["GATE_TIMELINE_DIR"] = str(stamps_dir)

                    def settings(*a: Any, _interval: int | None = interval, **k: Any) -> dict[str, Any]:
                        config = base(*a, **k)
                        if _interval is not None:
                            config["settings"].setdefault("batch", {})["commit_interval_ms"] = _interval
                        return config

                    e2e_burst.gate_settings = settings
                    try:
                        result = e2e_burst.burst_run(
                            broker.bootstrap_servers, pki, events, workers=None, batch=None,
                            log=Path(tmp) / f"gate-{name}-{round_}.log", broker_pid=broker.pid,
                            probes=payloads, latency_s=3.0, latency_rate=100.0,
                            gate_module="benchmarks.timeline_gate",
                        )  # fmt: skip
                    finally:
                        e2e_burst.gate_settings = base
                    runner = json.loads(next(stamps_dir.glob("runner-*.json")).read_text())
                    waits = [commit_wait_ms(runner["stamps"], burst) for burst in range(BURSTS)]
                    ends = [round(x) for x in result["partial_batch_ms"]]
                    out[name].append((ends, waits))
                    print(
                        f"{name} round {round_}: end of a burst {ends} ms; longest commit wait beyond its "
                        f"records and the commit before {waits} ms; load {os.getloadavg()[0]:.1f}",
                        flush=True,
                    )
    for name, runs in out.items():
        ends = [x for e, _ in runs for x in e]
        waits = [x for _, w in runs for x in w]
        print(
            f"{name}: end of a burst median {statistics.median(ends):.0f} ms, max {max(ends):.0f}, "
            f"{sum(x > 50 for x in ends)} of {len(ends)} past 50; commit wait median "
            f"{statistics.median(waits):.1f} ms, max {max(waits):.1f}"
        )
    return 0


def commit_wait_ms(stamps: dict[str, dict[str, float]], burst: int) -> float:
    """For one probe burst: the longest any of its transactions started after both its records' results
    and the collection of the burst's transaction before it (ms)."""
    keys = [f"partial-{burst}-{i}" for i in range(e2e_burst_records())]
    transactions: dict[float, list[str]] = {}
    for key in keys:
        transactions.setdefault(stamps["commit_start"][key], []).append(key)
    longest, collected = 0.0, None
    for start in sorted(transactions):
        members = transactions[start]
        ready = max(stamps["result"][k] for k in members)
        if collected is not None:
            ready = max(ready, collected)
        longest = max(longest, start - ready)
        collected = max(stamps["collected"][k] for k in members)
    return round(1000.0 * longest, 1)


def e2e_burst_records() -> int:
    """Records per end-of-burst probe (`benchmarks.e2e_burst.PARTIAL_BURST`)."""
    from benchmarks.e2e_burst import PARTIAL_BURST  # noqa: PLC0415

    return PARTIAL_BURST


if __name__ == "__main__":
    raise SystemExit(main())
