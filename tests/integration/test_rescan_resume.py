"""`gate rescan` in batches, SIGKILLed half-way and resumed with the same `--job`, on the embedded broker.

A run under a mistaken policy approves 48 synthetic images, every fourth with a planted e-mail address in
its parameters. A rescan in batches of 4 (each batch finds one image) is killed after it has written a few
batches and resumed: every approval is decided again exactly once (the test broker delivers aborted records,
so a duplicate must be byte-identical: counted by event id and job), nothing is skipped, the job keeps ONE
incident whose takedown lists exactly the planted images once each, its awareness time is the first
finding's, and a third run of the job finds nothing left to do and writes nothing.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import uuid
from collections import defaultdict
from pathlib import Path

import pytest
from confluent_kafka import Producer
from harness import wait_for
from test_quarantine_replay import _env, _gate, _read, _topics
from test_rescan_incident import LAX_RULE, PLANTED, _planted_event

from gate.broker import EmbeddedBroker
from gate.core.incident import check, current_incidents
from gate.core.policy import default_policy_path
from gate.demo.images import jpeg_bytes, product_image
from gate.runner.topics import create_topics

pytestmark = pytest.mark.integration

N = 48


def test_a_killed_rescan_resumes_without_duplicate_skip_or_second_incident(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    shipped = default_policy_path().read_text()
    lax = re.sub(r'^version: ".*"$', 'version: "lax-2"', shipped, count=1, flags=re.M).replace(
        "rules:\n", "rules:\n" + LAX_RULE, 1
    )
    (tmp_path / "lax.yaml").write_text(lax)
    tag = uuid.uuid4().hex[:8]
    topics = _topics().model_copy(update={"audit": f"audit-{tag}", "incidents": f"incidents-{tag}"})
    create_topics(broker.bootstrap_servers, list(topics.model_dump().values()), 2)
    env = _env(broker, topics, tmp_path, tmp_path / "lax.yaml")
    ids = [f"k-{i:02d}" for i in range(N)]
    planted = {e for i, e in enumerate(ids) if i % 4 == 0}
    log = (tmp_path / "gate.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "gate.cli.main", "run"],
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    producer = Producer({"bootstrap.servers": broker.bootstrap_servers, "linger.ms": 5})
    for n, event_id in enumerate(ids):
        image = jpeg_bytes(product_image(64 + n, 48))
        producer.produce(
            topics.ingest, key=event_id.encode(), value=_planted_event(event_id, image, event_id in planted)
        )
    assert producer.flush(10) == 0
    try:
        wait_for(lambda: len({r[2] for r in _read(broker, topics.approved, 1.0)}) >= N, 180, "48 approvals")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=40) == 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()
    env.pop("GATE_POLICY")  # the shipped (stricter) policy from here on

    job = f"resume-{tag}"
    args = [sys.executable, "-m", "gate.cli.main", "rescan", "--job", job, "--batch", "4", "--no-progress"]
    first = subprocess.Popen(
        [*args, "--rate", "6"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        wait_for(lambda: len(_read(broker, topics.incidents, 0.5)) >= 3, 120, "three batches with findings")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    before = [json.loads(r[3]) for r in _read(broker, topics.incidents)]
    assert 3 <= len(before) < len(planted), "killed before it finished"
    resumed = _gate(env, "rescan", "--job", job, "--batch", "4", "--json", timeout=240)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout.splitlines()[-1])["summary"]
    assert summary["already_done"] >= 8 and summary["failed"] == [] and summary["left"] == 0
    assert summary["already_done"] + summary["rescanned"] == N

    # Every approval decided again by this job: the planted ones quarantined, the others approved again.
    decisions: dict[tuple[bytes, str], set[bytes]] = defaultdict(set)
    for topic in (topics.quarantine, topics.approved):
        for _, _, key, value, _ in _read(broker, topic):
            doc = json.loads(value)
            if doc.get("replay", {}).get("job") == job:
                decisions[(key, topic)].add(value)
    assert sorted(k.decode() for k, t in decisions if t == topics.quarantine) == sorted(planted)
    assert sorted(k.decode() for k, t in decisions if t == topics.approved) == sorted(set(ids) - planted)
    assert all(len(values) == 1 for values in decisions.values())  # any duplicate is byte-identical

    records = [r[3] for r in _read(broker, topics.incidents)]
    docs = [json.loads(v) for v in records]
    for doc in docs:
        check(doc)
    assert {d["incident_id"] for d in docs} == {before[0]["incident_id"]}  # one incident for the job
    found, unreadable = current_incidents(records)
    assert unreadable == 0 and len(found) == 1
    incident = next(iter(found.values()))
    listed = [t["event_id"] for t in incident["takedown"]]
    assert sorted(listed) == sorted(planted) and len(listed) == len(set(listed))  # each once, none missing
    assert incident["records"] == len(planted) == incident["notification"]["approximate_records"]
    assert incident["aware_at"] == before[0]["aware_at"] and incident["job"] == job
    assert incident["update"] == len(incident["updates"]) and incident["status"] == "open"
    assert all(PLANTED not in v.decode() for v in records) and PLANTED not in resumed.stdout

    third = _gate(env, "rescan", "--job", job, "--batch", "4", "--json")
    assert third.returncode == 0, third.stderr
    again = json.loads(third.stdout.splitlines()[-1])["summary"]
    assert again["rescanned"] == 0 and again["already_done"] == N and again["incident"] is None
    assert len(_read(broker, topics.incidents)) == len(records)
