"""Part 4: resident memory of a gate process while it decides many events.

One gate (one worker process) reads events that point at image files (file:// assets, so the in-memory
broker does not have to hold 100k images). The mix: trusted signed images (verify), real photos without a
manifest, records with personal data in the parameters (quarantine), and a few synthetic images without a
manifest that the gate signs into its content store. RSS of the runner and of its workers is sampled
from /proc every `every` events.
"""

from __future__ import annotations

import itertools
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.broker_load import (
    Collector,
    GateProcess,
    children,
    fresh_topics,
    ingest_event,
    producer,
    rss_kib,
)
from benchmarks.e2e import gate_config
from gate.provenance import DevPki

_CHUNK = 1000


@dataclass(frozen=True, slots=True)
class MemoryEvent:
    """One kind of event in the mix: an image file and what the event declares about it."""

    path: Path
    media_type: str
    synthetic: bool
    parameters: dict[str, Any] | None = None


def _events(mix: list[MemoryEvent], start: int, n: int) -> list[tuple[bytes, bytes]]:
    out = []
    for i, kind in zip(range(start, start + n), itertools.cycle(mix), strict=False):
        key = f"m-{i}".encode()
        value = ingest_event(
            key.decode(),
            kind.media_type,
            path=kind.path,
            synthetic=kind.synthetic,
            parameters=kind.parameters,
        )
        out.append((key, value))
    return out


def run_memory(
    bootstrap: str,
    pki: DevPki,
    mix: list[MemoryEvent],
    *,
    checkpoints: list[int],
    every: int,
    store_dir: Path,
    log_dir: Path,
) -> dict[str, Any]:
    """Feed events in chunks, keeping at most a few chunks in flight; sample RSS every `every` events."""
    topics = fresh_topics(bootstrap, "mem")
    config = gate_config(bootstrap, topics, f"bench-mem-{uuid.uuid4().hex[:8]}", 64, pki)
    config["file_roots"] = sorted({str(kind.path.parent) for kind in mix})
    config["store_dir"] = str(store_dir)
    collector = Collector(bootstrap, topics).start()
    gate = GateProcess.start(config, log_dir / "gate-memory.log")
    samples: list[dict[str, Any]] = []
    total = max(checkpoints)
    p = producer(bootstrap)
    started = time.monotonic()
    try:
        produced = done = 0
        pending: list[list[bytes]] = []
        samples.append(_sample(gate, 0, started))
        next_sample = every
        while done < total:
            if produced < total:
                chunk = _events(mix, produced, min(_CHUNK, total - produced))
                for key, value in chunk:
                    p.produce(topics.ingest, value, key=key)
                    p.poll(0)
                p.flush(60)
                pending.append([k for k, _ in chunk])
                produced += len(chunk)
            if len(pending) >= 3 or produced >= total:  # keep the gate busy, but the backlog bounded
                keys = pending.pop(0)
                collector.wait_for(keys, 600)
                done += len(keys)
                if done >= next_sample or done >= total:
                    samples.append(_sample(gate, done, started))
                    next_sample += every
    finally:
        code = gate.stop()
        collector.stop()
    by_checkpoint = {str(c): next(s for s in samples if s["events"] >= c) for c in checkpoints}
    first = next((s for s in samples if s["events"] >= min(checkpoints)), samples[-1])
    last = samples[-1]
    growth = (last["total_kib"] - first["total_kib"]) / first["total_kib"] if first["total_kib"] else None
    return {
        "mix": "signed (verify) / real photo / personal data in parameters / unsigned synthetic (sign)",
        "samples": samples,
        "checkpoints": by_checkpoint,
        "growth_first_to_last_checkpoint": growth,
        "verdicts": dict(collector.verdicts),
        "exit_code": code,
    }


def _sample(gate: GateProcess, events: int, started: float) -> dict[str, Any]:
    pid = gate.process.pid
    workers = children(pid)
    runner = rss_kib(pid)
    worker_rss = [rss_kib(w) for w in workers]
    return {
        "events": events,
        "seconds": round(time.monotonic() - started, 1),
        "runner_kib": runner,
        "workers_kib": worker_rss,
        "total_kib": runner + sum(worker_rss),
    }
