"""The policy is loaded once by `gate run` and pinned in every worker, replacements included.

Real `gate run`, real workers, the embedded broker. Policy A decides; the file is overwritten with a
stricter policy B and every worker is SIGKILLed while idle: the replacements still decide by A and every
record names A. Only after SIGHUP do new records carry B and get B's verdicts.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import signal
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from confluent_kafka import Producer
from harness import GateProcess, Output, alive, descendants, gate_env, output_topics, wait_for

from gate.assets import AssetFetcher, FetchPolicy
from gate.broker import EmbeddedBroker
from gate.core.flow import evaluate_event_bytes
from gate.core.policy import default_policy_path
from gate.demo.images import jpeg_bytes, product_image
from gate.model import Verdict
from gate.provenance import create_dev_pki
from gate.settings import TopicSettings
from gate.worker.assembly import PipelineSpec

pytestmark = pytest.mark.integration

REAL_PHOTO_RULE = (
    "  - name: real-photo-without-manifest\n    match: {code: provenance.missing, synthetic: false}\n"
)


def _policies() -> tuple[bytes, bytes]:
    shipped = default_policy_path().read_text()
    assert REAL_PHOTO_RULE + "    outcome: approve\n" in shipped
    a = shipped.replace('version: "2026.12.2"', 'version: "pin-A"')
    b = a.replace('version: "pin-A"', 'version: "pin-B"').replace(
        REAL_PHOTO_RULE + "    outcome: approve\n", REAL_PHOTO_RULE + "    outcome: reject\n"
    )
    return a.encode(), b.encode()


def _event(event_id: str) -> bytes:
    image = jpeg_bytes(product_image(64, 48))
    return json.dumps(
        {
            "event_id": event_id,
            "occurred_at": "2026-12-05T00:00:00Z",
            "source": "studio-camera",
            "asset": {"data": base64.b64encode(image).decode(), "media_type": "image/jpeg"},
            "generation": {"synthetic": False},
        }
    ).encode()


def _verdict_under(policy: Path, raw: bytes) -> Verdict:
    with AssetFetcher(FetchPolicy()) as fetcher:
        return evaluate_event_bytes(
            raw, PipelineSpec(policy=policy).build(), fetcher, fallback_id="x"
        ).decision.verdict


def _workers(pid: int) -> set[int]:
    """The gate's worker processes: its descendants but multiprocessing's resource tracker and forkserver
    (the gate's own children; the workers are the forkserver's, and share its command line)."""
    return {
        child
        for child in alive(descendants(pid))
        if b"resource_tracker" not in Path(f"/proc/{child}/cmdline").read_bytes()
        and child not in _children_of(pid)
    }


def _children_of(pid: int) -> set[int]:
    return {
        int(c)
        for task in Path(f"/proc/{pid}/task").glob("*")
        for c in (task / "children").read_text().split()
    }


def test_a_policy_changed_on_disk_decides_nothing_until_sighup(
    broker: EmbeddedBroker,
    gate_topics: TopicSettings,
    group_id: str,
    consume_all: Callable[..., list[Output]],
    launch_gate: Callable[..., GateProcess],
    tmp_path: Path,
) -> None:
    policy_a, policy_b = _policies()
    sha_a, sha_b = hashlib.sha256(policy_a).hexdigest(), hashlib.sha256(policy_b).hexdigest()
    (tmp_path / "a.yaml").write_bytes(policy_a)
    (tmp_path / "b.yaml").write_bytes(policy_b)
    sample = _event("probe")
    verdict_a = _verdict_under(tmp_path / "a.yaml", sample)
    verdict_b = _verdict_under(tmp_path / "b.yaml", sample)
    assert (verdict_a, verdict_b) == (Verdict.APPROVED, Verdict.REJECTED)  # B is stricter for this event

    policy_file = tmp_path / "policy.yaml"
    policy_file.write_bytes(policy_a)
    pki = create_dev_pki(tmp_path / "pki")
    env = gate_env(
        broker.bootstrap_servers, pki, tmp_path / "store", gate_topics, group_id=group_id, policy=policy_file
    )
    gate = launch_gate(env, tmp_path / "gate.log", "--log-format", "json")
    process = gate.process
    producer = Producer({"bootstrap.servers": broker.bootstrap_servers})
    seen: list[Output] = []

    def decide(phase: str, n: int) -> list[Output]:
        keys = [f"{phase}-{i}-{uuid.uuid4().hex[:6]}".encode() for i in range(n)]
        for key in keys:
            producer.produce(gate_topics.ingest, key=key, value=_event(key.decode()))
        assert producer.flush(10) == 0
        outputs = consume_all(output_topics(gate_topics), set(keys), timeout=90)
        mine = [o for o in outputs if o.key in set(keys)]
        assert {o.key for o in mine} == set(keys), phase
        seen.extend(mine)
        return mine

    def assert_decided_by(outputs: list[Output], version: str, sha256: str, verdict: Verdict) -> None:
        for output in outputs:
            doc = json.loads(output.value)
            assert doc["policy"] == {"version": version, "sha256": sha256}, output.key
            assert output.headers["gate-policy-sha256"] == sha256.encode()
            assert output.headers["gate-policy-version"] == version.encode()
            assert doc["verdict"] == verdict.value, (output.key, doc["reasons"])

    try:
        wait_for(lambda: f'sha256="{sha_a}"' in gate.metrics(), 90, "the gate serving metrics")
        assert_decided_by(decide("before", 4), "pin-A", sha_a, Verdict.APPROVED)

        policy_file.write_bytes(policy_b)  # a ConfigMap update, before the pod is rolled
        workers = _workers(process.pid)
        assert len(workers) == 2
        for pid in workers:
            os.kill(pid, signal.SIGKILL)  # the OOM killer, while the workers are idle
        wait_for(lambda: not alive(workers), 10, "the killed workers to die")
        after_kill = decide("after-kill", 6)
        assert process.poll() is None, "the gate must survive its workers dying"
        assert_decided_by(after_kill, "pin-A", sha_a, Verdict.APPROVED)
        replacements = _workers(process.pid)
        assert len(replacements) == 2 and not replacements & workers

        process.send_signal(signal.SIGHUP)
        wait_for(lambda: f'sha256="{sha_b}"' in gate.metrics(), 60, "the reload to show in gate_policy_info")
        metrics = gate.metrics()
        assert f'sha256="{sha_a}"' not in metrics  # one policy-info series: the one in force
        assert 'gate_policy_reloads_total{outcome="loaded"} 1.0' in metrics
        assert_decided_by(decide("after-sighup", 4), "pin-B", sha_b, Verdict.REJECTED)

        policy_file.write_text("version: [unfinished")  # a broken file: the reload fails, B stays
        process.send_signal(signal.SIGHUP)
        wait_for(
            lambda: 'gate_policy_reloads_total{outcome="failed"} 1.0' in gate.metrics(), 60, "a failed reload"
        )
        assert_decided_by(decide("after-bad-sighup", 2), "pin-B", sha_b, Verdict.REJECTED)

        assert gate.stop(timeout=40) == 0
    finally:
        gate.kill()
    assert len({o.key for o in seen}) == 16
