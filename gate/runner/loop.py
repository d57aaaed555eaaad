"""The streaming loop: batch -> evaluate -> one transaction, until asked to stop.

Rebalances: the loop is single-threaded and rebalance callbacks run inside consume(), which is only called
while a batch is being assembled. The previous batch's transaction has always been committed (or aborted and
rewound) before that, so a revoke never meets an open transaction; records of a revoked partition still
waiting in the batch being assembled are dropped uncommitted (see `BatchReader.revoked`).

Shutdown: SIGTERM/SIGINT set a flag; the current batch is finished and committed, unless evaluating it runs
past `shutdown_timeout_s`, in which case it is abandoned uncommitted and re-read by the next owner.

Store outage: a batch whose published bytes cannot be stored is not committed. The consumer is rewound to
the batch's first offsets, readiness turns false, and the batch is tried again after a growing pause.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

from confluent_kafka import KafkaError, KafkaException, TopicPartition

from gate.core.record import RoutedRecord
from gate.errors import ConfigError, StoreUnavailable
from gate.model import Verdict
from gate.observe.observer import Observer
from gate.observe.tracing import batch_span
from gate.runner.batching import Batch, BatchReader
from gate.runner.clients import FENCED_CODES, KafkaClients, fatal_error, kafka_error_of
from gate.runner.contract import ProcessorFactory
from gate.runner.errors import Fenced, PoolError, RunnerError, TransactionFailed
from gate.runner.flood_guard import FloodGuard, PauseControl
from gate.runner.health import RunnerHealth
from gate.runner.pool import BatchAbandoned, Evaluator, InProcessEvaluator, ProcessPool
from gate.runner.stats import StatsListener
from gate.runner.transaction import TransactionalCommitter, verdict_topics
from gate.settings import GateSettings

log = logging.getLogger("gate.runner")

EXIT_OK, EXIT_FAILED, EXIT_CONFIG, EXIT_FENCED = 0, 1, 2, 3
MAX_ABORTS_IN_A_ROW = 5  # an abort that keeps coming back (e.g. a record the broker refuses) must surface
MAX_STORE_PAUSE_S = 30.0  # well under max.poll.interval.ms (300 s), so the group keeps our partitions


class GateRunner:
    """Consumes the ingest topic and routes every record to exactly one verdict topic, transactionally."""

    def __init__(
        self,
        settings: GateSettings,
        factory: ProcessorFactory,
        observer: Observer,
        health: RunnerHealth | None = None,
        *,
        clients: KafkaClients | None = None,
        evaluator: Evaluator | None = None,
        flood_guard: FloodGuard | None = None,
    ) -> None:
        if settings.bootstrap_servers is None:
            raise ConfigError("bootstrap_servers: required to run (start an embedded broker for demos)")
        self._settings = settings
        self._factory = factory
        self._observer = observer
        self.health = health or RunnerHealth()
        self._clients = clients or KafkaClients(
            settings, error_cb=self._on_kafka_error, stats_cb=StatsListener(observer, self.health)
        )
        self._evaluator = evaluator or _make_evaluator(settings, factory, observer)
        # Shared with the admin endpoint, which asks it to resume.
        self.flood_guard = flood_guard or FloodGuard(settings.flood_guard)
        self._stop = threading.Event()
        self._reload = threading.Event()
        self._stop_deadline = float("inf")
        self._fatal: KafkaError | None = None

    def request_stop(self, *, immediately: bool = False) -> None:
        """Finish the current batch, then stop (abandon it now if `immediately`). Signal-handler safe."""
        now = time.monotonic()
        if self._stop.is_set() or immediately:
            self._stop_deadline = now  # a second request: do not wait for the batch
        else:
            self._stop_deadline = now + self._settings.shutdown_timeout_s
        self._stop.set()

    def request_reload(self) -> None:
        """Load the configuration again before the next batch (SIGHUP). Signal-handler safe."""
        self._reload.set()

    def run(self) -> None:
        """Run until stopped. Raises a RunnerError subclass when the loop cannot go on."""
        self._evaluator.start()  # workers first: they are spawned, not forked, but start before Kafka threads
        committer: TransactionalCommitter | None = None
        try:
            consumer, producer = self._clients.consumer, self._clients.producer
            committer = TransactionalCommitter(
                producer,
                consumer,
                verdict_topics(self._settings.topics),
                self._observer,
                self._factory.policy,
                audit_topic=self._settings.topics.audit,
            )
            committer.init()
            reader = BatchReader(consumer, self._settings.batch, on_error=self._observer.error)
            consumer.subscribe(
                [self._settings.topics.ingest],
                on_assign=lambda _c, parts: self._assigned(reader, parts),
                on_revoke=lambda _c, parts: self._revoked(reader, parts),
                on_lost=lambda _c, parts: self._revoked(reader, parts),
            )
            self.health.set_broker_reachable(True)  # init_transactions just talked to the coordinator
            self.health.mark_started()
            self._loop(
                reader, committer, PauseControl(self.flood_guard, consumer, self.health, self._observer)
            )
        finally:
            self.health.mark_stopping()
            if committer is not None:
                committer.abort_open()
            self._clients.close()
            self._evaluator.close()

    def _loop(self, reader: BatchReader, committer: TransactionalCommitter, guard: PauseControl) -> None:
        aborts_in_a_row = store_failures = 0
        while not self._stop.is_set():
            self._raise_if_fatal()
            if self._reload.is_set():
                self._reload_configuration(committer)
            guard.before_fetch()
            fetch_started = time.monotonic()
            batch = reader.next_batch()
            self.health.tick()
            if batch is None:
                if not guard.paused:
                    self._observer.partitions_caught_up(self.health.assigned)
                continue
            if guard.hold_back(batch):
                continue
            self._observer.partitions_taken(batch.oldest_timestamps_ms)
            self._observer.stage_finished("fetch", time.monotonic() - fetch_started)
            self._observer.batch_started(len(batch.records), batch.nbytes)
            self._observer.inflight(len(batch.records))
            with batch_span(len(batch.records)):
                try:
                    routed = self._evaluate(batch)
                except BatchAbandoned:
                    log.warning(
                        "shutdown timeout: abandoning a batch of %d records uncommitted", len(batch.records)
                    )
                    self._observer.inflight(0)
                    return
                except StoreUnavailable as exc:
                    store_failures += 1
                    self._hold_batch(batch, exc, store_failures)
                    continue
                committed = committer.commit_batch(batch, routed)
            self._observer.inflight(0)
            self.health.tick()
            if committed is not None:
                aborts_in_a_row = store_failures = 0
                self.health.set_broker_reachable(True)
                self._observer.partitions_decided(batch.next_offsets.keys())
                self.health.set_store_reachable(True)
                self._report_decisions(batch, committed)
                guard.after_commit(committed, batch)
                continue
            aborts_in_a_row += 1
            self._observer.error("transaction_aborted")
            if aborts_in_a_row >= MAX_ABORTS_IN_A_ROW:
                raise TransactionFailed(f"{aborts_in_a_row} transactions in a row were aborted")
            time.sleep(min(2.0, 0.1 * 2**aborts_in_a_row))

    def _reload_configuration(self, committer: TransactionalCommitter) -> None:
        """Between batches: read the configuration again and swap in workers built from it.

        The new workers start before the old ones stop, so a configuration that cannot be used (bad policy,
        unreadable anchors, a worker that cannot build) leaves the gate deciding under the old one.
        """
        self._reload.clear()
        old = self._factory.policy
        try:
            factory = self._factory.reload()
            evaluator = _make_evaluator(self._settings, factory, self._observer)
            evaluator.start()
        except (ConfigError, PoolError) as exc:
            log.error("reload failed, keeping policy %s: %s", old.version, exc)
            self._observer.policy_reloaded(old.version, old.sha256, "failed")
            return
        self._evaluator.close()
        self._evaluator, self._factory = evaluator, factory
        new = factory.policy
        committer.policy = new
        log.info(
            "configuration reloaded (policy was %s)",
            old.version,
            extra={"policy_version": new.version, "policy_sha256": new.sha256},
        )
        self._observer.policy_reloaded(new.version, new.sha256, "loaded")

    def _hold_batch(self, batch: Batch, exc: StoreUnavailable, failures: int) -> None:
        """The store failed under this batch: rewind to its first records, report not ready, pause, retry."""
        log.warning(
            "store unavailable: batch of %d records not committed, retrying (%s)", len(batch.records), exc
        )
        self._observer.error("store_unavailable")
        self._observer.inflight(0)
        self.health.set_store_reachable(False)
        consumer = self._clients.consumer
        for (topic, partition), offset in sorted(batch.first_offsets.items()):
            try:
                consumer.seek(TopicPartition(topic, partition, offset))
            except KafkaException as err:
                # Without the rewind the next commit would skip this batch: stop rather than lose records.
                raise fatal_error(kafka_error_of(err), "seek back after a store failure") from None
        pause_until = time.monotonic() + min(MAX_STORE_PAUSE_S, 0.5 * 2 ** min(failures, 8))
        while not self._stop.is_set() and time.monotonic() < pause_until:
            self.health.tick()  # waiting for the store is progress, not a stall: stay alive, not ready
            self._stop.wait(0.25)

    def _evaluate(self, batch: Batch) -> list[RoutedRecord]:
        started = time.monotonic()
        routed = self._evaluator.process(
            batch.records, abandon=self._past_stop_deadline, on_progress=self.health.tick
        )
        self._observer.stage_finished("evaluate", time.monotonic() - started)
        return routed

    def _report_decisions(self, batch: Batch, routed: list[RoutedRecord]) -> None:
        latency = time.monotonic() - batch.fetched_at  # from fetch to committed verdict
        for record in routed:
            # Held-back events are what operators act on; approvals only at debug to keep volume sane.
            level = logging.DEBUG if record.verdict is Verdict.APPROVED else logging.INFO
            if log.isEnabledFor(level):
                log.log(
                    level,
                    "event decided",
                    extra={
                        "event_id": record.key.decode("utf-8", "replace"),
                        "verdict": record.verdict.value,
                        "reason_codes": list(record.reason_codes),
                    },
                )
            self._observer.event_decided(
                verdict=record.verdict.value,
                source=record.source,
                reason_codes=record.reason_codes,
                latency_s=latency,
                check_seconds=record.check_seconds,
                entity_types=record.entity_types,
            )

    def _past_stop_deadline(self) -> bool:
        return self._stop.is_set() and time.monotonic() >= self._stop_deadline

    def _assigned(self, reader: BatchReader, partitions: list[Any]) -> None:
        reader.assigned((p.topic, p.partition) for p in partitions)
        self.health.set_assignment((p.topic, p.partition) for p in partitions)
        log.info("assigned %s", sorted(p.partition for p in partitions))

    def _revoked(self, reader: BatchReader, partitions: list[Any]) -> None:
        reader.revoked((p.topic, p.partition) for p in partitions)
        gone = {(p.topic, p.partition) for p in partitions}
        self.health.set_assignment(self.health.assigned - gone)
        self._observer.partitions_released(gone)
        self.flood_guard.forget(gone)
        log.info("revoked %s", sorted(p.partition for p in partitions))

    def _on_kafka_error(self, err: KafkaError) -> None:
        """error_cb: runs inside consume()/flush() on the loop thread."""
        if err.code() == KafkaError._ALL_BROKERS_DOWN:
            self.health.set_broker_reachable(False)
        if err.fatal() or err.code() in FENCED_CODES:
            self._fatal = err
        self._observer.error("kafka")

    def _raise_if_fatal(self) -> None:
        if self._fatal is not None:
            raise fatal_error(self._fatal, "kafka client")


def _make_evaluator(settings: GateSettings, factory: ProcessorFactory, observer: Observer) -> Evaluator:
    if settings.workers == 0:
        return InProcessEvaluator(factory, on_event=observer.error)
    return ProcessPool(factory, settings.workers, settings.event_timeout_s, on_event=observer.error)


def run(
    settings: GateSettings,
    factory: ProcessorFactory,
    observer: Observer,
    health: RunnerHealth | None = None,
    *,
    flood_guard: FloodGuard | None = None,
) -> int:
    """Run the gate until SIGTERM/SIGINT; the exit status for the CLI.

    0 stopped cleanly; 1 Kafka or transaction failure; 2 configuration error; 3 fenced by another instance.
    Signal handlers are installed only when called from the main thread.
    """
    try:
        runner = GateRunner(settings, factory, observer, health, flood_guard=flood_guard)
    except ConfigError as exc:
        log.error("%s", exc)
        return EXIT_CONFIG
    restore = _install_signal_handlers(runner.request_stop, runner.request_reload)
    try:
        runner.run()
    except Fenced as exc:
        log.error("stopping: %s", exc)
        return EXIT_FENCED
    except ConfigError as exc:
        log.error("%s", exc)
        return EXIT_CONFIG
    except RunnerError as exc:
        log.error("stopping: %s", exc)
        return EXIT_FAILED
    except KafkaException as exc:  # a client error no layer below expected: still a clean, non-zero exit
        log.error("stopping on an unexpected Kafka error: %s", kafka_error_of(exc).str())
        return EXIT_FAILED
    finally:
        restore()
    return EXIT_OK


def _install_signal_handlers(stop: Callable[[], None], reload: Callable[[], None]) -> Callable[[], None]:
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(_signum: int, _frame: FrameType | None) -> None:
        stop()

    def reload_handler(_signum: int, _frame: FrameType | None) -> None:
        reload()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    previous[signal.SIGHUP] = signal.signal(signal.SIGHUP, reload_handler)

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore
