"""`gate quarantine release` and `gate replay` of single records against the real CLI on the embedded broker.

A reviewer's release (personal data in the note refused by type, a release approved, a provenance failure
refused and rejected instead, a second release refused), a replay whose original is gone, and a reinject
that writes the original back with lineage the gate keeps. The records are made by the record module, so
no `gate run` is needed: these tests are apart from test_quarantine_replay.py (whose 200-event run and its
long replays hold one worker for minutes) so that the two files can run on both workers at once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from confluent_kafka import Producer
from harness import fresh_topics, gate_cli_quick, read_topic, review_env
from test_quarantine_replay import _event

from gate.broker import EmbeddedBroker
from gate.core.record import InboundRecord, RoutedRecord, failure_record, oversized_record
from gate.demo.images import jpeg_bytes, product_image
from gate.model import PolicyRef, Verdict
from gate.runner.topics import create_topics
from gate.schemas import DECISION, schema_errors

# 8 `gate` commands, each a process that imports the scanner (2 s of CPU): as test_quarantine_replay.py.
pytestmark = [pytest.mark.integration, pytest.mark.timeout(900)]


def _produce(broker: EmbeddedBroker, topic: str, records: list[RoutedRecord]) -> None:
    producer = Producer({"bootstrap.servers": broker.bootstrap_servers})
    for r in records:
        producer.produce(topic, key=r.key, value=r.value, headers=list(r.headers))
    assert producer.flush(10) == 0


def test_release_and_a_gone_original(broker: EmbeddedBroker, tmp_path: Path) -> None:
    topics = fresh_topics()
    create_topics(broker.bootstrap_servers, list(topics.model_dump().values()), 1)
    env = review_env(broker.bootstrap_servers, topics, tmp_path)
    policy = PolicyRef("2026.11.0", "c" * 64)
    at = lambda i, key: InboundRecord(topics.ingest, 0, 1000 + i, key, b"x")  # noqa: E731 - beyond the end
    timeout = failure_record(at(0, b"r-timeout"), "gate.timeout", policy)
    broken = failure_record(at(1, b"r-broken"), "provenance.invalid", policy)
    gone = oversized_record(at(2, b"r-gone"), timeout, policy)  # names its input, keeps no raw bytes
    gone = RoutedRecord(
        gone.verdict, b"r-gone", gone.value.replace(b"r-timeout", b"r-gone"), gone.headers, (), "x"
    )
    _produce(broker, topics.quarantine, [timeout, broken, gone])

    pii = gate_cli_quick(
        env,
        "quarantine",
        "release",
        "r-timeout",
        "--to",
        "approved",
        "--reviewer",
        "rev-7",
        "--note",
        "call me at jane.doe@example.com",
    )
    assert pii.returncode == 2 and "EMAIL_ADDRESS" in pii.stderr and "jane" not in pii.stderr
    ok = gate_cli_quick(
        env,
        "quarantine",
        "release",
        "r-timeout",
        "--to",
        "approved",
        "--reviewer",
        "rev-7",
        "--note",
        "checked by hand, the timeout was a broker outage",
    )
    assert ok.returncode == 0, ok.stderr
    refused = gate_cli_quick(
        env,
        "quarantine",
        "release",
        "r-broken",
        "--to",
        "approved",
        "--reviewer",
        "rev-7",
        "--note",
        "looks fine",
    )
    assert refused.returncode == 4 and "provenance.invalid" in refused.stderr
    rejected = gate_cli_quick(
        env,
        "quarantine",
        "release",
        "r-broken",
        "--to",
        "rejected",
        "--reviewer",
        "rev-7",
        "--note",
        "tampered",
    )
    assert rejected.returncode == 0, rejected.stderr
    approved = read_topic(broker, topics.approved)
    assert [r[2] for r in approved] == [b"r-timeout"]
    doc = json.loads(approved[0][3])
    assert schema_errors(DECISION, doc) == [] and doc["verdict"] == Verdict.APPROVED.value
    assert doc["review"]["reviewer"] == "rev-7" and doc["review"]["overruled"]["verdict"] == "quarantined"
    assert [r["code"] for r in doc["reasons"]] == ["gate.timeout", "review.released"]
    assert [r[2] for r in read_topic(broker, topics.rejected)] == [b"r-broken"]
    twice = gate_cli_quick(
        env,
        "quarantine",
        "release",
        "r-timeout",
        "--to",
        "rejected",
        "--reviewer",
        "rev-7",
        "--note",
        "again",
    )
    assert twice.returncode == 4 and "only a quarantined decision" in twice.stderr

    failed = gate_cli_quick(env, "replay", "--mode", "reevaluate", "--event-id", "r-gone", "--job", "gone")
    assert failed.returncode == 1 and "FAILED r-gone" in failed.stdout and "is gone" in failed.stdout
    assert [r[2] for r in read_topic(broker, topics.approved)] == [b"r-timeout"]  # nothing written for it


def test_reinject_writes_the_original_back_with_lineage_the_gate_keeps(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    from gate.assets import AssetFetcher, FetchPolicy  # noqa: PLC0415
    from gate.worker.assembly import PipelineSpec  # noqa: PLC0415
    from gate.worker.processor import GateProcessor  # noqa: PLC0415

    topics = fresh_topics()
    create_topics(broker.bootstrap_servers, list(topics.model_dump().values()), 1)
    env = review_env(broker.bootstrap_servers, topics, tmp_path)
    raw = _event("ri-1", jpeg_bytes(product_image(64, 48)))
    producer = Producer({"bootstrap.servers": broker.bootstrap_servers})
    producer.produce(
        topics.ingest, key=b"ri-1", value=raw, headers=[("traceparent", b"00-abc"), ("x-origin", b"a")]
    )
    assert producer.flush(10) == 0
    original = InboundRecord(topics.ingest, 0, 0, b"ri-1", raw)
    stand_in = failure_record(original, "gate.timeout", PolicyRef("2026.11.0", "c" * 64))
    _produce(broker, topics.quarantine, [oversized_record(original, stand_in, PolicyRef("v", "c" * 64))])

    dry = gate_cli_quick(env, "replay", "--mode", "reinject", "--event-id", "ri-1", "--dry-run")
    assert dry.returncode == 0 and len(read_topic(broker, topics.ingest)) == 1
    done = gate_cli_quick(env, "replay", "--mode", "reinject", "--event-id", "ri-1", "--job", "rj")
    assert done.returncode == 0, done.stdout + done.stderr
    ingest = read_topic(broker, topics.ingest)
    assert len(ingest) == 2
    (_, _, key0, value0, headers0), (_, offset, key, value, headers) = sorted(ingest, key=lambda r: r[1])
    assert (key, value) == (key0, value0) and headers0.items() <= headers.items()  # intact
    assert headers["gate-replay-job"] == b"rj" and headers["gate-replay-count"] == b"1"
    assert headers["gate-replay-supersedes"] == f"{topics.quarantine}/0/0".encode()

    with AssetFetcher(FetchPolicy()) as fetcher:  # the running gate's processor keeps the lineage
        processor = GateProcessor(PipelineSpec().build(), fetcher, None)
        decided = processor(InboundRecord(topics.ingest, 0, offset, key, value, tuple(headers.items())))
    doc = decided.document
    assert schema_errors(DECISION, doc) == [] and doc["replay"]["job"] == "rj" and doc["replay"]["count"] == 1
