"""librdkafka's log through Python logging, each line once (gate/observe/kafka_log.py): a reader with no
broker printed ~200 `%3|...|FAIL|` lines on stderr before its own one-line error (clirev14); now 1-2."""

from __future__ import annotations

import logging
import socket
import time

import pytest
from confluent_kafka import Consumer

from gate.observe.kafka_log import _OncePerShape, _OncePerShapePerInterval, client_logger


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


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_service_logs_a_shape_again_after_its_interval_with_how_many_were_held_back(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = _Clock()
    logger = logging.getLogger("gate.kafka.service-test")
    logger.addFilter(_OncePerShapePerInterval(60.0, clock))
    with caplog.at_level(logging.INFO, logger="gate.kafka.service-test"):
        for second in range(0, 150, 5):  # the broker gone for 150 s, a line every 5 s
            clock.now = 1000.0 + second
            logger.error("Connect to 127.0.0.1:9092 failed (after %dms)", second)
        clock.now = 1200.0
        logger.error("Failed to resolve host")
    passed = [(r.getMessage().split(" ")[0], getattr(r, "repeats", 0)) for r in caplog.records]
    # at 0 s, again at 60 s (11 held back: 5..55 s) and 120 s (11 more), and a new shape at once
    assert passed == [("Connect", 0), ("Connect", 11), ("Connect", 11), ("Failed", 0)]


def test_the_service_mode_is_chosen_by_repeat_s_and_kept_by_the_logger_name() -> None:
    service = client_logger("gate.kafka.mode-test", repeat_s=60.0)
    again = client_logger("gate.kafka.mode-test")
    assert service is again
    assert [type(f) for f in service.filters] == [_OncePerShapePerInterval]
    assert [type(f) for f in client_logger("gate.kafka.reader-test").filters] == [_OncePerShape]
