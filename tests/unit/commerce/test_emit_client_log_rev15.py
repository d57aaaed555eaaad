"""`gate backfill --emit` with the brokers down: librdkafka's lines go through the gate's logging, each
once, as every other Kafka client of the gate's does.

Seen before rev15 (brokers unreachable): about 150 `%3|...|FAIL|...` lines on stderr over the 30 s flush
before the one-line error, because the emitting producer was the one client made without `client_logger`.
"""

from __future__ import annotations

import logging
from typing import Any

from gate.commerce.emit import KafkaSink
from gate.observe.kafka_log import client_logger


def test_the_emitting_producer_logs_through_the_gates_once_per_line_logger() -> None:
    seen: list[dict[str, Any]] = []

    def factory(config: dict[str, Any]) -> object:
        seen.append(config)
        return object()

    KafkaSink("127.0.0.1:1", "ingest", {"linger.ms": "1"}, producer_factory=factory)
    logger = seen[0]["logger"]
    assert logger is client_logger()
    assert isinstance(logger, logging.Logger)
    assert seen[0]["bootstrap.servers"] == "127.0.0.1:1" and seen[0]["enable.idempotence"] is True
