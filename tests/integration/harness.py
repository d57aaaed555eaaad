"""Plain helpers for the integration tests: event data, grouping outputs, waiting, process trees."""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gate.settings import TopicSettings


@dataclass(frozen=True)
class Output:
    """One record read from a verdict topic."""

    topic: str
    key: bytes
    value: bytes
    headers: dict[str, bytes]


@dataclass(frozen=True)
class RunnerProcess:
    """A runner subprocess and the file its log goes to."""

    process: subprocess.Popen[bytes]
    log: Path

    def assignments(self) -> list[list[int]]:
        """Every partition list the runner logged on assignment, in order."""
        found = re.findall(r"assigned \[([0-9, ]*)\]", self.log.read_text())
        return [[int(p) for p in group.split(",") if p.strip()] for group in found]


def events(prefix: str, n: int, poison_every: int = 0) -> list[tuple[bytes, bytes]]:
    """n events with keys `prefix-i`; each asks for a verdict, every `poison_every`-th is not JSON."""
    verdicts = ["approved", "quarantined", "rejected"]
    out = []
    for i in range(n):
        key = f"{prefix}-{i}".encode()
        if poison_every and i % poison_every == 0:
            out.append((key, b"\xff\xfe not json"))
        else:
            out.append((key, json.dumps({"id": i, "expect": verdicts[i % 3]}).encode()))
    return out


def by_key(outputs: list[Output]) -> dict[bytes, set[tuple[str, bytes]]]:
    """Every distinct (topic, value) seen for each key."""
    seen: dict[bytes, set[tuple[str, bytes]]] = {}
    for o in outputs:
        seen.setdefault(o.key, set()).add((o.topic, o.value))
    return seen


def output_topics(topics: TopicSettings) -> list[str]:
    return [topics.approved, topics.quarantine, topics.rejected]


def descendants(pid: int) -> set[int]:
    """All live descendants of `pid` (workers of a runner subprocess), from /proc."""
    found: set[int] = set()
    frontier = [pid]
    while frontier:
        current = frontier.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except FileNotFoundError:
                continue
            found.update(children)
            frontier.extend(children)
    return found


def http_get(port: int, path: str) -> tuple[int, str]:
    """Status and body of GET http://127.0.0.1:port/path (0 when nothing answers)."""
    import urllib.error  # noqa: PLC0415 - keep the helpers import-light
    import urllib.request  # noqa: PLC0415

    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:
        return 0, ""


def wait_for(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def committed_total(bootstrap_servers: str, group_id: str, topic: str, partitions: int = 4) -> int:
    """How many records of `topic` the group has committed (sum of committed offsets)."""
    from confluent_kafka import Consumer, TopicPartition  # noqa: PLC0415 - keep the helpers import-light

    consumer = Consumer({"bootstrap.servers": bootstrap_servers, "group.id": group_id})
    try:
        parts = [TopicPartition(topic, p) for p in range(partitions)]
        return sum(max(0, tp.offset) for tp in consumer.committed(parts, timeout=10))
    finally:
        consumer.close()


def alive(pids: set[int]) -> set[int]:
    """The pids among `pids` that still exist and are not zombies."""
    living = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, IndexError):
            continue
        if state != "Z":
            living.add(pid)
    return living
