"""`gate quarantine` and `gate replay` against the real gate on the embedded broker.

A real `gate run` quarantines 200 real-photo events under a strict policy (a photo without a manifest
is quarantined). Then, in order: the quarantine is inspected; a dry run changes no topic and no job
position; a replay under the shipped (relaxed) policy is SIGKILLed half-way and resumed, after which every
event is in exactly one final state with lineage, nothing lost and every duplicate byte-identical (the
test broker delivers aborted records, so duplicates are counted by event id and replay job); the loop
guard and `--force` hold. Release, a gone original and reinject: test_quarantine_release.py.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

import pytest
from confluent_kafka import Consumer, Producer, TopicPartition
from harness import (
    fresh_topics,
    gate_cli,
    gate_cli_quick,
    kill_when,
    read_topic,
    review_env,
    running_gate,
    start_cli,
    wait_for,
)

from gate.broker import EmbeddedBroker
from gate.core.policy import default_policy_path
from gate.demo.images import jpeg_bytes, product_image
from gate.runner.topics import create_topics
from gate.schemas import DECISION, schema_errors
from gate.settings import TopicSettings

# A `gate run` and 18 other `gate` commands, each a process that imports the scanner (2 s of CPU): a
# minute or two on an idle machine, up to 300 s (the default timeout, meant for hangs) seen at load 12.
pytestmark = [pytest.mark.integration, pytest.mark.timeout(900)]

N = 200
REAL_PHOTO_RULE = (
    "  - name: real-photo-without-manifest\n    match: {code: provenance.missing, synthetic: false}\n"
)


def _event(event_id: str, image: bytes) -> bytes:
    return json.dumps(
        {
            "event_id": event_id,
            "occurred_at": "2026-12-05T00:00:00Z",
            "source": "studio-camera" if event_id.endswith(("0", "2", "4", "6", "8")) else "studio-scan",
            "asset": {"data": base64.b64encode(image).decode(), "media_type": "image/jpeg"},
            "generation": {"synthetic": False},
        }
    ).encode()


def _snapshot(broker: EmbeddedBroker, topics: TopicSettings) -> dict[str, list[tuple[int, int]]]:
    return {t: sorted((p, o) for p, o, *_ in read_topic(broker, t)) for t in topics.model_dump().values()}


@pytest.fixture(scope="module")
def quarantined(broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """200 events a real `gate run` quarantined under a strict policy."""
    tmp = tmp_path_factory.mktemp("quarantine")
    shipped = default_policy_path().read_text()
    strict = shipped.replace('version: "2026.12.2"', 'version: "strict-1"').replace(
        REAL_PHOTO_RULE + "    outcome: approve\n", REAL_PHOTO_RULE + "    outcome: quarantine\n"
    )
    assert strict != shipped
    (tmp / "strict.yaml").write_text(strict)
    topics = fresh_topics()
    create_topics(broker.bootstrap_servers, list(topics.model_dump().values()), 4)
    env = review_env(broker.bootstrap_servers, topics, tmp, tmp / "strict.yaml")
    image = jpeg_bytes(product_image(64, 48))
    ids = [f"q-{i:03d}" for i in range(N)]
    with running_gate(env, tmp / "gate.log") as gate:
        producer = Producer({"bootstrap.servers": broker.bootstrap_servers, "linger.ms": 5})
        for event_id in ids:
            producer.produce(topics.ingest, key=event_id.encode(), value=_event(event_id, image))
        assert producer.flush(10) == 0
        wait_for(
            lambda: len({r.key for r in read_topic(broker, topics.quarantine)}) >= N,
            120,
            "200 quarantines",
        )
        assert gate.stop(timeout=40) == 0
    env.pop("GATE_POLICY")  # from here on, the shipped (relaxed) policy
    yield {"topics": topics, "env": env, "ids": ids, "tmp": tmp}


def test_inspect_then_dry_run_changes_nothing(broker: EmbeddedBroker, quarantined: dict[str, Any]) -> None:
    env, topics, ids = quarantined["env"], quarantined["topics"], quarantined["ids"]
    records = read_topic(broker, topics.quarantine)
    assert len({r[2] for r in records}) == N
    for _, _, key, value, headers in records[:20]:  # origin headers on every verdict record
        doc = json.loads(value)
        assert schema_errors(DECISION, doc) == []
        assert headers["gate-event-id"] == key
        assert headers["gate-input-topic"] == topics.ingest.encode()
        assert int(headers["gate-input-offset"]) == doc["input"]["offset"]
        assert int(headers["gate-input-partition"]) == doc["input"]["partition"]

    listed = gate_cli_quick(env, "quarantine", "ls", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert sorted(r["event_id"] for r in rows) == ids
    assert all(
        r["reasons"][0]["code"] == "provenance.missing" and r["policy"]["version"] == "strict-1" for r in rows
    )
    assert all({"source", "input"} <= r.keys() for r in rows)
    scan = gate_cli_quick(env, "quarantine", "ls", "--json", "--source", "studio-scan", "--limit", "7")
    assert len(scan.stdout.splitlines()) == 7 and all(
        '"studio-scan"' in line for line in scan.stdout.splitlines()
    )
    none = gate_cli_quick(env, "quarantine", "ls", "--json", "--reason", "params.*")
    assert none.returncode == 0 and none.stdout == ""
    stats = json.loads(gate_cli_quick(env, "quarantine", "stats", "--json").stdout)
    assert stats["total"] == {"events": N} and stats["reason"] == {"provenance.missing": N}
    assert stats["source"] == {"studio-camera": N // 2, "studio-scan": N // 2} and stats["policy"] == {
        "strict-1": N
    }
    show = gate_cli_quick(env, "quarantine", "show", "q-007", "--json")
    shown = json.loads(show.stdout)
    assert shown["current"]["event_id"] == "q-007" and len(shown["history"]) == 1
    assert shown["original"]["status"] == "available"
    unknown = gate_cli_quick(env, "quarantine", "show", "no-such-event")
    assert unknown.returncode == 1 and "unknown event id" in unknown.stderr

    before = _snapshot(broker, topics)
    dry = gate_cli_quick(env, "replay", "--mode", "reevaluate", "--dry-run", "--json", "--job", "dry")
    assert dry.returncode == 0, dry.stderr
    lines = [json.loads(line) for line in dry.stdout.splitlines()]
    assert lines[-1]["summary"]["transitions"] == {"quarantined -> approved": N}
    diffs = lines[:-1]
    assert sorted(d["event_id"] for d in diffs) == ids
    assert all(d["old"] == {"verdict": "quarantined", "reasons": ["provenance.missing"]} for d in diffs)
    assert all(d["new"]["verdict"] == "approved" for d in diffs)
    text = gate_cli_quick(env, "replay", "--mode", "reevaluate", "--dry-run", "--event-id", "q-001")
    assert "q-001: quarantined [provenance.missing] -> approved" in text.stdout
    assert "quarantined -> approved: 1" in text.stdout
    strict = str(quarantined["tmp"] / "strict.yaml")
    same = gate_cli_quick(
        env, "replay", "--mode", "reevaluate", "--dry-run", "--event-id", "q-001", "--policy", strict
    )
    assert "quarantined -> quarantined: 1" in same.stdout, same.stdout + same.stderr
    assert _snapshot(broker, topics) == before  # offsets and record counts unchanged
    group = Consumer({"bootstrap.servers": broker.bootstrap_servers, "group.id": "gate-replay-dry"})
    parts = [TopicPartition(topics.quarantine, p) for p in range(4)]
    assert all(tp.offset < 0 for tp in group.committed(parts, timeout=10))  # no position either
    group.close()


def test_replay_killed_half_way_and_resumed_loses_and_duplicates_nothing(
    broker: EmbeddedBroker, quarantined: dict[str, Any]
) -> None:
    env, topics, ids = quarantined["env"], quarantined["topics"], quarantined["ids"]
    job = f"drain-{uuid.uuid4().hex[:6]}"
    args = ["replay", "--mode", "reevaluate", "--job", job, "--no-progress"]
    kill_when(
        start_cli(env, *args, "--rate", "20"),
        lambda: len(read_topic(broker, topics.approved, 0.5)) >= 40,
        90,
        "the replay to be under way",
    )
    half = {r[2] for r in read_topic(broker, topics.approved)}
    assert 0 < len(half) < N, "killed before it finished"
    resumed = gate_cli(env, *args, "--json", timeout=180)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout.splitlines()[-1])["summary"]
    assert summary["already_done"] > 0 and summary["failed"] == [] and summary["refused"] == []

    approved = read_topic(broker, topics.approved)
    values: dict[tuple[bytes, str], set[bytes]] = defaultdict(set)
    for _, _, key, value, headers in approved:
        doc = json.loads(value)
        assert schema_errors(DECISION, doc) == []
        assert doc["replay"]["job"] == job and doc["replay"]["count"] == 1
        assert doc["replay"]["supersedes"]["topic"] == topics.quarantine
        assert doc["replay"]["supersedes"]["verdict"] == "quarantined"
        assert doc["input"]["topic"] == topics.ingest and headers["gate-event-id"] == key
        values[(key, doc["replay"]["job"])].add(value)
    assert sorted(k.decode() for k, _ in values) == ids  # nothing lost
    assert all(len(v) == 1 for v in values.values())  # any duplicate is byte-identical
    assert read_topic(broker, topics.rejected) == []
    listed = gate_cli_quick(env, "quarantine", "ls", "--json")  # every event in exactly one final state
    assert listed.returncode == 0 and listed.stdout == ""
    again = gate_cli_quick(env, "replay", "--mode", "reevaluate", "--job", job, "--json")  # idempotent re-run
    assert json.loads(again.stdout.splitlines()[-1])["summary"]["replayed"] == 0

    # Loop guard and --force: q-003 is approved now (count 1).
    refused = gate_cli_quick(env, "replay", "--mode", "reevaluate", "--event-id", "q-003")
    assert refused.returncode == 5 and "not in quarantine" in refused.stdout and "--force" in refused.stdout
    guarded = gate_cli_quick(
        env, "replay", "--mode", "reevaluate", "--event-id", "q-003", "--force", "--max-replays", "1"
    )
    assert guarded.returncode == 5 and "loop guard" in guarded.stdout
    forced = gate_cli_quick(
        env, "replay", "--mode", "reevaluate", "--event-id", "q-003", "--force", "--job", "again"
    )
    assert forced.returncode == 0, forced.stdout + forced.stderr
    history = json.loads(gate_cli_quick(env, "quarantine", "show", "q-003", "--json").stdout)["history"]
    assert [d["replay"]["count"] for d in history[1:]] == [1, 2] and history[-1]["replay"]["job"] == "again"
    counts = Counter(r[2] for r in read_topic(broker, topics.approved))
    assert counts[b"q-003"] >= 2
    unknown = gate_cli_quick(env, "replay", "--mode", "reevaluate", "--event-id", "nope")
    assert unknown.returncode == 1 and "unknown event id" in unknown.stderr
