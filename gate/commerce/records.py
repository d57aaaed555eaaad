"""Where `gate serve` records what it did: decisions as the streaming gate's, refusals as audit lines.

Every decided image gets its decision record and audit record from `core.record.decided_record`, the
streaming gate's builder. With Kafka configured, `KafkaRecorder` writes, in one transaction per request:
each image's ingest event to `commerce.events_topic`, then its decision to the verdict topic and its audit
record to the audit topic, the decision naming the event's coordinates as its `input`. `gate quarantine`
and `gate replay` then work on them as on the stream's (replay reads the original from that topic). The
events do not go to the ingest topic, where `gate run` would decide them a second time.

A request refused for its signature is no decision: its audit line (`refusal_record`) says when, why, and
the body's size and sha256, nothing from the body; it is logged at once, and written to
`commerce.refusals_topic` with the next decision transaction or within `REFUSAL_FLUSH_S`. Batching keeps a
flood of unsigned requests from turning into one Kafka transaction each, in the way of the signed ones.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol

from confluent_kafka import KafkaError, KafkaException, Producer

from gate.commerce.veto import DecidedImage
from gate.core.audit import gate_version
from gate.core.record import InboundRecord, RoutedRecord, decided_record, encode_json
from gate.errors import GateError
from gate.runner.clients import kafka_error_of, producer_config
from gate.runner.transaction import verdict_topics
from gate.settings import GateSettings

REFUSAL_SCHEMA_ID = "gate.commerce.refusal/1"
REFUSAL_FLUSH_S = 1.0
# Refusals waiting for their transaction; past this many (a flood faster than Kafka takes them), more are
# logged only, and that is logged as an error.
MAX_PENDING_REFUSALS = 10_000
_LOG = logging.getLogger("gate.commerce.audit")


class RecordingFailed(GateError):
    """The decisions of a request could not be written; the request is answered by the fail mode."""


class Recorder(Protocol):
    """Records a request's decisions and refusals."""

    def ready(self) -> bool:
        """True while records can be written."""

    def record(self, images: Sequence[DecidedImage]) -> list[RoutedRecord]:
        """The decision records of the decided images, written; RecordingFailed when they could not be."""

    def refused(self, refusal: dict[str, Any]) -> None:
        """Record a refused request (never raises: the 401 stands whatever happens here)."""


def refusal_record(reason: str, body: bytes, path: str, *, now: datetime | None = None) -> dict[str, Any]:
    """The audit line of a request refused before any decision (e.g. `signature.invalid`)."""
    when = (now or datetime.now(UTC)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return {
        "schema": REFUSAL_SCHEMA_ID,
        "refused_at": when,
        "reason": reason,
        "http_path": path,
        "body_size": len(body),
        "body_sha256": hashlib.sha256(body).hexdigest(),
        "gate_version": gate_version(),
    }


def decided_records(images: Sequence[DecidedImage]) -> list[RoutedRecord]:
    """The decision records of the decided images, without input coordinates (no Kafka: `gate check`'s)."""
    return [decided_record(image.outcome) for image in images if image.outcome is not None]


class LogRecorder:
    """Without Kafka: decisions are built (for metrics and logs) and refusals logged; nothing is written."""

    def ready(self) -> bool:
        """Always ready: there is nothing to connect to."""
        return True

    def record(self, images: Sequence[DecidedImage]) -> list[RoutedRecord]:
        """The decision records, built."""
        return decided_records(images)

    def refused(self, refusal: dict[str, Any]) -> None:
        """Log the refusal's audit line."""
        _LOG.warning("webhook request refused", extra={"audit": refusal})


INIT_TIMEOUT_S = 30  # how long the transactional id's registration may take at start


class KafkaRecorder:
    """Writes each request's events, decisions and audit records in one Kafka transaction."""

    def __init__(
        self,
        settings: GateSettings,
        *,
        timeout_s: float = 10.0,
        producer_factory: Callable[[dict[str, Any]], Any] = Producer,
    ) -> None:
        # Its own transactional id: sharing `gate run`'s would fence the streaming gate.
        own = settings.model_copy(update={"transactional_id": f"{settings.effective_transactional_id}.serve"})
        config = producer_config(own, error_cb=self._on_error)
        # Unlike `gate run`'s committer, this one reads where each event landed from its success report.
        config["delivery.report.only.error"] = False
        self._producer = producer_factory(config)
        self._brokers = settings.bootstrap_servers or ""
        self._verdicts = verdict_topics(settings.topics)
        self._audit = settings.topics.audit
        self._events = settings.commerce.events_topic
        self._refusals = settings.commerce.refusals_topic
        self._timeout_s = timeout_s
        self._lock = threading.Lock()  # one transaction at a time on the one producer
        self._fatal = False
        self._pending: list[bytes] = []  # refusal audit lines not yet written (under _pending_lock)
        self._pending_lock = threading.Lock()
        self._in_flight: list[bytes] = []  # refusals in the open transaction (under _lock)
        self._stop = threading.Event()
        self._flusher = threading.Thread(
            target=self._flush_refusals, name="gate-commerce-refusals", daemon=True
        )

    def start(self) -> None:
        """Register the transactional id (fences an older `gate serve` with the same one).

        Said before it waits: with the brokers down `gate serve` printed nothing for 30 s (the port is not
        bound yet, so /healthz does not answer either), then an error naming only the setting."""
        _LOG.info("starting Kafka transactions (up to %d s) before listening", INIT_TIMEOUT_S)
        try:
            self._producer.init_transactions(INIT_TIMEOUT_S)
        except KafkaException as exc:
            raise GateError(
                f"cannot start Kafka transactions at {self._brokers} within {INIT_TIMEOUT_S} s: "
                f"{kafka_error_of(exc).str()}; check bootstrap_servers and that those brokers are up"
            ) from None
        self._flusher.start()

    def ready(self) -> bool:
        """False once the producer hit a fatal error (fenced, or its state is lost): restart the service."""
        return not self._fatal

    def record(self, images: Sequence[DecidedImage]) -> list[RoutedRecord]:
        """Events, then decisions and audit records naming the events' coordinates, in one transaction."""
        decided = [image for image in images if image.outcome is not None]
        if not decided:
            return []
        with self._lock:
            try:
                return self._transaction(decided)
            except KafkaException as exc:
                error = kafka_error_of(exc)
                self._fatal = self._fatal or error.fatal()
                self._abort()
                raise RecordingFailed(
                    f"the decisions could not be written to Kafka ({error.name()})"
                ) from None

    def refused(self, refusal: dict[str, Any]) -> None:
        """Log the refusal's audit line now; queue it for the refusals topic."""
        _LOG.warning("webhook request refused", extra={"audit": refusal})
        with self._pending_lock:
            if len(self._pending) < MAX_PENDING_REFUSALS:
                self._pending.append(encode_json(refusal))
                return
        _LOG.error("refusal audit record logged only: too many wait for Kafka", extra={"kind": "refusal"})

    def close(self) -> None:
        """Write the waiting refusals, then stop."""
        self._stop.set()
        if self._flusher.is_alive():
            self._flusher.join(timeout=self._timeout_s)
        with self._lock:
            self._write_refusals_alone()
        self._producer.flush(self._timeout_s)

    def _flush_refusals(self) -> None:
        while not self._stop.wait(REFUSAL_FLUSH_S):
            with self._lock:
                self._write_refusals_alone()

    def _write_refusals_alone(self) -> None:
        """A transaction of the waiting refusals only (the lock is held)."""
        with self._pending_lock:
            if not self._pending or self._fatal:
                return
        try:
            self._producer.begin_transaction()
            self._produce_refusals()
            self._producer.commit_transaction(self._timeout_s)
            self._in_flight = []
        except KafkaException as exc:
            self._fatal = self._fatal or kafka_error_of(exc).fatal()
            self._abort()
            _LOG.error("refusal audit records not written", extra={"kind": kafka_error_of(exc).name()})

    def _produce_refusals(self) -> None:
        """Produce the waiting refusals into the open transaction; an abort puts them back (`_abort`)."""
        with self._pending_lock:
            self._in_flight, self._pending = self._pending, []
        for value in self._in_flight:
            self._producer.produce(self._refusals, value=value)

    def _transaction(self, decided: list[DecidedImage]) -> list[RoutedRecord]:
        producer = self._producer
        producer.begin_transaction()
        delivered: dict[int, tuple[str, int, int]] = {}
        for index, image in enumerate(decided):
            producer.produce(
                self._events,
                key=image.event_id.encode(),
                value=image.event,
                on_delivery=functools.partial(_delivered, delivered, index),
            )
        producer.flush(self._timeout_s)
        if len(delivered) != len(decided):
            raise KafkaException(KafkaError(KafkaError._MSG_TIMED_OUT, "an event was not delivered"))
        routed = []
        for index, image in enumerate(decided):
            assert image.outcome is not None
            topic, partition, offset = delivered[index]
            inbound = InboundRecord(topic, partition, offset, image.event_id.encode(), image.event)
            record = decided_record(image.outcome, inbound=inbound)
            headers: list[tuple[str, str | bytes | None]] = list(record.headers)
            producer.produce(
                self._verdicts[record.verdict], key=record.key, value=record.value, headers=headers
            )
            producer.produce(self._audit, key=record.key, value=record.audit)
            routed.append(record)
        self._produce_refusals()
        producer.commit_transaction(self._timeout_s)
        self._in_flight = []
        return routed

    def _abort(self) -> None:
        with self._pending_lock:  # refusals of an aborted transaction wait for the next one
            self._pending[:0] = self._in_flight
        self._in_flight = []
        if self._fatal:
            return  # a fatal producer cannot abort; the coordinator times the transaction out
        # Nothing open, or the broker is gone: the coordinator times the transaction out.
        with contextlib.suppress(KafkaException):
            self._producer.abort_transaction(self._timeout_s)

    def _on_error(self, error: KafkaError) -> None:
        if error.fatal():
            self._fatal = True
        _LOG.warning("kafka client error", extra={"kind": error.name()})


def _delivered(into: dict[int, tuple[str, int, int]], index: int, error: Any, message: Any) -> None:
    """Delivery report: keep where the event landed (an error leaves it out, which fails the request)."""
    if error is None:
        into[index] = (message.topic(), message.partition(), message.offset())
