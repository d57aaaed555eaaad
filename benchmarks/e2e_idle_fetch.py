"""What a gate costs the broker and itself per second while it waits at the end of its input.

    python -P -m benchmarks.e2e_idle_fetch [--events 0 1500] [--rounds 2] [NAME=JSON ...]

(from the repository root). For each event count and variant (JSON: settings merged into the gate's, as
`benchmarks.e2e_drain_ab` takes them; none: the defaults), a fresh gate drains that many pre-produced events
of the 50 KB mix (0: empty topics), then waits with nothing left to decide; the broker's and the runner's
CPU per second over two 8-second windows of that wait are printed. In a drain of a pre-produced backlog
the consumer has fetched everything long before the workers have decided it, so this is also what its
fetches cost per second during most of a drain: divided by the drain's rate, a share of the broker's CPU
per event that no per-event lever reaches. CPU per second of an idle process moves far less with the
machine's load than a drain's rate does.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

WINDOW_S = 8.0


def main(argv: list[str] | None = None) -> int:
    """Run every (events, variant) pair per round and print one JSON line each (see the docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variants", nargs="*", help="NAME=JSON (settings); none: the defaults")
    parser.add_argument("--events", type=int, nargs="+", default=[0, 1500])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    from benchmarks.e2e_ab import _merge  # noqa: PLC0415
    from benchmarks.e2e_timeline import mixed_50kb_load  # noqa: PLC0415
    from gate.broker import EmbeddedBroker  # noqa: PLC0415
    from gate.provenance import create_dev_pki  # noqa: PLC0415

    variants = [_variant(text) for text in args.variants] or [("default", {})]
    with tempfile.TemporaryDirectory(prefix="gate-idle-fetch-") as tmp, EmbeddedBroker() as broker:
        pki = create_dev_pki(Path(tmp) / "pki")
        _payloads, events = mixed_50kb_load(pki, max(args.events))
        for round_ in range(args.rounds):
            for count in args.events if round_ % 2 == 0 else args.events[::-1]:
                for name, extra in variants:
                    row = _idle_run(
                        broker, pki, events[:count], extra, Path(tmp) / f"{name}-{count}.log", _merge
                    )
                    print(json.dumps({"variant": name, "events": count, "round": round_, **row}), flush=True)
    return 0


def _variant(text: str) -> tuple[str, dict[str, Any]]:
    name, _, extra = text.partition("=")
    settings = json.loads(extra) if extra else {}
    if not isinstance(settings, dict):
        raise SystemExit(f"{name}: the settings must be a JSON object")
    return name, settings


def _idle_run(
    broker: Any, pki: Any, events: list[tuple[bytes, bytes]], extra: dict[str, Any], log: Path, merge: Any
) -> dict[str, Any]:
    from benchmarks import e2e_burst  # noqa: PLC0415
    from benchmarks.broker_load import GateProcess, fresh_topics  # noqa: PLC0415

    topics = fresh_topics(broker.bootstrap_servers, f"idle-{len(events)}")
    if events:
        e2e_burst.pre_produce(broker.bootstrap_servers, topics.ingest, events)
    config = e2e_burst.gate_settings(broker.bootstrap_servers, topics, pki, workers=2, batch=None)
    config["settings"] = merge(config["settings"], extra)
    gate = GateProcess.start(config, log)
    try:
        deadline = time.monotonic() + 300
        while not _decided(gate, len(events)):
            if time.monotonic() > deadline or gate.process.poll() is not None:
                raise RuntimeError(f"the gate did not decide its {len(events)} events; see {log}")
            time.sleep(0.5)
        time.sleep(3.0 if events else 8.0)  # the last commit's aftermath; an empty gate's group join
        windows = []
        for _ in range(2):
            before = (e2e_burst.cpu_seconds(broker.pid), e2e_burst.cpu_seconds(gate.process.pid))
            started = time.monotonic()
            time.sleep(WINDOW_S)
            after = (e2e_burst.cpu_seconds(broker.pid), e2e_burst.cpu_seconds(gate.process.pid))
            seconds = time.monotonic() - started
            windows.append([round((b - a) * 1000 / seconds, 1) for a, b in zip(before, after, strict=True)])
    finally:
        gate.stop()
    return {
        "broker_ms_per_s": [w[0] for w in windows],
        "runner_ms_per_s": [w[1] for w in windows],
    }


def _decided(gate: Any, count: int) -> bool:
    try:
        return bool(gate.ready() and gate.events() >= count)
    except OSError:
        return False


if __name__ == "__main__":
    raise SystemExit(main())
