"""Run the gate's decision core as an agent of an existing faust app (extra: `pip install 'gate[faust]'`).

>>> app = faust.App("shop", broker="kafka://broker:9092")
>>> attach_gate(app, GateProcessorFactory(spec=PipelineSpec(policy=Path("policy.yaml")), fetch=FetchPolicy()))

For teams that already run faust and want the gate inside it. It is not the supported hot path: `gate run`
is. That runner commits output and offsets in one Kafka transaction per batch and scales over worker
processes; faust's Python client costs about 30-50x more CPU per record on the same broker, and its
exactly-once mode is not offered here.

Delivery is at-least-once. The agent reads a `noack` stream and acks an event only after the broker has
acknowledged its decision record, so an event whose output was not written is never committed; faust
commits acked offsets on its own interval. A crash or rebalance between the send and that commit replays
the event: consumers of the verdict topics must deduplicate by key (the event id). The replayed record is
byte-identical (the processor is deterministic for the same input and policy) except when the gate signs
images and has no content store: a fresh signature then differs, so dedupe by key, not by value.
A send that fails is retried with backoff and holds its partition until it succeeds (fail closed); while
it does, a graceful stop waits too (faust drains unacked events), and SIGKILL is safe: the event is redone.

The processor is synchronous and CPU-bound (C2PA, image decoding) and may block on an asset fetch, so it
runs on one dedicated thread: faust's event loop stays free for heartbeats, fetches and commits. One
thread, not a pool, because C2PA verification calls back into Python and slows by two orders of magnitude
when other Python threads compete for the GIL (FIELD-NOTES). `concurrency` > 1 therefore overlaps only
the sends, never two evaluations; scale by running more faust workers (processes) in the group.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from gate.core.record import Headers, InboundRecord, RoutedRecord
from gate.errors import ConfigError
from gate.model import Verdict
from gate.runner.contract import RecordProcessor
from gate.worker.processor import GateProcessorFactory

try:
    import faust
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ConfigError("the faust integration needs faust-streaming: pip install 'gate[faust]'") from exc

__all__ = ["attach_gate"]

log = logging.getLogger("gate.integrations.faust")

_SEND_BACKOFF_S = (0.1, 0.5, 1.0, 2.0, 5.0)


class _GateThread:
    """The processor and the one thread it runs on; built there on first use, once per process."""

    def __init__(self, factory: GateProcessorFactory) -> None:
        self._factory = factory
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gate-faust")
        self._processor: RecordProcessor | None = None

    async def ready(self) -> None:
        """Load policy, trust anchors and signer (raises ConfigError naming what to fix)."""
        await asyncio.get_running_loop().run_in_executor(self._executor, self._build)

    async def process(self, record: InboundRecord) -> RoutedRecord:
        """Evaluate one record on the gate thread (never raises once `ready` has succeeded)."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, self._process, record)

    def _build(self) -> RecordProcessor:
        if self._processor is None:
            self._processor = self._factory.build()
        return self._processor

    def _process(self, record: InboundRecord) -> RoutedRecord:
        return self._build()(record)


def attach_gate(
    app: faust.App,
    factory: GateProcessorFactory,
    *,
    ingest: str = "images.ingest",
    approved: str = "images.approved",
    quarantine: str = "images.quarantine",
    rejected: str = "images.rejected",
    concurrency: int = 1,
) -> Any:
    """Add an agent to `app` that routes every `ingest` record to the topic of its verdict; return the agent.

    Topics are read and written as raw bytes. Each output is the decision record (canonical JSON) keyed by
    the event id, with the gate's headers (verdict, reason codes, policy version and sha256). The topics
    must exist (`gate topics create`). See the module docstring for the delivery guarantee.
    """
    if concurrency < 1:
        raise ConfigError("concurrency: must be at least 1")
    source = _raw_topic(app, ingest)
    targets = {
        Verdict.APPROVED: _raw_topic(app, approved),
        Verdict.QUARANTINED: _raw_topic(app, quarantine),
        Verdict.REJECTED: _raw_topic(app, rejected),
    }
    gate = _GateThread(factory)

    async def route_images(stream: Any) -> None:
        try:
            await gate.ready()
        except Exception as exc:
            # A configuration error will not heal on restart: stop the worker (faust logs the reason)
            # instead of letting the supervisor restart the agent in a loop.
            await app.crash(exc)
            return
        manual = stream.noack()
        async for event in manual.events():
            routed = await gate.process(_inbound(event.message))
            await _deliver(targets[routed.verdict], routed)
            await manual.ack(event)

    return app.agent(source, name=f"gate.{ingest}", concurrency=concurrency)(route_images)


def _raw_topic(app: faust.App, name: str) -> Any:
    return app.topic(name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw")


def _inbound(message: Any) -> InboundRecord:
    timestamp = message.timestamp
    return InboundRecord(
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        key=message.key,
        value=message.value,
        headers=_headers(message.headers),
        timestamp_ms=int(timestamp * 1000) if timestamp is not None else None,
    )


def _headers(raw: Mapping[str, bytes | None] | Iterable[tuple[str, bytes | None]] | None) -> Headers:
    pairs = raw.items() if isinstance(raw, Mapping) else (raw or ())
    return tuple((name, value or b"") for name, value in pairs)


async def _deliver(topic: Any, routed: RoutedRecord) -> None:
    """Send and wait for the broker's acknowledgement, retrying until it comes: the event is acked only then.

    `force=True` bypasses faust's publish-on-commit attachments, which would hold the send until the
    commit that itself waits for this event's ack.
    """
    attempt = 0
    while True:
        try:
            sent = await topic.send(
                key=routed.key, value=routed.value, headers=list(routed.headers), force=True
            )
            await sent
            return
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            delay = _SEND_BACKOFF_S[min(attempt, len(_SEND_BACKOFF_S) - 1)]
            log.warning("send to %s failed (%s); retrying in %.1fs", topic.get_topic_name(), exc, delay)
            attempt += 1
            await asyncio.sleep(delay)
