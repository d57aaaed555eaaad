"""One real `gate run` over the demo's sample set, shared by the compliance tests (audit, inventory, report).

The gate runs as a process configured only through GATE_* variables, on fresh topics of the embedded broker;
`run_samples` returns when every sample's decision is committed, with the decisions, the audit records and
the gate's /metrics text (read before it stops).
"""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from confluent_kafka import Consumer, Producer
from harness import wait_for

from gate.broker import EmbeddedBroker, free_loopback_port
from gate.core.policy import default_policy_path
from gate.demo.images import jpeg_bytes, product_image
from gate.demo.samples import Sample
from gate.demo.session import gate_environment
from gate.model import Verdict
from gate.provenance import DevPki
from gate.runner.topics import create_topics
from gate.settings import TopicSettings

SESSION = {"session.timeout.ms": 6000, "heartbeat.interval.ms": 500}


@dataclass(frozen=True)
class Run:
    """What one run left behind."""

    topics: TopicSettings
    decisions: dict[str, tuple[str, bytes]]  # event id -> (verdict topic, decision record bytes)
    audit: list[dict[str, Any]]  # every audit record read, in topic order per partition
    metrics: str
    samples: list[Sample]
    bootstrap_servers: str
    pki: DevPki


def fresh_topics(bootstrap: str) -> TopicSettings:
    """New ingest, verdict and audit topics."""
    suffix = uuid.uuid4().hex[:8]
    topics = TopicSettings(
        ingest=f"ingest-{suffix}",
        approved=f"approved-{suffix}",
        quarantine=f"quarantine-{suffix}",
        rejected=f"rejected-{suffix}",
        audit=f"audit-{suffix}",
        incidents=f"incidents-{suffix}",
    )
    create_topics(bootstrap, list(topics.model_dump().values()), 4)
    return topics


def read_topics(
    bootstrap: str, names: list[str], until: int, timeout: float = 90.0
) -> list[tuple[str, bytes]]:
    """(topic, value) of every record in `names`, reading until `until` were seen and 1 s more."""
    consumer = Consumer(
        {
            "bootstrap.servers": bootstrap,
            "group.id": f"reader-{uuid.uuid4().hex[:8]}",
            "auto.offset.reset": "earliest",
            "isolation.level": "read_committed",
            "enable.auto.commit": False,
            **SESSION,
        }
    )
    consumer.subscribe(names)
    out: list[tuple[str, bytes]] = []
    deadline, settle = time.monotonic() + timeout, None
    try:
        while time.monotonic() < (settle or deadline):
            for m in consumer.consume(500, 0.2):
                if m.error() is None:
                    out.append((m.topic(), m.value()))
            if settle is None and len(out) >= until:
                settle = time.monotonic() + 1.0
    finally:
        consumer.close()
    return out


MODELS_SECTION = """
models:
  approved:
    - {provider: stability.ai, name: sdxl-base, versions: [">=1.0,<2"]}
"""


def policy_with_approved_models(directory: Path) -> Path:
    """The shipped policy plus an approved-model list holding the demo's generator (sdxl-base 1.x)."""
    path = directory / "policy.yaml"
    path.write_text(default_policy_path().read_text() + MODELS_SECTION)
    return path


def model_samples(prefix: str) -> list[Sample]:
    """A synthetic image from a model not on the list, and one that declares no model."""
    image = base64.b64encode(jpeg_bytes(product_image(160, 120, seed=77))).decode()
    samples = []
    for n, (name, model) in enumerate(
        [
            ("unapproved model", {"provider": "acme", "name": "imagegen", "version": "3.0"}),
            ("no model declared", None),
        ],
        start=1,
    ):
        event_id = f"{prefix}-model-{n}"
        generation: dict[str, Any] = {"synthetic": True, "parameters": {"steps": 20}}
        if model is not None:
            generation["model"] = model
        event = {
            "event_id": event_id,
            "occurred_at": "2026-11-26T10:00:00Z",
            "source": "studio-gen",
            "asset": {"data": image, "media_type": "image/jpeg"},
            "generation": generation,
        }
        code = "generation.model_unapproved" if model else "generation.model_missing"
        value = json.dumps(event).encode()
        samples.append(Sample(name, value, Verdict.QUARANTINED, (code,), key=event_id.encode()))
    return samples


def run_samples(
    broker: EmbeddedBroker, pki: DevPki, samples: list[Sample], directory: Path, policy: Path | None = None
) -> Run:
    """Run the gate over `samples` until each has its decision; stop it; return what it produced."""
    bootstrap = broker.bootstrap_servers
    topics = fresh_topics(bootstrap)
    port = free_loopback_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GATE_", "OTEL_"))}
    env.update(
        gate_environment(
            bootstrap,
            pki,
            directory / "store",
            port=port,
            group_id=f"gate-{uuid.uuid4().hex[:8]}",
            transactional_id=f"tx-{uuid.uuid4().hex[:8]}",
        )
    )
    env.update({f"GATE_TOPICS__{name.upper()}": value for name, value in topics.model_dump().items()})
    if policy is not None:
        env["GATE_POLICY"] = str(policy)
    log = (directory / "gate.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "gate.cli.main", "run", "--log-format", "json"],
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    try:
        producer = Producer({"bootstrap.servers": bootstrap, "message.max.bytes": 16 * 1024 * 1024})
        for sample in samples:
            producer.produce(topics.ingest, key=sample.key, value=sample.value)
        assert producer.flush(10) == 0
        verdicts = [topics.approved, topics.quarantine, topics.rejected]
        produced = read_topics(bootstrap, verdicts, len(samples))
        decisions = {json.loads(value)["event_id"]: (topic, value) for topic, value in produced}
        assert len(decisions) == len(samples), "every sample has its decision"
        audit = [json.loads(value) for _, value in read_topics(bootstrap, [topics.audit], len(samples))]
        wait_for(lambda: _metrics(port) != "", 10, "metrics")
        metrics = _metrics(port)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    return Run(topics, decisions, audit, metrics, samples, bootstrap, pki)


def _metrics(port: int) -> str:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            text: str = response.read().decode()
            return text
    except OSError:
        return ""


def gate_cli(run: Run, *args: str) -> subprocess.CompletedProcess[str]:
    """`gate ARGS` against the run's broker and topics, as an operator would call it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GATE_", "OTEL_"))}
    env.update({f"GATE_TOPICS__{name.upper()}": value for name, value in run.topics.model_dump().items()})
    env["GATE_BOOTSTRAP_SERVERS"] = run.bootstrap_servers
    return subprocess.run(
        [sys.executable, "-m", "gate.cli.main", *args],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
