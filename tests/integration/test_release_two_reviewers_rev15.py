"""Two reviewers release one quarantined event at the same moment, on the real broker: one release is
written, the other is told (fenced: "not written", exit 1; or it read the first one: exit 4).

Before rev15 both exited 0 and the event had a release in the approved AND the rejected topic: each read
the history before its producer started. The order is unit-tested in
tests/unit/replay/test_release_two_reviewers_rev15.py; this is the fencing itself, which needs the broker.
(The embedded broker delivers aborted records: were the later release's init to abort the earlier one
after it had produced, the later one would read that release and refuse too. Not seen; real Kafka hides it.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from confluent_kafka import Producer
from harness import GATE, QUICK_READ, fresh_topics, gate_cli_quick, review_env

from gate.broker import EmbeddedBroker
from gate.core.record import InboundRecord, failure_record
from gate.model import PolicyRef
from gate.runner.topics import create_topics

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]


def test_two_reviewers_at_once_write_one_release(broker: EmbeddedBroker, tmp_path: Path) -> None:
    import subprocess  # noqa: PLC0415

    topics = fresh_topics()
    create_topics(broker.bootstrap_servers, list(topics.model_dump().values()), 1)
    env = review_env(broker.bootstrap_servers, topics, tmp_path)
    held = failure_record(
        InboundRecord(topics.ingest, 0, 1000, b"r-two", b"x"), "gate.timeout", PolicyRef("v", "c" * 64)
    )
    producer = Producer({"bootstrap.servers": broker.bootstrap_servers})
    producer.produce(topics.quarantine, key=held.key, value=held.value, headers=list(held.headers))
    assert producer.flush(10) == 0

    def release(to: str, reviewer: str) -> subprocess.Popen[str]:
        args = ["quarantine", "release", "r-two", "--to", to, "--reviewer", reviewer, "--note", "checked"]
        return subprocess.Popen(
            [*GATE, *args, *QUICK_READ], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    both = [release("approved", "rev-a"), release("rejected", "rev-b")]
    ended = [(p.wait(timeout=300), *p.communicate()) for p in both]
    statuses = sorted(status for status, _, _ in ended)
    assert statuses[0] == 0 and statuses[1] in (1, 4), ended
    winner = "rev-a" if ended[0][0] == 0 else "rev-b"
    loser_err = next(err for status, _, err in ended if status != 0)
    assert "not written: another release of this event" in loser_err or "this one is" in loser_err
    shown = json.loads(gate_cli_quick(env, "quarantine", "show", "r-two", "--json").stdout)
    assert shown["current"]["review"]["reviewer"] == winner
