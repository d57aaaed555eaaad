"""librdkafka's log through Python logging, each line once (gate/observe/kafka_log.py): a reader with no
broker printed ~200 `%3|...|FAIL|` lines on stderr before its own one-line error (clirev14); now 1-2."""

from __future__ import annotations

import logging
import socket
import time

import pytest
from confluent_kafka import Consumer

from gate.observe.kafka_log import client_logger


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_client_with_no_broker_logs_each_failure_once_and_nothing_on_stderr(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    consumer = Consumer(
        {
            "bootstrap.servers": f"127.0.0.1:{_closed_port()}",
            "group.id": "kafka-log-test",
            "reconnect.backoff.ms": 10,
            "reconnect.backoff.max.ms": 20,
            "logger": client_logger("gate.kafka.test"),
        }
    )
    try:
        with caplog.at_level(logging.DEBUG, logger="gate.kafka.test"):
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                consumer.poll(0.1)
    finally:
        consumer.close()
    assert "%3|" not in capfd.readouterr().err
    lines = [r.getMessage() for r in caplog.records if r.name == "gate.kafka.test"]
    assert 1 <= len(lines) <= 5, lines


def test_lines_that_differ_only_in_their_numbers_pass_once(caplog: pytest.LogCaptureFixture) -> None:
    logger = client_logger("gate.kafka.shapes")
    with caplog.at_level(logging.INFO, logger="gate.kafka.shapes"):
        for attempt in range(50):
            logger.error("Connect to 127.0.0.1:%d failed (after %dms, %d suppressed)", 9092, attempt, attempt)
        logger.error("Failed to resolve host")
    assert [r.getMessage().split(" ")[0] for r in caplog.records] == ["Connect", "Failed"]
