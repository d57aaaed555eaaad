"""`gate run` on the S3 backend (moto's server) and the embedded broker: outages and a takeover.

Tansu delivers records of aborted transactions to read_committed readers, so outputs are counted by event id
and duplicates must be byte-identical: that is exactly what the shared derivation index guarantees when a
second instance redoes the batch a SIGKILLed one had left open.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import signal
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from confluent_kafka import Producer
from harness import GateProcess, Output, by_key, committed_total, gate_env, http_get, output_topics, wait_for
from s3_server import CREDENTIALS, MotoServer

from gate.broker import EmbeddedBroker, free_loopback_port
from gate.demo.images import camera_exif, jpeg_bytes, product_image
from gate.provenance import DevPki, create_dev_pki
from gate.settings import TopicSettings

pytestmark = pytest.mark.integration

Start = Callable[..., tuple[subprocess.Popen[bytes], int, Path]]


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DevPki:
    return create_dev_pki(tmp_path_factory.mktemp("s3-runner-pki"))


@pytest.fixture
def gate_on_s3(
    broker: EmbeddedBroker,
    gate_topics: TopicSettings,
    group_id: str,
    pki: DevPki,
    tmp_path: Path,
    launch_gate: Callable[..., GateProcess],
) -> Start:
    """Start `gate run` processes configured only through GATE_* and AWS_* variables."""
    started = 0

    def start(endpoint_url: str, bucket: str, **extra: str) -> tuple[subprocess.Popen[bytes], int, Path]:
        nonlocal started
        env = gate_env(
            broker.bootstrap_servers,
            pki,
            tmp_path / "unused-store-dir",
            gate_topics,
            workers=1,
            group_id=group_id,
            clear=("GATE_", "OTEL_", "AWS_"),
            extra={
                **CREDENTIALS,
                "GATE_STORE__BACKEND": "s3",
                "GATE_STORE__S3__BUCKET": bucket,
                "GATE_STORE__S3__PREFIX": "gate",
                "GATE_STORE__S3__ENDPOINT_URL": endpoint_url,
                "GATE_STORE__S3__REGION": "us-east-1",
                **extra,
            },
        )
        del env["GATE_STORE_DIR"]
        gate = launch_gate(env, tmp_path / f"gate-{started}.log", "--log-format", "text")
        started += 1
        return gate.process, gate.port, gate.log

    return start


def synthetic_events(prefix: str, n: int) -> list[tuple[bytes, bytes]]:
    """Inline synthetic images with camera EXIF: each is stripped and signed, so each publishes bytes."""
    out = []
    for i in range(n):
        image = jpeg_bytes(product_image(48, 32, seed=i), exif=camera_exif())
        event_id = f"{prefix}-{i}"
        event = {
            "event_id": event_id,
            "occurred_at": "2026-12-05T01:00:00Z",
            "source": "studio-gen",
            "asset": {"data": base64.b64encode(image).decode(), "media_type": "image/jpeg"},
            "generation": {"synthetic": True, "model": {"name": "m", "version": "1", "provider": "p"}},
        }
        out.append((event_id.encode(), json.dumps(event).encode()))
    return out


def produce(bootstrap: str, topic: str, records: list[tuple[bytes, bytes]], partitions: list[int]) -> None:
    producer = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5})
    for n, (key, value) in enumerate(records):
        producer.produce(topic, key=key, value=value, partition=partitions[n % len(partitions)])
    assert producer.flush(10) == 0


def output_of(value: bytes) -> dict[str, str]:
    output: dict[str, str] = json.loads(value)["asset"]["output"]
    return output


def test_a_store_outage_holds_the_batch_uncommitted_and_not_ready_until_the_store_returns(
    broker: EmbeddedBroker,
    gate_topics: TopicSettings,
    group_id: str,
    gate_on_s3: Start,
    consume_all: Callable[..., list[Output]],
    tmp_path: Path,
) -> None:
    store_port = free_loopback_port()  # nothing listens there yet: the store is down
    bucket = f"gate-{uuid.uuid4().hex[:12]}"
    process, port, log = gate_on_s3(
        f"http://127.0.0.1:{store_port}",
        bucket,
        GATE_STORE__S3__MAX_ATTEMPTS="1",
        GATE_STORE__S3__CONNECT_TIMEOUT_S="0.5",
    )
    sent = synthetic_events(f"down-{uuid.uuid4().hex[:6]}", 6)
    produce(broker.bootstrap_servers, gate_topics.ingest, sent, [0, 1, 2, 3])
    wait_for(lambda: "store unavailable" in log.read_text(), 60, "the runner to meet the outage")
    wait_for(lambda: http_get(port, "/readyz")[0] == 503, 10, "readiness to turn false")
    assert http_get(port, "/healthz")[0] == 200  # waiting for the store is not a stall
    assert committed_total(broker.bootstrap_servers, group_id, gate_topics.ingest) == 0
    assert consume_all(output_topics(gate_topics), {b"never"}, timeout=3) == []  # no decision without bytes

    server = MotoServer(tmp_path / "moto-late.log", port=store_port).start()
    try:
        server.bucket(bucket, fit=True)  # moto keeps buckets in memory: make it now that the store is up
        outputs = consume_all(output_topics(gate_topics), {k for k, _ in sent}, timeout=90)
        wait_for(lambda: http_get(port, "/readyz")[0] == 200, 30, "readiness to come back")
        wait_for(
            lambda: committed_total(broker.bootstrap_servers, group_id, gate_topics.ingest) == len(sent),
            30,
            "the held batch to commit",
        )
        seen = by_key(outputs)
        assert set(seen) == {k for k, _ in sent} and all(len(v) == 1 for v in seen.values())
        client = server.client()
        for output in (output_of(o.value) for o in outputs):
            assert output["store"].startswith(f"s3://{bucket}/gate/published/synthetic/")
            key = output["store"].removeprefix(f"s3://{bucket}/")
            stored = client.get_object(Bucket=bucket, Key=key)["Body"].read()
            assert stored == base64.b64decode(output["data"])
            assert hashlib.sha256(stored).hexdigest() == output["sha256"]
        _, metrics = http_get(port, "/metrics")
        store_errors = [line for line in metrics.splitlines() if line.startswith("gate_store_errors_total ")]
        assert store_errors and float(store_errors[0].split()[1]) >= 1
        assert "gate_store_duration_seconds_count" in metrics
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        server.stop()


def derivation_keys(server: MotoServer, bucket: str) -> dict[str, str]:
    """Object key -> derivation key of every derivation entry the bucket holds now."""
    found = {}
    paginator = server.client().get_paginator("list_objects_v2")
    pages = paginator.paginate(Bucket=bucket, Prefix="gate/derivations/")
    for page in pages:
        for item in page.get("Contents", []):
            name = item["Key"].rsplit("/", 1)[1]
            if name != ".gate-prefix":
                found[item["Key"]] = name
    return found


def read_entries(server: MotoServer, bucket: str, keys: dict[str, str]) -> dict[str, str]:
    """Derivation key -> the published sha256 it names."""
    client = server.client()
    return {
        name: client.get_object(Bucket=bucket, Key=key)["Body"].read().decode() for key, name in keys.items()
    }


def test_a_sigkilled_instances_open_batch_is_redone_by_the_other_with_identical_bytes(
    broker: EmbeddedBroker,
    gate_topics: TopicSettings,
    group_id: str,
    gate_on_s3: Start,
    moto_s3: MotoServer,
    consume_all: Callable[..., list[Output]],
) -> None:
    bucket = moto_s3.bucket(fit=True)
    one, _, log_one = gate_on_s3(moto_s3.endpoint_url, bucket, GATE_BATCH__MAX_RECORDS="16")
    two, _, log_two = gate_on_s3(moto_s3.endpoint_url, bucket, GATE_BATCH__MAX_RECORDS="16")

    def assigned(log: Path) -> list[int]:
        found = re.findall(r"assigned \[([0-9, ]*)\]", log.read_text())
        return [int(p) for p in found[-1].split(",") if p.strip()] if found else []

    def split() -> bool:
        first, second = set(assigned(log_one)), set(assigned(log_two))
        return bool(first) and bool(second) and not first & second and first | second == {0, 1, 2, 3}

    wait_for(split, 60, "both instances assigned, the partitions split between them")
    victim = assigned(log_one)

    # Only the victim's partitions get events, so whatever is published and not committed is its open batch.
    sent = synthetic_events(f"kill-{uuid.uuid4().hex[:6]}", 160)
    produce(broker.bootstrap_servers, gate_topics.ingest, sent, victim)

    def progress() -> int:
        return committed_total(broker.bootstrap_servers, group_id, gate_topics.ingest)

    at_kill: dict[str, str] = {}

    def mid_batch() -> bool:
        committed = progress()
        entries = derivation_keys(moto_s3, bucket)
        if 0 < committed < len(entries) < len(sent):
            at_kill.update(entries)
            return True
        return False

    wait_for(mid_batch, 90, "the victim to have published records it has not committed")
    os.kill(one.pid, signal.SIGKILL)  # no handler, no abort: its transaction and published bytes are left
    one.wait(timeout=10)
    assert progress() < len(sent)
    open_batch = read_entries(moto_s3, bucket, at_kill)  # entries are never rewritten: safe to read now

    outputs = consume_all(output_topics(gate_topics), {k for k, _ in sent}, timeout=120)
    wait_for(lambda: progress() == len(sent), 60, "the survivor to commit everything")
    assert set(assigned(log_two)) >= set(victim)  # the survivor took the victim's partitions over

    seen = by_key(outputs)
    assert set(seen) == {k for k, _ in sent}, "an event has no output"
    assert all(len(values) == 1 for values in seen.values()), "a re-output differs from the first"
    published = {output_of(value)["sha256"] for values in seen.values() for _, value in values}
    # The survivor redid the victim's open batch and published the victim's bytes, not new signatures.
    assert set(open_batch.values()) <= published
    final = read_entries(moto_s3, bucket, derivation_keys(moto_s3, bucket))
    assert {k: final[k] for k in open_batch} == open_batch  # first writer won, nothing overwritten
    assert len(final) == len(sent) == len(published)
    two.send_signal(signal.SIGTERM)
    assert two.wait(timeout=30) == 0
