"""Integration fixtures: one embedded Tansu broker per session, unique topics and group ids per test.

Tansu joins a consumer group after half the session timeout, so clients here use session.timeout.ms=6000
and heartbeat.interval.ms=500 (about 3 s per join instead of 23 s).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import compiled_wheel
import pytest
from confluent_kafka import Producer
from harness import GateProcess, Output, RunnerProcess, read_until, start_gate
from s3_server import CREDENTIALS, MotoServer

from gate.broker import EmbeddedBroker
from gate.runner.topics import create_topics
from gate.settings import GateSettings, TopicSettings, load_settings

RUN_GATE = Path(__file__).with_name("run_gate.py")


# The compiled wheel's build, started at collection (`pytest_collection_finish`).
_BACKGROUND_BUILDS: list[subprocess.Popen[bytes]] = []


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the compiled wheel's build in the background (compiled_wheel.py) when a test that needs it
    will run: on the first xdist worker only (or the only process), so one build serves both."""
    if session.config.option.collectonly or os.environ.get("PYTEST_XDIST_WORKER", "gw0") != "gw0":
        return
    if shutil.which("gcc") is None:  # the test fails and says so; nothing to start
        return
    if any("compiled_site" in getattr(item, "fixturenames", ()) for item in session.items):
        _BACKGROUND_BUILDS.append(compiled_wheel.start_in_background())


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Wait for a background build still running: the other worker's test may be waiting for it (killed
    here, it would build again from the start). Kill it when the run was cut short (Ctrl-C, -x)."""
    cut_short = exitstatus == pytest.ExitCode.INTERRUPTED or bool(session.shouldstop or session.shouldfail)
    while _BACKGROUND_BUILDS:
        process = _BACKGROUND_BUILDS.pop()
        if cut_short:
            compiled_wheel.stop(process)
        else:
            process.wait()


@pytest.fixture(scope="session")
def broker() -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker() as running:
        yield running
    assert running.pid is None


@pytest.fixture
def topic_factory(broker: EmbeddedBroker) -> Callable[..., str]:
    def make(prefix: str = "t", partitions: int = 4) -> str:
        name = f"{prefix}-{uuid.uuid4().hex[:10]}"
        create_topics(broker.bootstrap_servers, [name], partitions)
        return name

    return make


@pytest.fixture
def gate_topics(topic_factory: Callable[..., str]) -> TopicSettings:
    """Fresh ingest, verdict and audit topics (4 partitions each)."""
    return TopicSettings(
        ingest=topic_factory("ingest"),
        approved=topic_factory("approved"),
        quarantine=topic_factory("quarantine"),
        rejected=topic_factory("rejected"),
        audit=topic_factory("audit"),
    )


@pytest.fixture
def group_id() -> str:
    return f"gate-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def settings_overrides(broker: EmbeddedBroker, gate_topics: TopicSettings, group_id: str) -> dict[str, Any]:
    """Settings for a runner under test, as plain data (also passed to runner subprocesses)."""
    return {
        "bootstrap_servers": broker.bootstrap_servers,
        "group_id": group_id,
        "topics": gate_topics.model_dump(),
        "workers": 1,
        "event_timeout_s": 5,
        "session_timeout_ms": 6000,
        "shutdown_timeout_s": 10,
        "batch": {"max_records": 64, "linger_ms": 20},
        "kafka": {"statistics.interval.ms": "1000", "log_level": "3"},
        "transactional_id": f"tx-{uuid.uuid4().hex[:10]}",
    }


@pytest.fixture
def settings(settings_overrides: dict[str, Any]) -> GateSettings:
    return load_settings(**settings_overrides)


@pytest.fixture
def produce(broker: EmbeddedBroker) -> Callable[..., None]:
    producer = Producer({"bootstrap.servers": broker.bootstrap_servers, "linger.ms": 5})

    def send(topic: str, records: list[tuple[bytes, bytes]]) -> None:
        for key, value in records:
            producer.produce(topic, key=key, value=value, headers=[("traceparent", b"00-trace")])
        assert producer.flush(10) == 0

    return send


@pytest.fixture
def consume_all(broker: EmbeddedBroker) -> Callable[..., list[Output]]:
    def consume(
        topics: list[str], keys: set[bytes], timeout: float = 60.0, settle_s: float = 1.0
    ) -> list[Output]:
        """Read the topics until every key was seen (then `settle_s` more, to catch duplicates)."""
        return read_until(
            broker.bootstrap_servers, topics, lambda out: keys <= {o.key for o in out}, timeout, settle_s
        )

    return consume


@pytest.fixture
def launch_gate() -> Iterator[Callable[..., GateProcess]]:
    """Start `gate run` subprocesses (`harness.start_gate(env, log, *run_args)`); whatever is still running
    at the end of the test is killed with its workers."""
    started: list[GateProcess] = []

    def start(env: dict[str, str], log: Path, *run_args: str) -> GateProcess:
        started.append(start_gate(env, log, *run_args))
        return started[-1]

    yield start
    for gate in started:
        gate.kill()


@pytest.fixture
def runner_process(tmp_path: Path) -> Iterator[Callable[..., RunnerProcess]]:
    """Start `run_gate.py` in its own session; whatever is left running is killed (with its workers)."""
    started: list[RunnerProcess] = []

    def start(
        overrides: dict[str, Any],
        sleep_s: float = 0.0,
        metrics_port: int | None = None,
        *,
        build_sleep_s: float = 0.0,
    ) -> RunnerProcess:
        log = tmp_path / f"runner-{len(started)}.log"
        port = [] if metrics_port is None else [str(metrics_port)]
        with log.open("w") as sink:
            process = subprocess.Popen(
                [sys.executable, str(RUN_GATE), json.dumps(overrides), str(sleep_s), *port],
                stdout=subprocess.DEVNULL,
                stderr=sink,
                start_new_session=True,
                env={
                    **{k: v for k, v in os.environ.items() if not k.startswith("GATE_")},
                    "ITEST_BUILD_SLEEP_S": str(build_sleep_s),
                },
            )
        started.append(RunnerProcess(process, log))
        return started[-1]

    yield start
    for runner in started:
        if runner.process.poll() is None:
            os.killpg(runner.process.pid, signal.SIGKILL)
            runner.process.wait()


@pytest.fixture(scope="session")
def moto_s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MotoServer]:
    """One moto S3-protocol server per session (each test makes its own bucket)."""
    server = MotoServer(tmp_path_factory.mktemp("moto") / "moto.log").start()
    yield server
    server.stop()


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The test credentials in the standard AWS_* variables, as a pod would get them from a Secret."""
    for name in [n for n in os.environ if n.startswith("AWS_")]:
        monkeypatch.delenv(name)
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    return dict(CREDENTIALS)
