"""SIGKILL with several batches in flight: nothing lost, every re-output byte-identical.

The pipelined runner holds more than one uncommitted batch (evaluated, being evaluated, being produced).
Killing it there must cost nothing but redoing them: the restart (same transactional id) fences the dead
instance, its group offsets point at the first uncommitted record, and the redo decides the same bytes.
Tansu delivers records of aborted transactions to read_committed readers (see test_runner_lifecycle), so
outputs are counted by event id: every event has at least one output and all of its outputs are identical.
"""

from __future__ import annotations

import os
import re
import signal
import time
from collections.abc import Callable
from typing import Any

import pytest
from harness import Output, RunnerProcess, by_key, committed_total, events, http_get, output_topics, wait_for

from gate.broker import free_loopback_port
from gate.runner.loop import EXIT_OK
from gate.settings import TopicSettings

pytestmark = pytest.mark.integration

BATCH = 8


def records_in_flight(port: int) -> float:
    """The gate's own `gate_inflight_events` gauge (0 before it answers)."""
    _, body = http_get(port, "/metrics")
    found = re.search(r"^gate_inflight_events (\S+)$", body, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


def test_sigkill_with_several_batches_in_flight_loses_nothing_and_re_outputs_identical_bytes(
    settings_overrides: dict[str, Any],
    runner_process: Callable[..., RunnerProcess],
    produce: Callable[..., None],
    consume_all: Callable[..., list[Output]],
) -> None:
    overrides = {
        **settings_overrides,
        "workers": 2,
        "batch": {"max_records": BATCH, "linger_ms": 20, "target_latency_ms": None},
    }
    topics = TopicSettings(**overrides["topics"])
    sent = events("inflight", 400)
    produce(topics.ingest, sent)

    def committed() -> int:
        return committed_total(overrides["bootstrap_servers"], overrides["group_id"], topics.ingest)

    port = free_loopback_port()
    first = runner_process(overrides, sleep_s=0.02, metrics_port=port)  # ~100 events/s on 2 workers
    wait_for(lambda: committed() > 0, 60, "a first commit")
    # More records taken and not committed than one batch holds: at least two batches are in flight.
    wait_for(lambda: records_in_flight(port) > BATCH, 30, "several batches in flight")
    os.kill(first.process.pid, signal.SIGKILL)
    first.process.wait(timeout=10)
    at_kill = committed()
    assert 0 < at_kill < len(sent), "the kill should land mid-stream"

    second = runner_process(overrides)
    outputs = consume_all(output_topics(topics), {k for k, _ in sent})
    seen = by_key(outputs)
    assert set(seen) == {key for key, _ in sent}, "an event has no output"
    differing = {key for key, distinct in seen.items() if len(distinct) != 1}
    assert not differing, "a re-output differs from the first output of the same event"
    wait_for(lambda: committed() == len(sent), 60, "every event committed")
    second.process.send_signal(signal.SIGTERM)
    assert second.process.wait(timeout=20) == EXIT_OK


def test_sigkill_while_the_commit_cadence_holds_decided_batches_loses_nothing(
    settings_overrides: dict[str, Any],
    runner_process: Callable[..., RunnerProcess],
    produce: Callable[..., None],
    consume_all: Callable[..., list[Output]],
) -> None:
    """A trickle: each record is its own batch for an idle worker, decided in a moment and then held for the
    next transaction start (`gate.runner.cadence`: 4 at once, then one per 2 s, or 8 records decided)."""
    overrides = {
        **settings_overrides,
        "workers": 2,
        "batch": {"linger_ms": 2000, "commit_interval_ms": 2000, "target_latency_ms": None},
    }
    topics = TopicSettings(**overrides["topics"])
    sent = events("held", 60)

    def committed() -> int:
        return committed_total(overrides["bootstrap_servers"], overrides["group_id"], topics.ingest)

    port = free_loopback_port()
    first = runner_process(overrides, metrics_port=port)
    produce(topics.ingest, sent[:1])
    wait_for(lambda: committed() > 0, 60, "a first commit")  # the group joined: now a trickle
    trickled = 1
    while trickled < len(sent) and records_in_flight(port) < 3:
        produce(topics.ingest, sent[trickled : trickled + 1])  # flushed: one record at a time
        trickled += 1
        time.sleep(0.03)
    assert records_in_flight(port) >= 3, "no decided records were held"
    os.kill(first.process.pid, signal.SIGKILL)
    first.process.wait(timeout=10)
    at_kill = committed()
    assert 0 < at_kill < trickled, "the kill should land with decided records held"

    produce(topics.ingest, sent[trickled:])
    second = runner_process(overrides)
    outputs = consume_all(output_topics(topics), {k for k, _ in sent})
    seen = by_key(outputs)
    assert set(seen) == {key for key, _ in sent}, "an event has no output"
    assert not {key for key, distinct in seen.items() if len(distinct) != 1}, "a re-output differs"
    wait_for(lambda: committed() == len(sent), 60, "every event committed")
    second.process.send_signal(signal.SIGTERM)
    assert second.process.wait(timeout=20) == EXIT_OK
