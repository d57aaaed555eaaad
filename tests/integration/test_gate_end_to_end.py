"""The real gate (`gate run`, real checks, real C2PA, real broker) on the demo's sample set.

Every event ends up in exactly one verdict topic with the verdict the default policy gives it (its time
bounds raised: a stalled shared machine must not turn a reason into `gate.timeout`); the
decision records validate against their schema; a signed output verifies as trusted; the trace context
of an ingest record continues in its output; /metrics, /healthz and /readyz answer with real values.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from confluent_kafka import Producer
from harness import GateProcess, Output, by_key, gate_env, http_get, output_topics, unhurried_policy, wait_for

from gate.broker import EmbeddedBroker
from gate.demo.samples import Sample, build_samples
from gate.model import Verdict
from gate.provenance import DevPki, TrustAnchors, Verifier, create_dev_pki, verify_manifest
from gate.schemas import DECISION, schema_errors
from gate.settings import TopicSettings
from tests.unhurried import UNHURRIED_MS

pytestmark = pytest.mark.integration

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
TRACEPARENT = f"00-{TRACE_ID}-00f067aa0ba902b7-01".encode()


@pytest.fixture(scope="module")
def pkis(tmp_path_factory: pytest.TempPathFactory) -> tuple[DevPki, DevPki]:
    return (
        create_dev_pki(tmp_path_factory.mktemp("trusted")),
        create_dev_pki(tmp_path_factory.mktemp("untrusted"), organisation="unknown vendor"),
    )


@pytest.fixture
def gate_process(
    broker: EmbeddedBroker,
    gate_topics: TopicSettings,
    group_id: str,
    pkis: tuple[DevPki, DevPki],
    tmp_path: Path,
    launch_gate: Callable[..., GateProcess],
) -> Callable[[], GateProcess]:
    """Starts the real `gate run` (2 workers, trusting and signing with the trusted PKI, the default policy
    with unhurried time bounds), its log in `gate.log`; killed at the end of the test if still running."""
    trusted, _ = pkis
    policy = unhurried_policy(tmp_path)

    def start() -> GateProcess:
        env = gate_env(
            broker.bootstrap_servers,
            trusted,
            tmp_path / "store",
            gate_topics,
            group_id=group_id,
            policy=policy,
            extra={"GATE_EVENT_TIMEOUT_S": str(UNHURRIED_MS / 1000)},  # the worker pool's bound per event
        )
        return launch_gate(env, tmp_path / "gate.log", "--log-format", "json")

    return start


def produce_samples(bootstrap: str, topic: str, samples: list[Sample]) -> None:
    producer = Producer({"bootstrap.servers": bootstrap, "message.max.bytes": 16 * 1024 * 1024})
    for n, sample in enumerate(samples):
        headers = [("traceparent", TRACEPARENT)] if n == 0 else []
        producer.produce(topic, key=sample.key, value=sample.value, headers=headers)
    assert producer.flush(10) == 0


def test_every_sample_gets_exactly_one_decision_with_the_expected_verdict(
    broker: EmbeddedBroker,
    gate_topics: TopicSettings,
    pkis: tuple[DevPki, DevPki],
    gate_process: Callable[[], GateProcess],
    consume_all: Callable[..., list[Output]],
) -> None:
    trusted, untrusted = pkis
    samples = build_samples(trusted, untrusted, size=(160, 120), prefix=f"e2e-{uuid.uuid4().hex[:6]}")
    gate = gate_process()
    port = gate.port
    produce_samples(broker.bootstrap_servers, gate_topics.ingest, samples)
    outputs = consume_all(output_topics(gate_topics), {s.key for s in samples}, timeout=90)

    topic_of = {
        Verdict.APPROVED: gate_topics.approved,
        Verdict.QUARANTINED: gate_topics.quarantine,
        Verdict.REJECTED: gate_topics.rejected,
    }
    seen = by_key(outputs)
    for sample in samples:
        distinct = seen.get(sample.key, set())
        assert len(distinct) == 1, (sample.name, distinct)  # one topic, byte-identical duplicates at most
        topic, value = next(iter(distinct))
        assert topic == topic_of[sample.expected], sample.name
        doc = json.loads(value)
        assert schema_errors(DECISION, doc) == [], sample.name
        assert doc["verdict"] == sample.expected.value
        for code in sample.expected_codes:
            assert code in [r["code"] for r in doc["reasons"]], (sample.name, code)

    # The synthetic image without a manifest was published signed, inline, and verifies as trusted.
    attached = next(s for s in samples if "gate attaches" in s.name)
    doc = json.loads(next(iter(seen[attached.key]))[1])
    assert doc["actions"] == ["manifest.attached"]
    published = base64.b64decode(doc["asset"]["output"]["data"])
    verifier = Verifier.create(TrustAnchors.from_pem_file(trusted.root_ca))
    assert verify_manifest(published, "image/jpeg", verifier).state == "trusted"

    # Undecodable input keeps its raw bytes, so nothing is lost.
    garbage = next(s for s in samples if s.expected_codes == ("event.invalid",))
    doc = json.loads(next(iter(seen[garbage.key]))[1])
    assert base64.b64decode(doc["input"]["raw"]) == garbage.value

    # The producer's trace continues in the output record.
    first = next(o for o in outputs if o.key == samples[0].key)
    traceparent = first.headers["traceparent"].decode()
    assert traceparent.split("-")[1] == TRACE_ID
    assert traceparent.split("-")[2] != "00f067aa0ba902b7"
    assert first.headers["gate-verdict"] == samples[0].expected.value.encode()

    status, metrics = http_get(port, "/metrics")
    assert status == 200
    approved = sum(1 for s in samples if s.expected is Verdict.APPROVED)
    lines = [
        line for line in metrics.splitlines() if line.startswith("gate_events_total{") and "approved" in line
    ]
    assert sum(float(line.rsplit(" ", 1)[1]) for line in lines) >= approved
    assert 'gate_policy_info{sha256="' in metrics
    assert 'gate_check_duration_seconds_count{check="provenance"}' in metrics
    assert 'gate_check_duration_seconds_count{check="asset_fetch"}' in metrics
    assert 'gate_transactions_total{outcome="committed"}' in metrics
    assert http_get(port, "/healthz")[0] == 200
    wait_for(lambda: http_get(port, "/readyz")[0] == 200, 10, "readiness")
    assert "jane.doe" not in metrics

    assert gate.stop(timeout=40) == 0
