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
import uuid
from collections import defaultdict
from pathlib import Path

import pytest
from confluent_kafka import Producer
from harness import (
    fresh_topics,
    gate_cli_quick,
    kill_when,
    read_topic,
    review_env,
    running_gate,
    start_cli,
    wait_for,
)
from test_rescan_incident import PLANTED, lax_policy, produce_planted

from gate.broker import EmbeddedBroker
from gate.core.incident import check, current_incidents
from gate.runner.topics import create_topics

# A killed and resumed rescan, each a process that imports the scanner (2 s of CPU): a minute or two on an
# idle machine, up to 300 s (the default timeout, meant for hangs) seen at load 12 beside the unit tests.
pytestmark = [pytest.mark.integration, pytest.mark.timeout(900)]

N = 48


def test_a_killed_rescan_resumes_without_duplicate_skip_or_second_incident(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    (tmp_path / "lax.yaml").write_text(lax_policy("lax-2"))
    topics = fresh_topics("audit", "incidents")
    create_topics(broker.bootstrap_servers, list(topics.model_dump().values()), 2)
    env = review_env(broker.bootstrap_servers, topics, tmp_path, tmp_path / "lax.yaml")
    ids = [f"k-{i:02d}" for i in range(N)]
    planted = {e for i, e in enumerate(ids) if i % 4 == 0}
    with running_gate(env, tmp_path / "gate.log") as gate:
        producer = Producer({"bootstrap.servers": broker.bootstrap_servers, "linger.ms": 5})
        produce_planted(producer, topics.ingest, ids, planted)
        wait_for(lambda: len({r.key for r in read_topic(broker, topics.approved)}) >= N, 180, "48 approvals")
        assert gate.stop(timeout=40) == 0
    env.pop("GATE_POLICY")  # the shipped (stricter) policy from here on

    job = f"resume-{uuid.uuid4().hex[:8]}"
    args = ["rescan", "--job", job, "--batch", "4", "--no-progress"]
    kill_when(
        start_cli(env, *args, "--rate", "6"),
        lambda: len(read_topic(broker, topics.incidents, 0.5)) >= 3,
        120,
        "three batches with findings",
    )
    before = [json.loads(r[3]) for r in read_topic(broker, topics.incidents)]
    assert 3 <= len(before) < len(planted), "killed before it finished"
    resumed = gate_cli_quick(env, "rescan", "--job", job, "--batch", "4", "--json", timeout=240)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout.splitlines()[-1])["summary"]
    assert summary["already_done"] >= 8 and summary["failed"] == [] and summary["left"] == 0
    assert summary["already_done"] + summary["rescanned"] == N

    # Every approval decided again by this job: the planted ones quarantined, the others approved again.
    decisions: dict[tuple[bytes, str], set[bytes]] = defaultdict(set)
    for topic in (topics.quarantine, topics.approved):
        for _, _, key, value, _ in read_topic(broker, topic):
            doc = json.loads(value)
            if doc.get("replay", {}).get("job") == job:
                decisions[(key, topic)].add(value)
    assert sorted(k.decode() for k, t in decisions if t == topics.quarantine) == sorted(planted)
    assert sorted(k.decode() for k, t in decisions if t == topics.approved) == sorted(set(ids) - planted)
    assert all(len(values) == 1 for values in decisions.values())  # any duplicate is byte-identical

    records = [r[3] for r in read_topic(broker, topics.incidents)]
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

    third = gate_cli_quick(env, "rescan", "--job", job, "--batch", "4", "--json")
    assert third.returncode == 0, third.stderr
    again = json.loads(third.stdout.splitlines()[-1])["summary"]
    assert again["rescanned"] == 0 and again["already_done"] == N and again["incident"] is None
    assert len(read_topic(broker, topics.incidents)) == len(records)
