"""One real `gate run` over the demo's sample set, shared by the compliance tests (audit, inventory, report).

The gate runs as a process configured only through GATE_* variables, on fresh topics of the embedded broker;
`run_samples` returns when every sample's decision is committed, with the decisions, the audit records and
the gate's /metrics text (read before it stops).
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import harness
from confluent_kafka import Producer
from harness import gate_env, read_until, start_gate, topic_variables, wait_for

from gate.broker import EmbeddedBroker
from gate.core.policy import default_policy_path
from gate.demo.images import jpeg_bytes, product_image
from gate.demo.samples import Sample
from gate.model import Verdict
from gate.provenance import DevPki
from gate.runner.topics import create_topics
from gate.settings import TopicSettings


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
    """New ingest, verdict, audit and incidents topics, created (4 partitions each)."""
    topics = harness.fresh_topics("audit", "incidents")
    create_topics(bootstrap, list(topics.model_dump().values()), 4)
    return topics


def read_topics(
    bootstrap: str, names: list[str], until: int, timeout: float = 90.0
) -> list[tuple[str, bytes]]:
    """(topic, value) of every record in `names`, reading until `until` were seen and 1 s more."""
    read = read_until(bootstrap, names, lambda out: len(out) >= until, timeout, settle_s=1.0)
    return [(o.topic, o.value) for o in read]


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
    env = gate_env(
        bootstrap, pki, directory / "store", topics, topic_names=topics.model_dump().keys(), policy=policy
    )
    gate = start_gate(env, directory / "gate.log", "--log-format", "json")
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
        wait_for(lambda: gate.metrics() != "", 10, "metrics")
        metrics = gate.metrics()
    finally:
        gate.stop_or_kill(timeout=40)
    return Run(topics, decisions, audit, metrics, samples, bootstrap, pki)


def gate_cli(run: Run, *args: str, terminal: bool = False) -> subprocess.CompletedProcess[str]:
    """`gate ARGS` against the run's broker and topics, as an operator would call it (`terminal`: as in a
    terminal, where progress bars are drawn)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GATE_", "OTEL_"))}
    env.update(topic_variables(run.topics, run.topics.model_dump().keys()))
    env["GATE_BOOTSTRAP_SERVERS"] = run.bootstrap_servers
    if terminal:
        env["TTY_COMPATIBLE"] = "1"  # rich draws for a terminal on a pipe
    return harness.gate_cli(env, *args, timeout=120)
