"""The integration tests' harness: a real `gate` as a subprocess on the embedded broker, and what the tests
do around it.

- `gate run`: `gate_env` builds its environment (GATE_* variables only, like a pod's; `review_env` for the
  tests that fill the quarantine on purpose, `fresh_topics` names unique topics); `start_gate` /
  `running_gate` (and the `launch_gate` fixture in conftest.py) start it in its own session, and
  `GateProcess` stops it (SIGTERM, the exit status), kills it with its workers (SIGKILL to the group) and
  reads its /metrics.
- Other commands: `gate_cli` runs one to the end (`gate_cli_quick` with no progress bar and a short idle
  read); `start_cli` + `kill_when` SIGKILL a resumable job (`gate replay`, `gate rescan`, `gate backfill`)
  once it is under way, so the test can resume it.
- Topics: `read_topic` reads one to its end, `read_until` reads several until a condition holds (both
  read_committed, from the beginning, with a fresh group).
- Plain helpers: event data, grouping outputs, waiting, process trees.

Tansu delivers the records of aborted transactions to read_committed readers (FIELD-NOTES), so tests count
outputs by event id and require duplicates to be byte-identical; nothing here hides a duplicate.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from gate.broker import EmbeddedBroker, free_loopback_port
from gate.demo.session import gate_environment
from gate.provenance import DevPki
from gate.settings import TopicSettings

# `gate` as the tests run it: this interpreter, so the checkout under test is what runs.
GATE = (sys.executable, "-m", "gate.cli.main")
# The topic settings most tests give a gate: the others (audit, incidents) keep their defaults.
VERDICT_TOPICS = ("ingest", "approved", "quarantine", "rejected")
# Flags that make a reading command (`gate quarantine`, `replay`, `rescan`, `incidents`) quick and quiet.
# The idle clock starts only once every partition has answered a first fetch (gate/replay/read.py), and that
# answer already holds the partition's records up to max.partition.fetch.bytes (1 MiB; the tests' topics
# hold kilobytes). Measured at load 11-18 on two cores over 91 reads of test_quarantine_replay.py and
# test_release_incidents.py (200-record topics among them): once the gate had stopped writing, no record of
# a read arrived after every partition's first answer. So half a second of quiet after it ends a read, in the
# tests' own reads (`read_topic`) as in the commands': it was 1.5 s: a second saved per read and per
# command, of which the CLI-driven test files make about 110 (more counting the polls of `wait_for`).
READ_IDLE_S = 0.5
QUICK_READ = ("--no-progress", "--idle-seconds", str(READ_IDLE_S))
READER_SESSION = {"session.timeout.ms": 6000, "heartbeat.interval.ms": 500}


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


def wait_for(predicate: Callable[[], bool], timeout: float, what: str, poll_s: float = 0.1) -> None:
    """Return once `predicate()` holds; AssertionError naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(poll_s)


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


# --- `gate run` as a subprocess -------------------------------------------------------------------------


def topic_variables(topics: TopicSettings, names: Iterable[str] = VERDICT_TOPICS) -> dict[str, str]:
    """`GATE_TOPICS__*` for the topic settings `names` of `topics`."""
    chosen = topics.model_dump()
    return {f"GATE_TOPICS__{name.upper()}": chosen[name] for name in names}


def gate_env(
    bootstrap: str,
    pki: DevPki,
    store: Path,
    topics: TopicSettings,
    *,
    topic_names: Iterable[str] = VERDICT_TOPICS,
    workers: int = 2,
    group_id: str | None = None,
    port: int | None = None,
    policy: Path | None = None,
    extra: Mapping[str, str] | None = None,
    clear: tuple[str, ...] = ("GATE_", "OTEL_"),
) -> dict[str, str]:
    """The environment of a `gate` process on the embedded broker, configured only through variables.

    This process's environment without the variables starting with `clear` (a developer's GATE_* must not
    leak in), plus `gate_environment` (signing and trusting `pki`, storing under `store`, short session
    timeouts), the topic settings `topic_names` of `topics`, `GATE_POLICY` when `policy` is given, then
    `extra`. A fresh group id (unless `group_id`), a fresh transactional id and a free /metrics port
    (unless `port`, read back from `GATE_HTTP__PORT`).
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(clear)}
    env.update(
        gate_environment(
            bootstrap,
            pki,
            store,
            port=free_loopback_port() if port is None else port,
            workers=workers,
            group_id=group_id or f"gate-{uuid.uuid4().hex[:8]}",
            transactional_id=f"tx-{uuid.uuid4().hex[:8]}",
        )
    )
    env.update(topic_variables(topics, topic_names))
    if policy is not None:
        env["GATE_POLICY"] = str(policy)
    env.update(extra or {})
    return env


def unhurried_policy(directory: Path) -> Path:
    """The default policy with its check timeout and pixel budget raised to two minutes (tests/unhurried.py
    says why: on a loaded 2-core machine one OCR has taken 3.9 s, past the 3 s budget), written to
    `directory`, for a `gate run` whose test is about reasons and verdicts, not time bounds."""
    from gate.core.policy.load import default_policy_path  # noqa: PLC0415 - keep the helpers import-light
    from tests.unhurried import UNHURRIED_MS  # noqa: PLC0415

    text = default_policy_path().read_text()
    for bound in ("  time_budget_ms: ", "  check_timeout_ms: "):
        assert text.count(bound) == 1, f"the default policy no longer has one `{bound.strip()}`"
        text = re.sub(rf"^{bound}\d+$", f"{bound}{UNHURRIED_MS}", text, flags=re.MULTILINE)
    path = directory / "unhurried-policy.yaml"
    path.write_text(text)
    return path


def fresh_topics(*also: str) -> TopicSettings:
    """Unique names for the ingest and verdict topics and for the topic settings `also` (e.g. "audit",
    "incidents"); the others keep their defaults. Nothing is created."""
    tag = uuid.uuid4().hex[:8]
    return TopicSettings(**{name: f"{name}-{tag}" for name in (*VERDICT_TOPICS, *also)})


def review_env(
    bootstrap: str, topics: TopicSettings, tmp: Path, policy: Path | None = None
) -> dict[str, str]:
    """`gate_env` for the tests that fill the quarantine (or the approvals) on purpose, then review, replay
    or rescan them: every topic setting of `topics`, a fresh dev PKI under `tmp`, 2 workers, and the flood
    guard off (a strict policy that quarantines every event is exactly what it stops, issue 17)."""
    from gate.provenance import create_dev_pki  # noqa: PLC0415 - only these tests make a PKI here

    return gate_env(
        bootstrap,
        create_dev_pki(tmp / f"pki-{uuid.uuid4().hex[:6]}"),
        tmp / "store",
        topics,
        topic_names=topics.model_dump().keys(),
        policy=policy,
        extra={"GATE_FLOOD_GUARD__ENABLED": "false"},
    )


@dataclass(frozen=True)
class GateProcess:
    """A `gate run` subprocess in a session of its own (so its workers can be killed with it)."""

    process: subprocess.Popen[bytes]
    env: dict[str, str]
    log: Path  # its standard output and error

    @property
    def pid(self) -> int:
        """The gate's own process id (its workers are its children)."""
        return self.process.pid

    @property
    def port(self) -> int:
        """The port of its /metrics, /healthz and /readyz."""
        return int(self.env["GATE_HTTP__PORT"])

    def running(self) -> bool:
        """Whether the gate has not exited yet."""
        return self.process.poll() is None

    def metrics(self) -> str:
        """The text of its /metrics ("" while nothing answers)."""
        return http_get(self.port, "/metrics")[1]

    def stop(self, timeout: float = 40.0) -> int:
        """SIGTERM (a graceful stop: the batch in hand is finished) and its exit status; raises
        subprocess.TimeoutExpired when it has not exited within `timeout` seconds."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def kill(self) -> None:
        """SIGKILL the gate and its workers (its whole session), if it still runs, and reap it."""
        if self.running():
            os.killpg(self.pid, signal.SIGKILL)
            self.process.wait()

    def stop_or_kill(self, timeout: float = 40.0) -> None:
        """Stop it gracefully if it still runs; kill it when that takes longer than `timeout` seconds."""
        if not self.running():
            return
        try:
            self.stop(timeout)
        except subprocess.TimeoutExpired:
            self.kill()


def start_gate(env: Mapping[str, str], log: Path, *run_args: str) -> GateProcess:
    """Start `gate run RUN_ARGS` with environment `env`, its output to `log`. The caller kills it when
    done (`GateProcess.kill`), or uses `running_gate`, which does."""
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*GATE, "run", *run_args],
            env=dict(env),
            stdout=sink,
            stderr=sink,
            start_new_session=True,
        )
    return GateProcess(process, dict(env), log)


@contextmanager
def running_gate(env: Mapping[str, str], log: Path, *run_args: str) -> Iterator[GateProcess]:
    """`start_gate`, killed with its workers on the way out if the test has not stopped it."""
    gate = start_gate(env, log, *run_args)
    try:
        yield gate
    finally:
        gate.kill()


# --- other `gate` commands ------------------------------------------------------------------------------


def gate_cli(env: Mapping[str, str], *args: str, timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
    """`gate ARGS` run to its end (`timeout` seconds at most), its output captured as text."""
    return subprocess.run(
        [*GATE, *args], env=dict(env), capture_output=True, text=True, timeout=timeout, check=False
    )


def gate_cli_quick(
    env: Mapping[str, str], *args: str, timeout: float = 120.0
) -> subprocess.CompletedProcess[str]:
    """`gate_cli` with `QUICK_READ` after ARGS: no progress bar, reading stops after `READ_IDLE_S` idle
    seconds."""
    return gate_cli(env, *args, *QUICK_READ, timeout=timeout)


def start_cli(env: Mapping[str, str], *args: str) -> subprocess.Popen[bytes]:
    """`gate ARGS` started and left running (standard output discarded, standard error kept), to be
    killed with `kill_when`."""
    return subprocess.Popen([*GATE, *args], env=dict(env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill_when(
    process: subprocess.Popen[bytes] | subprocess.Popen[str],
    ready: Callable[[], bool],
    timeout: float,
    what: str,
    *,
    poll_s: float = 0.1,
    reap_s: float = 10.0,
) -> None:
    """Wait until `ready()` (AssertionError naming `what` after `timeout` s), then SIGKILL `process` (no
    handler runs: whatever it had not committed is left as a crash leaves it) and reap it within `reap_s`.
    The process is killed on the way out whatever happens."""
    try:
        wait_for(ready, timeout, what, poll_s)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=reap_s)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


# --- reading topics -------------------------------------------------------------------------------------


class TopicRecord(NamedTuple):
    """One record read back from a topic."""

    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: dict[str, bytes]


# confluent_kafka types every field of a message as optional; a record delivered without error has them all.
def _record(message: Any) -> TopicRecord:
    headers = dict(message.headers() or [])
    return TopicRecord(message.partition(), message.offset(), message.key(), message.value(), headers)


def _output(message: Any) -> Output:
    return Output(message.topic(), message.key(), message.value(), dict(message.headers() or []))


def read_topic(broker: EmbeddedBroker, topic: str, idle_s: float = READ_IDLE_S) -> list[TopicRecord]:
    """Every record of every partition of `topic` (read_committed), until none arrives for `idle_s`, counted
    from every partition's first fetch answer (as `gate quarantine` reads: a loaded machine's slow start
    is no end)."""
    from confluent_kafka import OFFSET_BEGINNING, Consumer, TopicPartition  # noqa: PLC0415 - import-light

    from gate.replay.read import FIRST_FETCH_S, unfetched  # noqa: PLC0415

    consumer = Consumer(
        {
            "bootstrap.servers": broker.bootstrap_servers,
            "group.id": f"r-{uuid.uuid4().hex[:6]}",
            "isolation.level": "read_committed",
            "enable.auto.commit": False,
        }
    )
    try:
        meta = consumer.list_topics(topic, timeout=10).topics[topic]
        waiting = [TopicPartition(topic, p, OFFSET_BEGINNING) for p in meta.partitions]
        consumer.assign(waiting)
        out: list[TopicRecord] = []
        started = last = time.monotonic()
        while waiting or time.monotonic() - last < idle_s:
            for m in consumer.consume(500, 0.2):
                if m.error() is None:
                    out.append(_record(m))
                    last = time.monotonic()
            if waiting:
                waiting, last = unfetched(consumer, waiting), time.monotonic()
                assert not waiting or last - started < FIRST_FETCH_S, f"no fetch answer for {topic}"
        return out
    finally:
        consumer.close()


def read_until(
    bootstrap: str,
    topics: list[str],
    done: Callable[[list[Output]], bool],
    timeout: float = 60.0,
    settle_s: float = 1.0,
) -> list[Output]:
    """The records of `topics` (read_committed, from the beginning), read until `done(read so far)` holds
    and then `settle_s` more (to catch duplicates), or until `timeout`: the caller asserts what it needs."""
    from confluent_kafka import Consumer  # noqa: PLC0415 - keep the helpers import-light

    consumer = Consumer(
        {
            "bootstrap.servers": bootstrap,
            "group.id": f"reader-{uuid.uuid4().hex[:8]}",
            "auto.offset.reset": "earliest",
            "isolation.level": "read_committed",
            "enable.auto.commit": False,
            **READER_SESSION,
        }
    )
    consumer.subscribe(topics)
    out: list[Output] = []
    deadline, settle_until = time.monotonic() + timeout, None
    try:
        while time.monotonic() < (settle_until or deadline):
            for m in consumer.consume(500, 0.2):
                if m.error() is None:
                    out.append(_output(m))
            if settle_until is None and done(out):
                settle_until = time.monotonic() + settle_s
    finally:
        consumer.close()
    return out
