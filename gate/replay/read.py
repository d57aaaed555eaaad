"""Read topics to their end, with a progress bar, and fetch single records by offset.

The end of a topic is where no more records arrive within `idle_s` (not the high watermark: some brokers,
the embedded test broker among them, report it wrong), counted from when every partition has answered a
first fetch: connecting and finding the start take 0.5 s on an idle machine and seconds on a loaded one,
and a quiet spell then is no end. Reads are read_committed and join no group (the partitions are
assigned), so a reader never moves anybody's offsets.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Mapping
from functools import partial
from typing import Any

from confluent_kafka import (
    OFFSET_BEGINNING,
    OFFSET_INVALID,
    Consumer,
    KafkaError,
    KafkaException,
    TopicPartition,
)
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from gate.errors import GateError
from gate.kafka_requests import interruptible
from gate.observe.kafka_log import client_logger
from gate.replay.history import StoredRecord

_MiB = 1024 * 1024
# How long a reader waits for every partition's first fetch before it calls the broker unreachable.
FIRST_FETCH_S = 60.0


class OriginalGone(GateError):
    """The original ingest record of a decision can no longer be read."""


def reader_config(bootstrap_servers: str, kafka: Mapping[str, str], max_message_bytes: int) -> dict[str, Any]:
    """A read_committed consumer that commits nothing."""
    return {
        **kafka,
        "bootstrap.servers": bootstrap_servers,
        "group.id": f"gate-reader-{uuid.uuid4().hex[:8]}",  # never joined: partitions are assigned
        "enable.auto.commit": False,
        "enable.auto.offset.store": False,
        "isolation.level": "read_committed",
        "fetch.message.max.bytes": max_message_bytes,
        "receive.message.max.bytes": max_message_bytes + _MiB,
        "fetch.wait.max.ms": 100,
        "logger": client_logger(),
    }


def read_topics(
    config: Mapping[str, Any], topics: list[str], *, idle_s: float = 2.0, progress: bool = True
) -> list[StoredRecord]:
    """Every record of `topics`, from the beginning to where no more arrive within `idle_s`."""
    consumer = Consumer(dict(config))
    try:
        partitions = []
        for topic in topics:
            meta = interruptible(partial(consumer.list_topics, topic), 10).topics.get(topic)
            if meta is None or meta.error is not None:
                raise GateError(f"cannot read topic {topic!r}: it does not exist (check --config / topics)")
            partitions += [TopicPartition(topic, p, OFFSET_BEGINNING) for p in sorted(meta.partitions)]
        consumer.assign(partitions)
        out: list[StoredRecord] = []
        console = Console(stderr=True)
        with Progress(
            SpinnerColumn(),
            TextColumn("reading {task.description}"),
            TextColumn("{task.completed} records"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not progress,
        ) as bar:
            task = bar.add_task(", ".join(topics), total=None)
            waiting = partitions  # those that have not answered a fetch yet: until then no clock runs
            started = last = time.monotonic()
            while waiting or time.monotonic() - last < idle_s:
                for message in consumer.consume(500, 0.2):
                    error = message.error()
                    if error is not None:
                        raise GateError(f"reading {message.topic()}: {error.str()}")
                    out.append(_stored(message))
                    last = time.monotonic()
                    bar.advance(task)
                if waiting:
                    waiting = unfetched(consumer, waiting)
                    last = time.monotonic()
                    if waiting and last - started > FIRST_FETCH_S:
                        raise GateError(
                            f"reading {', '.join(topics)}: no answer to a fetch in {FIRST_FETCH_S:.0f} s"
                        )
        return out
    except KafkaException as exc:
        raise GateError(
            f"cannot read {', '.join(topics)}: {exc.args[0]} (is the broker reachable?)"
        ) from None
    finally:
        consumer.close()


def unfetched(consumer: Consumer, partitions: list[TopicPartition]) -> list[TopicPartition]:
    """The `partitions` with no fetch answer yet (no cached watermarks; asks the broker nothing)."""
    return [tp for tp in partitions if consumer.get_watermark_offsets(tp, cached=True)[1] == OFFSET_INVALID]


def read_one(
    config: Mapping[str, Any], topic: str, partition: int, offset: int, *, timeout_s: float = 10.0
) -> StoredRecord:
    """The record at exactly `topic`/`partition`/`offset`; raises OriginalGone when it cannot be read."""
    where = f"{topic}/{partition}/{offset}"
    consumer = Consumer({**config, "auto.offset.reset": "error"})
    try:
        consumer.assign([TopicPartition(topic, partition, offset)])
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            message = consumer.poll(0.2)
            if message is None:
                continue
            error = message.error()
            if error is not None:
                if error.code() == KafkaError._PARTITION_EOF:
                    continue
                raise OriginalGone(f"original event {where} is gone ({error.name()})")
            if message.offset() != offset:
                raise OriginalGone(f"original event {where} is gone (retention or compaction removed it)")
            return _stored(message)
        raise OriginalGone(
            f"original event {where} is gone (nothing readable there within {timeout_s:.0f} s)"
        )
    except KafkaException as exc:
        raise OriginalGone(f"original event {where} cannot be read: {exc.args[0]}") from None
    finally:
        consumer.close()


def _stored(message: Any) -> StoredRecord:
    _, timestamp = message.timestamp()
    return StoredRecord(
        topic=message.topic(),
        partition=message.partition(),
        offset=message.offset(),
        key=message.key(),
        value=message.value(),
        headers=tuple(message.headers() or ()),
        timestamp_ms=max(timestamp, 0),
    )
