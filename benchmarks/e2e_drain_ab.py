"""What the runner and the broker take per event in a drain, for builds or settings alternated in one run.

    python -P -m benchmarks.e2e_drain_ab NAME=SITE[@JSON] ... [--rounds 4] [--events 1500] [--workers 2]

(from the repository root, with the bench venv's python). SITE is a directory whose `gate` the gate process
imports first (empty: the installed build, or the source tree on PYTHONPATH); JSON, an object merged into
the gate's settings (`{"kafka": {"queued.max.messages.kbytes": 8192}}`: keys with dots stay whole, which
`benchmarks.e2e_ab`'s dotted keys cannot say); its key `"env"`, if any, is not a setting but variables set
for the gate process (`{"env": {"PYTHONMALLOC": "malloc"}}`: what only the interpreter's start reads), its
key `"broker_env"` the variables of the embedded broker the variant's gates use (one broker per distinct
`broker_env`, started with the run). Each round drains the same pre-produced events once with a fresh gate
of each variant, in an order rotated every round, on the embedded broker, and prints per drain the rate and
the CPU per event of the broker, the runner (its Python threads and librdkafka's) and the workers. Then per
variant the medians, and per pair the median of the in-round ratios of runner + broker CPU per event: on a
shared machine those move far less than rates. No half-load stretch: a drain only.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import statistics
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.e2e_ab import rotated, running_as

COST_KEYS = ("broker_ms", "runner_ms", "runner_python_ms", "runner_librdkafka_ms", "workers_ms")


def _parse(text: str) -> tuple[str, str, dict[str, Any]]:
    name, _, rest = text.partition("=")
    site, _, extra = rest.partition("@")
    settings = json.loads(extra) if extra else {}
    if not isinstance(settings, dict):
        raise SystemExit(f"{name}: the settings after @ must be a JSON object")
    return name, site, settings


@contextlib.contextmanager
def _environment(extra: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Inside: `extra`'s `env` variables set for the gate process started within (put back after); yields
    the settings without it."""
    settings = dict(extra)
    settings.pop("broker_env", None)
    env = {str(k): str(v) for k, v in settings.pop("env", {}).items()}
    before = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        yield settings
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def main(argv: list[str] | None = None) -> int:
    """Alternate the variants' drains and print the table (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variants", nargs="+", help="NAME=SITE[@JSON]")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--events", type=int, default=1500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--logs", type=Path, default=None, help="keep the gates' logs here")
    args = parser.parse_args(argv)
    from benchmarks import e2e_burst  # noqa: PLC0415
    from benchmarks.e2e_timeline import mixed_50kb_load  # noqa: PLC0415
    from gate.broker import EmbeddedBroker  # noqa: PLC0415
    from gate.provenance import create_dev_pki  # noqa: PLC0415

    variants = [_parse(v) for v in args.variants]
    if args.logs is not None:
        args.logs.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="gate-e2e-drain-ab-") as tmp:
        pki = create_dev_pki(Path(tmp) / "pki")
        _payloads, events = mixed_50kb_load(pki, args.events)
        with contextlib.ExitStack() as stack:
            brokers: dict[str, EmbeddedBroker] = {}
            for _name, _site, extra in variants:  # one broker per distinct broker environment
                key = json.dumps(extra.get("broker_env", {}), sort_keys=True)
                if key not in brokers:
                    with _environment({"env": extra.get("broker_env", {})}):
                        brokers[key] = stack.enter_context(EmbeddedBroker())
            for round_ in range(args.rounds):
                for name, site, extra in rotated(variants, round_):
                    broker = brokers[json.dumps(extra.get("broker_env", {}), sort_keys=True)]
                    with _environment(extra) as settings, running_as(site, settings):
                        result = e2e_burst.burst_run(
                            broker.bootstrap_servers, pki, events, workers=args.workers, batch=None,
                            log=(args.logs or Path(tmp)) / f"gate-{name}-{round_}.log", broker_pid=broker.pid,
                            warm_up=0.1,
                        )  # fmt: skip
                    row = _row(name, round_, result)
                    rows.append(row)
                    print(json.dumps(row), flush=True)
    _summary(rows, [v[0] for v in variants])
    return 0


def _row(name: str, round_: int, result: dict[str, Any]) -> dict[str, Any]:
    return {
        "variant": name,
        "round": round_,
        "per_s": round(result["images_per_s"], 1),
        "broker_ms": round(result["broker_cpu_ms_per_event"], 3),
        "runner_ms": round(result["runner_cpu_ms_per_event"], 3),
        "runner_python_ms": round(result["runner_python_cpu_ms_per_event"], 3),
        "runner_librdkafka_ms": round(result["runner_librdkafka_cpu_ms_per_event"], 3),
        "workers_ms": round(result["workers_cpu_ms_per_event"], 3),
        "instrument_ms": round(result["instrument_cpu_ms_per_event"], 3),
        "records_per_transaction": round(result["events"] / max(1.0, result["transactions"]), 1),
        "wakeups_per_event": {k: round(v, 1) for k, v in result.get("wakeups_per_event", {}).items()},
        "io_kb_per_event": {k: round(v, 1) for k, v in result.get("io_kb_per_event", {}).items()},
        "minor_faults_per_event": {
            k: round(v, 1) for k, v in result.get("minor_faults_per_event", {}).items()
        },
        "load_average": round(result["load_average"], 1),
    }


def _summary(rows: list[dict[str, Any]], names: list[str]) -> None:
    print("\nvariant | rate /s | broker | runner (python, librdkafka) | workers: ms of CPU an event, medians")
    for name in names:
        mine = [r for r in rows if r["variant"] == name]
        med = {k: statistics.median(r[k] for r in mine) for k in ("per_s", *COST_KEYS)}
        print(
            f"{name} | {med['per_s']:.1f} | {med['broker_ms']:.3f} | {med['runner_ms']:.3f} "
            f"({med['runner_python_ms']:.3f}, {med['runner_librdkafka_ms']:.3f}) | {med['workers_ms']:.3f}"
        )
    for a, b in itertools.combinations(names, 2):
        pairs = list(
            zip((r for r in rows if r["variant"] == a), (r for r in rows if r["variant"] == b), strict=False)
        )
        for label, keys in (("runner+broker", ("runner_ms", "broker_ms")), ("broker", ("broker_ms",))):
            ratios = [sum(ra[k] for k in keys) / sum(rb[k] for k in keys) for ra, rb in pairs]
            listed = ", ".join(f"{x:.2f}" for x in ratios)
            print(f"{label} {a}/{b} in-round: median {statistics.median(ratios):.3f} ({listed})")


if __name__ == "__main__":
    raise SystemExit(main())
