"""`gate run`'s Kafka clients log through the gate's logging, not librdkafka's stderr: with its brokers away
the gate wrote 38 raw `%3|...|FAIL|` lines a minute, unguarded and unformatted, beside its JSON log."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator

import pytest
from confluent_kafka import Consumer

from gate.observe.kafka_log import client_logger
from gate.runner.clients import consumer_config, producer_config
from gate.runner.errors import KafkaFatal
from gate.runner.topics import retention_ms_of
from gate.settings import load_settings


def _closed_port() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{sock.getsockname()[1]}"


def test_the_runners_clients_are_given_the_service_logger() -> None:
    settings = load_settings(bootstrap_servers="127.0.0.1:9")
    consumer = consumer_config(settings, error_cb=lambda _e: None, stats_cb=lambda _s: None)
    producer = producer_config(settings, error_cb=lambda _e: None)
    assert consumer["logger"] is producer["logger"] is client_logger("gate.kafka.runner")
    assert consumer["logger"].name == "gate.kafka.runner"


@pytest.fixture
def unfiltered_runner_logger() -> Iterator[None]:
    """The runner's client logger without the line filter earlier tests of this process left on it.

    The filter passes a line's shape (its numbers aside) once per interval and is kept on the named
    logger: a test before this one in the same worker whose client failed to connect made this test's
    "Connect ... failed" line a repeat, held back, and the test failed by the order of the suite."""
    logger = logging.getLogger("gate.kafka.runner")
    saved = list(logger.filters)
    for kept in saved:
        logger.removeFilter(kept)
    yield
    for added in list(logger.filters):
        logger.removeFilter(added)
    for kept in saved:
        logger.addFilter(kept)


@pytest.mark.usefixtures("unfiltered_runner_logger")
def test_a_runner_consumer_with_no_broker_writes_nothing_raw_and_logs_through_logging(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    settings = load_settings(bootstrap_servers=_closed_port())
    config = consumer_config(settings, error_cb=lambda _e: None, stats_cb=lambda _s: None)
    consumer = Consumer({**config, "reconnect.backoff.ms": 10, "reconnect.backoff.max.ms": 20})

    def connect_logged() -> bool:
        return any(r.name == "gate.kafka.runner" and "Connect" in r.getMessage() for r in caplog.records)

    try:
        with caplog.at_level(logging.INFO, logger="gate.kafka.runner"):
            # Until librdkafka has tried to connect and said so (2 s were too few on a loaded machine),
            # within a deadline that only a broken logging path reaches.
            deadline = time.monotonic() + 15
            while not connect_logged() and time.monotonic() < deadline:
                consumer.poll(0.1)
    finally:
        consumer.close()
    assert "%3|" not in capfd.readouterr().err
    assert connect_logged()


def test_the_retention_check_at_no_broker_writes_nothing_raw(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises((KafkaFatal, TimeoutError)):
        retention_ms_of(_closed_port(), ["gate.ingest"], timeout_s=1.0)
    assert "%3|" not in capfd.readouterr().err
