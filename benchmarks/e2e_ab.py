"""Two (or more) builds of the gate at the same offered load, alternated in one run (a diagnostic).

    python -P -m benchmarks.e2e_ab NAME=SITE NAME=SITE ... [--rounds 3] [--rate R] [--seconds 8]
        [--events 600] [--setting batch.linger_ms=20]

(from the repository root, with the bench venv's python). Each SITE is a directory whose `gate` the gate
process imports first (an unpacked wheel of another commit; an empty SITE: the installed build), put on
the gate's PYTHONPATH; NAME=SITE@key=value,... gives that build settings of its own (dotted keys into
GateSettings, values as JSON; `collector.fetch_wait_ms` sets the verdict collector's fetch wait for that
build's runs instead, to measure what the instrument's own polling costs the p99; `collector.readable_by`
"collector", "offsets" (the default) or "both": how a verdict is seen readable, see
`benchmarks.e2e_burst.burst_run`).
One embedded broker serves every gate. Each round drains `--events`
pre-produced events with a fresh default gate of each build, in an order rotated every round, then offers
`--rate` events/s (default: half the first drain's rate, then fixed for every run) for `--seconds`, and
prints per run: the drain rate, the half-load p50 / p99 produce -> verdict readable, records per batch,
transactions per second, the chosen size, the workers' and runner's CPU per event at drain, the cores
each part of the stack took at half load, the load average. Then per build the median of its p99s, and
per pair of builds the median of the in-round ratios. The load generator, the collector and the broker
are the same for every build; on a shared machine the in-round ratios move far less than the absolute
figures.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

BURST_BOUND_MS = 50  # the default linger: a partial batch at the end of a burst is decided within it


def _parse_build(text: str) -> tuple[str, str, dict[str, Any]]:
    name, _, rest = text.partition("=")
    site, _, extra = rest.partition("@")
    settings: dict[str, Any] = {}
    for item in filter(None, extra.split(",")):
        key, _, value = item.partition("=")
        _set(settings, key, json.loads(value))
    return name, site, settings


def collector_wait_ms(extra: dict[str, Any]) -> int:
    """The collector's fetch wait a build's settings ask for (default 2 ms), taken out of them: it is
    the benchmark's setting, not the gate's."""
    return int(instrument_settings(extra).get("fetch_wait_ms", 2))


def instrument_settings(extra: dict[str, Any]) -> dict[str, Any]:
    """The benchmark's own settings of a build's run (`collector.fetch_wait_ms`, `collector.readable_by`),
    taken out of its gate settings."""
    taken: dict[str, Any] = extra.pop("collector", {})
    return taken


def _set(tree: dict[str, Any], dotted: str, value: Any) -> None:
    *path, last = dotted.split(".")
    for part in path:
        tree = tree.setdefault(part, {})
    tree[last] = value


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        out[key] = _merge(out.get(key, {}), value) if isinstance(value, dict) else value
    return out


Variant = tuple[str, str, dict[str, Any]]  # name, site, settings merged into the gate's


def rotated(variants: list[Variant], round_: int) -> list[Variant]:
    """The variants in round `round_`'s order: rotated one place a round, so none always runs first."""
    shift = round_ % len(variants)
    return [*variants[shift:], *variants[:shift]]


@contextmanager
def running_as(site: str, extra: dict[str, Any]) -> Iterator[None]:
    """Inside: a gate `benchmarks.e2e_burst` starts imports `site`'s `gate` first (empty: the installed
    build) and runs with `extra` merged into its settings; both put back after."""
    from benchmarks import e2e_burst  # noqa: PLC0415

    base_path = os.environ.get("PYTHONPATH", "")
    settings_of = e2e_burst.gate_settings

    def with_extra(*a: Any, **k: Any) -> dict[str, Any]:
        config = settings_of(*a, **k)
        config["settings"] = _merge(config["settings"], extra)
        return config

    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [site, base_path]))
    e2e_burst.gate_settings = with_extra
    try:
        yield
    finally:
        e2e_burst.gate_settings = settings_of
        os.environ["PYTHONPATH"] = base_path


def main(argv: list[str] | None = None) -> int:
    """Alternate the builds and print the table (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("builds", nargs="+", help="NAME=SITE[@key=json,...]")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rate", type=float, default=None)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--events", type=int, default=600)
    args = parser.parse_args(argv)
    from benchmarks import e2e_burst  # noqa: PLC0415
    from benchmarks.e2e_timeline import mixed_50kb_load  # noqa: PLC0415
    from gate.broker import EmbeddedBroker  # noqa: PLC0415
    from gate.provenance import create_dev_pki  # noqa: PLC0415

    builds = [_parse_build(b) for b in args.builds]
    instruments = {name: instrument_settings(extra) for name, _site, extra in builds}
    collector = {name: int(taken.get("fetch_wait_ms", 2)) for name, taken in instruments.items()}
    readable_by = {name: str(taken.get("readable_by", "offsets")) for name, taken in instruments.items()}
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="gate-e2e-ab-") as tmp:
        pki = create_dev_pki(Path(tmp) / "pki")
        payloads, events = mixed_50kb_load(pki, args.events)
        rate = args.rate
        with EmbeddedBroker() as broker:
            for round_ in range(args.rounds):
                for name, site, extra in rotated(builds, round_):
                    with running_as(site, extra):
                        result = e2e_burst.burst_run(
                            broker.bootstrap_servers, pki, events, workers=None, batch=None,
                            log=Path(tmp) / f"gate-{name}-{round_}.log", broker_pid=broker.pid,
                            probes=payloads, latency_s=args.seconds, latency_rate=rate, warm_up=0.1,
                            collector_wait_ms=collector[name], readable_by=readable_by[name],
                        )  # fmt: skip
                    rate = rate or result["half_load"]["offered_per_s"]
                    row = _row(name, round_, result)
                    rows.append(row)
                    print(json.dumps(row), flush=True)
    _summary(rows, [b[0] for b in builds])
    return 0


def _row(name: str, round_: int, result: dict[str, Any]) -> dict[str, Any]:
    half = result["half_load"]
    return {
        "build": name,
        "round": round_,
        "drain_per_s": round(result["images_per_s"], 1),
        "offered_per_s": round(half["offered_per_s"], 1),
        "p50_ms": round(half["p50_ms"], 1),
        "p99_ms": round(half["p99_ms"], 1),
        "readable_by": half.get("readable_by"),
        "p99_ms_by_collector": half.get("p99_ms_by_collector") and round(half["p99_ms_by_collector"], 1),
        "records_per_batch": half["batch_records"] and round(half["batch_records"], 2),
        "transactions_per_s": half["transactions_per_s"] and round(half["transactions_per_s"], 1),
        "chosen_size": half["chosen_batch_records"],
        "fetch_to_commit_ms": half["gate_fetch_to_commit_ms"] and round(half["gate_fetch_to_commit_ms"], 1),
        "workers_cpu_ms_per_event": round(result["workers_cpu_ms_per_event"], 2),
        "runner_cpu_ms_per_event": round(result["runner_cpu_ms_per_event"], 3),
        "broker_cpu_ms_per_event": round(result["broker_cpu_ms_per_event"], 3),
        "instrument_cpu_ms_per_event": round(result["instrument_cpu_ms_per_event"], 3),
        "records_per_transaction": round(result["events"] / max(1.0, result["transactions"]), 1),
        "half_runner_cpu_ms_per_event": round(half["runner_cpu_ms_per_event"], 2),
        "half_broker_cpu_ms_per_event": round(half["broker_cpu_ms_per_event"], 2),
        "cores": {k: v and round(v, 2) for k, v in half.get("cores", {}).items()},
        "idle_cores": {k: round(v, 2) for k, v in half.get("idle_cores", {}).items()},
        "half_wakeups_per_event": {k: round(v, 1) for k, v in half.get("wakeups_per_event", {}).items()},
        "drain_wakeups_per_event": {k: round(v, 1) for k, v in result.get("wakeups_per_event", {}).items()},
        "partial_batch_ms": [round(x) for x in result.get("partial_batch_ms", [])],
        "load_average": round(half["load_average"], 1),
    }


def _summary(rows: list[dict[str, Any]], names: list[str]) -> None:
    for name in names:
        mine = [r for r in rows if r["build"] == name]
        bursts = [b for r in mine for b in r["partial_batch_ms"]] or [0]
        print(
            f"{name}: p99 median {statistics.median(r['p99_ms'] for r in mine):.0f} ms "
            f"({', '.join(str(r['p99_ms']) for r in mine)}), p50 median "
            f"{statistics.median(r['p50_ms'] for r in mine):.0f}, workers CPU "
            f"{statistics.median(r['workers_cpu_ms_per_event'] for r in mine):.2f} ms/event, "
            f"transactions/s median {statistics.median(r['transactions_per_s'] or 0 for r in mine):.0f}, "
            f"end of a burst median {statistics.median(bursts):.0f} ms (max {max(bursts)}, "
            f"{sum(b > BURST_BOUND_MS for b in bursts)} of {len(bursts)} past {BURST_BOUND_MS})"
        )
    for a, b in itertools.combinations(names, 2):
        ratios = [
            ra["p99_ms"] / rb["p99_ms"]
            for ra, rb in zip(
                (r for r in rows if r["build"] == a), (r for r in rows if r["build"] == b), strict=False
            )
        ]
        listed = ", ".join(f"{x:.2f}" for x in ratios)
        print(f"p99 {a}/{b} in-round: median {statistics.median(ratios):.2f} ({listed})")


if __name__ == "__main__":
    raise SystemExit(main())
