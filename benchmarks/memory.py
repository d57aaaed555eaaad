"""Part 4: resident memory of a gate process while it decides many events.

One gate (one worker process) reads events that point at image files (file:// assets, so the in-memory
broker does not have to hold 100k images). The mix: trusted signed images (verify), real photos without a
manifest, records with personal data in the parameters (quarantine), and a few synthetic images without a
manifest that the gate signs into its content store. Every `every` events the memory of every process of
the gate is sampled from /proc: the runner, the forkserver its workers are forked from (which holds the
workers' modules, imported once), the workers, and any other process under the runner (multiprocessing's
resource tracker, a worker started with "spawn"). Each process's RSS, and their proportional set size
(PSS: a page shared by the forked processes is counted once in the sum, split between them), so the total
is what the gate holds, not the forkserver's imports counted once per worker.
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
    pss_growth = (last["pss_kib"] - first["pss_kib"]) / first["pss_kib"] if first["pss_kib"] else None
    return {
        "mix": "signed (verify) / real photo / personal data in parameters / unsigned synthetic (sign)",
        "samples": samples,
        "checkpoints": by_checkpoint,
        "growth_first_to_last_checkpoint": growth,
        "pss_growth_first_to_last_checkpoint": pss_growth,
        "verdicts": dict(collector.verdicts),
        "exit_code": code,
    }


def _sample(gate: GateProcess, events: int, started: float) -> dict[str, Any]:
    processes = gate_processes(gate.process.pid)
    rss = {role: [rss_kib(pid) for pid in pids] for role, pids in processes.items()}
    return {
        "events": events,
        "seconds": round(time.monotonic() - started, 1),
        "runner_kib": sum(rss["runner"]),
        "forkserver_kib": sum(rss["forkserver"]),
        "workers_kib": rss["workers"],
        "other_kib": sum(rss["other"]),
        "processes": sum(len(pids) for pids in processes.values()),
        "total_kib": sum(sum(values) for values in rss.values()),
        "pss_kib": sum(pss_kib(pid) for pids in processes.values() for pid in pids),
    }


def gate_processes(pid: int) -> dict[str, list[int]]:
    """Every process of the gate whose runner is `pid`, by role, from /proc: `runner`, `forkserver` (the
    process the pool forks its workers from), `workers` (the forkserver's children, or the runner's own
    children started with "spawn"), `other` (any other descendant: multiprocessing's resource tracker,
    and any process a worker started)."""
    roles: dict[str, list[int]] = {"runner": [pid], "forkserver": [], "workers": [], "other": []}
    for child in _children(pid):
        command = _cmdline(child)
        if b"multiprocessing.forkserver" in command:
            roles["forkserver"].append(child)
            roles["workers"].extend(_children(child))
        elif b"resource_tracker" in command:
            roles["other"].append(child)
        else:
            roles["workers"].append(child)
    counted = {p for pids in roles.values() for p in pids}
    for worker in list(roles["workers"]):  # whatever a worker started counts too
        roles["other"].extend(p for p in _descendants(worker) if p not in counted)
    return roles


def pss_kib(pid: int) -> int:
    """Proportional set size of one process in KiB (0 if it is gone or the kernel does not say)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return 0
    return 0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return found


def _descendants(pid: int) -> list[int]:
    found, todo = [], _children(pid)
    while todo:
        child = todo.pop()
        found.append(child)
        todo.extend(_children(child))
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return b""
