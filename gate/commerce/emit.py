"""The backfill's Kafka sink: ingest events to the ingest topic, each journalled once the broker has it.

An idempotent producer (acks=all) keyed by event id; an item counts as done only in its delivery report,
so a backfill killed mid-way sends again at most the events that were in flight (the same event ids:
the gate decides a repeated event the same way, and its decision records carry the same key).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from confluent_kafka import KafkaError, KafkaException, Message, Producer

from gate.commerce.media_tree import MediaImage
from gate.core.record import encode_json
from gate.errors import ConfigError, GateError
from gate.observe.kafka_log import client_logger

# Delivery reports are served every this many events, which bounds what a kill can send twice.
POLL_EVERY = 16
FLUSH_TIMEOUT_S = 30.0


class KafkaSink:
    """Sends events with an idempotent producer; `finished` runs from delivery reports."""

    def __init__(
        self,
        bootstrap_servers: str,
        topic: str,
        kafka: dict[str, str],
        *,
        producer_factory: Callable[[dict[str, Any]], Any] = Producer,
    ) -> None:
        config = {
            "linger.ms": 5,
            **kafka,
            "bootstrap.servers": bootstrap_servers,
            "enable.idempotence": True,
            "acks": "all",
            # librdkafka's lines through logging, each once: with the brokers down, left to itself it wrote
            # a `%3|...|FAIL|` line to stderr every half second until the 30 s flush gave up
            "logger": client_logger(),
        }
        try:
            self._producer = producer_factory(config)
        except KafkaException as exc:
            raise ConfigError(f"kafka: cannot create the producer: {exc}; check the kafka settings") from None
        self.topic = topic
        self._pending = 0

    def submit(
        self, image: MediaImage, event: dict[str, Any], finished: Callable[[dict[str, Any]], None]
    ) -> None:
        """Queue the event; `finished` gets `emitted` or `failed` from its delivery report."""

        def delivered(error: KafkaError | None, message: Message) -> None:
            self._pending -= 1
            if error is None:
                finished({"status": "emitted", "topic": message.topic(), "partition": message.partition()})
            else:
                finished({"status": "failed", "why": f"not delivered: {error.name()}"})

        value = encode_json(event)
        while True:
            try:
                self._producer.produce(
                    self.topic, value=value, key=event["event_id"].encode(), on_delivery=delivered
                )
                break
            except BufferError:  # the local queue is full: serve delivery reports, then try again
                self._producer.poll(0.5)
        self._pending += 1
        if self._pending >= POLL_EVERY:
            self._producer.flush(FLUSH_TIMEOUT_S)
        else:
            self._producer.poll(0)

    def drain(self) -> None:
        """Wait for every delivery report; GateError when the broker did not acknowledge them in time."""
        left = self._producer.flush(FLUSH_TIMEOUT_S)
        if left:
            raise GateError(
                f"{left} event(s) not acknowledged by the broker within {FLUSH_TIMEOUT_S:.0f} s; "
                "run the same backfill again to resume (acknowledged events are not sent twice)"
            )
