"""The runner as a process: SIGTERM, SIGKILL and restart, two instances in a group, and fencing.

Tansu delivers records of aborted transactions to read_committed readers, so exactly-once cannot be shown
end to end here. What is asserted: every event has at least one output, and all outputs for the same key are
byte-identical (one distinct topic and value per key), so per-key-deduplicated counts are exact.
"""

from __future__ import annotations

import os
import signal
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from confluent_kafka import Producer
from harness import (
    Output,
    RunnerProcess,
    alive,
    by_key,
    committed_total,
    descendants,
    events,
    output_topics,
    wait_for,
)

from gate.runner.loop import EXIT_FENCED, EXIT_OK
from gate.settings import TopicSettings

pytestmark = pytest.mark.integration

Start = Callable[..., RunnerProcess]


def assert_each_event_once_per_key(outputs: list[Output], sent: list[tuple[bytes, bytes]]) -> None:
    seen = by_key(outputs)
    assert set(seen) == {key for key, _ in sent}, "an event has no output"
    duplicates = {key: values for key, values in seen.items() if len(values) != 1}
    assert not duplicates, "outputs for the same key differ"


def progress(overrides: dict[str, Any]) -> int:
    return committed_total(
        overrides["bootstrap_servers"], overrides["group_id"], overrides["topics"]["ingest"]
    )


def test_sigterm_mid_stream_finishes_the_batch_and_loses_nothing(
    settings_overrides: dict[str, Any],
    runner_process: Start,
    produce: Callable[..., None],
    consume_all: Callable[..., list[Output]],
) -> None:
    topics = TopicSettings(**settings_overrides["topics"])
    sent = events("term", 600)
    produce(topics.ingest, sent)
    first = runner_process(settings_overrides, sleep_s=0.01)  # about 6 s of work for one worker
    wait_for(lambda: progress(settings_overrides) > 0, 30, "a first commit")
    workers = descendants(first.process.pid)
    assert workers, "the runner evaluates in worker processes"
    first.process.send_signal(signal.SIGTERM)
    assert first.process.wait(timeout=20) == EXIT_OK
    # multiprocessing's resource tracker notices its parent is gone a moment later; allow for that.
    wait_for(lambda: not alive(workers), 5, "workers and the resource tracker to exit with the runner")
    done = progress(settings_overrides)
    assert 0 < done < len(sent), "the signal should land mid-stream"

    second = runner_process(settings_overrides)
    outputs = consume_all(output_topics(topics), {k for k, _ in sent})
    assert_each_event_once_per_key(outputs, sent)
    second.process.send_signal(signal.SIGTERM)
    assert second.process.wait(timeout=20) == EXIT_OK


def test_sigterm_while_workers_start_stops_at_once_and_loses_nothing(
    settings_overrides: dict[str, Any],
    runner_process: Start,
    produce: Callable[..., None],
    consume_all: Callable[..., list[Output]],
) -> None:
    topics = TopicSettings(**settings_overrides["topics"])
    sent = events("early", 40)
    produce(topics.ingest, sent)
    first = runner_process(settings_overrides, build_sleep_s=120.0)  # workers take 2 minutes to build
    # The forkserver, its workers (building) and the resource tracker: the gate is inside pool.start.
    wait_for(lambda: len(descendants(first.process.pid)) >= 3, 60, "the workers to start")
    workers = descendants(first.process.pid)
    first.process.send_signal(signal.SIGTERM)
    assert first.process.wait(timeout=15) == EXIT_OK  # not after the build
    wait_for(lambda: not alive(workers), 10, "workers, forkserver and resource tracker to exit with it")
    assert progress(settings_overrides) == 0  # nothing read, nothing committed

    second = runner_process(settings_overrides)
    outputs = consume_all(output_topics(topics), {k for k, _ in sent})
    assert_each_event_once_per_key(outputs, sent)
    wait_for(lambda: progress(settings_overrides) == len(sent), 30, "everything committed")
    second.process.send_signal(signal.SIGTERM)
    assert second.process.wait(timeout=20) == EXIT_OK


def test_sigkill_then_restart_loses_nothing_and_re_outputs_identical_bytes(
    settings_overrides: dict[str, Any],
    runner_process: Start,
    produce: Callable[..., None],
    consume_all: Callable[..., list[Output]],
) -> None:
    topics = TopicSettings(**settings_overrides["topics"])
    sent = events("kill", 600)
    produce(topics.ingest, sent)
    first = runner_process(settings_overrides, sleep_s=0.01)
    wait_for(lambda: progress(settings_overrides) > 0, 30, "a first commit")
    workers = descendants(first.process.pid)
    os.kill(
        first.process.pid, signal.SIGKILL
    )  # no handler, no cleanup: the open transaction is left dangling
    first.process.wait(timeout=10)
    wait_for(lambda: not alive(workers), 10, "workers to die with their parent")
    assert progress(settings_overrides) < len(sent)

    # Same transactional.id: the restart fences the dead instance's transaction and aborts it.
    second = runner_process(settings_overrides)
    outputs = consume_all(output_topics(topics), {k for k, _ in sent})
    assert_each_event_once_per_key(outputs, sent)
    wait_for(lambda: progress(settings_overrides) == len(sent), 30, "everything committed")
    second.process.send_signal(signal.SIGTERM)
    assert second.process.wait(timeout=20) == EXIT_OK


def test_two_runners_in_one_group_split_the_partitions_and_together_lose_nothing(
    settings_overrides: dict[str, Any],
    runner_process: Start,
    produce: Callable[..., None],
    consume_all: Callable[..., list[Output]],
) -> None:
    topics = TopicSettings(**settings_overrides["topics"])
    sent = events("pair", 400)
    produce(topics.ingest, sent)
    one = runner_process(settings_overrides, sleep_s=0.02)
    two = runner_process(
        {**settings_overrides, "transactional_id": f"tx-{uuid.uuid4().hex[:8]}"}, sleep_s=0.02
    )
    wait_for(lambda: bool(one.assignments()) and bool(two.assignments()), 40, "both runners assigned")
    outputs = consume_all(output_topics(topics), {k for k, _ in sent})
    assert_each_event_once_per_key(outputs, sent)
    last_one, last_two = set(one.assignments()[-1]), set(two.assignments()[-1])
    assert last_one and last_two and not last_one & last_two
    assert last_one | last_two == {0, 1, 2, 3}
    for runner in (one, two):
        runner.process.send_signal(signal.SIGTERM)
    assert [one.process.wait(timeout=20), two.process.wait(timeout=20)] == [EXIT_OK, EXIT_OK]


def test_a_newer_producer_with_the_same_transactional_id_fences_the_runner(
    settings_overrides: dict[str, Any],
    runner_process: Start,
    produce: Callable[..., None],
) -> None:
    topics = TopicSettings(**settings_overrides["topics"])
    produce(topics.ingest, events("before", 20))
    runner = runner_process(settings_overrides)
    wait_for(lambda: progress(settings_overrides) == 20, 30, "the first events committed")
    workers = descendants(runner.process.pid)

    usurper = Producer(
        {
            "bootstrap.servers": settings_overrides["bootstrap_servers"],
            "transactional.id": settings_overrides["transactional_id"],
        }
    )
    usurper.init_transactions(10)
    produce(topics.ingest, events("after", 20))

    assert runner.process.wait(timeout=30) == EXIT_FENCED
    assert "fenced" in runner.log.read_text()
    assert progress(settings_overrides) == 20, "a fenced runner must not commit"
    wait_for(lambda: not alive(workers), 10, "workers to stop")
