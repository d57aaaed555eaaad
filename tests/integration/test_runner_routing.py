"""The runner against a real broker: every event lands in one verdict topic, with the right verdict."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import pytest
from confluent_kafka import Consumer, TopicPartition
from expect_factory import ExpectFactory
from harness import Output, by_key, events, output_topics, wait_for

from gate.observe.observer import NullObserver
from gate.replay.read import unfetched
from gate.runner import GateRunner
from gate.settings import GateSettings

pytestmark = pytest.mark.integration


class CountingObserver(NullObserver):
    def __init__(self) -> None:
        self.decided = 0
        self.committed = 0
        self.lags: list[int] = []

    def event_decided(self, **_: Any) -> None:
        self.decided += 1

    def transaction_finished(self, outcome: str) -> None:
        self.committed += outcome == "committed"

    def consumer_lag(self, topic: str, partition: int, lag: int) -> None:
        self.lags.append(lag)


@pytest.mark.parametrize("workers", [1, 0], ids=["worker-process", "in-process"])
def test_every_event_is_routed_to_exactly_one_verdict_topic(
    settings: GateSettings,
    produce: Callable[..., None],
    consume_all: Callable[..., list[Output]],
    workers: int,
) -> None:
    settings = settings.model_copy(update={"workers": workers})
    sent = events("e", 200, poison_every=10)
    produce(settings.topics.ingest, sent)
    observer = CountingObserver()
    runner = GateRunner(settings, ExpectFactory(), observer)
    thread = threading.Thread(target=runner.run)
    thread.start()
    try:
        wait_for(lambda: observer.decided >= len(sent), 60, "all events decided")
        assert runner.health.ready() and runner.health.alive(5.0)
        assert {p for _t, p in runner.health.assigned} == {0, 1, 2, 3}
    finally:
        runner.request_stop()
        thread.join(30)
    assert not thread.is_alive()

    outputs = consume_all(output_topics(settings.topics), {k for k, _ in sent})
    seen = by_key(outputs)
    assert set(seen) == {k for k, _ in sent}
    topic_of = {
        "approved": settings.topics.approved,
        "quarantined": settings.topics.quarantine,
        "rejected": settings.topics.rejected,
    }
    for key, value in sent:
        (only,) = seen[key]  # one distinct output per event, in one topic
        try:
            expected = json.loads(value)["expect"]
        except ValueError:
            expected = "quarantined"  # poison is routed by the processor, not dropped
        assert only[0] == topic_of[expected]
        assert json.loads(only[1])["verdict"] == expected
    sample = next(o for o in outputs if o.key == b"e-1")
    assert sample.headers["gate-verdict"] == b"quarantined"
    assert sample.headers["gate-policy-version"] == b"itest-1"
    assert sample.headers["traceparent"] == b"00-trace"
    assert observer.decided == len(sent) and observer.committed >= 1
    assert committed_offsets(settings) == end_offsets(settings)


def committed_offsets(settings: GateSettings) -> dict[int, int]:
    consumer = Consumer({"bootstrap.servers": settings.bootstrap_servers, "group.id": settings.group_id})
    try:
        parts = [TopicPartition(settings.topics.ingest, p) for p in range(4)]
        return {tp.partition: tp.offset for tp in consumer.committed(parts, timeout=10)}
    finally:
        consumer.close()


def end_offsets(settings: GateSettings) -> dict[int, int]:
    """Offsets after the last record, counted by reading (Tansu's high watermark can be short)."""
    consumer = Consumer(
        {"bootstrap.servers": settings.bootstrap_servers, "group.id": "counter", "enable.auto.commit": False}
    )
    try:
        waiting = [TopicPartition(settings.topics.ingest, p, 0) for p in range(4)]
        consumer.assign(waiting)
        last: dict[int, int] = {}
        idle = 0
        while idle < 3:  # three empty polls, counted once every partition has answered a fetch
            batch = [m for m in consumer.consume(500, 0.3) if m.error() is None]
            idle = 0 if batch or waiting else idle + 1
            waiting = unfetched(consumer, waiting)
            for m in batch:
                last[m.partition()] = m.offset() + 1
        return last
    finally:
        consumer.close()
