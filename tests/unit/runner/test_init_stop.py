"""A stop request is honoured while the transactional id is being registered: init_transactions waits
inside librdkafka, where the SIGTERM handler cannot run, and `gate run` with its brokers away ignored
SIGTERM for over 3 minutes (5 retries of 30 s). It is now asked in steps of a second."""

from __future__ import annotations

import socket
import time
from typing import Any
from unittest.mock import MagicMock

import pytest
from confluent_kafka import Consumer, KafkaError, Producer

from gate.runner.errors import Fenced
from gate.runner.transaction import TransactionalCommitter, verdict_topics
from gate.settings import TopicSettings
from tests.unit.runner.test_transaction import POLICY, RecordingObserver, kafka_exc


def _committer(producer: Any) -> TransactionalCommitter:
    consumer = MagicMock(spec_set=Consumer)
    topics = verdict_topics(TopicSettings())
    return TransactionalCommitter(
        producer, consumer, topics, RecordingObserver(), POLICY, sleep=lambda _s: None
    )


def test_stopped_before_it_starts_registers_nothing() -> None:
    producer = MagicMock(spec_set=Producer)
    assert _committer(producer).init(lambda: True) is False
    producer.init_transactions.assert_not_called()
    producer.list_topics.assert_not_called()


def test_a_stop_between_timed_out_steps_ends_the_wait() -> None:
    producer = MagicMock(spec_set=Producer)
    producer.init_transactions.side_effect = kafka_exc(KafkaError._TIMED_OUT, retriable=True)
    asked = iter([False, False, False, True])
    assert _committer(producer).init(lambda: next(asked)) is False
    assert producer.init_transactions.call_count == 3
    assert all(c.args[0] <= 1.0 for c in producer.init_transactions.call_args_list)


def test_an_error_that_is_no_timeout_is_not_stepped_over() -> None:
    producer = MagicMock(spec_set=Producer)
    producer.init_transactions.side_effect = kafka_exc(KafkaError._FENCED, fatal=True)
    with pytest.raises(Fenced):
        _committer(producer).init(lambda: False)
    assert producer.init_transactions.call_count == 1


def test_a_real_producer_with_no_broker_stops_within_a_step_of_the_request() -> None:
    with (
        socket.socket() as sock
    ):  # accepts connections, never answers: a broker frozen or behind a black hole
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        producer = Producer(
            {
                "bootstrap.servers": f"127.0.0.1:{sock.getsockname()[1]}",
                "transactional.id": "init-stop-test",
                "log_level": 0,
            }
        )
        started = time.monotonic()
        stop_at = started + 1.5
        assert _committer(producer).init(lambda: time.monotonic() >= stop_at) is False
        # One long init_transactions(30) would have returned after 30 s, then retried.
        assert time.monotonic() - started < 15
